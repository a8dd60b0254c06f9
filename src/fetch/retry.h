// When to try a fetch again and how long to wait: retryable statuses, Retry-After, backoff.
#pragma once
#include <chrono>
#include <ctime>
#include <optional>
#include <string_view>

namespace bidrag::fetch::detail {

// A server never makes us wait longer than this, whatever its Retry-After says.
inline constexpr std::chrono::seconds kRetryAfterCap{120};

// 408, 429, 500, 502, 503, 504: the server may answer differently next time.
[[nodiscard]] bool retryable_status(long status) noexcept;

// Retry-After (RFC 9110 10.2.3): delta-seconds ("120") or an HTTP-date, relative to `now`
// (seconds since the epoch). Capped at `cap`; a date in the past is zero; nullopt when the
// value is neither.
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, std::time_t now,
                                                                         std::chrono::milliseconds cap = kRetryAfterCap);

// Exponential backoff with "equal jitter": the n-th retry (1-based) waits between half and
// all of base·2^(n-1), capped at one minute. `unit` in [0, 1) picks the point (random in use).
[[nodiscard]] std::chrono::milliseconds backoff_delay(int retry, long base_ms, double unit) noexcept;

}  // namespace bidrag::fetch::detail
