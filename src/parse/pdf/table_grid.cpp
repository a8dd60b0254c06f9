// Lines → tables: grows a table downwards while lines keep one column structure (whitespace
// gutters, sharpened by vertical rules), then turns its lines into rows and cells.
#include <algorithm>
#include <cmath>
#include <deque>

#include "parse/pdf/table_layout.h"

namespace bidrag::parse::pdf::layout {

std::vector<doc::Table> rows_of(const std::vector<const Line*>& lines, std::vector<std::pair<double, double>> cols,
                                const Rules& rules);  // table_rows.cpp

namespace {

using Cols = std::vector<std::pair<double, double>>;  // x-intervals, left to right

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

// Adds a multi-segment line's segments to the column structure; false when a segment
// straddles two columns, two segments fall into one column (another column structure), or a
// column would widen into its neighbour: the line does not belong to this table. A short
// mark beside a cell (footnote "*", "1)") may share its column. With `spans` (the line lies in
// a grid of vertical rules) a segment may straddle columns: a cell merged across them.
bool fit(const Line& line, Cols& cols, bool spans = false) {
  constexpr double eps = 0.5;
  Cols next = cols;
  std::vector<int> used(cols.size() + line.segments.size(), 0);
  for (const auto& s : line.segments) {
    std::size_t first = next.size(), count = 0;
    for (std::size_t c = 0; c < next.size(); ++c) {
      if (overlap(s.box.x0, s.box.x1, next[c].first, next[c].second) > eps) {
        if (count++ == 0) first = c;
      }
    }
    if (count >= 2 && !spans) return false;
    if (count >= 2) {  // a cell spanning columns of a ruled grid: it widens none of them
      for (std::size_t c = first; c < first + count; ++c) ++used[c];
    } else if (count == 1) {
      if (used[first]++ > 0 && s.text.size() > 3) return false;
      next[first].first = std::min(next[first].first, s.box.x0);
      next[first].second = std::max(next[first].second, s.box.x1);
    } else {
      const auto at = std::upper_bound(next.begin(), next.end(), std::make_pair(s.box.x0, s.box.x1));
      used.insert(used.begin() + (at - next.begin()), 1);
      next.insert(at, {s.box.x0, s.box.x1});
    }
  }
  for (std::size_t c = 1; c < next.size(); ++c) {
    if (next[c].first <= next[c - 1].second + eps) return false;
  }
  cols = std::move(next);
  return true;
}

// A one-segment line inside a table: a sub-header, a wrapped cell or a spanning row. It must
// start within the table's extent and overlap a column; it changes no column.
bool lone_inside(const Line& line, const Cols& cols) {
  const double slack = line.height;
  if (line.box.x0 < cols.front().first - slack || line.box.x1 > cols.back().second + 4 * slack) return false;
  return std::any_of(cols.begin(), cols.end(),
                     [&](auto& c) { return overlap(line.box.x0, line.box.x1, c.first, c.second) > 0.5; });
}

// A vertical rule joins two lines into one grid when it runs past both of them inside the
// table's extent: cell padding then says nothing about the table ending.
bool same_grid(const Line& a, const Line& b, const Cols& cols, const Rules& rules) {
  const double ya = (a.box.y0 + a.box.y1) / 2, yb = (b.box.y0 + b.box.y1) / 2;
  return std::any_of(rules.vertical.begin(), rules.vertical.end(), [&](const doc::BBox& r) {
    return r.x0 >= cols.front().first - 20 && r.x1 <= cols.back().second + 20 && r.y0 <= ya && r.y1 >= yb;
  });
}

// Each segment of the line inside one column, in column order, reaching no other column.
bool fills_columns(const Line& line, const Cols& cols) {
  for (std::size_t k = 0; k < line.segments.size(); ++k) {
    const auto& b = line.segments[k].box;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      if ((overlap(b.x0, b.x1, cols[c].first, cols[c].second) > 0) != (c == k)) return false;
    }
  }
  return true;
}

// A vertical rule inside the table's extent runs through the line.
bool ruled_line(const Line& l, const Cols& cols, const Rules& rules) {
  const double y = (l.box.y0 + l.box.y1) / 2;
  return std::any_of(rules.vertical.begin(), rules.vertical.end(), [&](const doc::BBox& r) {
    const double x = (r.x0 + r.x1) / 2;
    return x > cols.front().first + 1 && x < cols.back().second - 1 && r.y0 <= y && r.y1 >= y;
  });
}

// Text across the first columns of an unruled table, then amounts in the columns after it
// ("Gemensam samordning för båda regionerna ... 95 000"): one straddling segment that starts in
// the first column, every other segment a number.
bool label_spans(const Line& l, const Cols& cols) {
  if (cols.size() < 3 || l.segments.size() < 2) return false;
  const auto& first = l.segments.front().box;
  if (first.x0 > cols[0].second || first.x1 <= cols[1].first) return false;
  for (std::size_t k = 1; k < l.segments.size(); ++k) {
    if (!is_numeric(l.segments[k].text) || l.segments[k].box.x0 < first.x1) return false;
  }
  return true;
}

// Every segment bold and none a number: a header row.
bool all_bold_text(const Line& l) {
  return std::all_of(l.segments.begin(), l.segments.end(), [](const Segment& s) { return s.bold && !is_numeric(s.text); });
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

std::vector<doc::Table> tables_in_lines(const std::vector<Line>& lines, const Rules& rules) {
  std::vector<doc::Table> tables;
  std::deque<Line> resplit_lines;  // lines re-cut at a table's columns; members point into it
  // A line whose cells touch (closer than a word space) is re-cut at the known columns.
  auto cut = [&](const Line& l, const Cols& cols) -> const Line* {
    // In a grid of vertical rules the rules part the cells already; a line they do not
    // part there holds a cell merged across columns.
    if (ruled_line(l, cols, rules)) return &l;
    std::optional<Line> r = resplit(l, cols);
    if (!r) return &l;
    resplit_lines.push_back(std::move(*r));
    return &resplit_lines.back();
  };
  std::size_t i = 0, floor = 0;  // lines before `floor` belong to an earlier table
  while (i < lines.size()) {
    if (lines[i].segments.size() < 2) {
      ++i;
      continue;
    }
    Cols cols;
    for (const auto& s : lines[i].segments) cols.emplace_back(s.box.x0, s.box.x1);
    if (!fit(lines[i], cols)) {  // segments of one line overlapping each other: not a table row
      ++i;
      continue;
    }
    std::vector<const Line*> members{&lines[i]};
    std::vector<const Line*> pending;  // single-segment lines kept only if the table goes on
    std::vector<double> gaps;
    std::size_t multi = 1, end = i + 1;
    const Line* last = &lines[i];
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const Line& l = lines[j];
      const double gap = l.box.y0 - last->box.y1;
      const double limit = std::max(1.3 * l.height, 2.0 * median(gaps));
      // Key figures set far apart: a line filling every column of the table, each segment
      // in its own column, continues it across a wider gap (up to about three lines).
      const bool aligned = l.segments.size() == cols.size() && cols.size() >= 2 && gap < 3.5 * l.height &&
                           fills_columns(l, cols);
      if (gap > limit && !aligned && !same_grid(*last, l, cols, rules)) break;
      if (l.segments.size() >= 2) {
        const Line* c = cut(l, cols);
        const bool spans = same_grid(*last, l, cols, rules) || label_spans(*c, cols);
        if (!fit(*c, cols) && !(spans && fit(*c, cols, true))) break;
        // A caption line, then a bold header of text: the next table, even with these columns.
        if (!pending.empty() && all_bold_text(*c) && !all_bold_text(*members.back())) break;
        members.insert(members.end(), pending.begin(), pending.end());
        pending.clear();
        members.push_back(c);
        ++multi;
        end = j + 1;
      } else if (lone_inside(l, cols) && pending.size() < 3 && l.height < 1.25 * lines[i].height) {
        // (a line set larger than the table's first is a heading over what follows)
        pending.push_back(&l);
      } else {
        break;
      }
      gaps.push_back(std::max(0.0, gap));
      last = &l;
    }
    // A wrapped last cell: one close line directly below the last row.
    const auto within_column = [&](const Line& l) {
      return std::any_of(cols.begin(), cols.end(),
                         [&](auto& c) { return l.box.x0 >= c.first - 0.5 && l.box.x1 <= c.second + 0.5; });
    };
    if (!pending.empty() && pending.front()->box.y0 - members.back()->box.y1 < 0.5 * pending.front()->height &&
        within_column(*pending.front())) {
      members.push_back(pending.front());
      end = std::max(end, static_cast<std::size_t>(pending.front() - lines.data()) + 1);
    }
    if (multi >= 2 && cols.size() >= 2) {
      // Header lines whose cells touch were cut off as a row of their own: take them back
      // once the rows below have shown where the columns are.
      for (std::size_t k = i; k > floor && k + 3 > i;) {
        --k;
        const Line& up = lines[k];
        if (members.front()->box.y0 - up.box.y1 > 1.3 * up.height) break;
        const Line* c = cut(up, cols);
        Cols trial = cols;
        // A header labels (nearly) every column; a dateline or a caption does not.
        if (c == &up || c->segments.size() * 4 < cols.size() * 3 || !fit(*c, trial)) break;
        cols = std::move(trial);
        members.insert(members.begin(), c);
      }
      for (auto& t : rows_of(members, cols, rules)) tables.push_back(std::move(t));
      i = end;
      floor = end;
    } else {
      ++i;
    }
  }
  return tables;
}

}  // namespace bidrag::parse::pdf::layout
