// `bidrag tables` golden tests: CSV and JSON output, --pages and --area, XLSX workbooks (every
// sheet's tables, --sheet) and CSV files, and the exit codes and messages for bad input.
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

TEST(TablesCli, WorkbookSecondSheetAsCsv) {
  // The first sheet is prose only: the table comes from the second.
  const auto r = run_bidrag({"tables", "fixtures/corpus/allocation-lists-2025/fohm-regioner-hiv-sti-2025.xlsx"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1) + 1), "Region,Belopp (kr)\nBlekinge,1 245 082\n");
  EXPECT_NE(r.out.find("\nVästra Götaland,6 766 445\n"), std::string::npos);
  EXPECT_EQ(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1), "Totalt,52 500 000\n");
  EXPECT_EQ(r.err, "");
}

TEST(TablesCli, WorkbookJsonNamesTheSheet) {
  const auto r = run_bidrag({"tables", "fixtures/spreadsheets/merged-date-formula.xlsx", "--format", "json", "--sheet", "Beslut"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"tables\":[{\"sheet\":\"Beslut\",\"row\":4,\"cell\":\"A4\",\"rows\":["
            "[\"Region\",\"Beslutad\",\"Belopp (kr)\",\"Belopp (kr)\",\"Belopp (kr)\",\"Andel\"],"
            "[\"Region\",\"Beslutad\",\"Grundbelopp\",\"Tillägg\",\"Totalt\",\"Andel\"],"
            "[\"Region Gotland\",\"2026-01-15\",\"410 000\",\"12 500,50\",\"422 501 kr\",\"16,7%\"],"
            "[\"Region Halland\",\"2026-01-22\",\"1 250 000\",\"99 999,75\",\"1 350 000 kr\",\"53,3%\"],"
            "[\"Region Jämtland Härjedalen\",\"2026-02-03\",\"760 000\",\"0,00\",\"760 000 kr\",\"30,0%\"],"
            "[\"Summa\",\"\",\"2 420 000\",\"112 500,25\",\"2 532 500 kr\",\"100,0%\"]]}]}\n");
  // A sheet without a table prints nothing.
  const auto notes = run_bidrag({"tables", "fixtures/spreadsheets/merged-date-formula.xlsx", "--sheet", "2"});
  EXPECT_EQ(notes.exit_code, 0) << notes.err;
  EXPECT_EQ(notes.out, "");
}

TEST(TablesCli, CsvFileWindows1252) {
  const auto r = run_bidrag({"tables", "fixtures/spreadsheets/semicolon-1252.csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Mottagare,Ort,Belopp (kr),Anmärkning\n"
            "Föreningen Läsglädje,Borås,\"1 234 500,50\",\n"
            "\"Studiecirkeln \"\"Öppna böcker\"\"\",Lerum,\"87 250,00\",Del 1; del 2\n"
            "Kulturhuset Ängen,Åmål,\"2 500 000,25\",Beviljas i två steg: vår och höst\n"
            "Totalt,,\"3 821 750,75\",\n");
  const auto j = run_bidrag({"tables", "fixtures/corpus/allocation-lists-2025/kulturradet-starkta-bibliotek-2025.csv",
                             "--format", "json"});
  EXPECT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(j.out.substr(0, 121),
            "{\"tables\":[{\"line\":3,\"rows\":[[\"Kommunkod\",\"Kommun\",\"Län\",\"Beviljat belopp\"],[\"2084\",\"Avesta\",\"Dalarnas län\",\"473 000\"],");
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
                "LEFT < RIGHT\n"},
        BadCase{{"tables", "fixtures/spreadsheets/bad-missing-sheet.xlsx"},
                1,
                "bidrag: error: fixtures/spreadsheets/bad-missing-sheet.xlsx:xl/worksheets/sheet2.xml: missing from the "
                "workbook\n"},
        BadCase{{"tables", "fixtures/spreadsheets/bad-truncated.xlsx"},
                1,
                "bidrag: error: fixtures/spreadsheets/bad-truncated.xlsx: not a readable XLSX workbook: broken zip archive "
                "(not a zip archive)\n"},
        BadCase{{"tables", "fixtures/spreadsheets/merged-date-formula.xlsx", "--sheet", "3"},
                2,
                "bidrag: error: --sheet: fixtures/spreadsheets/merged-date-formula.xlsx has no sheet '3' (its sheets: "
                "Beslut, Anteckningar)\n"},
        BadCase{{"tables", "fixtures/spreadsheets/merged-date-formula.xlsx", "--pages", "1"},
                2,
                "bidrag: error: --pages and --area apply to PDF files only (fixtures/spreadsheets/merged-date-formula.xlsx "
                "is an XLSX workbook; use --sheet)\n"},
        BadCase{{"tables", "fixtures/spreadsheets/semicolon-1252.csv", "--sheet", "1"},
                2,
                "bidrag: error: --sheet applies to XLSX workbooks only (fixtures/spreadsheets/semicolon-1252.csv is a CSV "
                "file)\n"}),
    [](const ::testing::TestParamInfo<BadCase>& i) { std::string s; for (const auto& a : i.param.args) s += a + " "; return test::identifier(s); });

}  // namespace
}  // namespace bidrag::test
