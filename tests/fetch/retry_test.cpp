// Retry policy: which statuses retry, Retry-After in both forms with a cap, backoff growth.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "fetch/retry.h"

namespace bidrag::fetch::detail {
namespace {

using std::chrono::milliseconds;

TEST(Retry, RetryableStatuses) {
  for (long status : {408L, 429L, 500L, 502L, 503L, 504L}) EXPECT_TRUE(retryable_status(status)) << status;
  for (long status : {200L, 301L, 304L, 400L, 403L, 404L, 410L, 501L, 505L}) EXPECT_FALSE(retryable_status(status)) << status;
}

struct RetryAfterCase {
  std::string value;
  std::optional<milliseconds> expected;
};

TEST(Retry, RetryAfterSecondsAndDates) {
  // 2023-02-24T14:03:00Z
  const std::time_t now = 1677247380;
  const std::vector<RetryAfterCase> cases = {
      {"1", milliseconds(1000)},
      {" 30 ", milliseconds(30'000)},
      {"0", milliseconds(0)},
      {"120", milliseconds(120'000)},
      {"121", milliseconds(120'000)},  // capped
      {"99999999999999999999", milliseconds(120'000)},
      {"Fri, 24 Feb 2023 14:03:45 GMT", milliseconds(45'000)},  // IMF-fixdate
      {"Friday, 24-Feb-23 14:04:00 GMT", milliseconds(60'000)},  // RFC 850
      {"Fri Feb 24 14:03:10 2023", milliseconds(10'000)},        // asctime
      {"Fri, 24 Feb 2023 13:00:00 GMT", milliseconds(0)},        // in the past
      {"Sat, 25 Feb 2023 14:03:00 GMT", milliseconds(120'000)},  // a day later: capped
      {"", std::nullopt},
      {"soon", std::nullopt},
      {"-5", std::nullopt},
      {"1.5", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(parse_retry_after(c.value, now), c.expected) << "'" << c.value << "'";
  EXPECT_EQ(parse_retry_after("10", now, milliseconds(2000)), milliseconds(2000));
}

TEST(Retry, BackoffDoublesWithEqualJitter) {
  EXPECT_EQ(backoff_delay(1, 500, 0.0), milliseconds(250));
  EXPECT_EQ(backoff_delay(1, 500, 0.999), milliseconds(499));
  EXPECT_EQ(backoff_delay(2, 500, 0.0), milliseconds(500));
  EXPECT_EQ(backoff_delay(3, 500, 0.0), milliseconds(1000));
  EXPECT_EQ(backoff_delay(3, 500, 0.5), milliseconds(1500));
  EXPECT_EQ(backoff_delay(30, 500, 0.0), milliseconds(30'000));  // capped at one minute
  EXPECT_EQ(backoff_delay(30, 500, 1.0), milliseconds(60'000));
  EXPECT_EQ(backoff_delay(1, 0, 0.7), milliseconds(0));
}

}  // namespace
}  // namespace bidrag::fetch::detail
