#include <gtest/gtest.h>

#include "bidrag/common/date.h"

namespace bidrag {
namespace {

TEST(DateTest, ValidatesRealDays) {
  EXPECT_TRUE((Date{2024, 2, 29}).valid());
  EXPECT_FALSE((Date{2023, 2, 29}).valid());
  EXPECT_FALSE((Date{2023, 2, 30}).valid());
  EXPECT_FALSE((Date{2023, 13, 1}).valid());
  EXPECT_TRUE((Date{2000, 2, 29}).valid());
  EXPECT_FALSE((Date{1900, 2, 29}).valid());
}

TEST(DateTest, DayArithmetic) {
  EXPECT_EQ((Date{1970, 1, 1}).days_since_epoch(), 0);
  EXPECT_EQ((Date{2023, 5, 12}).plus_days(-77), (Date{2023, 2, 24}));
  EXPECT_EQ(days_between(Date{2022, 5, 13}, Date{2023, 5, 12}), 364);
  EXPECT_EQ((Date{2023, 12, 31}).plus_days(1), (Date{2024, 1, 1}));
  EXPECT_EQ(Date::from_days_since_epoch((Date{2024, 2, 29}).days_since_epoch()), (Date{2024, 2, 29}));
}

TEST(DateTest, IsoRoundTrip) {
  EXPECT_EQ((Date{2023, 1, 8}).iso(), "2023-01-08");
  EXPECT_EQ(Date::parse_iso("2023-01-18"), (Date{2023, 1, 18}));
  EXPECT_EQ(Date::parse_iso("2023-02-30"), std::nullopt);
  EXPECT_EQ(Date::parse_iso("2023-1-18"), std::nullopt);
  EXPECT_EQ(Date::parse_iso("2023-01-18x"), std::nullopt);
}

}  // namespace
}  // namespace bidrag
