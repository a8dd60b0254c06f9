// Finds the tagged article (poppler-glib structure tree) and trims the blocks to it.
#include "pdf_article.h"

#include <poppler.h>

#include <memory>

namespace bidrag::parse::pdf {
namespace {

struct GObjectDeleter {
  void operator()(gpointer p) const noexcept {
    if (p) g_object_unref(p);
  }
};
struct BytesDeleter {
  void operator()(GBytes* p) const noexcept {
    if (p) g_bytes_unref(p);
  }
};
struct IterDeleter {
  void operator()(PopplerStructureElementIter* p) const noexcept {
    if (p) poppler_structure_element_iter_free(p);
  }
};
struct GErrorDeleter {
  void operator()(GError* p) const noexcept {
    if (p) g_error_free(p);
  }
};
struct GFreeDeleter {
  void operator()(gchar* p) const noexcept { g_free(p); }
};
using IterPtr = std::unique_ptr<PopplerStructureElementIter, IterDeleter>;
using ElementPtr = std::unique_ptr<PopplerStructureElement, GObjectDeleter>;

// The marked-content items (leaves) below `it`, in document order.
void leaves(PopplerStructureElementIter* it, std::vector<ElementPtr>& out, int depth) {
  if (depth > 64) return;
  do {
    ElementPtr e(poppler_structure_element_iter_get_element(it));
    if (!e) continue;
    if (IterPtr child(poppler_structure_element_iter_get_child(it)); child) {
      leaves(child.get(), out, depth + 1);
    } else if (poppler_structure_element_is_content(e.get())) {
      out.push_back(std::move(e));
    }
  } while (poppler_structure_element_iter_next(it));
}

// Walks the tree: counts the Art elements and collects the leaves of the first one.
void walk(PopplerStructureElementIter* it, int depth, int& articles, std::vector<ElementPtr>& items) {
  if (depth > 64) return;  // an absurdly deep tree is not walked further
  do {
    ElementPtr e(poppler_structure_element_iter_get_element(it));
    if (!e) continue;
    IterPtr child(poppler_structure_element_iter_get_child(it));
    if (poppler_structure_element_get_kind(e.get()) == POPPLER_STRUCTURE_ELEMENT_ARTICLE) {
      // An article inside an article is part of it.
      if (++articles == 1 && child) leaves(child.get(), items, depth + 1);
      continue;
    }
    if (child) walk(child.get(), depth + 1, articles, items);
  } while (poppler_structure_element_iter_next(it));
}

std::string text_of(PopplerStructureElement* e) {
  std::unique_ptr<gchar, GFreeDeleter> text(poppler_structure_element_get_text(e, POPPLER_STRUCTURE_GET_TEXT_NONE));
  return text ? text.get() : "";
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

std::optional<ArticleEnds> article_ends(const Snapshot& s) {
  std::unique_ptr<GBytes, BytesDeleter> bytes(g_bytes_new(s.bytes.data(), s.bytes.size()));
  GError* raw = nullptr;
  std::unique_ptr<PopplerDocument, GObjectDeleter> d(poppler_document_new_from_bytes(bytes.get(), nullptr, &raw));
  std::unique_ptr<GError, GErrorDeleter> error(raw);
  if (!d) return std::nullopt;
  IterPtr root(poppler_structure_element_iter_new(d.get()));
  if (!root) return std::nullopt;
  // Only the first and last items are read: the text of the whole article would cost more
  // than the rest of the parse.
  int articles = 0;
  std::vector<ElementPtr> items;
  walk(root.get(), 0, articles, items);
  if (articles != 1) return std::nullopt;
  if (items.empty()) return std::nullopt;
  ArticleEnds ends;
  for (std::size_t i = 0; i < items.size() && key(ends.head).size() < anchor; ++i) ends.head += text_of(items[i].get());
  for (std::size_t i = items.size(); i-- > 0 && key(ends.tail).size() < anchor;) ends.tail = text_of(items[i].get()) + ends.tail;
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
