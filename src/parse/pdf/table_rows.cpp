// A table's lines → rows of cells: columns merged where rules say one cell, wrapped lines
// joined into their row (by horizontal rules when drawn, by the wrap test when not), and a
// multi-line header joined into one row.
#include <algorithm>

#include "bidrag/normalize/text.h"
#include "parse/pdf/table_layout.h"

namespace bidrag::parse::pdf::layout {
namespace {

using Cols = std::vector<std::pair<double, double>>;

struct RowCell {
  std::string text;
  doc::BBox box;
  double first_word = 0;
  bool bold = true;
  [[nodiscard]] bool empty() const { return text.empty(); }
};

struct Row {
  std::vector<RowCell> cells;
  doc::BBox box;
  double height = 0;
};

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

void append(RowCell& cell, const std::string& text, const doc::BBox& box, bool below) {
  if (cell.empty()) {
    cell.text = text;
    cell.box = box;
    return;
  }
  // A line-end hyphen joins without a space ("Upplands-" + "Bro"); otherwise one space.
  if (below && cell.text.back() == '-') cell.text += text;
  else if (below) cell.text += ' ' + text;
  else cell.text = text + (text.back() == '-' ? "" : " ") + cell.text;
  cell.box = cell.box.united(box);
}

// Columns with no vertical rule between them are one column when the table draws interior rules.
Cols merge_by_rules(const Cols& cols, const Rules& rules, double y0, double y1) {
  std::vector<double> xs;
  for (const auto& r : rules.vertical) {
    const double x = (r.x0 + r.x1) / 2;
    if (x > cols.front().first + 1 && x < cols.back().second - 1 && overlap(r.y0, r.y1, y0, y1) > 0.5 * (y1 - y0)) {
      xs.push_back(x);
    }
  }
  if (xs.empty()) return cols;
  Cols out{cols.front()};
  for (std::size_t c = 1; c < cols.size(); ++c) {
    const bool ruled = std::any_of(xs.begin(), xs.end(), [&](double x) {
      return x >= out.back().second - 1 && x <= cols[c].first + 1;
    });
    if (ruled) out.push_back(cols[c]);
    else out.back().second = cols[c].second;
  }
  return out;
}

std::size_t column_of(const doc::BBox& b, const Cols& cols) {
  // Text across several columns (a title row, a merged cell) starts in the first it covers.
  for (std::size_t c = 0; c + 1 < cols.size(); ++c) {
    const auto cover = [&](std::size_t k) {
      return overlap(b.x0, b.x1, cols[k].first, cols[k].second) > 0.5 * std::min(b.width(), cols[k].second - cols[k].first);
    };
    if (cover(c) && cover(c + 1) && b.x0 < cols[c].second) return c;
  }
  std::size_t best = 0;
  double best_score = -1e18;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const double ov = overlap(b.x0, b.x1, cols[c].first, cols[c].second);
    const double score = ov > 0 ? ov : ov - 1e6;  // nearest column when none overlaps
    if (score > best_score) best_score = score, best = c;
  }
  return best;
}

bool rule_between(const Row& a, const Row& b, const Rules& rules) {
  const double ya = (a.box.y0 + a.box.y1) / 2, yb = (b.box.y0 + b.box.y1) / 2;
  const double x0 = std::min(a.box.x0, b.box.x0), x1 = std::max(a.box.x1, b.box.x1);
  return std::any_of(rules.horizontal.begin(), rules.horizontal.end(), [&](const doc::BBox& r) {
    const double y = (r.y0 + r.y1) / 2;
    return y > ya && y < yb && overlap(r.x0, r.x1, x0, x1) > 0.3 * (x1 - x0);
  });
}

// The horizontal rules that separate rows of a table spanning x0..x1: across a third of it.
std::vector<doc::BBox> row_rules(const Rules& rules, double x0, double x1) {
  std::vector<doc::BBox> out;
  for (const auto& r : rules.horizontal) {
    if (overlap(r.x0, r.x1, x0, x1) > 0.3 * (x1 - x0)) out.push_back(r);
  }
  return out;
}

// Which band between row rules a line falls in: rules above its top (a cell's text that
// straddles a rule, vertically centred in cells merged over two rows, counts in the upper).
int band_of(const doc::BBox& line, const std::vector<doc::BBox>& row_rules) {
  int n = 0;
  for (const auto& r : row_rules) n += (r.y0 + r.y1) / 2 < line.y0 + 2 ? 1 : 0;
  return n;
}

// Cells merged in a ruled grid: where the rule between two rows misses a column, the column's
// cells of both rows are one cell, and where the rule between two columns misses a row, that
// row's cells of both columns are. The merged cell's text belongs to each row and column it
// spans. A row that is one cell across the whole table (a title, a sub-header) stays one cell.
void fill_spans(std::vector<Row>& rows, const Cols& cols, const Rules& rules, const std::vector<doc::BBox>& hrules) {
  if (rows.size() < 2 || cols.size() < 2) return;
  // Rows: for each column, the runs of rows not parted by a rule across that column.
  for (std::size_t c = 0; c < cols.size(); ++c) {
    std::size_t k = 0;
    while (k < rows.size()) {
      std::size_t e = k + 1;
      for (; e < rows.size(); ++e) {
        const double ya = rows[e - 1].box.y0 + 2, yb = rows[e].box.y0 + 2;
        const bool parted = std::any_of(hrules.begin(), hrules.end(), [&](const doc::BBox& r) {
          const double y = (r.y0 + r.y1) / 2;
          return y > ya && y < yb &&
                 overlap(r.x0, r.x1, cols[c].first, cols[c].second) > 0.5 * (cols[c].second - cols[c].first);
        });
        if (parted) break;
      }
      // Only a run with one filled cell: a column drawn with no rules at all is no merged cell.
      const auto filled = std::count_if(rows.begin() + static_cast<std::ptrdiff_t>(k),
                                        rows.begin() + static_cast<std::ptrdiff_t>(e),
                                        [&](const Row& r) { return !r.cells[c].empty(); });
      if (e - k >= 2 && filled == 1) {
        std::string text;
        for (std::size_t m = k; m < e; ++m) text += rows[m].cells[c].text;
        for (std::size_t m = k; m < e; ++m) rows[m].cells[c].text = text;
      }
      k = e;
    }
  }
  // Columns: a boundary drawn along most of the table but not in this row.
  const double ty0 = rows.front().box.y0, ty1 = rows.back().box.y1;
  std::vector<bool> drawn(cols.size(), false);
  for (std::size_t c = 0; c + 1 < cols.size(); ++c) {
    double length = 0;
    for (const auto& v : rules.vertical) {
      const double x = (v.x0 + v.x1) / 2;
      if (x >= cols[c].second - 1 && x <= cols[c + 1].first + 1) length += std::max(0.0, overlap(v.y0, v.y1, ty0, ty1));
    }
    drawn[c] = length > 0.5 * (ty1 - ty0);
  }
  for (auto& r : rows) {
    std::size_t filled = 0;
    for (const auto& cell : r.cells) filled += cell.empty() ? 0 : 1;
    if (filled < 2) continue;
    const double ym = (r.box.y0 + r.box.y1) / 2;
    for (std::size_t c = 0; c + 1 < cols.size(); ++c) {
      if (!drawn[c]) continue;
      const bool here = std::any_of(rules.vertical.begin(), rules.vertical.end(), [&](const doc::BBox& v) {
        const double x = (v.x0 + v.x1) / 2;
        return x >= cols[c].second - 1 && x <= cols[c + 1].first + 1 && v.y0 <= ym && v.y1 >= ym;
      });
      if (here) continue;
      auto& a = r.cells[c];
      auto& b = r.cells[c + 1];
      if (a.empty() && !b.empty()) a.text = b.text;
      else if (b.empty() && !a.empty()) b.text = a.text;
    }
  }
}

bool has_numeric_value(const Row& r, const std::vector<bool>& numeric) {
  for (std::size_t c = 0; c < r.cells.size(); ++c) {
    if (numeric[c] && !r.cells[c].empty() && is_numeric(r.cells[c].text)) return true;
  }
  return false;
}

// Would `lower` be the wrapped rest of `upper`: text only where the upper row has text, left
// edges aligned, and the upper cell too full to have taken the lower cell's first word.
// With `lower_valued` the lower row is the one that carries the numbers (set at the cell's
// bottom), so only its text columns are compared.
bool wraps(const Row& upper, const Row& lower, const std::vector<bool>& numeric, const Cols& cols,
           bool lower_valued = false) {
  bool any = false;
  for (std::size_t c = 0; c < lower.cells.size(); ++c) {
    const auto& lo = lower.cells[c];
    if (lo.empty() || (lower_valued && numeric[c])) continue;
    const auto& up = upper.cells[c];
    if (numeric[c] || up.empty() || is_numeric(lo.text)) return false;
    if (std::abs(lo.box.x0 - up.box.x0) > lower.height) return false;
    // Wrapped text stays inside its column; a line reaching past it is text below the table.
    if (lo.box.x1 > cols[c].second + 0.5 || lo.box.x0 < cols[c].first - 0.5) return false;
    // A wrapped cell keeps its style. Bold rows (sub-headers, subtotals) seldom wrap, so
    // between two bold lines only a line-end hyphen or a lower-case start says "wrapped".
    if (lo.bold != up.bold) return false;
    const bool hyphen = up.text.back() == '-';
    const bool lower_start = lo.text[0] >= 'a' && lo.text[0] <= 'z';
    if (up.bold && !hyphen && !lower_start) return false;
    const double width = cols[c].second - cols[c].first;
    const double space = 0.25 * lower.height;
    if (!hyphen && up.box.width() + space + lo.first_word < width - 0.5) return false;
    any = true;
  }
  return any && lower.box.y0 - upper.box.y1 < 0.6 * lower.height;
}

void join(Row& into, const Row& from, bool below) {
  for (std::size_t c = 0; c < from.cells.size(); ++c) {
    const auto& f = from.cells[c];
    if (f.empty()) continue;
    append(into.cells[c], f.text, f.box, below);
    into.cells[c].bold = into.cells[c].bold && f.bold;
  }
  into.box = into.box.united(from.box);
}

}  // namespace

std::vector<doc::Table> rows_of(const std::vector<const Line*>& lines, Cols cols, const Rules& rules) {
  double ty0 = lines.front()->box.y0, ty1 = lines.back()->box.y1;
  cols = merge_by_rules(cols, rules, ty0, ty1);

  std::vector<Row> rows;
  rows.reserve(lines.size());
  for (const Line* l : lines) {
    Row r;
    r.cells.resize(cols.size());
    r.box = l->box;
    r.height = l->height;
    for (const auto& s : l->segments) {
      auto& cell = r.cells[column_of(s.box, cols)];
      if (cell.empty()) cell.first_word = s.first_word_width;
      append(cell, s.text, s.box, true);
      cell.bold = cell.bold && s.bold;
    }
    rows.push_back(std::move(r));
  }

  // A column is numeric when most of its filled cells below the first row are numbers.
  std::vector<bool> numeric(cols.size(), false);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    int filled = 0, numbers = 0;
    for (std::size_t k = 1; k < rows.size(); ++k) {
      if (rows[k].cells[c].empty()) continue;
      ++filled;
      if (is_numeric(rows[k].cells[c].text)) ++numbers;
    }
    numeric[c] = filled > 0 && numbers * 10 >= filled * 6;
  }

  // Ruled rows: when horizontal rules separate most neighbouring lines, lines between two
  // rules are one row (wrapped cells, numbers set at the bottom or the middle of the cell).
  // Cells of several lines (merged cells centred over two rows, wrapped text) leave fewer
  // neighbours parted: half of them do when rules part the table into rows of three lines
  // at most (booktabs, with rules above and below the body only, parts fewer).
  // Two unparted lines that both hold numbers are two rows, not one cell's lines.
  std::size_t separated = 0, run = 1, longest = 1;
  bool numbers_unparted = false;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const bool parted = rule_between(rows[k - 1], rows[k], rules);
    separated += parted ? 1 : 0;
    run = parted ? 1 : run + 1;
    longest = std::max(longest, run);
    numbers_unparted = numbers_unparted || (!parted && has_numeric_value(rows[k - 1], numeric) &&
                                            has_numeric_value(rows[k], numeric));
  }
  const bool ruled = rows.size() > 1 && (separated * 4 >= (rows.size() - 1) * 3 ||
                                         (rows.size() > 3 && separated * 2 >= rows.size() - 1 && longest <= 3 &&
                                          !numbers_unparted));

  const double tx0 = cols.front().first, tx1 = cols.back().second;
  const std::vector<doc::BBox> hrules = ruled ? row_rules(rules, tx0, tx1) : std::vector<doc::BBox>{};
  std::vector<Row> out;
  int out_band = -1;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    Row& r = rows[k];
    const int band = ruled ? band_of(r.box, hrules) : 0;
    if (!out.empty() && ruled && band == out_band) {
      join(out.back(), r, true);
      continue;
    }
    if (!out.empty() && !ruled && !has_numeric_value(r, numeric) && has_numeric_value(out.back(), numeric) &&
        wraps(out.back(), r, numeric, cols)) {
      join(out.back(), r, true);
      continue;
    }
    // Bottom-aligned numbers: this line is the first part of the next line's cell.
    if (!ruled && k + 1 < rows.size() && !has_numeric_value(r, numeric) && has_numeric_value(rows[k + 1], numeric) &&
        wraps(r, rows[k + 1], numeric, cols, true)) {
      // wraps() tested r as the upper part of the next row's text cells; join r into it.
      join(rows[k + 1], r, false);
      continue;
    }
    out.push_back(std::move(r));
    out_band = band;
  }
  if (ruled) fill_spans(out, cols, rules, hrules);

  // A header set apart by a rule (booktabs \midrule, a border under the header only): the
  // lines above the first rule are one header row, even when they hold years ("2024").
  if (!ruled && out.size() > 2) {
    std::size_t first_rule = 0;
    for (std::size_t k = 1; k < out.size() && k <= 3 && first_rule == 0; ++k) {
      if (rule_between(out[k - 1], out[k], rules)) first_rule = k;
    }
    if (first_rule >= 2 && first_rule + 1 < out.size()) {
      for (std::size_t k = 1; k < first_rule; ++k) join(out[0], out[k], true);
      out.erase(out.begin() + 1, out.begin() + static_cast<std::ptrdiff_t>(first_rule));
    }
  }

  // A multi-line header: a line before the first numeric row that adds text over a numeric
  // column ("Belopp" / "(kr)") belongs to the header row above it.
  // A bold line under a bold header, above rows that are not bold, is header too, even when it
  // holds a year ("2025") or a unit.
  const auto all_bold = [](const Row& r) {
    return std::all_of(r.cells.begin(), r.cells.end(), [](const RowCell& c) { return c.empty() || c.bold; });
  };
  const auto years_only = [](const Row& r) {
    return std::all_of(r.cells.begin(), r.cells.end(), [](const RowCell& c) {
      const auto& t = c.text;
      return !is_numeric(t) || (t.size() == 4 && (t.starts_with("19") || t.starts_with("20")) &&
                                std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }));
    });
  };
  const auto header_line = [&](std::size_t k) {
    if (!has_numeric_value(out[k], numeric)) return true;
    return years_only(out[k]) && all_bold(out[k - 1]) && all_bold(out[k]) && k + 1 < out.size() &&
           !all_bold(out[k + 1]);
  };
  const bool any_numeric = std::find(numeric.begin(), numeric.end(), true) != numeric.end();
  if (any_numeric && !ruled) {
    for (std::size_t k = 1; k < out.size() && header_line(k);) {
      bool over_numeric = false;
      for (std::size_t c = 0; c < cols.size(); ++c) over_numeric = over_numeric || (numeric[c] && !out[k].cells[c].empty());
      if (over_numeric && out[k].box.y0 - out[k - 1].box.y1 < 0.8 * out[k].height) {
        join(out[k - 1], out[k], true);
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
  }

  doc::Table t;
  bool first = true;
  for (const Row& r : out) {
    std::vector<doc::Cell> cells;
    cells.reserve(r.cells.size());
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      const auto& rc = r.cells[c];
      doc::BBox box = rc.empty() ? doc::BBox{cols[c].first, r.box.y0, cols[c].second, r.box.y1} : rc.box;
      cells.push_back({normalize::nfc(rc.text), box});  // pdfLaTeX gives å as a + ring
      t.bbox = first ? box : t.bbox.united(box);
      first = false;
    }
    t.rows.push_back(std::move(cells));
  }
  return {std::move(t)};
}

}  // namespace bidrag::parse::pdf::layout
