// Allocation lists from PDF: what the document model does not keep but the list needs — the
// printed lines of a wrapped name cell and page 1's running header (funder, date) — read
// again from the word boxes, only when a document needs them.
#pragma once
#include <optional>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/document/document.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::extract::alloc {

// The snapshot's PDF words, loaded on first use.
class PdfWords {
 public:
  explicit PdfWords(const Snapshot& snapshot) : snapshot_(snapshot) {}
  [[nodiscard]] const std::vector<parse::pdf::Page>& pages();
  // Only the first `n` pages' words (all pages when they are loaded already): a running
  // header needs two pages, not a 300-page list read twice.
  [[nodiscard]] std::vector<parse::pdf::Page> first_pages(int n);

 private:
  const Snapshot& snapshot_;
  std::optional<std::vector<parse::pdf::Page>> pages_;
};

// Whether a table block has a cell taller than its rows (a cell printed over several lines).
[[nodiscard]] bool has_tall_cells(const doc::Document& document);
// Gives every tall cell its printed lines, separated by '\n'.
void split_tall_cells(doc::Document& document, PdfWords& words);
// Page 1's running-header lines (those repeated on page 2) above `table_top`, split where a
// wide gap separates two texts on one line ("Socialstyrelsen        Datum: 2023-01-18").
[[nodiscard]] std::vector<doc::Block> running_header(PdfWords& words, double table_top);

}  // namespace bidrag::extract::alloc
