// Swedish amounts of money as exact integer öre (never double).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::normalize {

// The scale of a column or an amount: kronor, thousands (tkr), millions (mnkr/mkr), billions.
enum class Unit { kr, tkr, mnkr, mdkr };
[[nodiscard]] const char* to_string(Unit u) noexcept;  // "kr", "tkr", "mnkr", "mdkr"
[[nodiscard]] std::optional<Unit> unit_from_name(std::string_view name) noexcept;  // to_string's inverse
[[nodiscard]] std::vector<std::string_view> unit_names();  // every to_string, in enum order

// The unit a table header states: "Belopp (tkr)", "Tusental kronor" → tkr; "Belopp (kr)" → kr;
// nullopt when it states none. The words are the vocabulary's set header_unit; the units printed
// after a number are its sets amount_unit and kronor_sign (data/vocabulary.tsv).
[[nodiscard]] std::optional<Unit> unit_from_header(std::string_view header);

struct AmountMatch {
  std::int64_t ore = 0;
  std::string currency = "SEK";
  std::string text;  // as printed
  std::size_t begin = 0, end = 0;
};

struct AmountResult {
  std::optional<AmountMatch> match;
  std::optional<std::string> error;
};

// One amount: "1 234 567 kr", "12,5 miljoner kronor", "500 tkr", "−2 500". A bare number takes
// `column_unit` (the unit of its table column). Any space character may group digits.
[[nodiscard]] AmountResult parse_amount(std::string_view text, Unit column_unit = Unit::kr);
// A table cell: exactly one number (with optional unit, footnote marker, or "–"/"-" for zero).
[[nodiscard]] AmountResult parse_amount_cell(std::string_view cell, Unit column_unit = Unit::kr);
// Every amount with a currency word in running text.
[[nodiscard]] std::vector<AmountMatch> find_amounts(std::string_view text);

}  // namespace bidrag::normalize
