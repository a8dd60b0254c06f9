// Retry policy: retryable statuses, Retry-After parsing (dates via curl_getdate), backoff.
#include "fetch/retry.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace bidrag::fetch::detail {

bool retryable_status(long status) noexcept {
  switch (status) {
    case 408: case 429: case 500: case 502: case 503: case 504: return true;
    default: return false;
  }
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, std::time_t now,
                                                           std::chrono::milliseconds cap) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())) != 0) value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())) != 0) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;

  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    // Digits beyond the cap need not be parsed (and must not overflow).
    if (value.size() > 9) return cap;
    const std::chrono::seconds seconds(std::stol(std::string(value)));
    return std::min<std::chrono::milliseconds>(seconds, cap);
  }
  const std::string text(value);
  const std::time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  if (when <= now) return std::chrono::milliseconds(0);
  return std::min<std::chrono::milliseconds>(std::chrono::seconds(when - now), cap);
}

std::chrono::milliseconds backoff_delay(int retry, long base_ms, double unit) noexcept {
  constexpr long kMaxMs = 60'000;
  long full = std::max(base_ms, 0L);
  for (int i = 1; i < retry && full < kMaxMs; ++i) full *= 2;
  full = std::min(full, kMaxMs);
  const double jittered = static_cast<double>(full) * (0.5 + 0.5 * std::clamp(unit, 0.0, 1.0));
  return std::chrono::milliseconds(static_cast<long>(jittered));
}

}  // namespace bidrag::fetch::detail
