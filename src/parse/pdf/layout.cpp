// Words → line segments → reading order. Columns are found by recursive whitespace cuts
// (XY-cut): a vertical gutter with prose on both sides splits columns, else horizontal gaps
// split bands; no coordinates are fixed.
#include "layout.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace bidrag::parse::pdf {
namespace {

bool is_list_marker(const std::string& t) {
  if (t == "•" || t == "-" || t == "–" || t == "*" || t == "·" || t == "◦" || t == "▪" || t == "●" || t == "\xEF\x82\xB7") {
    return true;
  }
  // "1." "12)" — one or two digits and a closing mark.
  if (t.size() >= 2 && t.size() <= 3 && (t.back() == '.' || t.back() == ')')) {
    return std::all_of(t.begin(), t.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
  }
  return false;
}

Line make_line(int page, std::vector<const Word*> words) {
  Line l;
  l.page = page;
  l.box = words.front()->box;
  std::map<double, std::size_t> by_size;
  std::size_t bold_chars = 0, chars = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = *words[i];
    l.box = l.box.united(w.box);
    by_size[std::round(w.font_size * 2) / 2] += w.text.size();
    chars += w.text.size();
    if (w.bold) bold_chars += w.text.size();
    if (i > 0) {
      const Word& prev = *words[i - 1];
      // Poppler's own space flag, or a visible gap (producers that position every word).
      if (prev.space_after || w.box.x0 - prev.box.x1 > 0.15 * std::max(1.0, w.font_size)) l.text += ' ';
    }
    // Soft hyphens are invisible; where a line breaks at one the producer draws a hyphen glyph.
    for (std::size_t k = 0; k < w.text.size(); ++k) {
      if (w.text.compare(k, 2, "\xC2\xAD") == 0) {
        ++k;
        continue;
      }
      l.text += w.text[k];
    }
  }
  l.size = std::max_element(by_size.begin(), by_size.end(), [](const auto& a, const auto& b) {
             return a.second < b.second;
           })->first;
  l.bold = bold_chars * 2 > chars;
  l.words = std::move(words);
  return l;
}

double median_size(const std::vector<Line*>& lines) {
  std::vector<double> s;
  for (const Line* l : lines) s.push_back(l->size);
  std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2), s.end());
  return std::max(1.0, s[s.size() / 2]);
}

// Reading order of a region: columns left to right, bands top to bottom.
void order(std::vector<Line*> segs, std::vector<Line*>& out) {
  if (segs.size() <= 1) {
    out.insert(out.end(), segs.begin(), segs.end());
    return;
  }
  const double em = median_size(segs);

  // Vertical cut: the widest x-range no segment covers, with prose on both sides.
  std::sort(segs.begin(), segs.end(), [](const Line* a, const Line* b) { return a->box.x0 < b->box.x0; });
  double reach = segs.front()->box.x1, best_gap = 0, cut = 0;
  for (std::size_t i = 1; i < segs.size(); ++i) {
    const double gap = segs[i]->box.x0 - reach;
    if (gap > best_gap) best_gap = gap, cut = reach + gap / 2;
    reach = std::max(reach, segs[i]->box.x1);
  }
  if (best_gap >= em) {
    std::vector<Line*> left, right;
    for (Line* l : segs) (l->box.x1 <= cut ? left : right).push_back(l);
    auto prose = [](const std::vector<Line*>& side) {
      std::size_t words = 0;
      for (const Line* l : side) words += l->words.size();
      return side.size() >= 2 && words >= 4 * side.size();
    };
    if (prose(left) && prose(right)) {
      order(std::move(left), out);
      order(std::move(right), out);
      return;
    }
  }

  // Horizontal cuts: bands separated by more than half a line of white space.
  std::sort(segs.begin(), segs.end(), [](const Line* a, const Line* b) {
    return a->box.y0 != b->box.y0 ? a->box.y0 < b->box.y0 : a->box.x0 < b->box.x0;
  });
  std::vector<std::vector<Line*>> bands(1);
  double bottom = segs.front()->box.y1;
  for (Line* l : segs) {
    if (!bands.back().empty() && l->box.y0 > bottom + 0.5 * em) bands.emplace_back();
    bands.back().push_back(l);
    bottom = std::max(bottom, l->box.y1);
  }
  if (bands.size() > 1) {
    for (auto& b : bands) order(std::move(b), out);
    return;
  }
  // One block of lines: rows top to bottom, left to right within a row.
  std::sort(segs.begin(), segs.end(), [](const Line* a, const Line* b) {
    const double ca = (a->box.y0 + a->box.y1) / 2, cb = (b->box.y0 + b->box.y1) / 2;
    if (std::abs(ca - cb) > 0.3 * std::min(a->box.height(), b->box.height())) return ca < cb;
    return a->box.x0 < b->box.x0;
  });
  out.insert(out.end(), segs.begin(), segs.end());
}

}  // namespace

std::vector<Line> page_lines(const Page& page, const std::vector<bool>& skip) {
  std::vector<const Word*> words;
  for (std::size_t i = 0; i < page.words.size(); ++i) {
    const Word& w = page.words[i];
    if ((i < skip.size() && skip[i]) || w.text.empty()) continue;
    words.push_back(&w);
  }
  auto cy = [](const Word* w) { return (w->box.y0 + w->box.y1) / 2; };
  std::sort(words.begin(), words.end(), [&](const Word* a, const Word* b) { return cy(a) < cy(b); });

  // Rows: words whose vertical centres agree within a third of their height.
  std::vector<std::vector<const Word*>> rows;
  double row_cy = 0, row_h = 0;
  for (const Word* w : words) {
    const double h = std::max(1.0, w->box.height());
    if (rows.empty() || std::abs(cy(w) - row_cy) > 0.35 * std::max(h, row_h)) {
      rows.emplace_back();
      row_cy = cy(w), row_h = h;
    }
    rows.back().push_back(w);
  }

  std::vector<Line> segments;
  for (auto& row : rows) {
    std::sort(row.begin(), row.end(), [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
    std::vector<const Word*> cur;
    for (const Word* w : row) {
      if (!cur.empty()) {
        const double em = std::max(1.0, std::min(cur.back()->font_size, w->font_size));
        const bool lone_marker = cur.size() == 1 && is_list_marker(cur.front()->text);
        if (w->box.x0 - cur.back()->box.x1 > 1.5 * em && !lone_marker) {
          segments.push_back(make_line(page.number, std::move(cur)));
          cur.clear();
        }
      }
      cur.push_back(w);
    }
    if (!cur.empty()) segments.push_back(make_line(page.number, std::move(cur)));
  }

  std::vector<Line*> ptrs;
  for (Line& l : segments) ptrs.push_back(&l);
  std::vector<Line*> ordered;
  order(std::move(ptrs), ordered);
  std::vector<Line> out;
  out.reserve(ordered.size());
  for (Line* l : ordered) out.push_back(std::move(*l));
  return out;
}

double body_size(const std::vector<Line>& lines) {
  std::map<double, std::size_t> chars;
  for (const Line& l : lines) chars[l.size] += l.text.size();
  if (chars.empty()) return 0;
  return std::max_element(chars.begin(), chars.end(), [](const auto& a, const auto& b) {
           return a.second < b.second;
         })->first;
}

}  // namespace bidrag::parse::pdf
