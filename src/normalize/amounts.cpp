// Swedish amounts of money to exact integer öre: a hand-written scanner, linear in the input.
#include "bidrag/normalize/amounts.h"

#include <array>
#include <cctype>
#include <stdexcept>

#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"
#include "normalize/utf8.h"

namespace bidrag::normalize {
namespace {

constexpr std::size_t kMaxDigits = 18;  // fits std::uint64_t with room for the unit factor check

std::uint64_t ore_per(Unit u) noexcept {
  switch (u) {
    case Unit::kr: return 100;
    case Unit::tkr: return 100'000;
    case Unit::mnkr: return 100'000'000;
    case Unit::mdkr: return 100'000'000'000;
  }
  return 100;
}

// A number as printed: mantissa digits and how many of them are decimals.
struct Number {
  std::uint64_t mantissa = 0;
  int decimals = 0;
  std::size_t digits = 0;  // significant digits seen (overflow guard)
  bool negative = false;
  std::size_t begin = 0, end = 0;
};

std::size_t digit_run(std::string_view s, std::size_t i) noexcept {
  std::size_t j = i;
  while (j < s.size() && utf8::is_digit(s[j])) ++j;
  return j - i;
}

void add_digits(Number& n, std::string_view digits) noexcept {
  for (char c : digits) {
    if (n.mantissa == 0 && c == '0' && n.decimals == 0) continue;  // leading zeros
    ++n.digits;
    if (n.digits <= kMaxDigits) n.mantissa = n.mantissa * 10 + static_cast<std::uint64_t>(c - '0');
  }
}

// Scans a number starting at the digit at `i`: grouping by any single space or '.', decimals
// after ',' (or after '.' with one or two digits). Returns false when it is not a number start.
bool scan_number(std::string_view s, std::size_t i, Number& n) {
  std::size_t j = i;
  const std::size_t first = digit_run(s, j);
  add_digits(n, s.substr(j, first));
  j += first;
  if (first <= 3) {
    for (;;) {
      // A group separator followed by exactly three digits.
      char32_t cp = 0;
      if (j >= s.size()) break;
      const std::size_t sep = utf8::decode(s, j, cp);
      if (!(cp == '.' || cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007)) break;
      const std::size_t run = digit_run(s, j + sep);
      if (run != 3) break;
      add_digits(n, s.substr(j + sep, 3));
      j += sep + 3;
    }
  }
  // Decimals: ",50" or ".5"; never ",-" (that is the kronor sign).
  if (j + 1 < s.size() && (s[j] == ',' || s[j] == '.') && utf8::is_digit(s[j + 1])) {
    const std::size_t run = digit_run(s, j + 1);
    if (s[j] == ',' || run <= 2) {
      const std::string_view frac = s.substr(j + 1, run);
      std::size_t keep = frac.size();
      while (keep > 0 && frac[keep - 1] == '0') --keep;  // "1 234,50" = "1 234,5"
      for (std::size_t k = 0; k < keep; ++k) {
        ++n.digits, ++n.decimals;
        if (n.digits <= kMaxDigits) n.mantissa = n.mantissa * 10 + static_cast<std::uint64_t>(frac[k] - '0');
      }
      j += 1 + run;
    }
  }
  n.end = j;
  return true;
}

bool lower_starts_with(std::string_view s, std::size_t i, std::string_view word) noexcept {
  if (i + word.size() > s.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (utf8::lower_ascii(s[i + k]) != word[k]) return false;
  return true;
}

struct UnitWord {
  std::string word;  // folded (lower case)
  Unit unit;
  const char* currency;
};

// A unit's name as records print it (RECORDS.md: "unit"), the meanings of the vocabulary's unit
// sets. The one name table of Unit.
constexpr std::array<std::pair<Unit, std::string_view>, 4> kUnitNames = {{
    {Unit::kr, "kr"}, {Unit::tkr, "tkr"}, {Unit::mnkr, "mnkr"}, {Unit::mdkr, "mdkr"},  // vocab-scan: not a cue (unit names of the record contract)
}};

// The entries of a vocabulary set whose meaning names a unit, or "eur" (euro: whole units).
std::vector<UnitWord> unit_words(std::string_view set) {
  std::vector<UnitWord> out;
  for (const vocab::Entry* e : vocab::set(set).entries()) {
    if (e->meaning == "eur") {
      out.push_back({e->folded, Unit::kr, "EUR"});
    } else if (auto u = unit_from_name(e->meaning)) {
      out.push_back({e->folded, *u, "SEK"});
    } else {
      throw std::logic_error("data/vocabulary.tsv:" + std::to_string(e->line) + ": unknown unit '" + e->meaning + "'");
    }
  }
  return out;
}

// Units after a number (set amount_unit), longest first, and the kronor signs that stick to it.
const std::vector<UnitWord>& after_number() {
  static const std::vector<UnitWord> words = unit_words("amount_unit");
  return words;
}
const std::vector<UnitWord>& kronor_signs() {
  static const std::vector<UnitWord> signs = unit_words("kronor_sign");
  return signs;
}

bool ends_in_letter(std::string_view word) noexcept {
  return !word.empty() && std::isalpha(static_cast<unsigned char>(word.back())) != 0;
}

// The unit printed at `i` (after the number); sets `end` past it.
const UnitWord* scan_unit(std::string_view s, std::size_t number_end, std::size_t& end) {
  // ":-" and ",-" stick to the number; words follow after optional spaces.
  for (const UnitWord& sign : kronor_signs()) {
    if (s.substr(number_end).starts_with(sign.word)) {
      end = number_end + sign.word.size();
      if (end < s.size() && s[end] == '-') ++end;  // ":--"
      return &sign;
    }
  }
  const std::size_t i = utf8::skip_spaces(s, number_end);
  for (const UnitWord& u : after_number()) {
    if (!lower_starts_with(s, i, u.word)) continue;
    const std::size_t e = i + u.word.size();
    // A word unit ends at a word end ("kr" not in "kronologi"); a sign ("€") may touch what follows.
    if (ends_in_letter(u.word) && !utf8::at_word_end(s, e)) continue;
    end = e;
    return &u;
  }
  return nullptr;
}

struct Found {
  Number number;
  const UnitWord* unit = nullptr;  // nullptr: bare number
  std::size_t end = 0;
};

// The next number (with its unit, if any) at or after `from`; false when none.
bool next_number(std::string_view s, std::size_t& from, Found& f) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (!utf8::is_digit(s[i])) continue;
    if (!utf8::at_word_start(s, i) && !(i > 0 && (s[i - 1] == '-'))) {
      i += digit_run(s, i) - 1;  // inside a word or a longer number: skip the whole run
      continue;
    }
    Number n;
    n.begin = i;
    // A minus sign right before the digits, not joining two numbers ("2021-2023").
    if (i > 0 && s[i - 1] == '-' && utf8::at_word_start(s, i - 1)) {
      n.negative = true, n.begin = i - 1;
    } else if (i >= 3 && s.substr(i - 3, 3) == "\u2212") {
      n.negative = true, n.begin = i - 3;
    } else if (i > 0 && s[i - 1] == '-') {
      i += digit_run(s, i) - 1;
      continue;
    }
    scan_number(s, i, n);
    f = Found{n, nullptr, n.end};
    std::size_t unit_end = 0;
    if (const UnitWord* u = scan_unit(s, n.end, unit_end)) f.unit = u, f.end = unit_end;
    from = f.end;
    return true;
  }
  from = s.size();
  return false;
}

AmountResult to_result(std::string_view s, const Found& f, Unit column_unit) {
  AmountResult r;
  const std::string printed = fold_spaces(s.substr(f.number.begin, f.end - f.number.begin));
  if (f.number.digits > kMaxDigits) {
    r.error = "the amount '" + excerpt(printed, 40) + "' is too large";
    return r;
  }
  const Unit unit = f.unit ? f.unit->unit : column_unit;
  std::uint64_t scaled = 0;
  if (__builtin_mul_overflow(f.number.mantissa, ore_per(unit), &scaled) || scaled > static_cast<std::uint64_t>(INT64_MAX)) {
    r.error = "the amount '" + excerpt(printed) + "' is too large";
    return r;
  }
  std::uint64_t divisor = 1;
  for (int k = 0; k < f.number.decimals; ++k) divisor *= 10;
  if (scaled % divisor != 0) {
    r.error = "'" + excerpt(printed) + "' is not a whole number of öre";  // vocab-scan: not a cue (a message)
    return r;
  }
  AmountMatch m;
  m.ore = static_cast<std::int64_t>(scaled / divisor);
  if (f.number.negative) m.ore = -m.ore;
  m.currency = f.unit ? f.unit->currency : "SEK";
  m.text = std::string(s.substr(f.number.begin, f.end - f.number.begin));
  m.begin = f.number.begin;
  m.end = f.end;
  r.match = std::move(m);
  return r;
}

bool is_footnote_marker(char32_t cp) noexcept {
  return cp == '*' || cp == 0x2020 || cp == 0x2021 || utf8::is_superscript_digit(cp);
}

}  // namespace

const char* to_string(Unit u) noexcept {
  for (const auto& [unit, name] : kUnitNames)
    if (unit == u) return name.data();
  return kUnitNames.front().second.data();
}

std::optional<Unit> unit_from_name(std::string_view name) noexcept {
  for (const auto& [unit, n] : kUnitNames)
    if (n == name) return unit;
  return std::nullopt;
}

std::vector<std::string_view> unit_names() {
  std::vector<std::string_view> out;
  for (const auto& [unit, name] : kUnitNames) out.push_back(name);
  return out;
}

std::optional<Unit> unit_from_header(std::string_view header) {
  const std::string h = fold_case(fold_spaces(header));
  // The vocabulary's header units, longest first: "tkr" contains "kr", "mnkr" contains "kr".
  static const std::vector<UnitWord> words = unit_words("header_unit");
  for (const UnitWord& u : words) {
    const std::string& word = u.word;
    for (std::size_t at = h.find(word); at != std::string::npos; at = h.find(word, at + 1)) {
      if (utf8::at_word_start(h, at) && utf8::at_word_end(h, at + word.size())) return u.unit;
    }
  }
  return std::nullopt;
}

AmountResult parse_amount(std::string_view text, Unit column_unit) {
  // The first number with a currency word wins; a bare number takes the column's unit.
  std::vector<Found> all;
  std::size_t from = 0;
  Found f;
  while (all.size() < 3 && next_number(text, from, f)) all.push_back(f);
  AmountResult r;
  if (all.empty()) {
    r.error = "no amount found";
    return r;
  }
  if (all.size() > 1) {
    r.error = "more than one number in '" + excerpt(fold_spaces(text.substr(0, 400)), 80) + "'";
    return r;
  }
  return to_result(text, all.front(), column_unit);
}

AmountResult parse_amount_cell(std::string_view cell, Unit column_unit) {
  AmountResult r;
  const std::string trimmed = fold_spaces(cell);
  if (trimmed.empty()) {
    r.error = "empty cell";
    return r;
  }
  if (trimmed == "-" || trimmed == "\u2013" || trimmed == "\u2014" || trimmed == "\u2212") {
    r.match = AmountMatch{0, "SEK", trimmed, 0, cell.size()};
    return r;
  }
  std::size_t from = 0;
  Found f;
  const std::string_view s = cell;
  if (!next_number(s, from, f)) {
    r.error = "not an amount: '" + excerpt(trimmed) + "'";
    return r;
  }
  // Only spaces before the number, and only spaces or footnote markers after it.
  const bool clean_before = utf8::skip_spaces(s, 0) == f.number.begin;
  std::size_t j = f.end;
  while (j < s.size()) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(s, j, cp);
    if (!utf8::is_space(cp) && !is_footnote_marker(cp)) break;
    j += n;
  }
  if (!clean_before || j != s.size()) {
    r.error = "not a single amount: '" + excerpt(trimmed) + "'";
    return r;
  }
  return to_result(s, f, column_unit);
}

std::vector<AmountMatch> find_amounts(std::string_view text) {
  std::vector<AmountMatch> out;
  std::size_t from = 0;
  Found f;
  while (next_number(text, from, f)) {
    if (f.unit == nullptr) continue;
    AmountResult r = to_result(text, f, Unit::kr);
    if (r.match) out.push_back(std::move(*r.match));
  }
  return out;
}

}  // namespace bidrag::normalize
