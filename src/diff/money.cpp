// Exact kronor/öre arithmetic for amount changes.
#include "bidrag/diff/money.h"
#include "bidrag/record/record.h"

#include <limits>

namespace bidrag::diff {
namespace {

// 128-bit integers (a GCC/Clang extension) so delta · 10000 cannot overflow.
__extension__ typedef __int128 I128;
__extension__ typedef unsigned __int128 U128;

std::uint64_t magnitude(std::int64_t v) noexcept {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

}  // namespace

std::optional<std::int64_t> parse_ore(std::string_view s) noexcept {
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && frac.empty()) || frac.size() > 2) return std::nullopt;
  constexpr std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) / 100 - 1;
  std::uint64_t kr = 0;
  for (char c : whole) {
    if (c < '0' || c > '9' || kr > limit / 10) return std::nullopt;
    kr = kr * 10 + static_cast<std::uint64_t>(c - '0');
  }
  std::uint64_t ore = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    const char c = i < frac.size() ? frac[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    ore = ore * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (kr > limit) return std::nullopt;
  const auto total = static_cast<std::int64_t>(kr * 100 + ore);
  return negative ? -total : total;
}

std::string kronor_number(std::int64_t ore) { return record::Amount{ore}.json_number(); }

std::string kronor_display(std::int64_t ore) {
  const std::uint64_t mag = magnitude(ore);
  const std::string digits = std::to_string(mag / 100);
  std::string s = ore < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += ' ';
    s += digits[i];
  }
  if (const auto frac = mag % 100; frac != 0) {
    s += ',';
    s += static_cast<char>('0' + frac / 10);
    s += static_cast<char>('0' + frac % 10);
  }
  return s;
}

std::optional<std::string> percent(std::int64_t delta, std::int64_t base) {
  if (base == 0) return std::nullopt;
  // Hundredths of a percent: 10000 · delta / base.
  const I128 num = static_cast<I128>(delta) * 10000;
  const I128 den = base;
  const bool negative = (num < 0) != (den < 0) && num != 0;
  const U128 n = static_cast<U128>(num < 0 ? -num : num);
  const U128 d = static_cast<U128>(den < 0 ? -den : den);
  U128 q = n / d;
  if ((n % d) * 2 >= d) ++q;  // half away from zero
  // Digits of q (hundredths), at least three so there is a units digit before the point.
  std::string digits;
  for (; q != 0 || digits.size() < 3; q /= 10) digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(q % 10)));
  std::string s = negative && digits.find_first_not_of('0') != std::string::npos ? "-" : "";
  s += digits.substr(0, digits.size() - 2);
  s += '.';
  s += digits.substr(digits.size() - 2);
  return s;
}

}  // namespace bidrag::diff
