// The PDF layout layer shared by the announcement parser and the table finder: each page's
// words with their boxes and fonts (Poppler), its links, and its drawn ruling lines.
// Coordinates are PDF points from the page's top-left corner, y growing downwards.
#pragma once
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/document/document.h"
#include "bidrag/parse/limits.h"

namespace bidrag::parse::pdf {

struct Word {
  std::string text;  // UTF-8 as Poppler extracted it
  doc::BBox box;
  double font_size = 0;
  std::string font;  // font name without the subset prefix ("ABCDEF+")
  bool bold = false;  // from the font name (Bold, Semibold, Black, Heavy)
  bool space_after = false;
  int rotation = 0;  // 0, 90, 180, 270: the text's direction on the page
};

struct Page {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<Word> words;     // in Poppler's reading order
  std::vector<doc::Link> links;  // link annotations (parse_pdf reads them; load_words does not)
  std::vector<doc::BBox> rules;  // drawn horizontal/vertical lines and thin rectangles
};

// Opens the PDF once and reads the words and drawn ruling lines (cell borders of spreadsheet
// exports, edges of filled cell backgrounds) of its pages in one pass over their content, at
// most `max_pages` pages (the first ones; limits::kMaxPdfPages by default); when the file has
// more, a warning saying how many were left unread is added to `warnings` (when given). Throws
// bidrag::Error naming the source (and the page where it applies) for: not a PDF, truncated or
// damaged, encrypted with a user password, zero pages.
[[nodiscard]] std::vector<Page> load_words(const Snapshot& snapshot, std::vector<std::string>* warnings = nullptr,
                                           int max_pages = limits::kMaxPdfPages);

}  // namespace bidrag::parse::pdf
