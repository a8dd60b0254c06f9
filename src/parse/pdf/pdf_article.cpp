// Finds the tagged article (Poppler's structure tree) and trims the blocks to it.
#include "pdf_article.h"

#include <PDFDoc.h>
#include <StructElement.h>
#include <StructTreeRoot.h>

namespace bidrag::parse::pdf {
namespace {

constexpr int max_depth = 64;  // an absurdly deep tree is not walked further

MarkedItem item_of(PDFDoc& doc, const StructElement& e) {
  MarkedItem item;
  if (e.isObjectRef()) return item;
  item.mcid = e.getMCID();
  if (Ref page; e.getPageRef(page)) item.page = doc.findPage(page);
  return item;
}

// The marked-content items (leaves) below `e`, in document order.
void leaves(PDFDoc& doc, const StructElement& e, std::vector<MarkedItem>& out, int depth) {
  if (depth > max_depth) return;
  for (unsigned i = 0; i < e.getNumChildren(); ++i) {
    const StructElement* child = e.getChild(static_cast<int>(i));
    if (!child) continue;
    if (child->getNumChildren() > 0) {
      leaves(doc, *child, out, depth + 1);
    } else if (child->isContent()) {
      out.push_back(item_of(doc, *child));
    }
  }
}

// Walks the tree: counts the Art elements and collects the leaves of the first one.
void walk(PDFDoc& doc, const StructElement& e, int depth, int& articles, std::vector<MarkedItem>& items) {
  if (depth > max_depth) return;
  if (e.getType() == StructElement::Art) {
    // An article inside an article is part of it.
    if (++articles == 1) leaves(doc, e, items, depth + 1);
    return;
  }
  for (unsigned i = 0; i < e.getNumChildren(); ++i) {
    if (const StructElement* child = e.getChild(static_cast<int>(i))) walk(doc, *child, depth + 1, articles, items);
  }
}

// Letters and digits of the ASCII range only: spacing, punctuation and any character the
// tag tree and the text layer may encode differently are ignored.
std::string key(const std::string& s) {
  std::string k;
  for (unsigned char c : s) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k += static_cast<char>(c);
  }
  return k;
}

std::string block_key(const doc::Block& b) { return key(b.text + b.value); }

}  // namespace

// Enough letters and digits at each end to anchor on without matching by chance.
constexpr std::size_t anchor = 40;

std::optional<std::vector<MarkedItem>> article_items(PDFDoc& doc) {
  const StructTreeRoot* root = doc.getStructTreeRoot();
  if (!root) return std::nullopt;
  int articles = 0;
  std::vector<MarkedItem> items;
  for (unsigned i = 0; i < root->getNumChildren(); ++i) {
    if (const StructElement* e = root->getChild(static_cast<int>(i))) walk(doc, *e, 0, articles, items);
  }
  if (articles != 1 || items.empty()) return std::nullopt;
  return items;
}

// Only the first and last items are used: the text of the whole article is not needed.
std::optional<ArticleEnds> article_ends(const std::vector<std::string>& texts) {
  if (texts.empty()) return std::nullopt;
  ArticleEnds ends;
  for (std::size_t i = 0; i < texts.size() && key(ends.head).size() < anchor; ++i) ends.head += texts[i];
  for (std::size_t i = texts.size(); i-- > 0 && key(ends.tail).size() < anchor;) ends.tail = texts[i] + ends.tail;
  return ends;
}

void keep_article(std::vector<doc::Block>& blocks, const ArticleEnds& article) {
  const std::string head = key(article.head), tail = key(article.tail);
  if (head.size() < anchor || tail.size() < anchor) return;
  // A block begins the article when one of the two texts starts the other (a long first
  // block holds the whole head; a short one is held by it), likewise at the end.
  auto begins = [&](const std::string& k) {
    const std::size_t n = std::min(k.size(), head.size());
    return k.size() >= 3 && k.compare(0, n, head, 0, n) == 0;
  };
  auto ends = [&](const std::string& k) {
    const std::size_t n = std::min(k.size(), tail.size());
    return k.size() >= 3 && k.compare(k.size() - n, n, tail, tail.size() - n, n) == 0;
  };
  std::size_t first = blocks.size(), last = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (begins(block_key(blocks[i]))) {
      first = i;
      break;
    }
  }
  for (std::size_t i = blocks.size(); i-- > 0;) {
    if (ends(block_key(blocks[i]))) {
      last = i;
      break;
    }
  }
  if (first == blocks.size() || last == blocks.size() || first > last) return;
  blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(last) + 1, blocks.end());
  blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(first));
}

}  // namespace bidrag::parse::pdf
