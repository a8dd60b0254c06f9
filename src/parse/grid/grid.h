// Rows of cells (a spreadsheet's sheet, a CSV file) to document blocks: the tabular regions as
// table blocks, the lines around them (titles, notes, a "source" line) as paragraphs or headings.
// No fixed positions: a region is found from how many cells each row fills.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bidrag/document/document.h"

namespace bidrag::parse::grid {

struct GridCell {
  int column = 1;  // 1-based
  std::string text;
  std::optional<std::string> number;
  bool merged_copy = false;  // a merged range's value repeated into a cell it covers
  double font_size = 0;      // points; 0 when unknown
};

struct GridRow {
  int position = 0;  // consecutive for adjacent rows: a gap means blank rows in between
  doc::Locator where;  // the row (its column is set per block)
  std::vector<GridCell> cells;  // by column; empty texts allowed
};

struct Grid {
  std::vector<GridRow> rows;  // by position
  double default_font_size = 0;  // larger prose lines become headings; 0 = no headings
};

// Blocks in reading order. A row with two or more filled cells is tabular; tabular rows with
// only one-cell rows between them form one table, and tables split at a gap of two or more
// blank rows or where the column span changes. One-cell rows before or after a table are prose.
// Table rows span the table's columns (missing cells are empty).
[[nodiscard]] std::vector<doc::Block> blocks_of(const Grid& grid);

}  // namespace bidrag::parse::grid
