// Allocation lists from PDF word boxes: a wrapped cell's printed lines (kept for name_lines)
// and the running header of page 1 (funder, date), which the parser drops as page furniture
// when it repeats on every page.
#include "allocation_list_pdf.h"

#include <algorithm>
#include <cmath>

namespace bidrag::extract::alloc {
namespace {

using Word = doc::PrintedWord;
using doc::PrintedPage;

double center_y(const doc::BBox& b) { return (b.y0 + b.y1) / 2; }

// Words into lines by their vertical centre; each line's words left to right.
std::vector<std::vector<const Word*>> lines_of(std::vector<const Word*> words) {
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    return center_y(a->box) < center_y(b->box) || (center_y(a->box) == center_y(b->box) && a->box.x0 < b->box.x0);
  });
  std::vector<std::vector<const Word*>> lines;
  for (const Word* w : words) {
    if (!lines.empty() && std::abs(center_y(lines.back().front()->box) - center_y(w->box)) < w->box.height() / 2) {
      lines.back().push_back(w);
    } else {
      lines.push_back({w});
    }
  }
  for (auto& l : lines) std::sort(l.begin(), l.end(), [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
  return lines;
}

bool inside(const doc::BBox& outer, const doc::BBox& b) {
  const double cx = (b.x0 + b.x1) / 2, cy = center_y(b);
  return cx >= outer.x0 - 1 && cx <= outer.x1 + 1 && cy >= outer.y0 - 1 && cy <= outer.y1 + 1;
}

// Half the median height of the table's filled cells above which a cell holds several lines.
double tall_limit(const doc::Table& t) {
  std::vector<double> h;
  for (const auto& row : t.rows) {
    for (const doc::Cell& c : row) {
      if (!c.text.empty()) h.push_back(c.bbox.height());
    }
  }
  if (h.empty()) return 1e9;
  std::nth_element(h.begin(), h.begin() + static_cast<std::ptrdiff_t>(h.size() / 2), h.end());
  return 1.6 * h[h.size() / 2];
}

// A cell printed over several lines keeps them, separated by '\n'.
void split_wrapped_cells(doc::Table& t, const PrintedPage& page) {
  const double limit = tall_limit(t);
  std::vector<const Word*> in_table;
  for (const Word& w : page.words) {
    if (inside(t.bbox, w.box)) in_table.push_back(&w);
  }
  for (auto& row : t.rows) {
    for (doc::Cell& c : row) {
      if (c.text.empty() || c.bbox.height() <= limit) continue;
      std::vector<const Word*> words;
      double min_h = 1e9;
      for (const Word* w : in_table) {
        if (inside(c.bbox, w->box)) {
          words.push_back(w);
          min_h = std::min(min_h, w->box.height());
        }
      }
      if (words.size() < 2 || c.bbox.height() < 1.6 * min_h) continue;
      const auto lines = lines_of(words);
      if (lines.size() < 2) continue;
      std::string text;
      for (const auto& l : lines) {
        if (!text.empty()) text += '\n';
        for (std::size_t i = 0; i < l.size(); ++i) text += (i ? " " : "") + l[i]->text;
      }
      c.text = text;
    }
  }
}

// Page 1's running-header lines above its first table, split where a wide gap separates two texts on one line
// ("Socialstyrelsen        Datum: 2023-01-18").
std::string without_digits(const std::vector<const Word*>& line) {
  std::string s;
  for (const Word* w : line) {
    for (char c : w->text) {
      if (c < '0' || c > '9') s += c;
    }
    s += ' ';
  }
  return s;
}

std::vector<doc::Block> header_blocks(const PrintedPage& page, const PrintedPage& next, double table_top) {
  std::vector<const Word*> above, next_top;
  for (const Word& w : page.words) {
    if (w.box.y1 <= table_top) above.push_back(&w);
  }
  for (const Word& w : next.words) {
    if (w.box.y1 <= table_top) next_top.push_back(&w);
  }
  std::vector<std::string> repeated;
  for (const auto& line : lines_of(next_top)) repeated.push_back(without_digits(line));
  std::vector<doc::Block> out;
  for (const auto& line : lines_of(above)) {
    // Only a running header: the same line (digits aside) on the next page.
    if (std::find(repeated.begin(), repeated.end(), without_digits(line)) == repeated.end()) continue;
    std::string text;
    doc::BBox box = line.front()->box;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const Word* w = line[i];
      if (i > 0 && w->box.x0 - line[i - 1]->box.x1 > 3 * w->box.height()) {
        doc::Block b;
        b.text = text;
        b.where = doc::Locator::pdf(page.number, box);
        out.push_back(std::move(b));
        text.clear();
        box = w->box;
      }
      text += (text.empty() ? "" : " ") + w->text;
      box = box.united(w->box);
    }
    doc::Block b;
    b.text = text;
    b.where = doc::Locator::pdf(page.number, box);
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace

bool has_tall_cells(const doc::Document& document) {
  for (const doc::Block& b : document.blocks) {
    if (b.kind != doc::BlockKind::table) continue;
    const double limit = tall_limit(b.table);
    for (const auto& row : b.table.rows) {
      for (const doc::Cell& c : row) {
        if (!c.text.empty() && c.bbox.height() > limit) return true;
      }
    }
  }
  return false;
}

void split_tall_cells(doc::Document& document) {
  if (!document.printed) return;
  const auto& pages = *document.printed;
  for (doc::Block& b : document.blocks) {
    if (b.kind != doc::BlockKind::table) continue;
    const int page = b.table.page > 0 ? b.table.page : b.where.page;
    if (page >= 1 && static_cast<std::size_t>(page) <= pages.size()) {
      split_wrapped_cells(b.table, pages[static_cast<std::size_t>(page) - 1]);
    }
  }
}

std::vector<doc::Block> running_header(const doc::Document& document, double table_top) {
  if (!document.printed || document.printed->size() < 2) return {};
  return header_blocks((*document.printed)[0], (*document.printed)[1], table_top);
}

}  // namespace bidrag::extract::alloc
