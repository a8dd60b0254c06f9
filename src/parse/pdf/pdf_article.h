// The page's article in a tagged PDF: browsers tag the main content of a printed page (an
// HTML <article>) as one Art structure element; what lies outside it is site chrome (logo,
// menu, breadcrumb, sidebar, site footer), which the HTML parser leaves out too.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/document/document.h"

namespace bidrag::parse::pdf {

// How the document's only Art structure element begins and ends (the text of its first and
// last marked-content items, at least a few words each); nullopt when the PDF is untagged or
// holds none or several articles (a listing page).
struct ArticleEnds {
  std::string head, tail;
};
[[nodiscard]] std::optional<ArticleEnds> article_ends(const Snapshot& snapshot);

// Keeps the blocks from the one that begins the article to the one that ends it (compared on
// letters and digits only, as tagged text and laid-out text differ in spacing). Leaves the
// blocks alone when either end cannot be found.
void keep_article(std::vector<doc::Block>& blocks, const ArticleEnds& article);

}  // namespace bidrag::parse::pdf
