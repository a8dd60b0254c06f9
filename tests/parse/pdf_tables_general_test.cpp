// General tables (fixtures/tables, made by fixtures/tables/make.sh): pdfLaTeX booktabs with a
// two-line header and a totals row, two tables on a page, a sideways table, a /Rotate 90
// landscape page; LibreOffice Writer with a bordered and a borderless table.
#include <gtest/gtest.h>

#include "parse/pdf_tables_support.h"

namespace bidrag::test {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows rows_of(const doc::Table& t) {
  Rows out;
  for (const auto& r : t.rows) out.push_back(texts(r));
  return out;
}

struct GeneralCase {
  const char* file;
  std::size_t index;  // which table of the file
  int page;
  Rows rows;
};
void PrintTo(const GeneralCase& c, std::ostream* os) { *os << c.file << " table " << c.index; }

class General : public ::testing::TestWithParam<GeneralCase> {};

TEST_P(General, RowsExactly) {
  const auto& c = GetParam();
  const auto tables = pdf_tables(std::string("tables/") + c.file);
  ASSERT_GT(tables.size(), c.index);
  EXPECT_EQ(tables[c.index].page, c.page);
  EXPECT_EQ(rows_of(tables[c.index]), c.rows) << dump(tables[c.index]);
}

INSTANTIATE_TEST_SUITE_P(
    Tables, General,
    ::testing::Values(
        // Two header lines above \midrule are one header row; "--" is an en dash; totals row.
        GeneralCase{"latex-tables.pdf", 0, 1,
                    {{"Project", "Budget 2024", "Spent 2024", "Remaining (kSEK)"},
                     {"Alpha research", "1 200", "850", "350"},
                     {"Beta pilot", "640", "640", "0"},
                     {"Gamma survey", "2 315", "1 002", "1 313"},
                     {"Delta tools", "75", "–", "75"},
                     {"Total", "4 230", "2 492", "1 738"}}},
        // The second table on the same page, below a paragraph.
        GeneralCase{"latex-tables.pdf", 1, 1,
                    {{"Site", "Role", "FTE"},
                     {"Lund", "Analyst", "2.5"},
                     {"Lund", "Engineer", "4.0"},
                     {"Umeå", "Analyst", "1.0"},
                     {"Umeå", "Coordinator", "0.5"}}},
        // sidewaystable: text turned 90° on a portrait page, read in its own frame.
        GeneralCase{"latex-tables.pdf", 2, 2,
                    {{"Region", "Population", "Area (km2)"},
                     {"North", "250 000", "98 000"},
                     {"Middle", "1 900 000", "41 000"},
                     {"South", "1 400 000", "11 000"}}},
        // A landscape page (/Rotate 90); rules above and below the body do not make every
        // line a row of its own.
        GeneralCase{"latex-tables.pdf", 3, 3,
                    {{"Unit", "Q1", "Q2", "Q3", "Q4", "Year"},
                     {"Sales", "120", "135", "128", "160", "543"},
                     {"Support", "40", "42", "39", "45", "166"},
                     {"Research", "80", "75", "90", "95", "340"},
                     {"Sum", "240", "252", "257", "300", "1 049"}}},
        // Writer, cell borders: a two-line header cell ("Amount" / "(SEK)") joined by the rules.
        GeneralCase{"writer-tables.pdf", 0, 1,
                    {{"County", "Municipality", "Amount (SEK)"},
                     {"Stockholm", "Upplands Väsby", "2 239 106"},
                     {"Stockholm", "Botkyrka", "3 600 583"},
                     {"Uppsala", "Älvkarleby", "0"},
                     {"Skåne", "Östra Göinge", "–"},
                     {"Total", "", "5 839 689"}}},
        // Writer, no borders; the paragraph right below is not a row.
        GeneralCase{"writer-tables.pdf", 1, 1,
                    {{"Month", "Orders", "Returns"},
                     {"January", "1 204", "31"},
                     {"February", "998", "12"},
                     {"March", "1 530", "40"}}}),
    [](const auto& p) { return std::string(p.param.file).substr(0, 5) + std::to_string(p.param.index); });

TEST(General, TableCountsPerFile) {
  EXPECT_EQ(pdf_tables("tables/latex-tables.pdf").size(), 4u);
  EXPECT_EQ(pdf_tables("tables/writer-tables.pdf").size(), 2u);
}

TEST(General, RotatedTableBoxesAreInPageCoordinates) {
  const auto tables = pdf_tables("tables/latex-tables.pdf");
  ASSERT_EQ(tables.size(), 4u);
  const auto& t = tables[2];  // sideways: taller than wide on the portrait page
  EXPECT_GT(t.bbox.height(), t.bbox.width());
  for (const auto& r : t.rows) {
    for (const auto& cell : r) {
      EXPECT_GE(cell.bbox.x0, t.bbox.x0 - 0.01);
      EXPECT_LE(cell.bbox.y1, t.bbox.y1 + 0.01);
    }
  }
}

}  // namespace
}  // namespace bidrag::test

namespace bidrag::test {
namespace {

// A table continued over three pages with its header at the very top of each page (no
// running header above it): the repeated header is a row, the footer "Sida N av 3" is not.
TEST(General, RepeatedHeaderAtThePageTopIsKept) {
  const auto tables = pdf_tables("tables/repeated-header.pdf");
  ASSERT_EQ(tables.size(), 3u);
  for (std::size_t t = 0; t < 3; ++t) {
    EXPECT_EQ(tables[t].page, static_cast<int>(t) + 1);
    ASSERT_EQ(tables[t].rows.size(), 11u) << dump(tables[t]);
    EXPECT_EQ(texts(tables[t].rows[0]), (std::vector<std::string>{"Name", "Amount"}));
  }
  EXPECT_EQ(texts(tables[0].rows[1]), (std::vector<std::string>{"Item 1", "1 234 567"}));
  EXPECT_EQ(texts(tables[2].rows[10]), (std::vector<std::string>{"Item 30", "1 037 010"}));
}

}  // namespace
}  // namespace bidrag::test
