// parse_xlsx on the corpus workbooks and on workbooks LibreOffice Calc made
// (fixtures/spreadsheets, scripts/make-spreadsheet-fixtures): sheets in order with their names,
// tables with displayed texts and exact stored numbers, prose around them, merged cells, dates
// in both date systems, formulas' cached values; damaged workbooks give errors naming the part.
// Number formats are checked case by case.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/parse/parse.h"
#include "parse/xlsx/number_format.h"
#include "support/support.h"

namespace bidrag {
namespace {

using test::PrintTo;  // cases print their name, not their bytes

using doc::BlockKind;

doc::Document workbook(const std::string& relative) {
  return parse::parse(make_snapshot(relative, test::read_fixture(relative)));
}

std::vector<const doc::Block*> of_kind(const doc::Document& d, BlockKind kind) {
  std::vector<const doc::Block*> out;
  for (const auto& b : d.blocks)
    if (b.kind == kind) out.push_back(&b);
  return out;
}

std::vector<std::string> texts(const std::vector<doc::Cell>& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(c.text);
  return out;
}

TEST(Xlsx, CorpusOneSheetListWithPartsAndFormulaTotals) {
  const auto d = workbook("corpus/allocation-lists-2025/boverket-ramar-2025.xlsx");
  EXPECT_EQ(d.format, doc::Format::xlsx);
  EXPECT_EQ(d.title, "Fördelning av stöd till trygghetsskapande åtgärder i bostadsområden 2025");
  EXPECT_EQ(d.pages, 1);
  EXPECT_EQ(d.meta.at("sheets"), "Ramar 2025");
  const auto tables = of_kind(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 1u);
  const auto& t = tables[0]->table;
  ASSERT_EQ(t.rows.size(), 42u);  // header, 40 municipalities, Summa
  EXPECT_EQ(texts(t.rows[0]), (std::vector<std::string>{"Kommun", "Grundbelopp", "Tillägg per område", "Totalt"}));
  EXPECT_EQ(texts(t.rows[1]), (std::vector<std::string>{"Alingsås", "300 000", "350 000", "650 000"}));
  EXPECT_EQ(t.rows[1][3].number, "650000");  // a formula's cached value
  EXPECT_EQ(t.rows[0][1].number, std::nullopt);
  EXPECT_EQ(texts(t.rows[41]), (std::vector<std::string>{"Summa", "12 000 000", "17 150 000", "29 150 000"}));
  EXPECT_EQ(t.rows[41][3].number, "29150000");
  // Where: the table starts at A6; each row keeps its sheet row.
  EXPECT_EQ(tables[0]->where.kind, doc::Locator::Kind::sheet);
  EXPECT_EQ(tables[0]->where.sheet, "Ramar 2025");
  EXPECT_EQ(tables[0]->where.row, 6);
  EXPECT_EQ(tables[0]->where.column, 1);
  ASSERT_EQ(t.row_where.size(), 42u);
  EXPECT_EQ(t.row_where[41].row, 47);
  // Prose: four lines above (the larger title a heading), three notes below.
  ASSERT_GE(d.blocks.size(), 8u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(d.blocks[0].text, "Boverket");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[1].level, 1);
  EXPECT_EQ(d.blocks[1].text, "Fördelning av stöd till trygghetsskapande åtgärder i bostadsområden 2025");
  EXPECT_EQ(d.blocks[2].text, "Beslutsdatum 2025-02-26. Dnr 6110-3401/2025");
  EXPECT_EQ(d.blocks[2].where.row, 3);
  EXPECT_EQ(d.blocks[4].kind, BlockKind::table);
  EXPECT_EQ(d.blocks.size(), 8u);
  EXPECT_EQ(d.blocks[5].where.row, 49);
}

TEST(Xlsx, CorpusProseSheetThenDataSheet) {
  const auto d = workbook("corpus/allocation-lists-2025/fohm-regioner-hiv-sti-2025.xlsx");
  EXPECT_EQ(d.pages, 2);
  EXPECT_EQ(d.meta.at("sheets"), "Information\nFördelning");
  EXPECT_EQ(d.title, "Fördelning av statsbidrag till regionerna för hiv- och STI-prevention 2025");
  // Sheet 1 is prose only: 8 lines, no table.
  std::vector<const doc::Block*> info;
  for (const auto& b : d.blocks)
    if (b.where.sheet == "Information") info.push_back(&b);
  ASSERT_EQ(info.size(), 8u);
  for (const auto* b : info) EXPECT_NE(b->kind, BlockKind::table);
  EXPECT_EQ(info[2]->text, "Varje region får ett grundbelopp på 600 000 kronor. Resterande medel fördelas efter "
                           "folkmängden den 31 december 2024 enligt SCB.");
  EXPECT_EQ(info[2]->where.row, 4);
  const auto tables = of_kind(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->where.sheet, "Fördelning");
  EXPECT_EQ(tables[0]->where.row, 5);
  const auto& t = tables[0]->table;
  ASSERT_EQ(t.rows.size(), 23u);  // header, 21 regions, Totalt
  EXPECT_EQ(texts(t.rows[0]), (std::vector<std::string>{"Region", "Belopp (kr)"}));
  EXPECT_EQ(texts(t.rows[1]), (std::vector<std::string>{"Blekinge", "1 245 082"}));
  EXPECT_EQ(t.rows[1][1].number, "1245082");
  EXPECT_EQ(texts(t.rows[16]), (std::vector<std::string>{"Västerbotten", "1 677 477"}));
  EXPECT_EQ(texts(t.rows[22]), (std::vector<std::string>{"Totalt", "52 500 000"}));
  EXPECT_EQ(t.rows[22][1].number, "52500000");
  EXPECT_EQ(d.blocks.back().text, "Villkor och redovisning: se fliken Information.");
  EXPECT_EQ(d.blocks.back().where.sheet, "Fördelning");
  EXPECT_EQ(d.blocks.back().where.row, 29);
}

TEST(Xlsx, CalcWorkbookWithMergedHeaderDatesAndFormulas) {
  const auto d = workbook("spreadsheets/merged-date-formula.xlsx");
  EXPECT_EQ(d.title, "Medel till regionerna 2026");
  EXPECT_EQ(d.meta.at("sheets"), "Beslut\nAnteckningar");
  ASSERT_GE(d.blocks.size(), 2u);
  // The merged title (A1:F1) is one heading, not six cells.
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[0].text, "Fördelning av medel till regionerna 2026");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::paragraph);
  EXPECT_EQ(d.blocks[1].text, "Beslut 2026-01-12, dnr 3.1-0042/2026");
  const auto tables = of_kind(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 1u);
  const auto& t = tables[0]->table;
  ASSERT_EQ(t.rows.size(), 6u);
  // A merged header cell gives its text to each column and row it covers.
  EXPECT_EQ(texts(t.rows[0]),
            (std::vector<std::string>{"Region", "Beslutad", "Belopp (kr)", "Belopp (kr)", "Belopp (kr)", "Andel"}));
  EXPECT_EQ(texts(t.rows[1]),
            (std::vector<std::string>{"Region", "Beslutad", "Grundbelopp", "Tillägg", "Totalt", "Andel"}));
  EXPECT_EQ(texts(t.rows[2]), (std::vector<std::string>{"Region Gotland", "2026-01-15", "410 000", "12 500,50",
                                                        "422 501 kr", "16,7%"}));
  EXPECT_EQ(t.rows[2][1].number, "46037");  // the date serial, 1900 system
  EXPECT_EQ(t.rows[2][3].number, "12500.5");
  EXPECT_EQ(t.rows[2][4].number, "422500.5");    // C6+D6, cached
  EXPECT_EQ(t.rows[2][5].number, "0.1668313754");  // E6/E9, cached
  EXPECT_EQ(texts(t.rows[4]), (std::vector<std::string>{"Region Jämtland Härjedalen", "2026-02-03", "760 000", "0,00",
                                                        "760 000 kr", "30,0%"}));
  EXPECT_EQ(texts(t.rows[5]),
            (std::vector<std::string>{"Summa", "", "2 420 000", "112 500,25", "2 532 500 kr", "100,0%"}));
  EXPECT_EQ(t.row_where[5].row, 9);
  // The note below the table and the prose sheet.
  const auto paragraphs = of_kind(d, BlockKind::paragraph);
  ASSERT_EQ(paragraphs.size(), 4u);
  EXPECT_EQ(paragraphs[1]->text, "Källa: egen sammanställning av besluten");
  EXPECT_EQ(paragraphs[1]->where.row, 11);
  EXPECT_EQ(paragraphs[2]->where.sheet, "Anteckningar");
  EXPECT_EQ(paragraphs[2]->text, "Medlen ska rekvireras senast den 31 mars 2026.");
}

TEST(Xlsx, Calc1904DateSystem) {
  const auto d = workbook("spreadsheets/date1904.xlsx");
  const auto tables = of_kind(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 1u);
  const auto& t = tables[0]->table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(texts(t.rows[1]), (std::vector<std::string>{"Kiruna", "2025-06-30", "250 000"}));
  EXPECT_EQ(t.rows[1][1].number, "44376");  // days since 1904-01-01
  EXPECT_EQ(texts(t.rows[2]), (std::vector<std::string>{"Gällivare", "2024-12-02", "180 000"}));
  // No title in the workbook's properties: the heading above the table.
  EXPECT_EQ(d.title, "Utbetalningar");
}

TEST(Xlsx, CellTypesOtherProducersWrite) {
  // Hand-written parts (scripts/make-spreadsheet-fixtures): x: prefixes, absolute targets, rich
  // and inline strings, booleans, errors, a string formula, an ISO date cell, no styles part.
  const auto d = workbook("spreadsheets/odd-cells.xlsx");
  EXPECT_EQ(d.meta.at("sheets"), "Lista");  // the hidden sheet and the chart sheet are left out
  EXPECT_EQ(d.pages, 1);
  const auto tables = of_kind(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->where.row, 2);
  EXPECT_EQ(tables[0]->where.column, 2);
  const auto& t = tables[0]->table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(texts(t.rows[0]),
            (std::vector<std::string>{"Mottagare", "Belopp (kr)", "Rekvirerat", "Andel av ram", "Beslut"}));
  EXPECT_EQ(texts(t.rows[1]), (std::vector<std::string>{"Rad ett rad två", "150000", "TRUE", "#DIV/0!", "2025-05-20"}));
  EXPECT_EQ(t.rows[1][1].number, "150000");  // stored as 1.5E+5
  EXPECT_EQ(t.rows[1][2].number, std::nullopt);
  EXPECT_EQ(t.rows[1][3].number, std::nullopt);
  EXPECT_EQ(texts(t.rows[2]), (std::vector<std::string>{"Kommun X", "-2500,75", "FALSE", "", "saknas"}));
  EXPECT_EQ(t.rows[2][1].number, "-2500.75");
  EXPECT_EQ(t.rows[2][3].number, std::nullopt);  // a formula never calculated
}

struct BadCase {
  std::string name;
  std::string file;
  std::string message;
};

class XlsxDamaged : public ::testing::TestWithParam<BadCase> {};

TEST_P(XlsxDamaged, ErrorNamesThePart) {
  const auto& c = GetParam();
  const std::string path = "spreadsheets/" + c.file;
  try {
    (void)workbook(path);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), path + c.message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, XlsxDamaged,
    ::testing::Values(
        BadCase{"truncated", "bad-truncated.xlsx", ": not a readable XLSX workbook: broken zip archive (not a zip archive)"},
        BadCase{"no_workbook", "bad-no-workbook.xlsx", ":xl/workbook.xml: missing from the workbook"},
        BadCase{"missing_sheet", "bad-missing-sheet.xlsx", ":xl/worksheets/sheet2.xml: missing from the workbook"},
        BadCase{"bad_xml", "bad-xml.xlsx", ":xl/worksheets/sheet1.xml: not well-formed XML (Error parsing start element tag at byte 2489)"}),
    [](const auto& param_info) { return param_info.param.name; });

TEST(Xlsx, LimitsStopAZipBomb) {
  const std::string path = "spreadsheets/merged-date-formula.xlsx";
  const Snapshot s = make_snapshot(path, test::read_fixture(path));
  parse::SpreadsheetLimits small;
  small.max_part_bytes = 1000;
  try {
    (void)parse::parse_xlsx(s, small);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), path + ":xl/sharedStrings.xml: larger than the limit of 1000 bytes uncompressed");
  }
  parse::SpreadsheetLimits few;
  few.max_cells = 20;
  try {
    (void)parse::parse_xlsx(s, few);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), path + ":xl/worksheets/sheet1.xml: more than 20 cells (the limit)");
  }
}

TEST(Xlsx, SniffedByBytesTypeOrExtension) {
  const std::string bytes = test::read_fixture("spreadsheets/date1904.xlsx");
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/download?id=7", bytes)), doc::Format::xlsx);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/a", "PK\x03\x04 broken",
                                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            doc::Format::xlsx);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/lista.xlsx", "junk", "application/octet-stream")),
            doc::Format::xlsx);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/lista.csv", "a;b\n1;2\n", "text/plain")), doc::Format::csv);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/a", "a,b\n1,2\n", "text/csv; charset=utf-8")),
            doc::Format::csv);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/a.txt", "a,b\n1,2\n")), doc::Format::text);
  // By content only when nothing else says and the records are unambiguous.
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/get?id=1", "Kommun;Belopp\nKiruna;1\nLule\u00e5;2\n")),
            doc::Format::csv);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/get?id=1", "Titel;;\n;;\nA;B;C\n1;2;3\n")),
            doc::Format::csv);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/get?id=1", "Hej, och v\u00e4lkommen.\nS\u00f6k senast 1 mars.\nMer info, h\u00e4r.\n")),
            doc::Format::text);
  EXPECT_EQ(parse::sniff_format(make_snapshot("https://x.se/get?id=1", "a;b\n1;2\n", "text/plain")), doc::Format::text);
}

struct FormatCase {
  std::string name;
  std::string value;
  std::string code;
  bool date1904;
  std::string shown;
};

class NumberFormat : public ::testing::TestWithParam<FormatCase> {};

TEST_P(NumberFormat, ShownAsASwedishSpreadsheetShowsIt) {
  const auto& c = GetParam();
  EXPECT_EQ(parse::xlsx::format_number(*parse::xlsx::plain_decimal(c.value), c.code, c.date1904), c.shown);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NumberFormat,
    ::testing::Values(
        FormatCase{"general_integer", "1245082", "General", false, "1245082"},
        FormatCase{"general_decimal_comma", "-0.125", "General", false, "-0,125"},
        FormatCase{"general_exponent", "1.5E-3", "General", false, "0,0015"},
        FormatCase{"general_ten_digits", "0.1668313754321", "General", false, "0,1668313754"},
        FormatCase{"grouping", "29150000", "#,##0", false, "29 150 000"},
        FormatCase{"grouping_locale_tag", "1245082", "[$-41D]#,##0", false, "1 245 082"},
        FormatCase{"grouping_rounds_half_away", "422500.5", "#,##0", false, "422 501"},
        FormatCase{"negative", "-1234567", "#,##0", false, "-1 234 567"},
        FormatCase{"negative_section", "-1234567", "#,##0;(#,##0)", false, "(1 234 567)"},
        FormatCase{"zero_section_dash", "0", "#,##0;-#,##0;\"-\"", false, "-"},
        FormatCase{"decimals", "12500.5", "#,##0.00", false, "12 500,50"},
        FormatCase{"optional_decimals", "1094.5", "#,##0.##", false, "1 094,5"},
        FormatCase{"quoted_unit", "422500", "#,##0\" kr\"", false, "422 500 kr"},
        FormatCase{"bracket_currency", "1500", "#,##0 [$kr-41D]", false, "1 500 kr"},
        FormatCase{"thousands_scaling", "1094500", "#,##0,", false, "1 095"},
        FormatCase{"thousands_scaling_decimal", "1094500", "#,##0.0,", false, "1 094,5"},
        FormatCase{"percent", "0.1668313754", "0.0%", false, "16,7%"},
        FormatCase{"percent_builtin", "0.25", "0%", false, "25%"},
        FormatCase{"org_number_literal", "2021000316", "000000-0000", false, "202100-0316"},
        FormatCase{"leading_zeros", "181", "0000", false, "0181"},
        FormatCase{"alignment_and_fill", "5000", "_-* #,##0_-;-* #,##0_-", false, "5 000"},
        FormatCase{"date_iso", "46037", "yyyy-mm-dd", false, "2026-01-15"},
        FormatCase{"date_other_order", "46037", "[$-41D]d/m/yyyy", false, "2026-01-15"},
        FormatCase{"date_1904", "44376", "yyyy/mm/dd", true, "2025-06-30"},
        FormatCase{"date_before_fake_leap_day", "59", "yyyy-mm-dd", false, "1900-02-28"},
        FormatCase{"date_after_fake_leap_day", "61", "yyyy-mm-dd", false, "1900-03-01"},
        FormatCase{"date_time", "46037.5", "yyyy-mm-dd hh:mm", false, "2026-01-15 12:00"},
        FormatCase{"time_only", "0.75", "h:mm", false, "18:00"},
        FormatCase{"elapsed_time", "0.0104166667", "[h]:mm:ss", false, "00:15:00"},
        FormatCase{"red_is_no_time", "-5", "0;[Red]-0", false, "-5"},
        FormatCase{"scientific_falls_back", "12345", "0.00E+00", false, "12345"}),
    [](const auto& param_info) { return param_info.param.name; });

TEST(NumberFormatBuiltins, IdsOfTheStandard) {
  EXPECT_EQ(parse::xlsx::builtin_format(0), "General");
  EXPECT_EQ(parse::xlsx::builtin_format(3), "#,##0");
  EXPECT_EQ(parse::xlsx::builtin_format(10), "0.00%");
  EXPECT_TRUE(parse::xlsx::is_date_format(parse::xlsx::builtin_format(14)));
  EXPECT_FALSE(parse::xlsx::is_date_format(parse::xlsx::builtin_format(4)));
  EXPECT_FALSE(parse::xlsx::is_date_format("#,##0\" dagar\""));
  EXPECT_EQ(parse::xlsx::plain_decimal("1.0000000000000001E-3"), "0.0010000000000000001");
  EXPECT_EQ(parse::xlsx::plain_decimal("-0"), "0");
  EXPECT_EQ(parse::xlsx::plain_decimal("#DIV/0!"), std::nullopt);
}

}  // namespace
}  // namespace bidrag
