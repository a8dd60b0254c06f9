// The allocation-list extractor on hand-built document models, RECORDS.md v2 shapes: year
// columns, granted vs paid, parts and their total, units in cells (tkr, Mkr), regions,
// länsstyrelser, counties and organisations as recipients, names that match nothing, lists
// that name no call, and the call that links a list.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "extract/allocation_list_recipient.h"
#include "support/support.h"

namespace bidrag::extract {
namespace {

using Rows = std::vector<std::vector<std::string>>;

doc::Block text(doc::BlockKind kind, std::string t) {
  doc::Block b;
  b.kind = kind;
  b.text = std::move(t);
  return b;
}

doc::Block table(const Rows& rows) {
  doc::Block b;
  b.kind = doc::BlockKind::table;
  b.table.page = 1;
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
  b.where = doc::Locator::pdf(1, b.table.bbox);
  return b;
}

doc::Document doc_of(const std::string& title, const Rows& rows, const std::vector<std::string>& after = {}) {
  doc::Document d;
  d.url = "file:///lists/v2.pdf";
  d.format = doc::Format::pdf;
  d.blocks.push_back(text(doc::BlockKind::paragraph, "Socialstyrelsen Datum: 2024-01-15"));
  d.blocks.push_back(text(doc::BlockKind::heading, title));
  d.blocks.push_back(text(doc::BlockKind::paragraph, "Bilaga till beslut, dnr 4.1-77/2024"));
  d.blocks.push_back(table(rows));
  for (const auto& a : after) d.blocks.push_back(text(doc::BlockKind::paragraph, a));
  return d;
}

struct Result {
  std::vector<record::Ceiling> ceilings;
  std::optional<record::AllocationList> list;
  std::vector<record::Deadline> deadlines;
};

Result run(const doc::Document& d, const Context& ctx = {}) {
  const Snapshot s = make_snapshot("file:///lists/v2.pdf", "%PDF-1.4 v2", "application/pdf");
  Result r;
  const auto records = extract_allocation_list(d, s, ctx);
  if (!records) return r;
  for (const auto& rec : *records) {
    const std::string json = record::to_json(rec);
    EXPECT_TRUE(test::record_valid(json)) << json;
    if (auto* c = std::get_if<record::Ceiling>(&rec)) r.ceilings.push_back(*c);
    if (auto* l = std::get_if<record::AllocationList>(&rec)) r.list = *l;
    if (auto* dl = std::get_if<record::Deadline>(&rec)) r.deadlines.push_back(*dl);
  }
  return r;
}

constexpr const char* kTitle = "Fördelning av statsbidrag för habilitering av barn 2024";
constexpr const char* kCall = "socialstyrelsen:habilitering-av-barn:2024";

TEST(AllocationListV2, YearColumnsGiveACeilingPerRecipientAndYear) {
  const auto r = run(doc_of(kTitle, {{"Kommun", "Bidrag 2024", "Bidrag 2025"},
                                     {"Botkyrka", "100 000", "120 000"},
                                     {"Malmö", "200 000", "210 000"},
                                     {"Summa", "300 000", "330 000"}}));
  ASSERT_TRUE(r.list);
  ASSERT_EQ(r.ceilings.size(), 4u);
  EXPECT_EQ(r.ceilings[0].id, std::string(kCall) + ":ceiling:0127:2024");
  EXPECT_EQ(r.ceilings[0].year, 2024);
  EXPECT_EQ(r.ceilings[1].id, std::string(kCall) + ":ceiling:0127:2025");
  EXPECT_EQ(r.ceilings[1].year, 2025);
  EXPECT_EQ(r.ceilings[1].amount.ore, 120'000'00);
  EXPECT_EQ(r.ceilings[3].amount.ore, 210'000'00);
  EXPECT_EQ(r.list->total_stated->ore, 630'000'00);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
  EXPECT_EQ(r.list->warnings, std::vector<std::string>{});
}

TEST(AllocationListV2, GrantedIsTheCeilingNotPaid) {
  const auto r = run(doc_of(kTitle, {{"Kommun", "Utbetalt (kr)", "Beviljat (kr)"},
                                     {"Botkyrka", "50 000", "100 000"},
                                     {"Totalt", "50 000", "100 000"}}));
  ASSERT_EQ(r.ceilings.size(), 1u);
  EXPECT_EQ(r.ceilings[0].amount.ore, 100'000'00);
  EXPECT_TRUE(r.ceilings[0].parts.empty());
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

TEST(AllocationListV2, PartsBesideATotalColumn) {
  const auto r = run(doc_of(kTitle, {{"Kommun", "Grundbelopp", "Tillägg", "Totalt"},
                                     {"Eda", "300 000", "0", "300 000"},
                                     {"Falun", "300 000", "175 000", "475 000"},
                                     {"Summa", "600 000", "175 000", "775 000"}}));
  ASSERT_EQ(r.ceilings.size(), 2u);
  EXPECT_EQ(r.ceilings[1].amount.ore, 475'000'00);
  ASSERT_EQ(r.ceilings[1].parts.size(), 2u);
  EXPECT_EQ(r.ceilings[1].parts[0].header, "Grundbelopp");
  EXPECT_EQ(r.ceilings[1].parts[0].amount.ore, 300'000'00);
  EXPECT_EQ(r.ceilings[1].parts[1].header, "Tillägg");
  EXPECT_EQ(r.ceilings[1].parts[1].amount.ore, 175'000'00);
  EXPECT_EQ(r.ceilings[0].parts[1].amount.ore, 0);
  EXPECT_EQ(r.list->total_stated->ore, 775'000'00);
}

TEST(AllocationListV2, UnitsInCellsAndDigitGroups) {
  // U+202F and NBSP digit groups, "tkr" and "Mkr" in the cells, a header without a unit.
  const auto r = run(doc_of(kTitle, {{"Kommun", "Belopp"},
                                     {"Kalmar", "2\u202f071,9 tkr"},
                                     {"Nybro", "1,5 Mkr"},
                                     {"Totalt", "3\u00a0571,9 tkr"}}));
  ASSERT_EQ(r.ceilings.size(), 2u);
  EXPECT_EQ(r.ceilings[0].amount.ore, 2'071'900'00);
  EXPECT_EQ(r.ceilings[0].amount_as_printed, "2 071,9 tkr");
  EXPECT_EQ(r.ceilings[1].amount.ore, 1'500'000'00);
  EXPECT_EQ(r.list->unit, "tkr");
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

TEST(AllocationListV2, RegionsByCountyCodeNotTheirNamesakeMunicipalities) {
  const auto r = run(doc_of("Fördelning av statsbidrag till regionerna för tandvård 2024",
                            {{"Region", "Belopp (kr)"},
                             {"Stockholm", "1 000"},
                             {"Region Skåne", "2 000"},
                             {"Västra Götalandsregionen", "3 000"},
                             {"Kalmar län", "4 000"},
                             {"Region Atlantis", "5 000"},
                             {"Totalt", "15 000"}}));
  ASSERT_EQ(r.ceilings.size(), 5u);
  const std::vector<std::optional<std::string>> codes = {"01", "12", "14", "08", std::nullopt};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(r.ceilings[i].recipient.kind, record::RecipientKind::region);
    EXPECT_EQ(r.ceilings[i].recipient.code, codes[i]) << r.ceilings[i].recipient.name_as_printed;
  }
  EXPECT_EQ(r.ceilings[0].recipient.name, "Region Stockholm");
  EXPECT_EQ(r.ceilings[2].recipient.name, "Västra Götalandsregionen");
  EXPECT_EQ(r.ceilings[0].id, "socialstyrelsen:regionerna-for-tandvard:2024:ceiling:region-01");
  // Unknown: kept, code null, a warning, id from the printed name.
  EXPECT_EQ(r.ceilings[4].recipient.name, std::nullopt);
  EXPECT_EQ(r.ceilings[4].warnings, std::vector<std::string>{"no region named 'Region Atlantis'"});
  EXPECT_EQ(r.ceilings[4].id, "socialstyrelsen:regionerna-for-tandvard:2024:ceiling:region-region-atlantis");
  EXPECT_EQ(r.list->recipient_kind, record::RecipientKind::region);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

TEST(AllocationListV2, LansstyrelserAndCounties) {
  const auto boards = run(doc_of(kTitle, {{"Länsstyrelse", "Belopp (kr)"},
                                          {"Länsstyrelsen i Kalmar län", "1 000"},
                                          {"Länsstyrelsen Skåne", "2 000"}}));
  ASSERT_EQ(boards.ceilings.size(), 2u);
  EXPECT_EQ(boards.ceilings[0].recipient.kind, record::RecipientKind::lansstyrelse);
  EXPECT_EQ(boards.ceilings[0].recipient.code, "08");
  EXPECT_EQ(boards.ceilings[1].recipient.code, "12");
  EXPECT_EQ(boards.ceilings[1].id, std::string(kCall) + ":ceiling:lansstyrelse-12");
  const auto counties = run(doc_of(kTitle, {{"Län", "Belopp (kr)"}, {"Stockholms län", "1 000"}, {"Gotlands län", "2 000"}}));
  ASSERT_EQ(counties.ceilings.size(), 2u);
  EXPECT_EQ(counties.ceilings[1].recipient.kind, record::RecipientKind::lan);
  EXPECT_EQ(counties.ceilings[1].recipient.code, "09");
  EXPECT_EQ(counties.ceilings[1].recipient.name, "Gotlands län");
  EXPECT_EQ(counties.list->recipient_kind, record::RecipientKind::lan);
}

TEST(AllocationListV2, OrganisationsWithCheckedOrganisationNumbers) {
  const auto r = run(doc_of(kTitle, {{"Organisation", "Organisationsnummer", "Beviljat 2024 (kr)"},
                                     {"Föreningen Andrum", "802283-3589", "1 470 000"},
                                     {"Föreningen Fel", "802283-3588", "30 000"},
                                     {"Summa", "", "1 500 000"}}));
  ASSERT_EQ(r.ceilings.size(), 2u);
  EXPECT_EQ(r.ceilings[0].recipient.code, "802283-3589");
  EXPECT_EQ(r.ceilings[0].id, std::string(kCall) + ":ceiling:organisation-802283-3589");
  EXPECT_EQ(r.ceilings[0].recipient.county_code, std::nullopt);
  // A wrong check digit: no code, a warning, the row kept.
  EXPECT_EQ(r.ceilings[1].recipient.code, std::nullopt);
  EXPECT_EQ(r.ceilings[1].warnings, std::vector<std::string>{"'802283-3588' is not a valid organisation number"});
  EXPECT_EQ(r.list->recipient_kind, record::RecipientKind::organisation);
  EXPECT_EQ(r.list->sum_check, record::SumCheck::ok);
}

TEST(AllocationListV2, BareYearHeadersAndANumberPrintedWithTheName) {
  const auto years = run(doc_of(kTitle, {{"Kommun", "2024", "2025"}, {"Eda", "1 000", "2 000"}}));
  ASSERT_EQ(years.ceilings.size(), 2u);
  EXPECT_EQ(years.ceilings[1].year, 2025);
  EXPECT_EQ(years.ceilings[1].amount.ore, 2'000'00);
  const auto orgs = run(doc_of(kTitle, {{"Organisation", "Belopp (kr)"}, {"Föreningen Fristaden (802171-1174)", "345 000"}}));
  ASSERT_EQ(orgs.ceilings.size(), 1u);
  EXPECT_EQ(orgs.ceilings[0].recipient.code, "802171-1174");
  EXPECT_EQ(orgs.ceilings[0].recipient.name_as_printed, "Föreningen Fristaden (802171-1174)");
}

TEST(AllocationListV2, LuhnCheckOfOrganisationNumbers) {
  EXPECT_EQ(alloc::org_number("802402-6141"), "802402-6141");
  EXPECT_EQ(alloc::org_number("8024026141"), "802402-6141");
  EXPECT_EQ(alloc::org_number("202100-0555"), "202100-0555");
  EXPECT_EQ(alloc::org_number("802402-6142"), std::nullopt);
  EXPECT_EQ(alloc::org_number("802402-614"), std::nullopt);
  EXPECT_EQ(alloc::org_number("80240A-6141"), std::nullopt);
}

TEST(AllocationListV2, AListThatNamesNoCallStandsOnItsOwn) {
  const std::string title = "Fördelning av medel för lokalt brottsförebyggande arbete 2025";
  const Rows rows = {{"Kommun", "Belopp (kr)"}, {"Nacka", "1 062 900"}, {"Totalt", "1 062 900"}};
  const auto r = run(doc_of(title, rows, {"Kommunerna redovisar senast den 31 mars 2026."}));
  ASSERT_TRUE(r.list);
  EXPECT_EQ(r.list->call_id, "");
  EXPECT_EQ(r.list->id, "socialstyrelsen:fordelning-av-medel-for-lokalt-brottsforebyggande-arbete:2025:allocation_list");
  EXPECT_EQ(r.ceilings[0].call_id, "");
  EXPECT_EQ(r.ceilings[0].id, "socialstyrelsen:fordelning-av-medel-for-lokalt-brottsforebyggande-arbete:2025:ceiling:0182");
  EXPECT_TRUE(r.deadlines.empty());  // deadlines belong to a call
  EXPECT_EQ(r.list->funder->name, "Socialstyrelsen");
  EXPECT_EQ(r.list->funder->org_number, "202100-0555");
  // The same list asking to requisition the money names a call.
  const auto asked = run(doc_of(title, rows, {"Kommunen ska rekvirera medlen senast den 15 april 2025."}));
  EXPECT_EQ(asked.list->call_id, "socialstyrelsen:medel-for-lokalt-brottsforebyggande-arbete:2025");
  ASSERT_EQ(asked.deadlines.size(), 1u);
  EXPECT_EQ(asked.deadlines[0].kind, record::DeadlineKind::requisition_close);
  // The call that links the list wins.
  Context ctx;
  ctx.call_id = "bra:lokalt-brottsforebyggande-arbete:2025";
  const auto linked = run(doc_of(title, rows), ctx);
  EXPECT_EQ(linked.list->call_id, *ctx.call_id);
  EXPECT_EQ(linked.ceilings[0].id, *ctx.call_id + ":ceiling:0182");
}

TEST(AllocationListV2, OneSentenceGivesTwoDeadlineKinds) {
  const auto r = run(doc_of(kTitle, {{"Kommun", "Belopp (kr)"}, {"Nacka", "1 000"}},
                            {"Medlen ska vara förbrukade den 31 december 2025 och redovisas senast den 28 februari 2026."}));
  ASSERT_EQ(r.deadlines.size(), 2u);
  EXPECT_EQ(r.deadlines[0].kind, record::DeadlineKind::funds_usable_until);
  EXPECT_EQ(r.deadlines[0].date.iso(), "2025-12-31");
  EXPECT_EQ(r.deadlines[1].kind, record::DeadlineKind::report_due);
  EXPECT_EQ(r.deadlines[1].date.iso(), "2026-02-28");
}

}  // namespace
}  // namespace bidrag::extract

namespace bidrag::extract {
namespace {

// A CSV file that is no allocation list (no recipient column) gives one error record saying so.
TEST(AllocationListV2, ACsvThatIsNoListIsAnErrorSayingSo) {
  const Snapshot s = make_snapshot("https://example.se/data/besok.csv", "Datum;Antal besök\n2025-01-02;17\n2025-01-03;21\n",
                                   "text/csv");
  const auto records = extract(s);
  ASSERT_EQ(records.size(), 1u);
  const auto* e = std::get_if<record::ErrorRecord>(&records[0]);
  ASSERT_NE(e, nullptr) << record::to_json(records[0]);
  EXPECT_EQ(e->stage, record::ErrorStage::extract);
  EXPECT_EQ(e->message, "no allocation list found in https://example.se/data/besok.csv: no sheet has a header naming a "
                        "recipient column and an amount column");
  EXPECT_TRUE(test::record_valid(record::to_json(records[0])));
}

}  // namespace
}  // namespace bidrag::extract

namespace bidrag::extract {
namespace {

// A bare CSV list (a header and rows, no title, funder or year) takes its list key's title part
// from its file name, so that two such lists do not share one id; a cell too long to quote is
// cut short in the warning that names it.
TEST(AllocationListV2, ABareListIsKeyedByItsFileNameAndLongCellsAreQuotedShort) {
  const std::string huge(100'000, 'x');
  const Snapshot s = make_snapshot("https://example.se/filer/Fördelning%20övriga%20kommuner.csv",
                                   "Kommun;Belopp\nNacka;1 000\nVaxholm;" + huge + "\n", "text/csv");
  const auto records = extract(s);
  ASSERT_EQ(records.size(), 2u) << record::to_json(records[0]);
  const auto* list = std::get_if<record::AllocationList>(&records[0]);
  ASSERT_NE(list, nullptr) << record::to_json(records[0]);
  EXPECT_EQ(list->id, ":fordelning-ovriga-kommuner:allocation_list");
  const auto* nacka = std::get_if<record::Ceiling>(&records[1]);
  ASSERT_NE(nacka, nullptr);
  EXPECT_EQ(nacka->id, ":fordelning-ovriga-kommuner:ceiling:0182");
  EXPECT_EQ(nacka->amount.ore, 100'000);
  const auto named = std::find_if(list->warnings.begin(), list->warnings.end(),
                                  [](const std::string& w) { return w.find("file name") != std::string::npos; });
  ASSERT_NE(named, list->warnings.end());
  EXPECT_EQ(*named, "the list states no title; its list key takes the file name 'Fördelning övriga kommuner'");
  const auto cut = std::find_if(list->warnings.begin(), list->warnings.end(),
                                [](const std::string& w) { return w.find("is not an amount") != std::string::npos; });
  ASSERT_NE(cut, list->warnings.end());
  EXPECT_LT(cut->size(), 600u);  // the cell quoted twice (the warning and the reason), each cut short
  EXPECT_NE(cut->find(std::string(200, 'x') + "\u2026'"), std::string::npos) << *cut;
}

}  // namespace
}  // namespace bidrag::extract
