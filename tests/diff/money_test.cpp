// Exact kronor/öre arithmetic of amount changes: parsing, printing, percentages.
#include <gtest/gtest.h>

#include "bidrag/diff/money.h"

namespace bidrag::diff {
namespace {

TEST(Money, ParsesKronorNumbersToOre) {
  const struct {
    const char* in;
    std::optional<std::int64_t> ore;
  } cases[] = {
      {"0", 0},
      {"1234567", 123456700},
      {"1234567.5", 123456750},
      {"1234567.50", 123456750},
      {"-12.05", -1205},
      {"243500000", 24350000000},
      {"1.234", std::nullopt},
      {"1e5", std::nullopt},
      {"", std::nullopt},
      {"-", std::nullopt},
      {"12.", std::nullopt},
      {"99999999999999999999", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(parse_ore(c.in), c.ore) << c.in;
}

TEST(Money, PrintsKronor) {
  const struct {
    std::int64_t ore;
    const char* number;
    const char* display;
  } cases[] = {
      {0, "0", "0"},
      {123456700, "1234567", "1 234 567"},
      {123456750, "1234567.50", "1 234 567,50"},
      {-1205, "-12.05", "-12,05"},
      {-123456700, "-1234567", "-1 234 567"},
      {100000, "1000", "1 000"},
      {99900, "999", "999"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(kronor_number(c.ore), c.number) << c.ore;
    EXPECT_EQ(kronor_display(c.ore), c.display) << c.ore;
  }
}

TEST(Money, PercentFromIntegersWithTwoDecimalsHalfAwayFromZero) {
  const struct {
    std::int64_t delta, base;
    std::optional<std::string> pct;
  } cases[] = {
      {10, 100, "10.00"},
      {-100, 100, "-100.00"},
      {1, 3, "33.33"},
      {2, 3, "66.67"},
      {-2, 3, "-66.67"},
      {1, 20000, "0.01"},     // 0.005 % rounds away from zero
      {-1, 20000, "-0.01"},
      {1, 20001, "0.00"},     // 0.00499… %
      {-1, 20001, "0.00"},    // no "-0.00"
      {0, 5, "0.00"},
      {5, 0, std::nullopt},
      {INT64_MAX / 2, 1, std::to_string(INT64_MAX / 2) + "00.00"},  // no overflow
  };
  for (const auto& c : cases) EXPECT_EQ(percent(c.delta, c.base), c.pct) << c.delta << "/" << c.base;
}

}  // namespace
}  // namespace bidrag::diff
