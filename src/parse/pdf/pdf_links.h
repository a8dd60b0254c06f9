// The visible text of a link annotation, from the page's words (read_pdf reads the areas).
#pragma once
#include <string>

#include "bidrag/document/document.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse::pdf {

// The words whose centre lies inside `box` (with a small tolerance), in the page's reading
// order, each cut to the part the box covers where a word sticks out of it.
[[nodiscard]] std::string link_text(const Page& page, const doc::BBox& box);

}  // namespace bidrag::parse::pdf
