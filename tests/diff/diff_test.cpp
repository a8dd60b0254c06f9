// Semantic diff of record sets: pairing, ignore rules, dates, amounts, texts, lists.
#include <gtest/gtest.h>

#include <algorithm>

#include "bidrag/diff/diff.h"
#include "bidrag/diff/render.h"
#include "bidrag/record/ids.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag::diff {
namespace {

constexpr const char* kFunder = "Socialstyrelsen";
constexpr const char* kTitle = "Bidrag till kommuner";

// A source whose sha256 is 64 times `hex`.
record::Source src(char hex) {
  record::Source s;
  s.url = "https://example.org/lista.pdf";
  s.sha256 = std::string(64, hex);
  s.format = doc::Format::pdf;
  return s;
}

// A call of `year` with `n` ceilings, each municipality code "9" + 3 digits and amount
// 1 000 000 + 1 000·i kr.
std::vector<record::Record> long_list(int year, int n, char sha = 'a') {
  const std::string cid = record::call_id(kFunder, kTitle, year);
  std::vector<record::Record> out;
  record::AllocationList list;
  list.id = record::allocation_list_id(cid);
  list.call_id = cid;
  list.source = src(sha);
  list.rows = n;
  for (int i = 0; i < n; ++i) {
    record::Ceiling c;
    char code[16];  // room for any int, so -Wformat-truncation has nothing to say
    std::snprintf(code, sizeof code, "9%03d", i);
    c.call_id = cid;
    c.id = record::ceiling_id(cid, code);
    c.source = src(sha);
    c.source.locator.kind = doc::Locator::Kind::pdf;
    c.source.locator.page = 1 + i / 40;
    c.municipality.name = "Kommun " + std::to_string(i);
    c.municipality.name_as_printed = *c.municipality.name;
    c.municipality.code = code;
    c.amount = record::Amount::kronor(1'000'000 + 1'000 * i);
    c.amount_as_printed = std::to_string(1'000'000 + 1'000 * i);
    list.total_computed.ore += c.amount.ore;
    out.emplace_back(std::move(c));
  }
  out.insert(out.begin(), list);
  return out;
}

std::string jsonl(const std::vector<record::Record>& records) {
  std::string s;
  for (const auto& r : records) s += record::to_json(r) + "\n";
  return s;
}

RecordSet load(const std::vector<record::Record>& records, const char* name) {
  const std::string text = jsonl(records);
  EXPECT_TRUE(test::records_valid(text));
  return load_jsonl(text, name);
}

record::Ceiling& ceiling(std::vector<record::Record>& rs, std::size_t i) { return std::get<record::Ceiling>(rs[i + 1]); }
record::AllocationList& list_of(std::vector<record::Record>& rs) { return std::get<record::AllocationList>(rs[0]); }

TEST(Diff, OneChangedCeilingInALongListIsOneChangePlusTheTotal) {
  const auto older = long_list(2023, 290);
  auto newer = long_list(2023, 290);
  // Row 137 (code 9137) goes from 1 137 000 kr to 1 200 000,50 kr.
  ceiling(newer, 137).amount.ore = 120'000'050;
  list_of(newer).total_computed.ore += 120'000'050 - 113'700'000;
  const auto changes = diff(load(older, "old"), load(newer, "new"));
  ASSERT_EQ(changes.size(), 2u) << render_json(changes);
  EXPECT_EQ(changes[0].path, "allocation_list.total_computed");
  EXPECT_EQ(*changes[0].delta_ore, 6'300'050);
  EXPECT_EQ(changes[1].path, "ceiling[9137].amount");
  EXPECT_EQ(changes[1].label, "Kommun 137");
  EXPECT_EQ(changes[1].kind, Change::Kind::changed);
  EXPECT_EQ(changes[1].old_value.text, "1137000");
  EXPECT_EQ(changes[1].new_value.text, "1200000.50");
  EXPECT_EQ(*changes[1].delta_ore, 6'300'050);
  EXPECT_EQ(*changes[1].percent, "5.54");  // 63000.50 / 1137000 = 5.5409…%
}

TEST(Diff, ARowInsertedOrDroppedInTheMiddleIsOneChangeNotACascade) {
  const auto older = long_list(2023, 290);
  auto newer = long_list(2023, 290);
  newer.erase(newer.begin() + 1 + 100);  // 9100 dropped: every later row moves up one place
  list_of(newer).rows = 289;
  list_of(newer).total_computed.ore -= 110'000'000;
  const auto changes = diff(load(older, "old"), load(newer, "new"));
  ASSERT_EQ(changes.size(), 3u) << render_json(changes);
  EXPECT_EQ(changes[0].path, "allocation_list.rows");
  EXPECT_EQ(changes[1].path, "allocation_list.total_computed");
  EXPECT_EQ(*changes[1].percent, "-0.33");  // 1 100 000 of 331 905 000
  EXPECT_EQ(changes[2].path, "ceiling[9100]");
  EXPECT_EQ(changes[2].kind, Change::Kind::removed);
  EXPECT_EQ(*changes[2].delta_ore, -110'000'000);
  EXPECT_EQ(*changes[2].percent, "-100.00");
  EXPECT_EQ(to_json(changes[2].old_value),
            R"({"recipient":{"kind":"kommun","name":"Kommun 100","code":"9100","county_code":null},)"
            R"("municipality":{"name":"Kommun 100","code":"9100","county_code":null,"county":null},)"
            R"("amount":{"value":1100000,"currency":"SEK"},"year":null})");
}

// RECORDS.md v2: a list that no call names has call_id null and ids under its list key; the
// diff groups it by the list key's series, and when a call later links the list its records
// move to the call's series (the old group removed, the new one added).
std::vector<record::Record> without_call(std::vector<record::Record> rs, const std::string& key) {
  for (auto& r : rs) {
    auto& c = record::common(r);
    c.call_id.clear();
    if (auto* l = std::get_if<record::AllocationList>(&r)) l->id = record::allocation_list_id(key);
    if (auto* k = std::get_if<record::Ceiling>(&r)) k->id = record::ceiling_id(key, *k->municipality.code);
  }
  return rs;
}

TEST(Diff, ListsWithoutACallPairByListKey) {
  const std::string k23 = "bra:fordelning-av-medel:2023", k24 = "bra:fordelning-av-medel:2024";
  const auto older = without_call(long_list(2023, 3), k23);
  auto newer = without_call(long_list(2024, 3), k24);
  ceiling(newer, 1).amount.ore += 50'000'00;
  list_of(newer).total_computed.ore += 50'000'00;
  const RecordSet a = load(older, "old"), b = load(newer, "new");
  ASSERT_EQ(a.calls.size(), 1u);
  EXPECT_EQ(a.calls[0].series, "bra:fordelning-av-medel");
  ASSERT_NE(a.calls[0].find("ceiling:9001"), nullptr);
  const auto changes = diff(a, b);
  ASSERT_EQ(changes.size(), 2u) << render_json(changes);
  EXPECT_EQ(changes[0].path, "allocation_list.total_computed");
  EXPECT_EQ(changes[1].path, "ceiling[9001].amount");
  EXPECT_EQ(*changes[1].delta_ore, 50'000'00);

  // The same list, now linked by a call: a move from the list key's series to the call's.
  const auto linked = long_list(2024, 3);
  const auto moved = diff(b, load(linked, "linked"));
  ASSERT_FALSE(moved.empty());
  EXPECT_TRUE(std::any_of(moved.begin(), moved.end(), [](const Change& c) {
    return c.series == "bra:fordelning-av-medel" && c.kind == Change::Kind::removed;
  })) << render_json(moved);
  EXPECT_TRUE(std::any_of(moved.begin(), moved.end(), [](const Change& c) {
    return c.series != "bra:fordelning-av-medel" && c.kind == Change::Kind::added;
  })) << render_json(moved);
}

TEST(Diff, SameRecordsFromAnotherCaptureAreNoChange) {
  auto older = long_list(2023, 30, 'a');
  auto newer = long_list(2023, 30, 'b');  // another fetch: other sha256
  std::reverse(newer.begin() + 1, newer.end());    // and another order
  for (std::size_t i = 0; i < 30; ++i) {
    auto& c = ceiling(newer, i);
    c.source.fetched_at = "2024-01-01T00:00:00Z";
    c.source.locator.page = 9;
    c.warnings = {"the amount was printed in a smaller font"};
    c.amount_as_printed = "1 0" + c.amount_as_printed.substr(2);
    c.cells = {"x", "y"};
    c.municipality.name_as_printed += "*";
  }
  const auto changes = diff(load(older, "old"), load(newer, "new"));
  EXPECT_TRUE(changes.empty()) << render_json(changes);
  EXPECT_EQ(render_json(changes), "[]\n");
  EXPECT_EQ(render_text(changes, true), "");
  EXPECT_EQ(render_markdown(changes), "");
}

TEST(Diff, EditionsPairBySeriesAndCeilingsByCode) {
  const auto older = long_list(2022, 3);
  auto newer = long_list(2023, 4);  // 9003 is new
  ceiling(newer, 0).amount.ore = 0;  // 1 000 000 → 0
  const auto changes = diff(load(older, "old"), load(newer, "new"));
  ASSERT_EQ(changes.size(), 4u) << render_json(changes);
  for (const auto& c : changes) EXPECT_EQ(c.series, "socialstyrelsen:bidrag-till-kommuner");
  EXPECT_EQ(changes[0].path, "allocation_list.rows");
  EXPECT_EQ(changes[1].path, "allocation_list.total_computed");
  EXPECT_EQ(changes[2].path, "ceiling[9000].amount");
  EXPECT_EQ(*changes[2].percent, "-100.00");
  EXPECT_EQ(changes[3].path, "ceiling[9003]");
  EXPECT_EQ(changes[3].kind, Change::Kind::added);
  EXPECT_EQ(*changes[3].delta_ore, 100'300'000);
  EXPECT_FALSE(changes[3].percent.has_value());
}

record::Call a_call(int year) {
  record::Call c;
  c.call_id = "";
  c.id = record::call_id(kFunder, kTitle, year);
  c.series = record::series_of(c.id);
  c.funder = kFunder;
  c.title = std::string(kTitle) + " " + std::to_string(year);
  c.year = year;
  c.published = Date{year, 1, 20};
  c.status = record::CallStatus::open;
  c.as_of = Date{year, 3, 1};
  c.days_left = 30;
  c.purpose = "Syftet är att stärka kommunernas arbete.";
  c.conditions = {"Medlen ska användas under året.", "Återrapportering sker senast i februari."};
  c.steps = {"Ansök om att bli ombud.", "Rekvirera i e-tjänsten."};
  c.applicant_types = {"kommun"};
  c.source = src('c');
  return c;
}

TEST(Diff, CallFieldsDatesTextsAndLists) {
  auto a = a_call(2022);
  auto b = a_call(2023);
  b.published = Date{2023, 1, 18};
  b.as_of = Date{2023, 3, 2};                                      // capture date: ignored
  b.purpose = "Syftet  är att\nstärka kommunernas arbete.";        // white space only
  b.conditions = {"Medlen ska användas under hela året.", "Återrapportering sker senast i februari.",
                  "Ej använda medel ska återbetalas."};
  b.steps = {"Rekvirera i e-tjänsten."};
  b.reporting.due = Date{2024, 2, 15};
  b.days_left.reset();
  b.total_budget = record::Amount::kronor(250'000'000);
  const auto changes = diff(load({a}, "old"), load({b}, "new"));
  EXPECT_EQ(render_json(changes),
            "[\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.title","kind":"changed","old":"Bidrag till kommuner 2022","new":"Bidrag till kommuner 2023","words":"Bidrag till kommuner [-2022-] {+2023+}"},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.year","kind":"changed","old":2022,"new":2023},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.published","kind":"changed","old":"2022-01-20","new":"2023-01-18","days":363},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.days_left","kind":"removed","old":30,"new":null},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.conditions[1]","kind":"changed","old":"Medlen ska användas under året.","new":"Medlen ska användas under hela året.","words":"Medlen ska användas under {+hela+} året."},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.conditions[3]","kind":"added","old":null,"new":"Ej använda medel ska återbetalas."},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.steps[1]","kind":"removed","old":"Ansök om att bli ombud.","new":null},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.reporting.due","kind":"added","old":null,"new":"2024-02-15"},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.total_budget","kind":"added","old":null,"new":250000000,"delta":250000000,"percent":null})"
            "\n]\n");
}

TEST(Diff, CallsOfDifferentSeriesAreAddedAndRemoved) {
  auto a = a_call(2023);
  auto b = a_call(2023);
  b.id = record::call_id(kFunder, "Annat bidrag", 2023);
  b.series = record::series_of(b.id);
  const auto changes = diff(load({a}, "old"), load({b}, "new"));
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].series, "socialstyrelsen:bidrag-till-kommuner");
  EXPECT_EQ(changes[0].path, "call");
  EXPECT_EQ(changes[0].kind, Change::Kind::removed);
  EXPECT_EQ(changes[1].series, "socialstyrelsen:annat-bidrag");
  EXPECT_EQ(changes[1].kind, Change::Kind::added);
  EXPECT_EQ(changes[1].new_value.str("title"), "Bidrag till kommuner 2023");
  EXPECT_EQ(changes[1].new_value.find("source"), nullptr);
}

TEST(Diff, TextAndMarkdownRendering) {
  auto older = long_list(2022, 2);
  auto newer = long_list(2023, 2);
  ceiling(newer, 1).amount.ore = 123'456'750;  // 1 001 000 → 1 234 567,50
  list_of(newer).total_computed.ore += 123'456'750 - 100'100'000;
  auto a = a_call(2022);
  auto b = a_call(2023);
  older.insert(older.begin(), a);
  newer.insert(newer.begin(), b);
  const auto changes = diff(load(older, "old"), load(newer, "new"));
  EXPECT_EQ(render_text(changes, false),
            "socialstyrelsen:bidrag-till-kommuner\n"
            "  ~ call.title: Bidrag till kommuner [-2022-] {+2023+}\n"
            "  ~ call.year: 2022 → 2023\n"
            "  ~ call.published: 2022-01-20 → 2023-01-20 (+365 days)\n"
            "  ~ allocation_list.total_computed: 2 001 000 kr → 2 234 567,50 kr (+233 567,50 kr, +11,67 %)\n"
            "  ~ ceiling[9001].amount (Kommun 1): 1 001 000 kr → 1 234 567,50 kr (+233 567,50 kr, +23,33 %)\n");
  EXPECT_TRUE(render_text(changes, true)
                  .starts_with("\033[1msocialstyrelsen:bidrag-till-kommuner\033[0m\n  \033[33m~\033[0m call.title: "
                               "Bidrag till kommuner \033[31m[-2022-]\033[0m \033[32m{+2023+}\033[0m\n"));
  EXPECT_EQ(render_markdown(changes),
            "### socialstyrelsen:bidrag-till-kommuner\n\n"
            "| Change | Field | Old | New | Difference |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| changed | `call.title` |  |  | Bidrag till kommuner ~~2022~~ **2023** |\n"
            "| changed | `call.year` | 2022 | 2023 |  |\n"
            "| changed | `call.published` | 2022-01-20 | 2023-01-20 | +365 days |\n"
            "| changed | `allocation_list.total_computed` | 2 001 000 kr | 2 234 567,50 kr | +233 567,50 kr, +11,67 % |\n"
            "| changed | `ceiling[9001].amount` (Kommun 1) | 1 001 000 kr | 1 234 567,50 kr | +233 567,50 kr, +23,33 % |\n");
}

}  // namespace
}  // namespace bidrag::diff
