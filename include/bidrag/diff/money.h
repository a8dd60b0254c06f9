// Exact arithmetic on record amounts: JSON numbers of kronor ↔ integer öre, and relative
// changes computed from integers and printed with fixed decimals (no binary floating point).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::diff {

// "1234567", "1234567.5", "1234567.50", "-12.05" → öre; nullopt for anything else (exponents,
// more than two decimals, overflow).
[[nodiscard]] std::optional<std::int64_t> parse_ore(std::string_view kronor) noexcept;
// Öre → the record contract's number of kronor: "1234567", "1234567.50", "-12.05".
[[nodiscard]] std::string kronor_number(std::int64_t ore);
// Öre → kronor for people: ASCII spaces between digit groups, "," before öre: "17 603 816",
// "-1 234,50".
[[nodiscard]] std::string kronor_display(std::int64_t ore);
// 100 · delta / base with two decimals, rounded half away from zero: "5.30", "-100.00", "0.00".
// nullopt when base is 0.
[[nodiscard]] std::optional<std::string> percent(std::int64_t delta, std::int64_t base);

}  // namespace bidrag::diff
