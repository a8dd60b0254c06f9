// The six lists of fixtures/corpus/allocation-lists-2025 (RECORDS.md v2: regions, organisations,
// parts, subtotals, tkr, a list that names no call; PDF, XLSX, CSV, HTML), field by field against
// their expected files, through extract() as `bidrag extract` runs it. Every record validates.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "bidrag/common/file.h"
#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag::extract {
namespace {

constexpr const char* kDir = "corpus/allocation-lists-2025/";

struct Extracted {
  std::vector<record::Ceiling> ceilings;
  std::optional<record::AllocationList> list;
  std::vector<record::Deadline> deadlines;
};

std::optional<std::string> str(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject() || !v.HasMember(key) || v[key].IsNull()) return std::nullopt;
  return std::string(v[key].GetString());
}

std::int64_t sek(const rapidjson::Value& v, const char* key) { return v[key].GetInt64() * 100; }

class CorpusListsV2 : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const std::string rel = std::string(kDir) + GetParam();
    exp_.Parse(test::read_fixture(rel + ".expected.json").c_str());
    ASSERT_FALSE(exp_.HasParseError());
    const std::string url = str(exp_, "source_url").value_or("fixtures/" + rel);
    const Snapshot s = make_snapshot(url, test::read_fixture(rel));
    for (const auto& r : extract(s)) {
      const std::string json = record::to_json(r);
      EXPECT_TRUE(test::record_valid(json)) << json;
      if (auto* c = std::get_if<record::Ceiling>(&r)) x_.ceilings.push_back(*c);
      if (auto* l = std::get_if<record::AllocationList>(&r)) x_.list = *l;
      if (auto* d = std::get_if<record::Deadline>(&r)) x_.deadlines.push_back(*d);
    }
  }
  rapidjson::Document exp_;
  Extracted x_;
};

// The call the expected file names, when the list's own text names it. Two lists get their call
// only from the announcement that links them (the call's title is printed nowhere in the list):
// there the extractor gives the list's own ids, which the pipeline replaces by the linking call's.
bool call_named_in_list(const std::string& doc) {
  return doc.find("jamy-") == std::string::npos && doc.find("fohm-") == std::string::npos;
}

TEST_P(CorpusListsV2, ListRecord) {
  ASSERT_TRUE(x_.list);
  const auto& l = *x_.list;
  const std::string doc = GetParam();
  if (exp_["call"].IsNull()) {
    EXPECT_EQ(l.call_id, "");
    EXPECT_EQ(l.id, *str(exp_, "list_key") + ":allocation_list");
    for (const auto& c : x_.ceilings) EXPECT_EQ(c.call_id, "") << c.id;
    for (const auto& c : x_.ceilings) EXPECT_EQ(c.id.rfind(*str(exp_, "list_key") + ":ceiling:", 0), 0u) << c.id;
  } else if (call_named_in_list(doc)) {
    const std::string call = *str(exp_["call"], "call_id");
    EXPECT_EQ(l.call_id, call);
    EXPECT_EQ(l.id, call + ":allocation_list");
  }
  EXPECT_EQ(l.title, str(exp_, "list_title"));
  EXPECT_EQ(l.reference, str(exp_, "reference"));
  ASSERT_TRUE(l.document_date);
  EXPECT_EQ(l.document_date->iso(), *str(exp_, "document_date"));
  EXPECT_EQ(l.unit, *str(exp_, "amount_unit"));
  EXPECT_EQ(record::to_string(l.recipient_kind), *str(exp_, "recipient_kind"));
  const std::string funder = exp_["call"].IsNull() ? *str(exp_, "funder") : *str(exp_["call"], "funder");
  ASSERT_TRUE(l.funder);
  EXPECT_EQ(l.funder->name, funder);
  EXPECT_EQ(l.year, exp_["call"].IsNull() ? exp_["grant_year"].GetInt() : exp_["call"]["grant_year"].GetInt());
  EXPECT_EQ(l.rows, exp_["rows"].GetInt());
  ASSERT_TRUE(l.total_stated);
  EXPECT_EQ(l.total_stated->ore, sek(exp_, "total_sek"));
  EXPECT_EQ(l.total_computed.ore, sek(exp_, "total_computed_sek"));
  EXPECT_EQ(record::to_string(l.sum_check), *str(exp_, "sum_check"));
  EXPECT_EQ(l.warnings, std::vector<std::string>{});
  // Subtotals, per county.
  const rapidjson::Value empty(rapidjson::kArrayType);
  const auto& subs = exp_.HasMember("subtotals") ? exp_["subtotals"] : empty;
  ASSERT_EQ(l.subtotals.size(), subs.Size());
  for (rapidjson::SizeType i = 0; i < subs.Size(); ++i) {
    EXPECT_EQ(l.subtotals[i].label, *str(subs[i], "label"));
    EXPECT_EQ(l.subtotals[i].amount.ore, sek(subs[i], "amount_sek"));
    EXPECT_EQ(l.subtotals[i].amount_as_printed, *str(subs[i], "amount_as_printed"));
    EXPECT_TRUE(l.subtotals[i].county_code) << l.subtotals[i].label;
  }
}

TEST_P(CorpusListsV2, EveryCeilingInOrder) {
  const auto& rows = exp_["ceilings"];
  ASSERT_EQ(x_.ceilings.size(), rows.Size());
  const std::string kind = *str(exp_, "recipient_kind");
  for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
    const auto& e = rows[i];
    const auto& c = x_.ceilings[i];
    SCOPED_TRACE("row " + std::to_string(i + 1) + " " + *str(e, "as_printed"));
    EXPECT_EQ(record::to_string(c.recipient.kind), kind);
    EXPECT_EQ(c.recipient.name_as_printed, *str(e, "as_printed"));
    EXPECT_EQ(c.amount.ore, sek(e, "amount_sek"));
    EXPECT_EQ(c.amount_as_printed, *str(e, "amount_as_printed"));
    EXPECT_EQ(c.year, exp_["call"].IsNull() ? exp_["grant_year"].GetInt() : exp_["call"]["grant_year"].GetInt());
    if (kind == "kommun") {
      EXPECT_EQ(c.recipient.code, str(e, "kommunkod"));
      EXPECT_EQ(c.recipient.name, str(e, "kommun"));
      EXPECT_EQ(c.recipient.county_code, str(e, "lanskod"));
      EXPECT_EQ(c.municipality.code, str(e, "kommunkod"));
      EXPECT_EQ(c.municipality.county, str(e, "lan"));
    } else if (kind == "region") {
      EXPECT_EQ(c.recipient.code, str(e, "regionkod"));
      EXPECT_EQ(c.recipient.county_code, str(e, "regionkod"));
      EXPECT_EQ(c.recipient.name, str(e, "region"));
      EXPECT_EQ(c.id.substr(c.id.rfind(':') + 1), "region-" + *str(e, "regionkod"));
    } else {
      EXPECT_EQ(c.recipient.code, str(e, "org_number"));
      EXPECT_EQ(c.recipient.name, str(e, "organisation"));
      EXPECT_EQ(c.id.substr(c.id.rfind(':') + 1), "organisation-" + *str(e, "org_number"));
    }
    std::vector<std::string> lines;
    if (e.HasMember("as_printed_lines")) {
      for (const auto& l : e["as_printed_lines"].GetArray()) lines.emplace_back(l.GetString());
    }
    EXPECT_EQ(c.name_lines, lines);
    std::map<std::string, std::int64_t> want, got;
    if (e.HasMember("parts")) {
      for (auto it = e["parts"].MemberBegin(); it != e["parts"].MemberEnd(); ++it) {
        want[it->name.GetString()] = sek(it->value, "amount_sek");
      }
    }
    for (const auto& p : c.parts) got[p.header] = p.amount.ore;
    EXPECT_EQ(got, want);
    EXPECT_TRUE(c.warnings.empty()) << c.warnings.front();
  }
}

TEST_P(CorpusListsV2, Deadlines) {
  std::vector<std::string> want, got;
  for (const auto& d : exp_["deadlines"].GetArray()) want.push_back(*str(d, "kind") + " " + *str(d, "date") + " " + *str(d, "text"));
  for (const auto& d : x_.deadlines) got.push_back(std::string(record::to_string(d.kind)) + " " + d.date.iso() + " " + d.text);
  EXPECT_EQ(got, want);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusListsV2,
                         ::testing::Values("bra-pm-brottsforebyggande-2025.pdf", "jamy-organisationsbidrag-2025.pdf",
                                           "fohm-regioner-hiv-sti-2025.xlsx", "boverket-ramar-2025.xlsx",
                                           "kulturradet-starkta-bibliotek-2025.csv",
                                           "lansstyrelsen-kalmar-integration-2025.html"),
                         [](const auto& p) {
                           std::string n = p.param;
                           for (char& ch : n) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace bidrag::extract
