// Allocation lists from PDF: what the blocks do not keep but the list needs — the printed
// lines of a wrapped name cell and page 1's running header (funder, date) — from the words
// the parser kept with the document (Document::printed): the PDF is not read again.
#pragma once
#include <vector>

#include "bidrag/document/document.h"

namespace bidrag::extract::alloc {

// Whether a table block has a cell taller than its rows (a cell printed over several lines).
[[nodiscard]] bool has_tall_cells(const doc::Document& document);
// Gives every tall cell its printed lines, separated by '\n'.
void split_tall_cells(doc::Document& document);
// Page 1's running-header lines (those repeated on page 2) above `table_top`, split where a
// wide gap separates two texts on one line ("Socialstyrelsen        Datum: 2023-01-18").
[[nodiscard]] std::vector<doc::Block> running_header(const doc::Document& document, double table_top);

}  // namespace bidrag::extract::alloc
