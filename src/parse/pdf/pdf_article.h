// The page's article in a tagged PDF: browsers tag the main content of a printed page (an
// HTML <article>) as one Art structure element; what lies outside it is site chrome (logo,
// menu, breadcrumb, sidebar, site footer), which the HTML parser leaves out too.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bidrag/document/document.h"

class PDFDoc;

namespace bidrag::parse::pdf {

// How the document's only Art structure element begins and ends (the text of its first and
// last marked-content items, at least a few words each).
struct ArticleEnds {
  std::string head, tail;
};

// A marked-content item of the structure tree: its page (1-based; 0 when the item names none,
// so its MCID is looked for on every page) and its MCID (-1 for an object reference, which
// has no text of its own).
struct MarkedItem {
  int page = 0;
  int mcid = -1;
};

// The marked-content items of the document's only Art element, in document order; nullopt
// when the PDF is untagged or holds none or several articles (a listing page). Reads the
// structure tree only, not the page content.
[[nodiscard]] std::optional<std::vector<MarkedItem>> article_items(PDFDoc& doc);

// The article's ends from its items' texts (as the page content drew them, in item order).
[[nodiscard]] std::optional<ArticleEnds> article_ends(const std::vector<std::string>& item_texts);

// Keeps the blocks from the one that begins the article to the one that ends it (compared on
// letters and digits only, as tagged text and laid-out text differ in spacing). Leaves the
// blocks alone when either end cannot be found.
void keep_article(std::vector<doc::Block>& blocks, const ArticleEnds& article);

}  // namespace bidrag::parse::pdf
