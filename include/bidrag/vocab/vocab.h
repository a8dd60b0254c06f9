// The Swedish vocabulary: every cue word, label, phrase, badge and unit that parse, normalize
// and extract react to, read from the reviewed file data/vocabulary.tsv (compiled in). Code asks
// for a set by name and matches text against its entries; it never spells a Swedish cue itself
// (tests/vocab/literal_scan_test.cpp fails on one in src/ outside this module).
//
// data/vocabulary.tsv: one entry a line, tab-separated: set, meaning, phrase, example.
//   set      the closed group the entry belongs to ("deadline_cue", "status_badge", …)
//   meaning  what a match means to the code: a field, a kind, a status ("application_close")
//   phrase   the Swedish words, matched case-insensitively (Swedish folding) at word starts;
//            a trailing '*' matches any word ending ("rekvir*": rekvirera, rekvireras)
//   example  a real-looking line in which the phrase occurs (tests check that it matches)
// Order in the file is priority: the first entry of a set that matches wins.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::vocab {

struct Entry {
  std::string set, meaning, phrase, example;
  std::string folded;  // phrase, case- and space-folded, without the trailing '*'
  bool prefix = false;  // phrase ended with '*'
  int line = 0;         // in data/vocabulary.tsv
};

struct Match {
  const Entry* entry = nullptr;
  std::size_t begin = 0, end = 0;  // byte offsets in the folded text (fold(text))
  [[nodiscard]] const std::string& meaning() const { return entry->meaning; }
};

class Set {
 public:
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::vector<const Entry*>& entries() const noexcept { return entries_; }

  // The first entry (file order) whose phrase occurs in `text` at a word boundary.
  [[nodiscard]] std::optional<Match> find(std::string_view text) const;
  // The entry whose phrase occurs earliest in `text` (ties: file order).
  [[nodiscard]] std::optional<Match> first(std::string_view text) const;
  // Every occurrence of every entry, ordered by position.
  [[nodiscard]] std::vector<Match> all(std::string_view text) const;
  // The first entry whose phrase starts `text` (after leading spaces).
  [[nodiscard]] std::optional<Match> starts(std::string_view text) const;
  // The first entry whose phrase is the whole of `text` (ignoring case, spaces, a trailing ':').
  [[nodiscard]] std::optional<Match> equals(std::string_view text) const;
  // Shorthands.
  [[nodiscard]] bool in(std::string_view text) const { return find(text).has_value(); }
  [[nodiscard]] std::optional<std::string> meaning_of(std::string_view text) const;  // find()
  // Entries with this meaning, and whether `text` contains one of them.
  [[nodiscard]] std::vector<const Entry*> with_meaning(std::string_view meaning) const;
  [[nodiscard]] bool in(std::string_view meaning, std::string_view text) const;

 private:
  friend class Vocabulary;
  std::string name_;
  std::vector<const Entry*> entries_;
};

class Vocabulary {
 public:
  // Parses the TSV text; throws std::runtime_error naming the line on a malformed entry.
  explicit Vocabulary(std::string_view tsv);
  Vocabulary(const Vocabulary&) = delete;  // sets point into entries_
  Vocabulary& operator=(const Vocabulary&) = delete;
  // The named set; throws std::logic_error for a name the file does not define (a typo in
  // code fails the first time it runs, in every test that reaches it).
  [[nodiscard]] const Set& set(std::string_view name) const;
  [[nodiscard]] const std::vector<Entry>& entries() const noexcept { return entries_; }
  [[nodiscard]] std::vector<std::string> set_names() const;

 private:
  std::vector<Entry> entries_;
  std::vector<Set> sets_;
};

// The compiled-in vocabulary (data/vocabulary.tsv), loaded once.
[[nodiscard]] const Vocabulary& get();
// get().set(name).
[[nodiscard]] const Set& set(std::string_view name);

// The folding every match uses: Swedish lower case, spaces of every kind folded to one ' ',
// soft hyphens dropped. Offsets in Match refer to this string.
[[nodiscard]] std::string fold(std::string_view text);

}  // namespace bidrag::vocab
