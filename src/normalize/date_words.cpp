// Swedish calendar words: month names and abbreviations, weekdays (from data/vocabulary.tsv),
// ordinals, number words and duration units (still here: see tests/vocab/not_yet_migrated.txt).
#include "normalize/date_words.h"

#include <algorithm>
#include <array>
#include <vector>

#include "bidrag/vocab/vocab.h"
#include "normalize/utf8.h"

namespace bidrag::normalize::words {
namespace {

struct Word {
  std::string_view text;
  int value;
};

// A whole word: the next character is no letter or digit.
std::size_t whole(std::string_view s, std::string_view w) noexcept {
  return s.starts_with(w) && utf8::at_word_end(s, w.size()) ? w.size() : 0;
}

template <std::size_t N>
std::size_t longest(std::string_view s, const std::array<Word, N>& table, int& value) noexcept {
  for (const Word& w : table) {
    if (const std::size_t n = whole(s, w.text)) {
      value = w.value;
      return n;
    }
  }
  return 0;
}

// Months and weekdays come from the vocabulary (sets month, month_abbreviation, weekday),
// each table longest phrase first so "sept" beats "sep".
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

constexpr std::array<Word, 36> kOrdinals = {{
    {"trettioförsta", 31}, {"trettioförste", 31}, {"tjugoförsta", 21}, {"tjugoförste", 21},
    {"tjugoandra", 22},    {"tjugoandre", 22},    {"tjugotredje", 23}, {"tjugofjärde", 24},
    {"tjugofemte", 25},    {"tjugosjätte", 26},   {"tjugosjunde", 27}, {"tjugoåttonde", 28},
    {"tjugonionde", 29},   {"trettionde", 30},    {"tjugonde", 20},    {"förste", 1},
    {"första", 1},         {"andre", 2},          {"andra", 2},        {"tredje", 3},
    {"fjärde", 4},         {"femte", 5},          {"sjätte", 6},       {"sjunde", 7},
    {"åttonde", 8},        {"nionde", 9},         {"tionde", 10},      {"elfte", 11},
    {"tolfte", 12},        {"trettonde", 13},     {"fjortonde", 14},   {"femtonde", 15},
    {"sextonde", 16},      {"sjuttonde", 17},     {"artonde", 18},     {"nittonde", 19},
}};

constexpr std::array<Word, 20> kNumbers = {{
    {"en", 1},      {"ett", 1},      {"två", 2},     {"tre", 3},      {"fyra", 4},
    {"fem", 5},     {"sex", 6},      {"sju", 7},     {"åtta", 8},     {"nio", 9},
    {"tio", 10},    {"elva", 11},    {"tolv", 12},   {"fjorton", 14}, {"femton", 15},
    {"tjugo", 20},  {"trettio", 30}, {"fyrtio", 40}, {"sextio", 60},  {"nittio", 90},
}};

struct Unit {
  std::string_view text;
  char unit;
};
constexpr std::array<Unit, 13> kUnits = {{
    {"kalenderdagars", 'D'}, {"kalenderdagar", 'D'}, {"kalenderdag", 'D'}, {"dagars", 'D'}, {"dagar", 'D'},
    {"dag", 'D'},            {"veckors", 'W'},       {"veckor", 'W'},      {"vecka", 'W'},  {"månaders", 'M'},
    {"månader", 'M'},        {"månad", 'M'},         {"år", 'Y'},
}};

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
  for (const VocabWord& w : weekdays())
    if (whole(s, w.text)) return w.text.size();
  return 0;
}

std::size_t ordinal(std::string_view s, int& value) noexcept { return longest(s, kOrdinals, value); }

std::size_t number(std::string_view s, int& value) noexcept { return longest(s, kNumbers, value); }

std::size_t duration_unit(std::string_view s, char& unit) noexcept {
  for (const Unit& u : kUnits) {
    if (const std::size_t n = whole(s, u.text)) {
      unit = u.unit;
      return n;
    }
  }
  return 0;
}

}  // namespace bidrag::normalize::words
