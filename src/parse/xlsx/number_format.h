// Spreadsheet number formats (ECMA-376 Part 1, 18.8.30–31): the text a cell shows for its stored
// number, as a Swedish spreadsheet shows it (decimal comma, a space between digit groups), dates
// as ISO 8601. Exact decimal arithmetic on the stored string; no binary floating point.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::parse::xlsx {

// The stored value "<v>" ("1245082", "1.5E-3", "-0.25") as a plain decimal ("0.0015"); nullopt
// when it is not a number.
[[nodiscard]] std::optional<std::string> plain_decimal(std::string_view v);

// The format code of a built-in numFmtId (0 General, 3 "#,##0", 14 a short date, ...); ids the
// standard leaves to the locale get the Swedish one; an unknown id is General.
[[nodiscard]] std::string builtin_format(int id);

// True when the code shows a date or a time (y, m, d, h, s outside quotes and brackets).
[[nodiscard]] bool is_date_format(std::string_view code);

// The displayed text of the plain decimal `value` in format `code`. Dates: the serial in the
// 1900 date system (or 1904 when `date1904`) as "2025-03-04", with " 14:30" when the format shows
// a time, or only "14:30" for a time format.
[[nodiscard]] std::string format_number(const std::string& value, std::string_view code, bool date1904);

}  // namespace bidrag::parse::xlsx
