// A read-only view of a parsed document for the announcement extractor: sections by heading,
// sentences, and Swedish vocabulary matching. Format-agnostic: it sees blocks, never markup.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/document/document.h"

namespace bidrag::extract {

// A sentence of a block, with the block it came from.
struct Sentence {
  std::string text;
  std::size_t block = 0;
};

// One statement of a page: a sentence, a fact ("Label: value") or a label/value table row
// ("Stödet i korthet" as a two-column table), in document order.
struct Statement {
  std::string text;  // "Label: value" for labelled statements
  std::size_t block = 0;
  bool labelled = false;
  std::string label, value;  // labelled statements
};

class Page {
 public:
  explicit Page(const doc::Document& d);

  [[nodiscard]] const doc::Document& document() const noexcept { return d_; }
  [[nodiscard]] const std::vector<doc::Block>& blocks() const noexcept { return d_.blocks; }

  // Index of the page's main heading: the first heading whose words make up the last segment
  // of the page's own URL (the slug publishers derive from the title), else the first level-1
  // heading, else the first heading; headings that are site chrome (skip links, "Lyssna", a
  // status badge, a breadcrumb, a cookie notice) never count.
  [[nodiscard]] std::optional<std::size_t> title_block() const;
  // The call's title: the title block's text; when a capture starts below the title (its first
  // heading is a section such as "Syfte med statsbidraget") and the address ends in a slug of
  // words, the slug's words ("statsbidrag-till-kommunerna" → "Statsbidrag till kommunerna"),
  // which give the same ids as the printed title.
  [[nodiscard]] std::optional<std::string> title() const;

  // The heading (index) that a block sits under, or nullopt before the first section.
  [[nodiscard]] std::optional<std::size_t> section_of(std::size_t block) const { return section_[block]; }
  // The first heading whose folded text contains one of `keys` (folded, Swedish).
  [[nodiscard]] std::optional<std::size_t> find_heading(std::initializer_list<std::string_view> keys) const;
  // The blocks after heading `h` up to the next heading of the same or a higher level.
  [[nodiscard]] std::vector<std::size_t> section_blocks(std::size_t h) const;

  // Sentences of paragraph, list-item and fact blocks, in document order.
  [[nodiscard]] const std::vector<Sentence>& sentences() const noexcept { return sentences_; }

  // Sentences, facts, two-column table rows and headings (unlabelled), in document order.
  [[nodiscard]] std::vector<Statement> statements() const;

  // The full text of a block as printed ("Label: value" for facts).
  [[nodiscard]] std::string text_of(std::size_t block) const;

 private:
  const doc::Document& d_;
  std::vector<std::optional<std::size_t>> section_;
  std::vector<Sentence> sentences_;
  // title_block() is asked for by several extractors of one page: found once.
  mutable std::optional<std::optional<std::size_t>> title_block_;
  [[nodiscard]] std::optional<std::size_t> find_title_block() const;
};

// The page's own address: a browser print's header URL, the canonical URL, or where it came from.
[[nodiscard]] std::string own_url(const doc::Document& d);
// "https://www.A.se/x/y/?q" → {"a.se", "/x/y/"}: the host lower-cased without "www.", the path
// without query or fragment ("/" when empty). Empty host for anything but an absolute URL.
struct HostPath {
  std::string host, path;
};
[[nodiscard]] HostPath host_and_path(std::string_view url);
// Whether a heading-shaped line is site chrome rather than content: a skip link, a reading
// aid, a menu word, a cookie notice, a bare status badge, or a breadcrumb ("Start / Bidrag / X").
[[nodiscard]] bool is_chrome_line(std::string_view text);

// Swedish case folding plus space folding, for matching vocabulary.
[[nodiscard]] std::string fold(std::string_view s);
// Whether folded `text` contains any of the folded `keys`.
[[nodiscard]] bool has_any(std::string_view folded_text, std::initializer_list<std::string_view> keys);
// Splits running text into sentences at ". ", "! ", "? " followed by an upper-case letter.
[[nodiscard]] std::vector<std::string> split_sentences(std::string_view text);
// Whether `text` looks like a person's name: two to four capitalised words, no digits.
[[nodiscard]] bool looks_like_name(std::string_view text);
// Whether `s` holds a digit (0–9).
[[nodiscard]] bool has_digit(std::string_view s);

}  // namespace bidrag::extract
