// Table finding from PDF word boxes and ruling lines: no fixed coordinates, no fixed column
// count. The same engine serves `bidrag tables` and the allocation-list extractor.
#pragma once
#include <optional>
#include <vector>

#include "bidrag/document/document.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse::pdf {

struct TableOptions {
  std::vector<int> pages;           // 1-based; empty = all pages
  std::optional<doc::BBox> area;    // only words inside this box (PDF points, top-left origin)
};

// Every table on the pages, in reading order. A table that continues over pages with its
// header repeated is returned once per page (page and bbox of that page); cells keep their
// boxes. Rows are lines of the table (a wrapped cell is joined into its row).
[[nodiscard]] std::vector<doc::Table> find_tables(const std::vector<Page>& pages, const TableOptions& options = {});

}  // namespace bidrag::parse::pdf
