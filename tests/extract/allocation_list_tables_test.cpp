// The allocation-list extractor on hand-built document models: header vocabulary, column
// groups, county rows, subtotals, totals, wrapped names, footnote markers, units, checks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "extract/allocation_list_header.h"
#include "extract/allocation_list_meta.h"
#include "support/support.h"

namespace bidrag::extract {
namespace {

using Rows = std::vector<std::vector<std::string>>;

doc::Block text_block(doc::BlockKind kind, std::string text) {
  doc::Block b;
  b.kind = kind;
  b.text = std::move(text);
  return b;
}

doc::Block table_block(const Rows& rows, int page = 1) {
  doc::Block b;
  b.kind = doc::BlockKind::table;
  b.table.page = page;
  double y = 100;
  for (const auto& r : rows) {
    std::vector<doc::Cell> cells;
    double x = 50;
    for (const auto& t : r) {
      cells.push_back({t, {x, y, x + 90, y + 10}, std::nullopt});
      x += 100;
    }
    b.table.rows.push_back(std::move(cells));
    y += 12;
  }
  b.table.bbox = {50, 100, 50 + 100.0 * static_cast<double>(rows.front().size()), y};
  b.where = doc::Locator::pdf(page, b.table.bbox);
  return b;
}

doc::Document list_doc(const std::vector<Rows>& tables, std::vector<std::string> after = {}) {
  doc::Document d;
  d.url = "file:///lists/test.pdf";
  d.format = doc::Format::pdf;
  d.blocks.push_back(text_block(doc::BlockKind::paragraph, "Socialstyrelsen Datum: 2024-01-15"));
  d.blocks.push_back(text_block(doc::BlockKind::heading, "Fördelning av statsbidrag för habilitering av barn 2024"));
  d.blocks.push_back(text_block(doc::BlockKind::paragraph, "Bilaga till anvisningar, dnr 4.1-77/2024"));
  int page = 1;
  for (const Rows& t : tables) d.blocks.push_back(table_block(t, page++));
  for (auto& a : after) d.blocks.push_back(text_block(doc::BlockKind::paragraph, std::move(a)));
  return d;
}

Snapshot snap() { return make_snapshot("file:///lists/test.pdf", "%PDF-1.4 test", "application/pdf"); }

struct Result {
  std::vector<record::Ceiling> ceilings;
  std::optional<record::AllocationList> list;
  std::vector<record::Deadline> deadlines;
};

Result run(const doc::Document& d, const Context& ctx = {}) {
  const auto records = extract_allocation_list(d, snap(), ctx);
  Result r;
  if (!records) return r;
  for (const auto& rec : *records) {
    EXPECT_TRUE(test::record_valid(record::to_json(rec)));
    if (auto* c = std::get_if<record::Ceiling>(&rec)) r.ceilings.push_back(*c);
    if (auto* l = std::get_if<record::AllocationList>(&rec)) r.list = *l;
    if (auto* dl = std::get_if<record::Deadline>(&rec)) r.deadlines.push_back(*dl);
  }
  return r;
}

// code (or "-" when unresolved) and öre of every ceiling, in order.
std::vector<std::pair<std::string, std::int64_t>> rows_of(const Result& r) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& c : r.ceilings) out.emplace_back(c.municipality.code.value_or("-"), c.amount.ore);
  return out;
}

using CodeAmounts = std::vector<std::pair<std::string, std::int64_t>>;

TEST(AllocationListTables, CountyNameAmountColumnsWithTotalInTheCountyColumn) {
  const auto r = run(list_doc({{{"Län", "Kommun", "Belopp (kr)"},
                                {"Stockholms län", "Botkyrka", "17 603 816"},
                                {"Stockholms län", "Södertälje", "13 820 044"},
                                {"Skåne län", "Malmö", "22 673 254"},
                                {"Totalt", "", "54 097 114"}}},
                              {"Beloppen anger det högsta belopp som respektive kommun kan rekvirera för 2024. "
                               "Rekvisition görs i e-tjänsten senast den 30 april 2024."}));
  ASSERT_TRUE(r.list);
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0127", 1760381600}, {"0181", 1382004400}, {"1280", 2267325400}}));
  const auto& c = r.ceilings[1];
  EXPECT_EQ(c.id, "socialstyrelsen:habilitering-av-barn:2024:ceiling:0181");
  EXPECT_EQ(c.municipality.name, "Södertälje");
  EXPECT_EQ(c.municipality.county_code, "01");
  EXPECT_EQ(c.municipality.county, "Stockholms län");
  EXPECT_EQ(c.amount_as_printed, "13 820 044");
  EXPECT_EQ(c.cells, (std::vector<std::string>{"Stockholms län", "Södertälje", "13 820 044"}));
  EXPECT_EQ(c.source.locator.page, 1);
  EXPECT_DOUBLE_EQ(c.source.locator.bbox.y0, 124);
  EXPECT_DOUBLE_EQ(c.source.locator.bbox.x1, 340);
  EXPECT_EQ(r.list->id, "socialstyrelsen:habilitering-av-barn:2024:allocation_list");
  EXPECT_EQ(r.list->title, "Fördelning av statsbidrag för habilitering av barn 2024");
  EXPECT_EQ(r.list->rows, 3);
  EXPECT_EQ(r.list->unit, "kr");
  EXPECT_EQ(r.list->total_stated->ore, 5409711400);
  EXPECT_EQ(r.list->total_computed.ore, 5409711400);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
  EXPECT_EQ(r.list->reference, "dnr 4.1-77/2024");
  EXPECT_EQ(r.list->document_date->iso(), "2024-01-15");
  EXPECT_TRUE(r.list->warnings.empty());
  ASSERT_EQ(r.deadlines.size(), 1u);
  EXPECT_EQ(r.deadlines[0].kind, record::DeadlineKind::requisition_close);
  EXPECT_EQ(r.deadlines[0].date.iso(), "2024-04-30");
  EXPECT_EQ(r.deadlines[0].text, "Rekvisition görs i e-tjänsten senast den 30 april 2024.");
  EXPECT_EQ(r.deadlines[0].id, "socialstyrelsen:habilitering-av-barn:2024:deadline:requisition_close");
}

TEST(AllocationListTables, SideBySideGroupsAreReadLeftGroupFirst) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)", "Kommun", "Belopp (kr)"},
                                {"Svalöv", "9 114 763", "Perstorp", "5 653 232"},
                                {"Staffanstorp", "940 427", "Klippan", "5 757 961"},
                                {"Burlöv", "1 045 156", "", ""},
                                {"Summa", "22 511 539", "", ""}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"1214", 911476300}, {"1230", 94042700}, {"1231", 104515600},
                                      {"1275", 565323200}, {"1276", 575796100}}));
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
  EXPECT_EQ(r.ceilings[3].cells, (std::vector<std::string>{"Perstorp", "5 653 232"}));
  EXPECT_DOUBLE_EQ(r.ceilings[3].source.locator.bbox.x0, 250);
}

TEST(AllocationListTables, CountySubHeadersAndSubtotalsAreNoMunicipalities) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"},
                                {"Stockholms län", ""},
                                {"Botkyrka", "100"},
                                {"Haninge", "200"},
                                {"Summa Stockholms län", "300"},
                                {"Uppsala län", ""},
                                {"Uppsala", "50"},
                                {"Summa Uppsala län", "60"},
                                {"Riket", "350"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0127", 10000}, {"0136", 20000}, {"0380", 5000}}));
  ASSERT_EQ(r.list->subtotals.size(), 2u);
  EXPECT_EQ(r.list->subtotals[0].label, "Summa Stockholms län");
  EXPECT_EQ(r.list->subtotals[0].county_code, "01");
  EXPECT_EQ(r.list->subtotals[0].amount.ore, 30000);
  EXPECT_EQ(r.list->subtotals[1].county_code, "03");
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
  EXPECT_EQ(r.list->warnings,
            (std::vector<std::string>{"subtotal 'Summa Uppsala län' 60 kr differs from the sum of its rows 50 kr"}));
}

TEST(AllocationListTables, WrappedNamesJoinWhicheverLineHoldsTheAmount) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"},
                                {"Upplands", "2 294 539"},  // amount on the first line (top-aligned)
                                {"Väsby", ""},
                                {"Upplands-", ""},  // amount on the last line (bottom-aligned)
                                {"Bro", "4 912 764"},
                                {"Stockholm", "9 206 653"},
                                {"Östra", "3 695 057"},
                                {"Göinge", ""}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0114", 229453900}, {"0139", 491276400}, {"0180", 920665300}, {"1256", 369505700}}));
  EXPECT_EQ(r.ceilings[0].municipality.name_as_printed, "Upplands Väsby");
  EXPECT_EQ(r.ceilings[0].name_lines, (std::vector<std::string>{"Upplands", "Väsby"}));
  EXPECT_EQ(r.ceilings[1].municipality.name_as_printed, "Upplands-Bro");
  EXPECT_EQ(r.ceilings[1].name_lines, (std::vector<std::string>{"Upplands-", "Bro"}));
  EXPECT_TRUE(r.ceilings[2].name_lines.empty());
  // The row's box covers both lines.
  EXPECT_DOUBLE_EQ(r.ceilings[0].source.locator.bbox.y0, 112);
  EXPECT_DOUBLE_EQ(r.ceilings[0].source.locator.bbox.y1, 134);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::no_total);
  EXPECT_FALSE(r.list->total_stated);
}

TEST(AllocationListTables, FootnoteMarkersStayInTheNameAsPrinted) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"},
                                {"Södertälje*", "1 000"},
                                {"Stockholm¹", "2 000"},
                                {"Malmö", "3 000²"},
                                {"Totalt", "6 000"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0181", 100000}, {"0180", 200000}, {"1280", 300000}}));
  EXPECT_EQ(r.ceilings[0].municipality.name_as_printed, "Södertälje*");
  EXPECT_EQ(r.ceilings[0].municipality.name, "Södertälje");
  EXPECT_EQ(r.ceilings[1].municipality.name_as_printed, "Stockholm¹");
  EXPECT_EQ(r.ceilings[2].amount_as_printed, "3 000²");
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

// A browser prints a table's <tfoot> at the foot of every page: the total on page 1 is the
// same footer again, and the list goes on on page 2 under the same header.
TEST(AllocationListTables, TotalRepeatedAtEachPageFootIsNotTheEnd) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Botkyrka", "100"}, {"Haninge", "200"}, {"Totalt", "600"}},
                               {{"Kommun", "Belopp (kr)"}, {"Malmö", "300"}, {"Totalt", "600"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0127", 10000}, {"0136", 20000}, {"1280", 30000}}));
  EXPECT_EQ(r.list->rows, 3);
  EXPECT_EQ(r.list->total_stated->ore, 60000);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
  EXPECT_TRUE(r.list->warnings.empty());
}

TEST(AllocationListTables, PageFootTotalThatDiffersFromTheLastIsDroppedWithAWarning) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Botkyrka", "100"}, {"Haninge", "200"}, {"Summa", "300"}},
                               {{"Kommun", "Belopp (kr)"}, {"Malmö", "300"}, {"Summa", "600"}}}));
  EXPECT_EQ(r.list->rows, 3);
  EXPECT_EQ(r.list->total_stated->ore, 60000);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
  EXPECT_EQ(r.list->warnings, (std::vector<std::string>{"the total 'Summa' 300 at the foot of a page is followed by more "
                                                        "rows of the same table; the last total stands"}));
}

// A total followed by a table with another header (or not on the next page) ends the list.
TEST(AllocationListTables, TotalBeforeAnotherTableStillEndsTheList) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Botkyrka", "100"}, {"Totalt", "100"}},
                               {{"Kommun", "Utbetalt (kr)"}, {"Malmö", "300"}, {"Totalt", "300"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0127", 10000}}));
  EXPECT_EQ(r.list->total_stated->ore, 10000);
}

// The decision date stated before its verb: "har den 9 maj 2025 beslutat".
TEST(AllocationListTables, DocumentDateBeforeAVerbOfDeciding) {
  doc::Document d = list_doc({{{"Kommun", "Belopp (kr)"}, {"Botkyrka", "100"}}});
  d.blocks[0].text = "Socialstyrelsen";
  d.blocks[2].text = "Myndigheten har den 9 maj 2025 beslutat om bidrag till en kommun. Redovisning senast den 31 mars 2026.";
  const auto r = run(d);
  ASSERT_TRUE(r.list);
  EXPECT_EQ(r.list->document_date->iso(), "2025-05-09");
  d.blocks[2].text = "Bidraget ska redovisas den 9 maj 2025 till myndigheten.";  // a date, but no decision
  EXPECT_FALSE(run(d).list->document_date);
}

TEST(AllocationListTables, ZeroAndDashAreZeroAndStillCeilings) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Kiruna", "0"}, {"Pajala", "–"}, {"Luleå", "1 500"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"2584", 0}, {"2521", 0}, {"2580", 150000}}));
  EXPECT_EQ(r.ceilings[1].amount_as_printed, "–");
}

TEST(AllocationListTables, TkrColumnsScaleExactly) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (tkr)"}, {"Växjö", "3 189,0"}, {"Lessebo", "1 199,2"},
                                {"Totalt", "4 388,2"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0780", 318900000}, {"0761", 119920000}}));
  EXPECT_EQ(r.list->unit, "tkr");
  EXPECT_EQ(r.list->total_stated->ore, 438820000);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

TEST(AllocationListTables, TwoLineHeaderAndTusentalKronor) {
  const auto r = run(list_doc({{{"Kommun", "Belopp"}, {"", "Tusental kronor"}, {"Växjö", "12,5"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"0780", 1250000}}));
  EXPECT_EQ(r.list->unit, "tkr");
}

TEST(AllocationListTables, MismatchingTotalNamesBothFigures) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Kiruna", "1 000"}, {"Luleå", "2 000"},
                                {"Totalt", "1 003 000"}}}));
  EXPECT_EQ(r.list->sum_check, record::SumCheck::mismatch);
  EXPECT_EQ(r.list->total_stated->ore, 100300000);
  EXPECT_EQ(r.list->total_computed.ore, 300000);
  EXPECT_EQ(r.list->warnings,
            (std::vector<std::string>{"stated total 1 003 000 kr differs from the sum of the rows 3 000 kr"}));
}

TEST(AllocationListTables, UnknownNameKeepsNullCodeAndAWarning) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Kiruna", "1 000"}, {"Kommunalförbundet Nordost", "2 000"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"2584", 100000}, {"-", 200000}}));
  const auto& c = r.ceilings[1];
  EXPECT_EQ(c.id, "socialstyrelsen:habilitering-av-barn:2024:ceiling:kommunalforbundet-nordost");
  EXPECT_FALSE(c.municipality.name);
  EXPECT_FALSE(c.municipality.county_code);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("Kommunalförbundet Nordost"), std::string::npos);
  EXPECT_EQ(r.list->warnings, (std::vector<std::string>{"'Kommunalförbundet Nordost' matches no municipality"}));
}

TEST(AllocationListTables, DuplicateMunicipalityIsFlagged) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Kiruna", "1 000"}, {"Luleå", "2 000"}, {"Kiruna", "500"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"2584", 100000}, {"2580", 200000}, {"2584", 50000}}));
  EXPECT_TRUE(r.ceilings[0].warnings.empty());
  EXPECT_EQ(r.ceilings[2].warnings, (std::vector<std::string>{"'Kiruna' (2584) is listed twice (also as 'Kiruna')"}));
  EXPECT_EQ(r.list->warnings, r.ceilings[2].warnings);
}

TEST(AllocationListTables, PagesWithRepeatedOrMissingHeaderAreOneList) {
  const auto r = run(list_doc({{{"Kommunkod", "Kommun", "Belopp (kr)"}, {"2584", "Kiruna", "1 000"}},
                               {{"Kommunkod", "Kommun", "Belopp (kr)"}, {"2580", "Luleå", "2 000"}},
                               {{"2521", "Pajala", "3 000"}, {"Totalt", "", "6 000"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"2584", 100000}, {"2580", 200000}, {"2521", 300000}}));
  EXPECT_EQ(r.ceilings[1].source.locator.page, 2);
  EXPECT_EQ(r.ceilings[2].source.locator.page, 3);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

TEST(AllocationListTables, TotalPrintedAsTextBelowTheTable) {
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Kiruna", "1 000"}, {"Luleå", "2 000"}}}, {"Totalt 3 000"}));
  EXPECT_EQ(r.list->total_stated->ore, 300000);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

TEST(AllocationListTables, VocabularyNotPositionPicksTheAmountColumn) {
  const auto r = run(list_doc({{{"Län", "Kommun", "Andel (%)", "Max belopp (kr)", "Antal områden"},
                                {"Norrbottens län", "Kiruna", "40,0", "1 000", "2"},
                                {"Norrbottens län", "Luleå", "60,0", "2 000", "3"}}}));
  EXPECT_EQ(rows_of(r), (CodeAmounts{{"2584", 100000}, {"2580", 200000}}));
}

TEST(AllocationListTables, HtmlRowsAreLocatedByXPath) {
  doc::Document d = list_doc({{{"Kommun", "Belopp (kr)"}, {"Kiruna", "1 000"}}});
  d.format = doc::Format::html;
  d.blocks.back().where = doc::Locator::html("/html/body/main/table[1]");
  const auto r = run(d);
  ASSERT_EQ(r.ceilings.size(), 1u);
  EXPECT_EQ(r.ceilings[0].source.locator.xpath, "(/html/body/main/table[1]//tr)[2]");
  EXPECT_EQ(r.ceilings[0].source.format, doc::Format::html);
}

TEST(AllocationListTables, ContextCallIdWins) {
  Context ctx;
  ctx.call_id = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";
  const auto r = run(list_doc({{{"Kommun", "Belopp (kr)"}, {"Kiruna", "1 000"}}}), ctx);
  EXPECT_EQ(r.list->call_id, "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023");
  EXPECT_EQ(r.ceilings[0].id, "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023:ceiling:2584");
}

TEST(AllocationListTables, NoMunicipalityTableGivesNothing) {
  EXPECT_FALSE(extract_allocation_list(list_doc({{{"Datum", "Aktivitet"}, {"2024-01-01", "Start"}}}), snap(), {}));
  // A "Kommun" column that names no municipality is not a list either.
  EXPECT_FALSE(extract_allocation_list(list_doc({{{"Kommun", "Belopp"}, {"Alla", "100"}}}), snap(), {}));
  doc::Document none;
  none.format = doc::Format::html;
  none.blocks.push_back(text_block(doc::BlockKind::paragraph, "Kommun Belopp"));
  EXPECT_FALSE(extract_allocation_list(none, snap(), {}));
}

struct TitleCase {
  const char* list_title;
  const char* call_title;
};

TEST(AllocationListTables, CallTitleFromListTitle) {
  const TitleCase cases[] = {
      {"Fördelning av statsbidrag för sociala insatser i utsatta områden 2023", "Sociala insatser i utsatta områden"},
      {"Fördelningslista för stöd till feriejobb för ungdomar 2023", "Stöd till feriejobb för ungdomar"},
      {"Fördelningslista för statsbidrag till våldsförebyggande arbete 2023", "Våldsförebyggande arbete"},
      {"Fördelningsnyckel för äldreomsorg år 2024", "Äldreomsorg"},
      // "medel för" is part of the grant's name (the corpus's Länsstyrelsen list names its call
      // "Medel för kommunernas integrationsarbete"); only "statsbidrag för/till" is stripped.
      {"Fördelning av medel för psykisk hälsa för 2024", "Medel för psykisk hälsa"},
      {"Beviljade bidrag inom Stärkta bibliotek 2025", "Stärkta bibliotek"},
      {"Kvinnofridsmedel 2022", "Kvinnofridsmedel"},
  };
  for (const auto& c : cases) EXPECT_EQ(alloc::call_title_of(c.list_title), c.call_title) << c.list_title;
}

struct RoleCase {
  const char* header;
  alloc::Role role;
};

TEST(AllocationListTables, HeaderVocabulary) {
  using alloc::Role;
  const RoleCase cases[] = {
      {"Kommun", Role::name},           {"Kommuner", Role::name},         {"Kommunkod", Role::code},
      {"Kommun-kod", Role::code},       {"Län", Role::county},            {"Länskod", Role::county_code},
      {"Belopp", Role::amount},         {"Belopp (kr)", Role::amount},    {"Belopp (tkr)", Role::amount},
      {"Tusental kronor", Role::amount}, {"Fördelning 2023", Role::amount}, {"Max belopp", Role::amount},
      {"Andel (%)", Role::other},       {"Antal områden", Role::other},   {"Kommunens andel", Role::other},
      {"Datum", Role::other},           {"Huvudman", Role::name},         {"Huvudmän", Role::name},
      {"Skolhuvudman", Role::name},     {"Bidragstagare", Role::name},
  };
  for (const auto& c : cases) EXPECT_EQ(alloc::role_of(c.header), c.role) << c.header;
}

}  // namespace
}  // namespace bidrag::extract
