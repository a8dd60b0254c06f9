// Grid → blocks: segments of adjacent rows, joined into tables when their columns agree.
#include "parse/grid/grid.h"

#include <algorithm>

namespace bidrag::parse::grid {
namespace {

bool filled(const GridCell& c) { return !c.merged_copy && !c.text.empty(); }

int filled_count(const GridRow& r) {
  return static_cast<int>(std::count_if(r.cells.begin(), r.cells.end(), filled));
}

const GridCell* only_cell(const GridRow& r) {
  for (const auto& c : r.cells)
    if (filled(c)) return &c;
  return nullptr;
}

struct Segment {
  std::size_t first = 0, last = 0;  // indexes into the grid's non-blank rows
  bool tabular = false;
  int lo = 0, hi = 0;  // columns filled by its tabular rows
};

doc::Locator at_column(doc::Locator where, int column) {
  if (where.kind == doc::Locator::Kind::sheet) where.column = column;
  return where;
}

}  // namespace

std::vector<doc::Block> blocks_of(const Grid& grid) {
  std::vector<const GridRow*> rows;
  for (const auto& r : grid.rows)
    if (filled_count(r) > 0) rows.push_back(&r);

  // Segments: runs of adjacent non-blank rows.
  std::vector<Segment> segments;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (segments.empty() || rows[i]->position != rows[i - 1]->position + 1) segments.push_back({i, i, false, 0, 0});
    Segment& s = segments.back();
    s.last = i;
    if (filled_count(*rows[i]) >= 2) {
      for (const auto& c : rows[i]->cells) {
        if (!filled(c)) continue;
        if (!s.tabular || c.column < s.lo) s.lo = c.column;
        if (!s.tabular || c.column > s.hi) s.hi = c.column;
        s.tabular = true;
      }
    }
  }
  // Groups: tabular segments one blank row apart whose columns agree form one table.
  std::vector<Segment> groups;
  for (const Segment& s : segments) {
    if (!groups.empty()) {
      Segment& g = groups.back();
      const int gap = rows[s.first]->position - rows[g.last]->position - 1;
      if (g.tabular && s.tabular && gap <= 1 && s.lo <= g.hi && g.lo <= s.hi && (s.lo == g.lo || s.hi == g.hi)) {
        g.last = s.last;
        g.lo = std::min(g.lo, s.lo);
        g.hi = std::max(g.hi, s.hi);
        continue;
      }
    }
    groups.push_back(s);
  }

  double largest = 0;
  for (const GridRow* r : rows)
    if (filled_count(*r) == 1) largest = std::max(largest, only_cell(*r)->font_size);

  std::vector<doc::Block> out;
  auto prose = [&](const GridRow& r) {
    const GridCell* c = only_cell(r);
    doc::Block b;
    b.kind = doc::BlockKind::paragraph;
    if (grid.default_font_size > 0 && c->font_size > grid.default_font_size + 0.25) {
      b.kind = doc::BlockKind::heading;
      b.level = c->font_size >= largest ? 1 : 2;
    }
    b.text = c->text;
    b.where = at_column(r.where, c->column);
    out.push_back(std::move(b));
  };
  for (const Segment& g : groups) {
    std::size_t first = g.first, last = g.last;
    if (g.tabular) {
      while (filled_count(*rows[first]) < 2) ++first;
      while (filled_count(*rows[last]) < 2) --last;
    } else {
      first = g.last + 1;
    }
    for (std::size_t i = g.first; i < std::min(first, g.last + 1); ++i) prose(*rows[i]);
    if (!g.tabular) continue;
    int lo = g.lo, hi = g.hi;
    for (std::size_t i = first; i <= last; ++i)
      for (const auto& c : rows[i]->cells)
        if (filled(c)) {
          lo = std::min(lo, c.column);
          hi = std::max(hi, c.column);
        }
    doc::Block b;
    b.kind = doc::BlockKind::table;
    b.where = at_column(rows[first]->where, lo);
    for (std::size_t i = first; i <= last; ++i) {
      std::vector<doc::Cell> row(static_cast<std::size_t>(hi - lo + 1));
      for (const auto& c : rows[i]->cells) {
        if (c.column < lo || c.column > hi) continue;
        doc::Cell& cell = row[static_cast<std::size_t>(c.column - lo)];
        cell.text = c.text;
        cell.number = c.number;
      }
      b.table.rows.push_back(std::move(row));
      b.table.row_where.push_back(at_column(rows[i]->where, lo));
    }
    out.push_back(std::move(b));
    for (std::size_t i = last + 1; i <= g.last; ++i) prose(*rows[i]);
  }
  return out;
}

}  // namespace bidrag::parse::grid
