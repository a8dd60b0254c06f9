// find_tables: per page, the text frame (rotated text read upright), the words in the asked
// area, page furniture removed (running headers and footers, page numbers), then tables.
#include <algorithm>
#include <cmath>
#include <map>

#include "bidrag/parse/pdf_tables.h"
#include "parse/pdf/table_layout.h"

namespace bidrag::parse::pdf {
namespace {

using layout::Line;

// The rotation most of the page's text has; tables are read in that frame.
int dominant_rotation(const Page& p) {
  std::map<int, std::size_t> count;
  for (const auto& w : p.words) ++count[w.rotation];
  int best = 0;
  std::size_t n = 0;
  for (auto [r, c] : count) {
    if (c > n) best = r, n = c;
  }
  return best;
}

bool inside(const doc::BBox& b, const doc::BBox& area) {
  const double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
  return cx >= area.x0 && cx <= area.x1 && cy >= area.y0 && cy <= area.y1;
}

struct PageLines {
  const Page* page;
  layout::Frame frame;
  layout::Rules rules;
  std::vector<Line> lines;
  double frame_height = 0;
};

// Candidates: the block of lines at the top (bottom) edge of the page, up to the first gap that
// sets it apart from the content. Only the outermost block: a table header repeated under a
// running header is content, even when it repeats at the same height on every page.
std::vector<bool> edge_lines(const PageLines& p) {
  constexpr double band = 0.12;
  const auto& ls = p.lines;
  std::vector<bool> cand(ls.size(), false);
  for (std::size_t k = 0; k < ls.size() && ls[k].box.y1 < band * p.frame_height; ++k) {
    if (k + 1 == ls.size() || ls[k + 1].box.y0 - ls[k].box.y1 > 0.6 * ls[k].height) {
      std::fill(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(k + 1), true);
      break;
    }
  }
  for (std::size_t k = ls.size(); k-- > 0 && ls[k].box.y0 > (1 - band) * p.frame_height;) {
    if (k == 0 || ls[k].box.y0 - ls[k - 1].box.y1 > 0.6 * ls[k].height) {
      std::fill(cand.begin() + static_cast<std::ptrdiff_t>(k), cand.end(), true);
      break;
    }
  }
  return cand;
}

// A table header at the page's edge (a table continued without a running header): the line
// below has as many cells, each under one of its cells.
bool heads_table(const Line& l, const Line& next) {
  if (l.segments.size() < 2 || l.segments.size() != next.segments.size()) return false;
  for (std::size_t k = 0; k < l.segments.size(); ++k) {
    const auto& a = l.segments[k].box;
    const auto& b = next.segments[k].box;
    if (std::min(a.x1, b.x1) - std::max(a.x0, b.x0) <= 0) return false;
  }
  return true;
}

// Edge lines that are page numbers or repeat (digits masked) at the same height on other pages.
void drop_furniture(std::vector<PageLines>& pages) {
  std::map<std::string, std::vector<double>> seen;  // key → heights where it occurs
  std::vector<std::vector<bool>> edges;
  for (const auto& p : pages) {
    edges.push_back(edge_lines(p));
    for (std::size_t k = 0; k < p.lines.size(); ++k) {
      if (edges.back()[k]) seen[layout::furniture_key(p.lines[k])].push_back(p.lines[k].box.y0);
    }
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    auto& p = pages[i];
    std::size_t kept = 0;  // the lines kept are moved to the front, in order
    for (std::size_t k = 0; k < p.lines.size(); ++k) {
      const Line& l = p.lines[k];
      bool furniture = false;
      if (edges[i][k] && !(k + 1 < p.lines.size() && heads_table(l, p.lines[k + 1]))) {
        for (const auto& s : l.segments) furniture = furniture || layout::is_page_number(s.text);
        const auto& ys = seen[layout::furniture_key(l)];
        const auto same = std::count_if(ys.begin(), ys.end(), [&](double y) { return std::abs(y - l.box.y0) < 3; });
        furniture = furniture || same >= 2;
      }
      if (furniture) continue;
      if (kept != k) p.lines[kept] = std::move(p.lines[k]);
      ++kept;
    }
    p.lines.resize(kept);
  }
}

}  // namespace

std::vector<doc::Table> find_tables(const std::vector<Page>& pages, const TableOptions& options) {
  std::vector<PageLines> selected;
  for (const auto& p : pages) {
    if (!options.pages.empty() && std::find(options.pages.begin(), options.pages.end(), p.number) == options.pages.end()) {
      continue;
    }
    PageLines pl{&p, {dominant_rotation(p), p.width, p.height}, {}, {}, 0};
    pl.frame_height = (pl.frame.rotation == 90 || pl.frame.rotation == 270) ? p.width : p.height;
    std::vector<Word> words;
    words.reserve(p.words.size());
    for (const auto& w : p.words) {
      if (w.rotation != pl.frame.rotation) continue;
      if (options.area && !inside(w.box, *options.area)) continue;
      // The line builder needs no font name: the copy leaves it out.
      Word& fw = words.emplace_back();
      fw.text = w.text;
      fw.box = pl.frame.to_frame(w.box);
      fw.font_size = w.font_size;
      fw.bold = w.bold;
      fw.space_after = w.space_after;
      fw.rotation = w.rotation;
    }
    std::vector<doc::BBox> rules;
    rules.reserve(p.rules.size());
    for (const auto& r : p.rules) {
      // A rule is cut at the area's edges, not dropped when its middle lies outside: the
      // column rules of a table run past an area drawn around some of its rows, and without
      // them cells set close together would join.
      doc::BBox kept = r;
      if (options.area) {
        const auto& a = *options.area;
        kept = {std::max(r.x0, a.x0), std::max(r.y0, a.y0), std::min(r.x1, a.x1), std::min(r.y1, a.y1)};
        if (kept.x1 < kept.x0 || kept.y1 < kept.y0) continue;
      }
      rules.push_back(pl.frame.to_frame(kept));
    }
    pl.rules = layout::split_rules(rules);
    pl.lines = layout::build_lines(std::move(words), pl.rules.vertical);
    selected.push_back(std::move(pl));
  }
  drop_furniture(selected);

  std::vector<doc::Table> out;
  for (auto& pl : selected) {
    for (auto& t : layout::tables_in_lines(pl.lines, pl.rules)) {
      t.page = pl.page->number;
      t.bbox = pl.frame.to_page(t.bbox);
      for (auto& row : t.rows) {
        for (auto& cell : row) cell.bbox = pl.frame.to_page(cell.bbox);
      }
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace bidrag::parse::pdf
