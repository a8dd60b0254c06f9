// `bidrag tables` golden tests: CSV and JSON output, --pages and --area, and the exit codes
// and messages for bad input.
#include <gtest/gtest.h>

#include "support/support.h"

namespace bidrag::test {
namespace {

TEST(TablesCli, CsvBlocksSeparatedByABlankLine) {
  const auto r = run_bidrag({"tables", "fixtures/tables/writer-tables.pdf"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "County,Municipality,Amount (SEK)\n"
            "Stockholm,Upplands Väsby,2 239 106\n"
            "Stockholm,Botkyrka,3 600 583\n"
            "Uppsala,Älvkarleby,0\n"
            "Skåne,Östra Göinge,–\n"
            "Total,,5 839 689\n"
            "\n"
            "Month,Orders,Returns\n"
            "January,1 204,31\n"
            "February,998,12\n"
            "March,1 530,40\n");
  EXPECT_EQ(r.err, "");
}

TEST(TablesCli, JsonWithPagesAndArea) {
  const auto r = run_bidrag({"tables", "fixtures/tables/writer-tables.pdf", "--format", "json", "--pages", "1",
                             "--area", "260,0,400,595"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"tables\":[{\"page\":1,\"bbox\":[59.8,270.6,194.9,345.6],\"rows\":[[\"Month\",\"Orders\",\"Returns\"],"
            "[\"January\",\"1 204\",\"31\"],[\"February\",\"998\",\"12\"],[\"March\",\"1 530\",\"40\"]]}]}\n");
}

TEST(TablesCli, CorpusListTotalRow) {
  const auto r = run_bidrag({"tables", "fixtures/corpus/sociala-insatser-2023/fordelningslista.pdf"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1) + 1),
            "Län,Kommun,Belopp (kr)\nStockholms län,Botkyrka,17 603 816\n");
  EXPECT_NE(r.out.find("\nTotalt,,243 500 000\n"), std::string::npos);
}

struct BadCase {
  std::vector<std::string> args;
  int exit_code;
  std::string err;
};
void PrintTo(const BadCase& c, std::ostream* os) {
  for (const auto& a : c.args) *os << a << ' ';
}

class TablesCliErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(TablesCliErrors, ClearMessageAndExitCode) {
  const auto& c = GetParam();
  const auto r = run_bidrag(c.args);
  EXPECT_EQ(r.exit_code, c.exit_code);
  EXPECT_EQ(r.err, c.err);
  EXPECT_EQ(r.out, "");
}

INSTANTIATE_TEST_SUITE_P(
    Bad, TablesCliErrors,
    ::testing::Values(
        BadCase{{"tables", "fixtures/tables/src/writer-tables.html"},
                1,
                "bidrag: error: fixtures/tables/src/writer-tables.html: not a PDF (no %PDF- header)\n"},
        BadCase{{"tables", "fixtures/tables/writer-tables.pdf", "--pages", "3-1"},
                2,
                "bidrag: error: --pages: '3-1' is not a page or a range (expected e.g. 1,3-5)\n"},
        BadCase{{"tables", "fixtures/tables/writer-tables.pdf", "--pages", "2"},
                2,
                "bidrag: error: --pages: page 2 does not exist in fixtures/tables/writer-tables.pdf (1 page)\n"},
        BadCase{{"tables", "fixtures/tables/writer-tables.pdf", "--area", "10,10,5,5"},
                2,
                "bidrag: error: --area: '10,10,5,5' is not TOP,LEFT,BOTTOM,RIGHT in points with TOP < BOTTOM and "
                "LEFT < RIGHT\n"}),
    [](const ::testing::TestParamInfo<BadCase>& i) { std::string s; for (const auto& a : i.param.args) s += a + " "; return test::identifier(s); });

}  // namespace
}  // namespace bidrag::test
