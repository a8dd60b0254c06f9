// Acceptance of issue 7 on the corpus: open vs closed capture of the 2023 call, and the 2022
// edition vs the 2023 edition, with the expectation computed from the corpus expected files.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>

#include "bidrag/common/date.h"
#include "bidrag/diff/diff.h"
#include "bidrag/diff/render.h"
#include "support/support.h"

namespace bidrag::diff {
namespace {

RecordSet load_fixture(const std::string& name) {
  const std::string text = test::read_fixture("diff/" + name);
  EXPECT_TRUE(test::records_valid(text));
  return load_jsonl(text, name);
}

const Change* find(const std::vector<Change>& changes, std::string_view path) {
  for (const auto& c : changes)
    if (c.path == path) return &c;
  return nullptr;
}

std::string value_json(const Value& v) { return to_json(v); }

TEST(Acceptance, OpenCaptureAgainstClosedCapture) {
  const auto changes = diff(load_fixture("announcement-open.jsonl"), load_fixture("announcement-closed.jsonl"));
  const struct {
    const char* path;
    Change::Kind kind;
    const char* old_json;
    const char* new_json;
  } expected[] = {
      {"call.status", Change::Kind::changed, R"("open")", R"("closed")"},
      {"call.days_left", Change::Kind::removed, "77", "null"},
      {"call.reporting.request_sent", Change::Kind::added, "null", R"("2023-12-11")"},
      {"call.reporting.due", Change::Kind::added, "null", R"("2024-02-15")"},
      {"call.reporting.signed_original_required", Change::Kind::changed, "true", "false"},
      {"deadline[report_request_sent]", Change::Kind::added, "null",
       R"({"kind":"report_request_sent","date":"2023-12-11","time":null,"text":"Socialstyrelsen har den 11 december skickat en begäran om återrapportering till de kommuner som har tagit emot statsbidrag för 2023."})"},
      {"contact[emilia-strom].email", Change::Kind::removed, R"("emilia.strom@socialstyrelsen.se")", "null"},
  };
  for (const auto& e : expected) {
    const Change* c = find(changes, e.path);
    ASSERT_NE(c, nullptr) << e.path << "\n" << render_json(changes);
    EXPECT_EQ(c->kind, e.kind) << e.path;
    EXPECT_EQ(value_json(c->old_value), e.old_json) << e.path;
    EXPECT_EQ(value_json(c->new_value), e.new_json) << e.path;
  }
  // The network mailboxes are not on the closed page: the records drop the contacts.
  for (const char* path : {"contact[sspf-natverket]", "contact[sig-natverket]"}) {
    const Change* c = find(changes, path);
    ASSERT_NE(c, nullptr) << path;
    EXPECT_EQ(c->kind, Change::Kind::removed);
  }
  EXPECT_EQ(find(changes, "contact[sspf-natverket]")->old_value.str("email"), "christina.soderberg@bra.se");
  EXPECT_EQ(find(changes, "contact[sig-natverket]")->old_value.str("email"), "elisabet.sjostrom@socialstyrelsen.se");
  for (const char* path : {"call.published", "call.application_close", "call.funds_usable_until", "call.as_of",
                           "deadline[application_close]", "deadline[application_close].date",
                           "contact[emilia-strom].phone"})
    EXPECT_EQ(find(changes, path), nullptr) << path;
}

// The corpus expected file of an allocation list: code → (name, amount in kronor).
std::map<std::string, std::pair<std::string, std::int64_t>> ceilings_of(const std::string& folder) {
  rapidjson::Document d;
  d.Parse(test::read_fixture("corpus/" + folder + "/fordelningslista.pdf.expected.json").c_str());
  std::map<std::string, std::pair<std::string, std::int64_t>> out;
  for (const auto& c : d["ceilings"].GetArray())
    out[c["kommunkod"].GetString()] = {c["kommun"].GetString(), c["amount_sek"].GetInt64()};
  return out;
}

std::string call_field(const std::string& file, const char* field) {
  rapidjson::Document d;
  d.Parse(test::read_fixture(file).c_str());
  return d["call"][field].GetString();
}

// 100·delta/base to two decimals, rounded half away from zero, in kronor integers.
std::string expected_percent(std::int64_t delta, std::int64_t base) {
  const std::int64_t mag = delta < 0 ? -delta : delta;
  const std::int64_t hundredths = (mag * 10000 * 2 + base) / (2 * base);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", delta < 0 && hundredths > 0 ? "-" : "",
                static_cast<long long>(hundredths / 100), static_cast<long long>(hundredths % 100));
  return buf;
}

TEST(Acceptance, Edition2022Against2023) {
  const auto changes = diff(load_fixture("edition-2022.jsonl"), load_fixture("edition-2023.jsonl"));
  const std::string a22 = "corpus/sociala-insatser-2022/announcement.html.expected.json";
  const std::string a23 = "corpus/sociala-insatser-2023/announcement-open.html.expected.json";

  for (const char* field : {"published", "application_close"}) {
    const Change* c = find(changes, std::string("call.") + field);
    ASSERT_NE(c, nullptr) << field;
    const auto old_date = *Date::parse_iso(call_field(a22, field));
    const auto new_date = *Date::parse_iso(call_field(a23, field));
    EXPECT_EQ(c->old_value.text, old_date.iso());
    EXPECT_EQ(c->new_value.text, new_date.iso());
    EXPECT_EQ(*c->days, days_between(old_date, new_date)) << field;
  }
  EXPECT_EQ(*find(changes, "call.published")->days, 363);
  EXPECT_EQ(*find(changes, "call.application_close")->days, 364);

  const auto old_list = ceilings_of("sociala-insatser-2022");
  const auto new_list = ceilings_of("sociala-insatser-2023");
  std::size_t expected_ceiling_changes = 0;
  std::vector<std::string> added;
  for (const auto& [code, nv] : new_list) {
    const auto it = old_list.find(code);
    const std::string amount_path = "ceiling[" + code + "].amount";
    if (it == old_list.end()) {
      added.push_back(nv.first);
      const Change* c = find(changes, "ceiling[" + code + "]");
      ASSERT_NE(c, nullptr) << code;
      EXPECT_EQ(c->kind, Change::Kind::added);
      EXPECT_EQ(c->label, nv.first);
      EXPECT_EQ(*c->delta_ore, nv.second * 100);
      ++expected_ceiling_changes;
      continue;
    }
    const std::int64_t delta = nv.second - it->second.second;
    const Change* c = find(changes, amount_path);
    if (delta == 0) {
      EXPECT_EQ(c, nullptr) << code;
      continue;
    }
    ++expected_ceiling_changes;
    ASSERT_NE(c, nullptr) << code;
    EXPECT_EQ(c->old_value.text, std::to_string(it->second.second)) << code;
    EXPECT_EQ(c->new_value.text, std::to_string(nv.second)) << code;
    EXPECT_EQ(*c->delta_ore, delta * 100) << code;
    EXPECT_EQ(*c->percent, expected_percent(delta, it->second.second)) << code;
  }
  for (const auto& [code, ov] : old_list) {
    if (!new_list.contains(code)) {
      ++expected_ceiling_changes;
      EXPECT_NE(find(changes, "ceiling[" + code + "]"), nullptr) << code;
    }
  }
  EXPECT_EQ(added, (std::vector<std::string>{"Nacka", "Sigtuna"}));
  const auto ceiling_changes = std::count_if(changes.begin(), changes.end(),
                                             [](const Change& c) { return c.path.starts_with("ceiling["); });
  EXPECT_EQ(static_cast<std::size_t>(ceiling_changes), expected_ceiling_changes);
  EXPECT_GE(expected_ceiling_changes, 26u);  // the synthetic amounts differ for every municipality
  // Same total 243 500 000 kr in both years: no change of the total, but two more rows.
  EXPECT_EQ(find(changes, "allocation_list.total_stated"), nullptr);
  EXPECT_EQ(find(changes, "allocation_list.total_computed"), nullptr);
  ASSERT_NE(find(changes, "allocation_list.rows"), nullptr);
  EXPECT_EQ(find(changes, "allocation_list.rows")->old_value.text, "26");
  EXPECT_EQ(find(changes, "allocation_list.rows")->new_value.text, "28");
}

}  // namespace
}  // namespace bidrag::diff
