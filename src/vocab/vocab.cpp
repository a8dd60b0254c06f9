// The compiled-in Swedish vocabulary (data/vocabulary.tsv) and matching against it.
#include "bidrag/vocab/vocab.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace bidrag::embedded {
extern const std::string_view vocabulary_tsv;
}

namespace bidrag::vocab {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (;;) {
    const auto at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// A word character: a letter or digit byte of UTF-8 (any byte ≥ 0x80 belongs to a letter in
// the folded Swedish text; punctuation outside ASCII, such as dashes, is rare at phrase ends).
bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// Does the folded phrase of `e` occur in `folded` at `at`, beginning and (unless a prefix
// entry) ending at word boundaries?
bool occurs_at(const Entry& e, std::string_view folded, std::size_t at) {
  if (at > 0 && word_byte(folded[at - 1]) && word_byte(e.folded.front())) return false;
  const std::size_t end = at + e.folded.size();
  if (!e.prefix && end < folded.size() && word_byte(folded[end]) && word_byte(e.folded.back())) return false;
  return true;
}

std::optional<std::size_t> find_entry(const Entry& e, std::string_view folded, std::size_t from = 0) {
  if (e.folded.empty()) return std::nullopt;
  for (std::size_t at = folded.find(e.folded, from); at != std::string_view::npos;
       at = folded.find(e.folded, at + 1))
    if (occurs_at(e, folded, at)) return at;
  return std::nullopt;
}

std::string fold_icu(std::string_view text);

}  // namespace

std::string fold(std::string_view text) {
  // ASCII (most words, every URL path): the same result without ICU, which costs a great deal
  // per call on the many short words the date scanner asks about.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out;
    out.reserve(text.size());
    bool pending = false;
    for (char c : text) {
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending = !out.empty();
        continue;
      }
      if (pending) out += ' ';
      pending = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }
  // The extractors ask many phrase sets about the same paragraph in a row: the last few
  // foldings through ICU are kept (per thread), which halves the fold work of a call page.
  if (text.size() > 4096) return fold_icu(text);  // long texts are rare: kept out of the cache
  struct Slot {
    std::string text, folded;
  };
  thread_local std::array<Slot, 8> recent;
  thread_local std::size_t next_slot = 0;
  for (const Slot& slot : recent)
    if (slot.text.size() == text.size() && slot.text == text) return slot.folded;
  Slot& slot = recent[next_slot];
  next_slot = (next_slot + 1) % recent.size();
  slot.text.assign(text);
  slot.folded = fold_icu(text);
  return slot.folded;
}

namespace {

std::string fold_icu(std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString us = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(err)) us = nfc->normalize(us, err);
  // Default full case folding keeps å, ä, ö distinct from a and o.
  us.foldCase(U_FOLD_CASE_DEFAULT);
  icu::UnicodeString out;
  bool pending = false;
  for (int32_t i = 0; i < us.length();) {
    const UChar32 cp = us.char32At(i);
    i += U16_LENGTH(cp);
    if (u_isUWhiteSpace(cp) || cp == 0x00A0 || cp == 0x202F || cp == 0x2007) {
      pending = !out.isEmpty();
    } else if (cp != 0x00AD && cp != 0x200B) {
      if (pending) out.append(static_cast<UChar>(' '));
      pending = false;
      out.append(cp);
    }
  }
  std::string utf8;
  return out.toUTF8String(utf8);
}

}  // namespace

Vocabulary::Vocabulary(std::string_view tsv) {
  int line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto cols = split(line, '\t');
    if (cols.size() != 4)
      throw std::runtime_error("data/vocabulary.tsv:" + std::to_string(line_no) + ": expected 4 tab-separated columns (set, meaning, phrase, example), got " +
                               std::to_string(cols.size()));
    if (line_no == 1 || cols[0] == "set") continue;  // the header
    Entry e{trim(cols[0]), trim(cols[1]), trim(cols[2]), trim(cols[3]), {}, false, line_no};
    if (e.set.empty() || e.meaning.empty() || e.phrase.empty())
      throw std::runtime_error("data/vocabulary.tsv:" + std::to_string(line_no) + ": empty set, meaning or phrase");
    std::string_view p = e.phrase;
    if (p.size() > 1 && p.back() == '*') {
      e.prefix = true;
      p.remove_suffix(1);
    }
    e.folded = fold(p);
    entries_.push_back(std::move(e));
  }
  for (const Entry& e : entries_) {
    auto it = std::find_if(sets_.begin(), sets_.end(), [&](const Set& s) { return s.name_ == e.set; });
    if (it == sets_.end()) {
      sets_.emplace_back();
      sets_.back().name_ = e.set;
      it = sets_.end() - 1;
    }
    it->entries_.push_back(&e);
  }
}

const Set& Vocabulary::set(std::string_view name) const {
  for (const Set& s : sets_)
    if (s.name_ == name) return s;
  throw std::logic_error("vocabulary: no set \"" + std::string(name) + "\" in data/vocabulary.tsv");
}

std::vector<std::string> Vocabulary::set_names() const {
  std::vector<std::string> out;
  for (const Set& s : sets_) out.push_back(s.name_);
  return out;
}

std::optional<Match> Set::find(std::string_view text) const {
  const std::string folded = fold(text);
  for (const Entry* e : entries_)
    if (auto at = find_entry(*e, folded)) return Match{e, *at, *at + e->folded.size()};
  return std::nullopt;
}

std::optional<Match> Set::first(std::string_view text) const {
  const std::string folded = fold(text);
  std::optional<Match> best;
  for (const Entry* e : entries_)
    if (auto at = find_entry(*e, folded); at && (!best || *at < best->begin))
      best = Match{e, *at, *at + e->folded.size()};
  return best;
}

std::vector<Match> Set::all(std::string_view text) const {
  const std::string folded = fold(text);
  std::vector<Match> out;
  for (const Entry* e : entries_)
    for (auto at = find_entry(*e, folded); at; at = find_entry(*e, folded, *at + 1))
      out.push_back(Match{e, *at, *at + e->folded.size()});
  std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.begin < b.begin; });
  return out;
}

std::optional<Match> Set::starts(std::string_view text) const {
  const std::string folded = fold(text);
  for (const Entry* e : entries_)
    if (folded.compare(0, e->folded.size(), e->folded) == 0 && occurs_at(*e, folded, 0))
      return Match{e, 0, e->folded.size()};
  return std::nullopt;
}

std::optional<Match> Set::equals(std::string_view text) const {
  std::string folded = fold(text);
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
  for (const Entry* e : entries_)
    if (e->prefix ? folded.compare(0, e->folded.size(), e->folded) == 0 && folded.find(' ', e->folded.size()) == std::string::npos
                  : folded == e->folded)
      return Match{e, 0, folded.size()};
  return std::nullopt;
}

std::optional<std::string> Set::meaning_of(std::string_view text) const {
  if (auto m = find(text)) return m->meaning();
  return std::nullopt;
}

std::vector<const Entry*> Set::with_meaning(std::string_view meaning) const {
  std::vector<const Entry*> out;
  for (const Entry* e : entries_)
    if (e->meaning == meaning) out.push_back(e);
  return out;
}

bool Set::in(std::string_view meaning, std::string_view text) const {
  const std::string folded = fold(text);
  for (const Entry* e : entries_)
    if (e->meaning == meaning && find_entry(*e, folded)) return true;
  return false;
}

const Vocabulary& get() {
  static const Vocabulary v(embedded::vocabulary_tsv);
  return v;
}

const Set& set(std::string_view name) { return get().set(name); }

}  // namespace bidrag::vocab
