// The allocation-list extractor on real PDFs (the corpus lists and one fixture per layout):
// every row's code and amount, in order, the total and the checks, against the expected files.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "bidrag/common/file.h"
#include "bidrag/extract/extract.h"
#include "bidrag/parse/parse.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag::extract {
namespace {

struct Extracted {
  std::vector<record::Ceiling> ceilings;
  std::optional<record::AllocationList> list;
  std::vector<record::Deadline> deadlines;
};

Extracted extract_file(const std::string& relative) {
  const Snapshot s = make_snapshot("fixtures/" + relative, test::read_fixture(relative));
  const doc::Document d = parse::parse(s);
  const auto records = extract_allocation_list(d, s, {});
  Extracted out;
  EXPECT_TRUE(records.has_value()) << relative;
  if (!records) return out;
  for (const auto& r : *records) {
    EXPECT_TRUE(test::record_valid(record::to_json(r))) << record::to_json(r);
    if (auto* c = std::get_if<record::Ceiling>(&r)) out.ceilings.push_back(*c);
    if (auto* l = std::get_if<record::AllocationList>(&r)) out.list = *l;
    if (auto* dl = std::get_if<record::Deadline>(&r)) out.deadlines.push_back(*dl);
  }
  return out;
}

rapidjson::Document expected_of(const std::string& relative) {
  rapidjson::Document j;
  j.Parse(test::read_fixture(relative + ".expected.json").c_str());
  EXPECT_FALSE(j.HasParseError()) << relative;
  return j;
}

std::optional<std::string> str(const rapidjson::Value& v, const char* key) {
  if (!v.HasMember(key) || v[key].IsNull()) return std::nullopt;
  return std::string(v[key].GetString());
}

// Amounts: the corpus gives whole kronor (`…_sek`), the layout fixtures öre (`…_ore`).
std::optional<std::int64_t> ore(const rapidjson::Value& v, const std::string& stem) {
  const std::string k_ore = stem + "_ore", k_sek = stem + "_sek";
  if (v.HasMember(k_ore.c_str())) {
    const auto& x = v[k_ore.c_str()];
    return x.IsNull() ? std::nullopt : std::optional<std::int64_t>(x.GetInt64());
  }
  if (v.HasMember(k_sek.c_str())) {
    const auto& x = v[k_sek.c_str()];
    return x.IsNull() ? std::nullopt : std::optional<std::int64_t>(x.GetInt64() * 100);
  }
  ADD_FAILURE() << "no " << stem;
  return std::nullopt;
}

void compare(const std::string& relative) {
  SCOPED_TRACE(relative);
  const auto j = expected_of(relative);
  const Extracted x = extract_file(relative);
  ASSERT_TRUE(x.list);
  const auto& rows = j["ceilings"];
  ASSERT_EQ(x.ceilings.size(), rows.Size());
  for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
    const auto& e = rows[i];
    const auto& c = x.ceilings[i];
    SCOPED_TRACE("row " + std::to_string(i + 1) + " " + c.municipality.name_as_printed);
    EXPECT_EQ(c.municipality.code, str(e, "kommunkod"));
    EXPECT_EQ(c.municipality.county_code, str(e, "lanskod"));
    EXPECT_EQ(c.municipality.name, str(e, "kommun"));
    EXPECT_EQ(c.amount.ore, ore(e, "amount"));
    EXPECT_EQ(c.municipality.name_as_printed, str(e, "as_printed"));
    EXPECT_EQ(c.amount_as_printed, str(e, "amount_as_printed"));
    std::vector<std::string> lines;
    if (e.HasMember("as_printed_lines")) {
      for (const auto& l : e["as_printed_lines"].GetArray()) lines.emplace_back(l.GetString());
    }
    EXPECT_EQ(c.name_lines, lines);
    EXPECT_EQ(c.source.locator.kind, doc::Locator::Kind::pdf);
    EXPECT_GT(c.source.locator.bbox.width(), 0);
  }
  const auto& l = *x.list;
  EXPECT_EQ(l.rows, j["rows"].GetInt());
  const auto total = ore(j, "total");
  EXPECT_EQ(l.total_stated ? std::optional<std::int64_t>(l.total_stated->ore) : std::nullopt, total);
  EXPECT_EQ(l.total_computed.ore, ore(j, "total_computed"));
  EXPECT_EQ(record::to_string(l.sum_check), str(j, "sum_check"));
  EXPECT_EQ(l.unit, str(j, "amount_unit"));
  EXPECT_EQ(l.title, str(j, "list_title"));
  EXPECT_EQ(l.reference, str(j, "reference"));
  EXPECT_EQ(l.document_date ? std::optional<std::string>(l.document_date->iso()) : std::nullopt,
            str(j, "document_date"));
  const std::string call_id = j.HasMember("call") ? j["call"]["call_id"].GetString() : j["call_id"].GetString();
  EXPECT_EQ(l.call_id, call_id);
  const auto& subs = j["subtotals"];
  ASSERT_EQ(l.subtotals.size(), subs.Size());
  for (rapidjson::SizeType i = 0; i < subs.Size(); ++i) {
    EXPECT_EQ(l.subtotals[i].label, str(subs[i], "label"));
    EXPECT_EQ(l.subtotals[i].county_code, str(subs[i], "lanskod"));
    EXPECT_EQ(l.subtotals[i].amount.ore, ore(subs[i], "amount"));
  }
  // Deadlines: the corpus lists them, the layout fixtures give one or null.
  std::vector<std::tuple<std::string, std::string, std::string>> want;
  if (j.HasMember("deadlines")) {
    for (const auto& d : j["deadlines"].GetArray()) want.emplace_back(*str(d, "kind"), *str(d, "date"), *str(d, "text"));
  } else if (j.HasMember("deadline") && !j["deadline"].IsNull()) {
    const auto& d = j["deadline"];
    want.emplace_back(*str(d, "kind"), *str(d, "date"), *str(d, "text"));
  }
  std::vector<std::tuple<std::string, std::string, std::string>> got;
  for (const auto& d : x.deadlines) got.emplace_back(std::string(record::to_string(d.kind)), d.date.iso(), d.text);
  EXPECT_EQ(got, want);
  // Warnings: each expected substring occurs in some warning of the list; none when none expected.
  if (j.HasMember("warnings")) {
    for (const auto& w : j["warnings"].GetArray()) {
      const std::string s = w.GetString();
      EXPECT_TRUE(std::any_of(l.warnings.begin(), l.warnings.end(),
                              [&](const std::string& have) { return have.find(s) != std::string::npos; }))
          << "no warning with '" << s << "'";
    }
    if (j["warnings"].Empty()) {
      EXPECT_TRUE(l.warnings.empty()) << l.warnings.front();
    }
  }
}

class CorpusLists : public ::testing::TestWithParam<const char*> {};
TEST_P(CorpusLists, EveryRowAndTheTotal) { compare(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Corpus, CorpusLists,
                         ::testing::Values("corpus/sociala-insatser-2023/fordelningslista.pdf",
                                           "corpus/sociala-insatser-2022/fordelningslista.pdf"),
    test::case_name);

class LayoutFixtures : public ::testing::TestWithParam<const char*> {};
TEST_P(LayoutFixtures, EveryRowAndTheTotal) { compare(std::string("allocation-lists/") + GetParam() + ".pdf"); }
INSTANTIATE_TEST_SUITE_P(Layouts, LayoutFixtures,
                         ::testing::Values("multi-page", "side-by-side", "county-subtotals", "wrapped-names",
                                           "footnotes", "zero-dash", "landscape", "tkr", "mismatch", "unknown-name",
                                           "duplicate", "html-table"),
    test::case_name);

}  // namespace
}  // namespace bidrag::extract
