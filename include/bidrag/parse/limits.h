// Limits on what one document may cost. Hostile or broken input (a page of 200,000 nested
// elements, a paragraph of 100,000 links, an 8 MB line) is cut at these bounds with a warning
// on the document, or refused with an error naming the limit; never a crash or a hang.
#pragma once
#include <cstddef>

namespace bidrag::parse::limits {

// Bytes of one HTML or plain-text document (larger: an error record).
inline constexpr std::size_t kMaxMarkupBytes = 16u << 20;
// Bytes of one PDF (larger: an error record).
inline constexpr std::size_t kMaxPdfBytes = 64u << 20;
// Element nesting kept in the HTML DOM; deeper elements are flattened into their ancestor at
// this depth (their text is kept, their tags dropped) and the document gets a warning.
inline constexpr std::size_t kMaxDomDepth = 256;
// Blocks of one document; later blocks are dropped with a warning.
inline constexpr std::size_t kMaxBlocks = 50'000;
// Links of one document (over all blocks); later links are dropped with a warning.
inline constexpr std::size_t kMaxLinks = 10'000;
// Cells of one table; later rows are dropped with a warning.
inline constexpr std::size_t kMaxTableCells = 1'000'000;
// Bytes of one line of plain text; the rest of a longer line is dropped with a warning (no
// page's line of text comes near it; an 8 MB line would cost every later stage seconds).
inline constexpr std::size_t kMaxLineBytes = 64u << 10;
// Pages of one PDF; later pages are not read (a warning).
inline constexpr int kMaxPdfPages = 2'000;

}  // namespace bidrag::parse::limits
