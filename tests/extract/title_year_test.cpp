// Title and year, one row per title: the year each form reads and the title left for the id.
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

#include "extract/title_year.h"

namespace bidrag::extract {
namespace {

struct Row {
  const char* name;
  TitleForm form;
  const char* title;
  std::optional<int> year;
  const char* bare;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.name << ": \"" << r.title << '"'; }

class TitleYearRows : public ::testing::TestWithParam<Row> {};

TEST_P(TitleYearRows, ReadsTheYearAndTheTitleWithoutIt) {
  const Row& r = GetParam();
  const TitleYear got = title_year(r.title, r.form);
  EXPECT_EQ(got.year, r.year);
  EXPECT_EQ(got.bare, r.bare);
}

constexpr auto kCall = TitleForm::call_page;
constexpr auto kList = TitleForm::allocation_list;

INSTANTIATE_TEST_SUITE_P(
    Rows, TitleYearRows,
    ::testing::Values(
        Row{"call_year_at_the_end", kCall, "Statsbidrag för habiliteringsersättning 2024", 2024,
            "Statsbidrag för habiliteringsersättning"},
        Row{"call_dash_before_the_year_goes", kCall, "Kulturmiljöbidrag – 2025", 2025, "Kulturmiljöbidrag"},
        Row{"call_lead_words_stay", kCall, "Bidrag för år 2024", 2024, "Bidrag för år"},
        Row{"call_year_inside", kCall, "Stöd 2023 till ideella föreningar", 2023, "Stöd till ideella föreningar"},
        Row{"call_last_year_of_a_span", kCall, "Statsbidrag 2024/2025", 2025, "Statsbidrag 2024/"},
        Row{"call_year_out_of_range_is_no_year", kCall, "Bidrag till 1800-talets kyrkor", std::nullopt,
            "Bidrag till 1800-talets kyrkor"},
        Row{"call_longer_number_is_no_year", kCall, "Ärende 120245 om stöd", std::nullopt, "Ärende 120245 om stöd"},
        Row{"call_no_year", kCall, "Stöd till lokala kulturhus", std::nullopt, "Stöd till lokala kulturhus"},
        Row{"list_year_at_the_end", kList, "Fördelning av statsbidrag för sociala insatser 2023", 2023,
            "Fördelning av statsbidrag för sociala insatser"},
        Row{"list_lead_words_go_with_the_year", kList, "Beviljade medel för år 2023", 2023, "Beviljade medel"},
        Row{"list_year_in_parentheses", kList, "Beviljade bidrag (2024)", 2024, "Beviljade bidrag"},
        Row{"list_year_inside", kList, "Beviljade organisationsbidrag 2025 – ideella organisationer", 2025,
            "Beviljade organisationsbidrag – ideella organisationer"},
        Row{"list_span_is_no_year_word", kList, "Fördelning 2024-2025", std::nullopt, "Fördelning 2024-2025"},
        Row{"list_date_is_no_year", kList, "Beslut 2025-02-11 om fördelning", std::nullopt,
            "Beslut 2025-02-11 om fördelning"},
        Row{"list_spaces_folded", kList, "  Fördelning   2023 ", 2023, "Fördelning"}),
    [](const ::testing::TestParamInfo<Row>& i) { return std::string(i.param.name); });

TEST(YearIn, TheLastYearWordWins) {
  EXPECT_EQ(year_in("Bidrag 2023 och 2024"), 2024);
  EXPECT_EQ(year_in("Beslut 2025-02-11"), std::nullopt);
  EXPECT_EQ(year_in("2025"), 2025);
}

}  // namespace
}  // namespace bidrag::extract
