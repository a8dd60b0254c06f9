// Plain text from a PDF print lists each page's link targets as URL lines after the text;
// this attaches them to the lines they name.
#pragma once
#include <string>
#include <vector>

#include "bidrag/document/document.h"

namespace bidrag::parse::text {

struct UrlLine {
  std::string url;
  int line = 0;
};

// Attaches `urls` (in order) to `blocks` (the blocks printed before them, in order) by a
// monotone alignment that maximises how well each URL matches the text it is given to: a
// mailto target against the (possibly shortened) address shown, a visible "www.…" address,
// or the words of the URL path against the words of the line. Short standalone lines are
// preferred for URLs that share no words with any line (an "Ansök nu" button).
// `title` words are ignored (every URL of a grant tends to repeat them).
void attach_urls(const std::vector<UrlLine>& urls, std::vector<doc::Block*>& blocks, const std::string& title);

}  // namespace bidrag::parse::text
