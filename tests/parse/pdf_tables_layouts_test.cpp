// The allocation-list layout fixtures (LibreOffice, Chromium, pdfLaTeX): the tables found per
// page, and every municipality's name and amount cells, in reading order, against the
// fixture's expected ceilings.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "parse/pdf_tables_support.h"

namespace bidrag::test {
namespace {

using test::PrintTo;

struct LayoutCase {
  const char* name;
  std::vector<std::pair<int, std::size_t>> tables;  // page, rows
  std::vector<std::string> header;
  std::vector<std::string> last;  // the table's last row; "#" stands for the expected file's total
};

class Layout : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(Layout, TablesRowsAndEveryCeiling) {
  const auto& c = GetParam();
  const std::string pdf = std::string("allocation-lists/") + c.name + ".pdf";
  const auto tables = pdf_tables(pdf);
  ASSERT_EQ(tables.size(), c.tables.size());
  for (std::size_t t = 0; t < tables.size(); ++t) {
    EXPECT_EQ(tables[t].page, c.tables[t].first) << "table " << t;
    EXPECT_EQ(tables[t].rows.size(), c.tables[t].second) << "table " << t << "\n" << dump(tables[t]);
    // The header row is repeated at the top of each page's table.
    EXPECT_EQ(texts(tables[t].rows.front()), c.header) << "table " << t;
  }
  // The last row is the total: its label, empty cells, and the stated total of the expected file.
  rapidjson::Document expected;
  expected.Parse(read_fixture(pdf + ".expected.json").c_str());
  ASSERT_FALSE(expected.HasParseError());
  auto last = c.last;
  std::replace(last.begin(), last.end(), std::string("#"), std::string(expected["total_as_printed"].GetString()));
  EXPECT_EQ(texts(tables.back().rows.back()), last);

  // Every ceiling is a row holding its name and its amount exactly as printed, in order.
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : tables) {
    for (const auto& r : t.rows) rows.push_back(texts(r));
  }
  std::size_t at = 0;
  for (const auto& ceiling : expected["ceilings"].GetArray()) {
    const std::string name = ceiling["as_printed"].GetString();
    const std::string amount = ceiling["amount_as_printed"].GetString();
    auto has = [](const std::vector<std::string>& row, const std::string& s) {
      return std::find(row.begin(), row.end(), s) != row.end();
    };
    while (at < rows.size() && !(has(rows[at], name) && has(rows[at], amount))) ++at;
    ASSERT_LT(at, rows.size()) << "no row '" << name << "' with '" << amount << "' (in order)";
    ++at;
  }
}

// Page and row counts were checked by hand against the PDFs (pdftotext -layout).
INSTANTIATE_TEST_SUITE_P(
    AllocationLists, Layout,
    ::testing::Values(
        LayoutCase{"multi-page",
                   {{1, 53}, {2, 56}, {3, 56}, {4, 56}, {5, 56}, {6, 20}},
                   {"Kommunkod", "Kommun", "Län", "Belopp (kr)"},
                   {"Totalt", "", "", "#"}},
        LayoutCase{"county-subtotals", {{1, 53}, {2, 3}}, {"Kommun", "Belopp (kr)"}, {"Riket", "#"}},
        LayoutCase{"wrapped-names", {{1, 14}}, {"Kommun", "Belopp (kr)"}, {"Summa", "#"}},
        LayoutCase{"footnotes", {{1, 14}}, {"Län", "Kommun", "Belopp (kr)"}, {"Totalt", "", "#"}},
        LayoutCase{"zero-dash", {{1, 16}}, {"Kommun", "Belopp (kr)"}, {"Totalt", "#"}},
        LayoutCase{"landscape",
                   {{1, 19}},
                   {"Län", "Länskod", "Kommun", "Kommunkod", "Belopp (kr)", "Andel (%)"},
                   {"Totalt", "", "", "", "#", ""}},
        LayoutCase{"tkr", {{1, 10}}, {"Kommun", "Belopp (tkr)"}, {"Totalt", "#"}},
        LayoutCase{"mismatch", {{1, 14}}, {"Kommun", "Belopp (kr)"}, {"Totalt", "#"}},
        LayoutCase{"unknown-name", {{1, 4}}, {"Kommun", "Belopp (kr)"}, {"Totalt", "#"}},
        LayoutCase{"duplicate", {{1, 8}}, {"Kommun", "Belopp (kr)"}, {"Totalt", "#"}},
        LayoutCase{"html-table",
                   {{1, 15}},
                   {"Län", "Kommun", "Kommunkod", "Max belopp (kr)"},
                   {"Totalsumma", "", "", "#"}}),
    [](const auto& p) {
      std::string n = p.param.name;
      std::replace(n.begin(), n.end(), '-', '_');
      return n;
    });

TEST(Layout, CountySubHeadersAndSubtotalsAreRowsOfTheirOwn) {
  const auto tables = pdf_tables("allocation-lists/county-subtotals.pdf");
  ASSERT_GE(tables.size(), 1u);
  const auto& rows = tables[0].rows;
  ASSERT_GE(rows.size(), 16u);
  EXPECT_EQ(texts(rows[1]), (std::vector<std::string>{"Stockholms län", ""}));
  EXPECT_EQ(texts(rows[13]), (std::vector<std::string>{"Upplands-Bro", "4 896 926"}));
  EXPECT_EQ(texts(rows[14]), (std::vector<std::string>{"Summa Stockholms län", "74 781 175"}));
  EXPECT_EQ(texts(rows[15]), (std::vector<std::string>{"Uppsala län", ""}));
}

TEST(Layout, WrappedNamesAreJoinedIntoTheirRow) {
  const auto tables = pdf_tables("allocation-lists/wrapped-names.pdf");
  ASSERT_EQ(tables.size(), 1u);
  const auto& rows = tables[0].rows;
  EXPECT_EQ(texts(rows[1]), (std::vector<std::string>{"Upplands Väsby", "2 294 539"}));
  EXPECT_EQ(texts(rows[2]), (std::vector<std::string>{"Upplands-Bro", "4 912 764"}));
  EXPECT_EQ(texts(rows[9]), (std::vector<std::string>{"Malung-Sälen", "5 222 200"}));
  // The joined cell's box covers both printed lines.
  EXPECT_GT(rows[1][0].bbox.height(), 20.0);
}

TEST(Layout, PageHeadersAndFootersAreNotRows) {
  for (const char* f : {"allocation-lists/multi-page.pdf", "allocation-lists/county-subtotals.pdf"}) {
    for (const auto& t : pdf_tables(f)) {
      for (const auto& r : t.rows) {
        for (const auto& cell : r) {
          EXPECT_EQ(cell.text.find("Sida"), std::string::npos) << f << ": " << cell.text;
          EXPECT_EQ(cell.text.find("Datum"), std::string::npos) << f << ": " << cell.text;
        }
      }
    }
  }
}

TEST(Layout, PagesAndAreaOptionsSelect) {
  parse::pdf::TableOptions o;
  o.pages = {2, 3};
  const auto tables = pdf_tables("allocation-lists/multi-page.pdf", o);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].page, 2);
  EXPECT_EQ(tables[1].page, 3);
  // Only the first five body rows of page 1 (the header ends at y 111.4; rows are ~12.8 high).
  parse::pdf::TableOptions area;
  area.pages = {1};
  area.area = doc::BBox{0, 95, 595, 176};
  const auto cut = pdf_tables("allocation-lists/multi-page.pdf", area);
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].rows.size(), 6u) << dump(cut[0]);
  EXPECT_EQ(texts(cut[0].rows[1]), (std::vector<std::string>{"0114", "Upplands Väsby", "Stockholms län", "2 239 106"}));
}

}  // namespace
}  // namespace bidrag::test
