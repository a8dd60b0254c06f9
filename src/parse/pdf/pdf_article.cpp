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

// Collects the text of every Art element below `it` (the structure tree is small: one
// element per heading, paragraph or list item).
void find_articles(PopplerStructureElementIter* it, std::vector<std::string>& out, int depth) {
  if (depth > 64) return;  // a cyclic or absurd tree is not walked further
  do {
    std::unique_ptr<PopplerStructureElement, GObjectDeleter> e(poppler_structure_element_iter_get_element(it));
    if (!e) continue;
    if (poppler_structure_element_get_kind(e.get()) == POPPLER_STRUCTURE_ELEMENT_ARTICLE) {
      std::unique_ptr<gchar, GFreeDeleter> text(poppler_structure_element_get_text(e.get(), POPPLER_STRUCTURE_GET_TEXT_RECURSIVE));
      out.emplace_back(text ? text.get() : "");
      continue;  // an article inside an article is part of it
    }
    if (IterPtr child(poppler_structure_element_iter_get_child(it)); child) find_articles(child.get(), out, depth + 1);
  } while (poppler_structure_element_iter_next(it));
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

std::optional<std::string> article_text(const Snapshot& s) {
  std::unique_ptr<GBytes, BytesDeleter> bytes(g_bytes_new(s.bytes.data(), s.bytes.size()));
  GError* raw = nullptr;
  std::unique_ptr<PopplerDocument, GObjectDeleter> d(poppler_document_new_from_bytes(bytes.get(), nullptr, &raw));
  std::unique_ptr<GError, GErrorDeleter> error(raw);
  if (!d) return std::nullopt;
  IterPtr root(poppler_structure_element_iter_new(d.get()));
  if (!root) return std::nullopt;
  std::vector<std::string> articles;
  find_articles(root.get(), articles, 0);
  if (articles.size() != 1) return std::nullopt;
  return articles.front();
}

void keep_article(std::vector<doc::Block>& blocks, const std::string& article) {
  const std::string art = key(article);
  // Too little to anchor on: an article of a few words would match anywhere.
  if (art.size() < 40) return;
  std::size_t first = blocks.size(), last = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string k = block_key(blocks[i]);
    if (k.size() >= 3 && art.compare(0, k.size(), k) == 0) {
      first = i;
      break;
    }
  }
  for (std::size_t i = blocks.size(); i-- > 0;) {
    const std::string k = block_key(blocks[i]);
    if (k.size() >= 3 && k.size() <= art.size() && art.compare(art.size() - k.size(), k.size(), k) == 0) {
      last = i;
      break;
    }
  }
  if (first == blocks.size() || last == blocks.size() || first > last) return;
  blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(last) + 1, blocks.end());
  blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(first));
}

}  // namespace bidrag::parse::pdf
