// Page sentences: running text split at sentence ends, not after abbreviations ("kl.",
// "t.ex.", "bl.a.", "Dnr.") or an abbreviated month ("1 jan. 2024").
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "extract/page.h"

namespace bidrag::extract {
namespace {

struct Row {
  const char* name;
  const char* text;
  std::vector<std::string> want;
};

// Failures name the row, not its bytes.
void PrintTo(const Row& r, std::ostream* os) { *os << r.name << ": \"" << r.text << '"'; }

class PageSentences : public ::testing::TestWithParam<Row> {};

TEST_P(PageSentences, SplitsAtSentenceEndsOnly) { EXPECT_EQ(split_sentences(GetParam().text), GetParam().want); }

INSTANTIATE_TEST_SUITE_P(
    Rows, PageSentences,
    ::testing::Values(
        Row{"two_sentences", "Ansökan är öppen. Sista dag är den 1 mars.", {"Ansökan är öppen.", "Sista dag är den 1 mars."}},
        Row{"time_after_kl", "Utlysningen stänger den 15 maj 2025 kl. 14.00. Sök i e-tjänsten.",
            {"Utlysningen stänger den 15 maj 2025 kl. 14.00.", "Sök i e-tjänsten."}},
        Row{"abbreviated_month", "Ansökan öppnar 15 jan. 2024 och stänger 28 feb. 2024. Välkommen.",
            {"Ansökan öppnar 15 jan. 2024 och stänger 28 feb. 2024.", "Välkommen."}},
        Row{"t_ex_before_capital", "Bidraget kan gå till t.ex. Lokaler. Det kan inte gå till löner.",
            {"Bidraget kan gå till t.ex. Lokaler.", "Det kan inte gå till löner."}},
        Row{"bl_a_before_capital", "Stödet täcker bl.a. Resor. Mer finns i villkoren.",
            {"Stödet täcker bl.a. Resor.", "Mer finns i villkoren."}},
        Row{"dnr_before_number", "Se beslutet Dnr. 2025-1234. Det gäller 2025.", {"Se beslutet Dnr. 2025-1234.", "Det gäller 2025."}},
        Row{"sentence_ending_in_number", "Ansökan stänger 2025-05-15. Beslut i juni.",
            {"Ansökan stänger 2025-05-15.", "Beslut i juni."}},
        Row{"question_then_capital", "Vem kan söka? Kommuner kan söka.", {"Vem kan söka?", "Kommuner kan söka."}},
        Row{"lower_case_after_dot_is_no_end", "Det gäller ca. tjugo kommuner.", {"Det gäller ca. tjugo kommuner."}}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace bidrag::extract
