// parse_csv: the corpus list (UTF-8 with BOM, comma, quoted fields, a title line, an empty
// record, a "Källa" line), a LibreOffice Calc semicolon CSV in Windows-1252 with decimal comma
// and non-breaking-space digit groups, and RFC 4180 quoting case by case.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/parse/parse.h"
#include "support/support.h"

namespace bidrag {
namespace {

using test::PrintTo;  // cases print their name, not their bytes

using doc::BlockKind;

std::vector<std::string> texts(const std::vector<doc::Cell>& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(c.text);
  return out;
}

const doc::Block* first_table(const doc::Document& d) {
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::table) return &b;
  return nullptr;
}

doc::Document csv(const std::string& bytes) { return parse::parse_csv(make_snapshot("mem.csv", bytes)); }

TEST(Csv, CorpusListWithTitleAndSourceLine) {
  const std::string path = "corpus/allocation-lists-2025/kulturradet-starkta-bibliotek-2025.csv";
  const auto d = parse::parse(make_snapshot(path, test::read_fixture(path)));
  EXPECT_EQ(d.format, doc::Format::csv);
  EXPECT_EQ(d.title, "Beviljade bidrag inom Stärkta bibliotek 2025 (beslut 2025-03-20, dnr KUR 2024/6071)");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(d.blocks[0].where.line, 1);
  const auto& t = d.blocks[1].table;
  ASSERT_EQ(d.blocks[1].kind, BlockKind::table);
  EXPECT_EQ(d.blocks[1].where.kind, doc::Locator::Kind::text);
  EXPECT_EQ(d.blocks[1].where.line, 3);
  ASSERT_EQ(t.rows.size(), 82u);  // header, 80 municipalities, Totalt
  EXPECT_EQ(texts(t.rows[0]), (std::vector<std::string>{"Kommunkod", "Kommun", "Län", "Beviljat belopp"}));
  EXPECT_EQ(texts(t.rows[1]), (std::vector<std::string>{"2084", "Avesta", "Dalarnas län", "473 000"}));
  EXPECT_EQ(t.rows[1][3].number, std::nullopt);  // CSV cells are text
  EXPECT_EQ(texts(t.rows[81]), (std::vector<std::string>{"", "Totalt", "", "61 350 000"}));
  ASSERT_EQ(t.row_where.size(), 82u);
  EXPECT_EQ(t.row_where[81].line, 84);
  EXPECT_EQ(d.blocks[2].text, "Källa: Kulturrådets bidragsdatabas, uttag 2025-03-21 kl. 08.15");
  EXPECT_EQ(d.blocks[2].where.line, 85);
}

TEST(Csv, CalcSemicolonWindows1252WithDecimalCommaAndNbspGroups) {
  const std::string path = "spreadsheets/semicolon-1252.csv";
  const std::string bytes = test::read_fixture(path);
  ASSERT_NE(bytes.find("1\xA0" "234\xA0" "500,50"), std::string::npos);  // really Windows-1252 with NBSP
  const auto d = parse::parse(make_snapshot(path, bytes));
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.title, "Bidrag till föreningar i Västra Götaland 2025");
  const auto* table = first_table(d);
  ASSERT_NE(table, nullptr);
  const auto& t = table->table;
  ASSERT_EQ(t.rows.size(), 5u);
  EXPECT_EQ(texts(t.rows[0]), (std::vector<std::string>{"Mottagare", "Ort", "Belopp (kr)", "Anmärkning"}));
  EXPECT_EQ(texts(t.rows[1]), (std::vector<std::string>{"Föreningen Läsglädje", "Borås", "1 234 500,50", ""}));
  EXPECT_EQ(texts(t.rows[2]),
            (std::vector<std::string>{"Studiecirkeln \"Öppna böcker\"", "Lerum", "87 250,00", "Del 1; del 2"}));
  EXPECT_EQ(texts(t.rows[3]),
            (std::vector<std::string>{"Kulturhuset Ängen", "Åmål", "2 500 000,25", "Beviljas i två steg: vår och höst"}));
  // The record with a line break inside a quoted field takes two lines: the next starts on 8.
  EXPECT_EQ(t.row_where[3].line, 6);
  EXPECT_EQ(t.row_where[4].line, 8);
  EXPECT_EQ(texts(t.rows[4]), (std::vector<std::string>{"Totalt", "", "3 821 750,75", ""}));
  EXPECT_EQ(d.blocks[2].text, "Källa: föreningsregistret, uttag 2025-04-02");
  EXPECT_EQ(d.blocks[2].where.line, 9);
}

struct QuoteCase {
  std::string name;
  std::string bytes;
  std::vector<std::vector<std::string>> rows;
};

class CsvQuoting : public ::testing::TestWithParam<QuoteCase> {};

TEST_P(CsvQuoting, Rfc4180) {
  const auto& c = GetParam();
  const auto d = csv(c.bytes);
  const auto* table = first_table(d);
  ASSERT_NE(table, nullptr);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : table->table.rows) rows.push_back(texts(r));
  EXPECT_EQ(rows, c.rows);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvQuoting,
    ::testing::Values(
        QuoteCase{"comma_crlf", "Kommun,Belopp\r\nBorgholm,\"482 300\"\r\nKalmar,\"2 071 900\"\r\n",
                  {{"Kommun", "Belopp"}, {"Borgholm", "482 300"}, {"Kalmar", "2 071 900"}}},
        QuoteCase{"semicolon_decimal_comma", "Kommun;Belopp (tkr)\nBorgholm;482,3\nKalmar;2 071,9\n",
                  {{"Kommun", "Belopp (tkr)"}, {"Borgholm", "482,3"}, {"Kalmar", "2 071,9"}}},
        QuoteCase{"tab", "Kommun\tBelopp\nNybro\t669 600\n", {{"Kommun", "Belopp"}, {"Nybro", "669 600"}}},
        QuoteCase{"separator_and_quotes_inside", "Namn,Not\n\"Ett, två\",\"Sa \"\"ja\"\"\"\n",
                  {{"Namn", "Not"}, {"Ett, två", "Sa \"ja\""}}},
        QuoteCase{"line_break_inside", "Namn;Not\n\"Rad ett\nrad två\";x\nB;y\n",
                  {{"Namn", "Not"}, {"Rad ett rad två", "x"}, {"B", "y"}}},
        QuoteCase{"no_final_line_end", "a;b\n1;2", {{"a", "b"}, {"1", "2"}}},
        QuoteCase{"bom_utf8", "\xEF\xBB\xBFKommun;Belopp\nÖrebro;10\n", {{"Kommun", "Belopp"}, {"Örebro", "10"}}},
        QuoteCase{"windows_1252", "Kommun;Belopp\n\xD6rebro;1\xA0" "000\n", {{"Kommun", "Belopp"}, {"Örebro", "1 000"}}}),
    [](const auto& param_info) { return param_info.param.name; });

TEST(Csv, ExcelSeparatorHintAndLabelValueLines) {
  const auto d = csv("sep=,\r\nDiarienummer:,3.1-0042/2026\r\nBeslutsdatum: ,2026-01-12\r\n\r\n"
                     "Kommun,Belopp\r\nKiruna,\"250 000\"\r\n");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::fact);
  EXPECT_EQ(d.blocks[0].text, "Diarienummer");
  EXPECT_EQ(d.blocks[0].value, "3.1-0042/2026");
  EXPECT_EQ(d.blocks[0].where.line, 2);
  EXPECT_EQ(d.blocks[1].text, "Beslutsdatum");
  EXPECT_EQ(d.blocks[1].value, "2026-01-12");
  ASSERT_EQ(d.blocks[2].kind, BlockKind::table);
  EXPECT_EQ(d.blocks[2].where.line, 5);
  EXPECT_EQ(d.blocks[2].table.rows.size(), 2u);
  EXPECT_EQ(d.blocks[2].table.rows[1][1].text, "250 000");
}

struct RegionCase {
  std::string name;
  std::string bytes;
  std::string kinds;  // one letter a block: p paragraph, t table (with its row count), f fact
};

class CsvRegions : public ::testing::TestWithParam<RegionCase> {};

TEST_P(CsvRegions, TablesAndProse) {
  const auto& c = GetParam();
  std::string kinds;
  for (const auto& b : csv(c.bytes).blocks) {
    if (b.kind == BlockKind::table) kinds += "t" + std::to_string(b.table.rows.size());
    if (b.kind == BlockKind::paragraph) kinds += "p";
    if (b.kind == BlockKind::fact) kinds += "f";
  }
  EXPECT_EQ(kinds, c.kinds);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvRegions,
    ::testing::Values(
        // County sub-headers (one cell) between rows stay in the table; a blank row between
        // groups with the same columns does too.
        RegionCase{"county_groups", "Kommun;Belopp\nStockholms l\u00e4n\nBotkyrka;1\nHaninge;2\n\nUppsala l\u00e4n\nEnk\u00f6ping;3\nSumma;6\n",
                   "t7"},
        RegionCase{"two_blank_rows_split", "A;B\n1;2\n\n\nC;D\n3;4\n", "t2t2"},
        RegionCase{"other_columns_split", "A;B\n1;2\n\n;;C;D\n;;3;4\n", "t2t2"},
        RegionCase{"title_note_source", "Titel\nBelopp i kronor\n\nA;B\n1;2\n\nK\u00e4lla: x\n", "ppt2p"},
        RegionCase{"note_right_below", "A;B\n1;2\nSumma enligt beslut\n", "t2p"}),
    [](const auto& param_info) { return param_info.param.name; });

TEST(Csv, UnclosedQuoteNamesTheLine) {
  try {
    (void)csv("a;b\n1;2\n\"open;3\n4;5\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "mem.csv:line 3: quoted field is not closed");
  }
}

TEST(Csv, OnlyProseGivesParagraphs) {
  const auto d = csv("Inga beslut har fattats \xC3\xA4nnu.\n\nSe webbplatsen.\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(d.blocks[1].text, "Se webbplatsen.");
  EXPECT_EQ(d.blocks[1].where.line, 3);
}

}  // namespace
}  // namespace bidrag
