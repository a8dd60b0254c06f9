// Page layout for the announcement parser: words grouped into line segments by baseline and
// put in reading order (columns detected by recursive whitespace cuts).
#pragma once
#include <string>
#include <vector>

#include "bidrag/document/document.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse::pdf {

// A run of words on one baseline, split from its neighbours on the same baseline by a gap
// wider than a column gutter (so a print header's left date and centred title are two lines).
struct Line {
  int page = 0;
  std::vector<const Word*> words;  // left to right
  doc::BBox box;
  double size = 0;   // dominant font size (by characters)
  bool bold = false;  // most characters bold
  std::string text;  // words joined by single spaces where Poppler saw a space or a gap
};

// The page's line segments in reading order. Words with `skip[i]` set (table cells) are left out.
[[nodiscard]] std::vector<Line> page_lines(const Page& page, const std::vector<bool>& skip = {});

// The body text size: the font size that carries the most characters.
[[nodiscard]] double body_size(const std::vector<Line>& lines);

}  // namespace bidrag::parse::pdf
