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

// The text of the document's only Art structure element; nullopt when the PDF is untagged
// or holds none or several (a listing page).
[[nodiscard]] std::optional<std::string> article_text(const Snapshot& snapshot);

// Keeps the blocks from the one that begins the article to the one that ends it (compared on
// letters and digits only, as tagged text and laid-out text differ in spacing). Leaves the
// blocks alone when either end cannot be found.
void keep_article(std::vector<doc::Block>& blocks, const std::string& article);

}  // namespace bidrag::parse::pdf
