// The corpus allocation lists (LibreOffice Calc exports with cell borders): every row, cell
// for cell, against the expected ceilings, plus the total row and the boxes.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "parse/pdf_tables_support.h"

namespace bidrag::test {
namespace {

struct CorpusCase {
  const char* dir;
  std::size_t ceilings;
  const char* total;
};
// Cases print their folder, not their bytes.
void PrintTo(const CorpusCase& c, std::ostream* os) { *os << c.dir; }

class CorpusList : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusList, EveryRowMatchesTheExpectedCeilings) {
  const auto& c = GetParam();
  const std::string pdf = std::string("corpus/") + c.dir + "/fordelningslista.pdf";
  const auto tables = pdf_tables(pdf);
  ASSERT_EQ(tables.size(), 1u);
  const auto& t = tables[0];
  EXPECT_EQ(t.page, 1);
  // Header, one row per municipality, the total row.
  ASSERT_EQ(t.rows.size(), c.ceilings + 2) << dump(t);
  EXPECT_EQ(texts(t.rows[0]), (std::vector<std::string>{"Län", "Kommun", "Belopp (kr)"}));
  EXPECT_EQ(texts(t.rows.back()), (std::vector<std::string>{"Totalt", "", c.total}));

  rapidjson::Document expected;
  expected.Parse(read_fixture(pdf + ".expected.json").c_str());
  ASSERT_FALSE(expected.HasParseError());
  const auto& ceilings = expected["ceilings"].GetArray();
  ASSERT_EQ(ceilings.Size(), c.ceilings);
  for (rapidjson::SizeType i = 0; i < ceilings.Size(); ++i) {
    const auto& row = t.rows[i + 1];
    ASSERT_EQ(row.size(), 3u);
    EXPECT_EQ(row[0].text, ceilings[i]["lan"].GetString()) << "row " << i + 1;
    EXPECT_EQ(row[1].text, ceilings[i]["as_printed"].GetString()) << "row " << i + 1;
    EXPECT_EQ(row[2].text, ceilings[i]["amount_as_printed"].GetString()) << "row " << i + 1;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusList,
                         ::testing::Values(CorpusCase{"sociala-insatser-2022", 26, "243 500 000"},
                                           CorpusCase{"sociala-insatser-2023", 28, "243 500 000"}),
                         [](const auto& p) { return std::string(p.param.dir).substr(17); });

TEST(CorpusList, CellsKeepTheirBoxes) {
  const auto tables = pdf_tables("corpus/sociala-insatser-2023/fordelningslista.pdf");
  ASSERT_EQ(tables.size(), 1u);
  // "17 603 816" on Botkyrka's row: three words in the PDF, one cell whose box spans them
  // (pdftotext -bbox: 17 starts at x 409.9, 816 ends at x 458.5; the line at y 140.3–153.3).
  const auto& cell = tables[0].rows[1][2];
  EXPECT_EQ(cell.text, "17 603 816");
  EXPECT_NEAR(cell.bbox.y0, 140.3, 0.5);
  EXPECT_NEAR(cell.bbox.y1, 153.3, 0.5);
  EXPECT_LT(cell.bbox.x0, cell.bbox.x1);
  EXPECT_GT(cell.bbox.x1, 440.0);
  EXPECT_LT(cell.bbox.x1, 460.0);
  // The table box: from the header's "Län" (x 63.3, y 125.6) to the total row.
  EXPECT_NEAR(tables[0].bbox.x0, 63.3, 0.5);
  EXPECT_NEAR(tables[0].bbox.y0, 125.6, 0.5);
  EXPECT_GT(tables[0].bbox.y1, tables[0].rows.back()[0].bbox.y0);
}

TEST(CorpusList, DrawnRulesAreRead) {
  const auto pages = pdf_pages("corpus/sociala-insatser-2023/fordelningslista.pdf");
  ASSERT_EQ(pages.size(), 1u);
  // Calc draws one vertical border per column edge (four) and one horizontal per row edge.
  std::size_t vertical = 0, horizontal = 0;
  for (const auto& r : pages[0].rules) {
    if (r.width() < 3 && r.height() > 100) ++vertical;
    if (r.height() < 3 && r.width() > 100) ++horizontal;
  }
  EXPECT_GE(vertical, 4u);
  EXPECT_GE(horizontal, 30u);
  // The left border at x 62.3 (PDF space), in the words' top-left frame.
  bool left = false;
  for (const auto& r : pages[0].rules) left = left || (r.height() > 100 && std::abs(r.x0 + r.x1 - 2 * 62.306) < 1);
  EXPECT_TRUE(left);
}

}  // namespace
}  // namespace bidrag::test
