// A proleptic Gregorian civil date (no time zone), as the record contract's ISO dates.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bidrag {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  auto operator<=>(const Date&) const = default;

  // True for a real calendar day (30 February is not).
  [[nodiscard]] bool valid() const noexcept;
  // Days since 1970-01-01; only meaningful for a valid date.
  [[nodiscard]] std::int64_t days_since_epoch() const noexcept;
  [[nodiscard]] static Date from_days_since_epoch(std::int64_t days) noexcept;
  [[nodiscard]] Date plus_days(std::int64_t days) const noexcept;
  // "2023-05-12".
  [[nodiscard]] std::string iso() const;
  // Parses exactly "YYYY-MM-DD" and checks the day exists.
  [[nodiscard]] static std::optional<Date> parse_iso(std::string_view text) noexcept;
  // Today in UTC, for defaults only; never used where a document states a date.
  [[nodiscard]] static Date today_utc() noexcept;
};

[[nodiscard]] bool is_leap_year(int year) noexcept;
[[nodiscard]] int days_in_month(int year, int month) noexcept;
// Signed days from a to b (b - a).
[[nodiscard]] std::int64_t days_between(const Date& a, const Date& b) noexcept;

}  // namespace bidrag
