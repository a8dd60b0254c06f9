// The update times that sitemaps and feeds state, brought to one form (RFC 3339 UTC) so they
// compare as strings with the capture times the store keeps.
#include <chrono>
#include <cstdio>

#include "bidrag/parse/discover.h"

namespace bidrag::parse::discover {
namespace {

using namespace std::chrono;

struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  [[nodiscard]] bool at_end() const { return i >= s.size(); }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void spaces() {
    while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r') ++i;
  }
  // Exactly `digits` decimal digits (at least 1 and at most `digits` when `exact` is false).
  std::optional<int> number(int digits, bool exact = true) {
    int v = 0, n = 0;
    while (n < digits && peek() >= '0' && peek() <= '9') v = v * 10 + (s[i++] - '0'), ++n;
    if (n == 0 || (exact && n != digits)) return std::nullopt;
    return v;
  }
};

std::optional<std::string> format(sys_seconds t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  const int y = static_cast<int>(ymd.year());
  if (y < 1 || y > 9999) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return std::string(buf);
}

std::optional<sys_days> date_of(int y, int m, int d) {
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

// "hh:mm[:ss[.fff]]"; the fraction is dropped.
std::optional<seconds> clock_time(Cursor& c) {
  const auto h = c.number(2);
  if (!h || !c.eat(':')) return std::nullopt;
  const auto m = c.number(2);
  if (!m) return std::nullopt;
  int sec = 0;
  if (c.eat(':')) {
    const auto s = c.number(2);
    if (!s) return std::nullopt;
    sec = *s;
    if (c.eat('.'))
      while (c.peek() >= '0' && c.peek() <= '9') ++c.i;
  }
  if (*h > 23 || *m > 59 || sec > 60) return std::nullopt;
  return hours{*h} + minutes{*m} + seconds{std::min(sec, 59)};
}

// "Z", "+01:00", "-0500", "GMT", "UT", "UTC": the offset east of UTC.
std::optional<minutes> zone(Cursor& c) {
  const std::string_view rest = c.s.substr(c.i);
  for (std::string_view utc : {"Z", "GMT", "UTC", "UT"})
    if (rest == utc) return minutes{0};
  const char sign = c.peek();
  if (sign != '+' && sign != '-') return std::nullopt;
  ++c.i;
  const auto h = c.number(2);
  c.eat(':');
  const auto m = c.number(2);
  if (!h || !m || !c.at_end()) return std::nullopt;
  const minutes off = hours{*h} + minutes{*m};
  return sign == '+' ? off : -off;
}

std::optional<std::string> w3c(Cursor c) {
  const auto y = c.number(4);
  if (!y || !c.eat('-')) return std::nullopt;
  const auto mo = c.number(2);
  if (!mo || !c.eat('-')) return std::nullopt;
  const auto d = c.number(2);
  if (!d) return std::nullopt;
  const auto day = date_of(*y, *mo, *d);
  if (!day) return std::nullopt;
  if (c.at_end()) return format(*day + days{1});  // the whole day
  if (!c.eat('T')) return std::nullopt;
  const auto t = clock_time(c);
  const auto z = t ? zone(c) : std::nullopt;
  if (!z) return std::nullopt;
  return format(sys_seconds{*day} + *t - *z);
}

std::optional<std::string> rfc822(Cursor c) {
  // An optional day name and comma.
  if (const auto comma = c.s.find(','); comma != std::string_view::npos) c.i = comma + 1;
  c.spaces();
  const auto d = c.number(2, false);
  c.spaces();
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!d || c.i + 3 > c.s.size()) return std::nullopt;
  std::string mon(c.s.substr(c.i, 3));
  for (char& ch : mon) ch = static_cast<char>(ch | 0x20);
  int m = 0;
  for (int k = 0; k < 12; ++k)
    if (kMonths[k] == mon) m = k + 1;
  if (m == 0) return std::nullopt;
  c.i += 3;
  c.spaces();
  auto y = c.number(4, false);
  if (!y) return std::nullopt;
  if (*y < 100) *y += *y < 50 ? 2000 : 1900;
  c.spaces();
  const auto day = date_of(*y, m, *d);
  const auto t = day ? clock_time(c) : std::nullopt;
  c.spaces();
  const auto z = t ? zone(c) : std::nullopt;
  if (!z) return std::nullopt;
  return format(sys_seconds{*day} + *t - *z);
}

}  // namespace

std::optional<std::string> utc_time(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text[0] >= '0' && text[0] <= '9' && text.size() >= 10 && text[4] == '-') return w3c(Cursor{text});
  return rfc822(Cursor{text});
}

}  // namespace bidrag::parse::discover
