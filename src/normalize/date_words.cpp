// Swedish calendar words, all from data/vocabulary.tsv: months (sets month, month_abbreviation),
// weekdays (weekday), ordinals (ordinal), number words (number_word), duration units
// (duration_unit). The tables are built once, longest phrase first.
#include "normalize/date_words.h"

#include <algorithm>
#include <vector>

#include "bidrag/vocab/vocab.h"
#include "normalize/utf8.h"

namespace bidrag::normalize::words {
namespace {

// A whole word: the next character is no letter or digit.
std::size_t whole(std::string_view s, std::string_view w) noexcept {
  // The first byte rules out nearly every word of a table at once (this runs at every word of
  // every text the date scanner reads).
  if (w.empty() || s.empty() || s.front() != w.front()) return 0;
  return s.starts_with(w) && utf8::at_word_end(s, w.size()) ? w.size() : 0;
}

// One vocabulary set as a table, longest phrase first so "sept" beats "sep" and
// "kalenderdagar" beats "dagar".
struct VocabWord {
  std::string text;  // folded (lower case), as the scanner's lower-cased text spells it
  int value;
  bool abbreviation;
};

std::vector<VocabWord> load(std::initializer_list<std::pair<std::string_view, bool>> sets) {
  std::vector<VocabWord> out;
  for (const auto& [name, abbreviation] : sets)
    for (const vocab::Entry* e : vocab::set(name).entries()) out.push_back({e->folded, std::stoi(e->meaning), abbreviation});
  std::stable_sort(out.begin(), out.end(), [](const VocabWord& a, const VocabWord& b) { return a.text.size() > b.text.size(); });
  return out;
}

const std::vector<VocabWord>& months() {
  static const std::vector<VocabWord> table = load({{"month", false}, {"month_abbreviation", true}});
  return table;
}

const std::vector<VocabWord>& weekdays() {
  static const std::vector<VocabWord> table = load({{"weekday", false}});
  return table;
}

const std::vector<VocabWord>& ordinals() {
  static const std::vector<VocabWord> table = load({{"ordinal", false}});
  return table;
}

const std::vector<VocabWord>& numbers() {
  static const std::vector<VocabWord> table = load({{"number_word", false}});
  return table;
}

// Duration units keep their ISO 8601 designator (D, W, M, Y) as the meaning.
struct UnitWord {
  std::string text;
  char unit;
};

const std::vector<UnitWord>& units() {
  static const std::vector<UnitWord> table = [] {
    std::vector<UnitWord> out;
    for (const vocab::Entry* e : vocab::set("duration_unit").entries()) out.push_back({e->folded, e->meaning.at(0)});
    std::stable_sort(out.begin(), out.end(), [](const UnitWord& x, const UnitWord& y) { return x.text.size() > y.text.size(); });
    return out;
  }();
  return table;
}

// The longest whole word of the table at the start of s.
std::size_t longest(std::string_view s, const std::vector<VocabWord>& table, int& value) {
  for (const VocabWord& w : table) {
    if (const std::size_t n = whole(s, w.text)) {
      value = w.value;
      return n;
    }
  }
  return 0;
}

}  // namespace

std::string lower_swedish(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // À..Þ (C3 80..C3 9E) → à..þ (C3 A0..C3 BE), except × (C3 97).
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

std::size_t month(std::string_view s, int& value) {
  for (const VocabWord& w : months()) {
    if (!s.starts_with(w.text)) continue;
    const std::size_t n = w.text.size();
    if (w.abbreviation && n < s.size() && s[n] == '.') {  // "jan." but not "maj." at a sentence end
      value = w.value;
      return n + 1;
    }
    if (utf8::at_word_end(s, n)) {
      value = w.value;
      return n;
    }
  }
  return 0;
}

std::size_t weekday(std::string_view s) {
  int value = 0;
  return weekday(s, value);
}

std::size_t weekday(std::string_view s, int& value) {
  for (const VocabWord& w : weekdays())
    if (whole(s, w.text)) {
      value = w.value;
      return w.text.size();
    }
  return 0;
}

std::size_t ordinal(std::string_view s, int& value) { return longest(s, ordinals(), value); }

std::size_t number(std::string_view s, int& value) { return longest(s, numbers(), value); }

std::size_t duration_unit(std::string_view s, char& unit) {
  for (const UnitWord& u : units()) {
    if (const std::size_t n = whole(s, u.text)) {
      unit = u.unit;
      return n;
    }
  }
  return 0;
}

}  // namespace bidrag::normalize::words
