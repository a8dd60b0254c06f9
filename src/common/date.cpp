// Civil-date arithmetic (Howard Hinnant's days_from_civil), independent of the process time zone.
#include "bidrag/common/date.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace bidrag {

bool is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) noexcept {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool Date::valid() const noexcept {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::int64_t Date::days_since_epoch() const noexcept {
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date Date::plus_days(std::int64_t days) const noexcept { return from_days_since_epoch(days_since_epoch() + days); }

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> Date::parse_iso(std::string_view t) noexcept {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  Date d;
  auto num = [&](std::size_t pos, std::size_t len, int& out) {
    const char* b = t.data() + pos;
    auto [p, ec] = std::from_chars(b, b + len, out);
    return ec == std::errc{} && p == b + len;
  };
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day) || !d.valid()) return std::nullopt;
  return d;
}

Date Date::today_utc() noexcept {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return from_days_since_epoch(days);
}

std::int64_t days_between(const Date& a, const Date& b) noexcept { return b.days_since_epoch() - a.days_since_epoch(); }

}  // namespace bidrag
