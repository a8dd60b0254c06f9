// extract() on the corpus announcements compared field by field with their .expected.json
// (read with RapidJSON), and every record validated against the schema.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <set>
#include <tuple>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag {
namespace {

using record::Record;

std::optional<std::string> str(const rapidjson::Value& v) {
  if (v.IsNull()) return std::nullopt;
  return std::string(v.GetString(), v.GetStringLength());
}
std::optional<std::string> date_str(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

struct Extracted {
  record::Call call;
  std::vector<record::Deadline> deadlines;
  std::vector<record::Contact> contacts;
  std::vector<record::DocumentRef> documents;
  std::string jsonl;
};

Extracted run(const std::string& rel, const std::string& url) {
  Extracted e;
  const auto records = extract::extract(make_snapshot(url, test::read_fixture(rel)));
  bool has_call = false;
  for (const auto& r : records) {
    e.jsonl += record::to_json(r) + "\n";
    if (auto* c = std::get_if<record::Call>(&r)) e.call = *c, has_call = true;
    if (auto* d = std::get_if<record::Deadline>(&r)) e.deadlines.push_back(*d);
    if (auto* c = std::get_if<record::Contact>(&r)) e.contacts.push_back(*c);
    if (auto* d = std::get_if<record::DocumentRef>(&r)) e.documents.push_back(*d);
  }
  EXPECT_TRUE(has_call) << e.jsonl;
  return e;
}

class CorpusAnnouncement : public ::testing::TestWithParam<const char*> {};

TEST_P(CorpusAnnouncement, GivesTheExpectedValues) {
  const std::string rel = std::string("corpus/") + GetParam();
  rapidjson::Document exp;
  exp.Parse(test::read_fixture(rel + ".expected.json").c_str());
  ASSERT_FALSE(exp.HasParseError());
  const Extracted got = run(rel, exp["source_url"].GetString());
  EXPECT_TRUE(test::records_valid(got.jsonl));
  const auto& c = exp["call"];
  const record::Call& call = got.call;
  EXPECT_EQ(call.id, c["call_id"].GetString());
  EXPECT_EQ(call.series, c["series"].GetString());
  EXPECT_EQ(call.title, c["title"].GetString());
  EXPECT_EQ(call.funder, c["funder"].GetString());
  EXPECT_EQ(call.year, c["grant_year"].GetInt());
  ASSERT_TRUE(call.program_years);
  EXPECT_EQ((*call.program_years)[0], c["program_years"][0].GetInt());
  EXPECT_EQ((*call.program_years)[1], c["program_years"][1].GetInt());
  EXPECT_EQ(date_str(call.published), str(c["published"]));
  EXPECT_EQ(date_str(call.application_open), str(c["application_open"]));
  EXPECT_EQ(date_str(call.application_close), str(c["application_close"]));
  EXPECT_EQ(call.application_close_time, str(c["application_close_time"]));
  EXPECT_EQ(call.status ? std::optional<std::string>(std::string(record::to_string(*call.status))) : std::nullopt,
            str(c["status"]));
  EXPECT_EQ(date_str(call.as_of), str(c["as_of"]));
  EXPECT_EQ(call.days_left, c["days_left"].IsNull() ? std::nullopt : std::optional<int>(c["days_left"].GetInt()));
  EXPECT_EQ(date_str(call.funds_usable_from), str(c["funds_usable_from"]));
  EXPECT_EQ(date_str(call.funds_usable_until), str(c["funds_usable_until"]));
  EXPECT_EQ(call.decision_expected, str(c["decision_expected"]));
  EXPECT_EQ(date_str(call.reporting.request_sent), str(c["report_request_sent"]));
  EXPECT_EQ(date_str(call.reporting.due), str(c["report_due"]));
  EXPECT_EQ(call.reporting.signed_original_required, c["signed_original_required"].GetBool());
  EXPECT_EQ(call.reporting.method, str(c["reporting_method"]));
  EXPECT_EQ(call.application_type, str(c["application_type"]));
  EXPECT_EQ(call.application_channel, str(c["application_channel"]));
  EXPECT_EQ(call.purpose, str(c["purpose"]));
  EXPECT_EQ(call.eligibility, str(c["eligibility"]));
  EXPECT_FALSE(call.total_budget);
  EXPECT_FALSE(call.max_amount);
  auto strings = [](const rapidjson::Value& a) {
    std::vector<std::string> v;
    for (const auto& x : a.GetArray()) v.emplace_back(x.GetString());
    return v;
  };
  EXPECT_EQ(call.applicant_types, strings(c["applicant_types"]));
  EXPECT_EQ(call.conditions, strings(c["conditions"]));
  EXPECT_EQ(call.steps, strings(c["steps"]));

  std::vector<std::tuple<std::string, std::string, std::optional<std::string>, std::string>> want_d, got_d;
  for (const auto& d : exp["deadlines"].GetArray())
    want_d.emplace_back(d["kind"].GetString(), d["date"].GetString(), str(d["time"]), d["text"].GetString());
  for (const auto& d : got.deadlines) got_d.emplace_back(std::string(record::to_string(d.kind)), d.date.iso(), d.time, d.text);
  EXPECT_EQ(got_d, want_d);

  std::vector<std::tuple<std::string, std::string, std::string>> want_doc, got_doc;
  for (const auto& d : exp["documents"].GetArray())
    want_doc.emplace_back(d["role"].GetString(), d["title"].GetString(), d["url"].GetString());
  for (const auto& d : got.documents) got_doc.emplace_back(record::to_string(d.role), d.title, d.url);
  EXPECT_EQ(got_doc, want_doc);

  // Contacts as a set: the 2023 expected file lists the contact person first although the
  // page prints it last; the extractor keeps document order.
  using C = std::tuple<std::optional<std::string>, std::string, std::optional<std::string>, std::optional<std::string>,
                       std::optional<std::string>, std::optional<std::string>, bool>;
  std::set<C> want_c, got_c;
  for (const auto& x : exp["contacts"].GetArray())
    want_c.emplace(str(x["name"]), x["role"].GetString(), str(x["email"]),
                   x.HasMember("email_display") ? str(x["email_display"]) : std::nullopt, str(x["phone_e164"]),
                   str(x["phone_as_printed"]), x["primary"].GetBool());
  for (const auto& x : got.contacts)
    got_c.emplace(x.name, x.role, x.email, x.email_display, x.phone, x.phone_display, x.primary);
  EXPECT_EQ(got_c, want_c);

  // Traps: the switchboard and the general mailbox never become contacts.
  for (const auto& x : got.contacts) {
    for (const auto& p : exp["must_not_extract"]["phones_e164"].GetArray()) EXPECT_NE(x.phone, str(p));
    for (const auto& m : exp["must_not_extract"]["emails"].GetArray()) EXPECT_NE(x.email, str(m));
    EXPECT_NE(x.name, "Henrik Andershed");
  }
}

INSTANTIATE_TEST_SUITE_P(Html, CorpusAnnouncement,
                         ::testing::Values("sociala-insatser-2023/announcement-open.html",
                                           "sociala-insatser-2023/announcement-closed.html",
                                           "sociala-insatser-2022/announcement.html"),
    test::case_name);

TEST(CorpusAnnouncementLinks, RootRelativeLinksResolveAgainstTheCanonicalUrlOfASavedFile) {
  const auto records = extract::extract(make_snapshot("file:///tmp/saved/announcement.html",
                                                      test::read_fixture("corpus/sociala-insatser-2022/announcement.html")));
  std::vector<std::string> urls;
  for (const auto& r : records)
    if (auto* d = std::get_if<record::DocumentRef>(&r)) urls.push_back(d->url);
  ASSERT_EQ(urls.size(), 7u);
  EXPECT_EQ(urls[1],
            "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/anvisningar/"
            "statsbidrag-anvisningar-sociala-insatser-2022.pdf");
  EXPECT_EQ(urls[2], "https://statsbidrag.socialstyrelsen.se/inloggning/?returnUri=/minsida/?utlysningsid=7f3b2c9e-4a61-4d0b-9b8e-2e5d1c0a6f13");
}

}  // namespace
}  // namespace bidrag
