// The report's sections from a store written with known records at known times: each change
// lands in its section with exact values, and a new edition is compared with the year before.
#include <gtest/gtest.h>

#include "bidrag/record/ids.h"
#include "bidrag/report/report.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::report {
namespace {

const std::string kFunder = "Socialstyrelsen";

record::Call call(const std::string& title, int year, record::CallStatus status) {
  record::Call c;
  c.id = record::call_id(kFunder, title, year);
  c.series = record::series_of(c.id);
  c.funder = kFunder;
  c.title = title + " " + std::to_string(year);
  c.year = year;
  c.status = status;
  return c;
}

record::Deadline deadline(const std::string& call_id, Date date) {
  record::Deadline d;
  d.call_id = call_id;
  d.kind = record::DeadlineKind::application_close;
  d.id = record::deadline_id(call_id, "application_close");
  d.date = date;
  d.text = "Sista dag";
  return d;
}

record::DocumentRef document(const std::string& call_id, const std::string& title, const std::string& url) {
  record::DocumentRef d;
  d.call_id = call_id;
  d.id = record::document_id(call_id, url);
  d.role = record::DocumentRole::instructions;
  d.title = title;
  d.url = url;
  return d;
}

record::Ceiling ceiling(const std::string& call_id, const char* code, const char* name, std::int64_t kronor) {
  record::Ceiling c;
  c.call_id = call_id;
  c.id = record::ceiling_id(call_id, code);
  c.recipient.name = name;
  c.recipient.name_as_printed = name;
  c.recipient.code = code;
  c.recipient.county_code = "01";
  c.municipality.name = name;
  c.municipality.name_as_printed = name;
  c.municipality.code = code;
  c.amount = record::Amount::kronor(kronor);
  return c;
}

std::vector<record::Record> sourced(std::vector<record::Record> rs, const Snapshot& s) {
  for (auto& r : rs) {
    auto& c = record::common(r);
    c.source.url = s.url;
    c.source.sha256 = s.sha256;
    c.source.fetched_at = s.fetched_at;
  }
  return rs;
}

class Collect : public ::testing::Test {
 protected:
  const std::string kPage = "https://example.org/bidrag-till-kommuner-2026.html";
  const std::string kOld = "https://example.org/bidrag-till-kommuner-2025.html";
  const std::string kNew = "https://example.org/bidrag-till-kommuner-2027.html";
  const std::string kY = record::call_id(kFunder, "Bidrag till kommuner", 2026);

  void SetUp() override {
    path_ = test::temp_dir("report-collect") + "/bidrag.db";
    db_ = std::make_unique<store::SqliteStore>(path_);
    // Night 1: last year's edition and this year's, open.
    const auto old = make_snapshot(kOld, "2025 page", "text/html", "2026-11-01T02:00:00Z");
    auto x25 = call("Bidrag till kommuner", 2025, record::CallStatus::closed);
    db_->put(old, sourced({x25, ceiling(x25.id, "0180", "Stockholm", 1'000'000), ceiling(x25.id, "0181", "Södertälje", 500'000)},
                          old));
    const auto p1 = make_snapshot(kPage, "2026 page, open", "text/html", "2026-11-01T02:00:01Z");
    db_->put(p1, sourced({call("Bidrag till kommuner", 2026, record::CallStatus::open), deadline(kY, Date{2026, 12, 15}),
                          document(kY, "Anvisningar", "https://example.org/anvisningar-2026.pdf"),
                          ceiling(kY, "0181", "Södertälje", 500'000)},
                         p1));
    // Night 2: the 2026 call closes, its deadline moves, a document is replaced, a ceiling
    // grows; the 2027 edition appears; a page fails.
    const auto p2 = make_snapshot(kPage, "2026 page, closed", "text/html", "2026-11-02T02:00:00Z");
    db_->put(p2, sourced({call("Bidrag till kommuner", 2026, record::CallStatus::closed), deadline(kY, Date{2026, 12, 20}),
                          document(kY, "Anvisningar (reviderade)", "https://example.org/anvisningar-2026-rev.pdf"),
                          ceiling(kY, "0181", "Södertälje", 600'000)},
                         p2));
    const auto n2 = make_snapshot(kNew, "2027 page", "text/html", "2026-11-02T02:00:01Z");
    auto x27 = call("Bidrag till kommuner", 2027, record::CallStatus::open);
    x27.application_close = Date{2027, 3, 31};
    db_->put(n2, sourced({x27, ceiling(x27.id, "0180", "Stockholm", 1'200'000)}, n2));
    const auto bad = make_snapshot("https://example.org/trasig.pdf", "%PDF-broken", "application/pdf", "2026-11-02T02:00:02Z");
    db_->put(bad, {record::make_error("https://example.org/trasig.pdf", record::ErrorStage::parse, "not a PDF: no xref table")});
  }

  std::string path_;
  std::unique_ptr<store::SqliteStore> db_;
};

TEST_F(Collect, EachChangeInItsSection) {
  Options o;
  o.since = "2026-11-02T00:00:00Z";
  o.until = "2026-11-02T06:00:00Z";
  const Report r = collect(*db_, o);
  EXPECT_EQ(r.since, "2026-11-02T00:00:00Z");
  EXPECT_TRUE(r.runs.empty());  // these records were not stored by `bidrag run`

  ASSERT_EQ(r.new_calls.size(), 1u);
  EXPECT_EQ(r.new_calls[0].call_id, "socialstyrelsen:bidrag-till-kommuner:2027");
  EXPECT_EQ(r.new_calls[0].title, "Bidrag till kommuner 2027");
  EXPECT_EQ(r.new_calls[0].funder, "Socialstyrelsen");
  EXPECT_EQ(r.new_calls[0].url, kNew);
  EXPECT_EQ(r.new_calls[0].status, "open");
  EXPECT_EQ(r.new_calls[0].application_close, "2027-03-31");
  EXPECT_EQ(r.new_calls[0].ceilings, 1u);
  EXPECT_EQ(r.new_calls[0].ceilings_total_ore, 120'000'000);

  ASSERT_EQ(r.status_changes.size(), 1u);
  EXPECT_EQ(r.status_changes[0].call_id, kY);
  EXPECT_EQ(r.status_changes[0].from, "open");
  EXPECT_EQ(r.status_changes[0].to, "closed");

  ASSERT_EQ(r.deadlines.size(), 1u);
  EXPECT_EQ(r.deadlines[0].kind, "application_close");
  EXPECT_EQ(r.deadlines[0].change, diff::Change::Kind::changed);
  EXPECT_EQ(r.deadlines[0].old_date, "2026-12-15");
  EXPECT_EQ(r.deadlines[0].new_date, "2026-12-20");
  EXPECT_EQ(r.deadlines[0].days, 5);

  ASSERT_EQ(r.ceilings.size(), 1u);
  EXPECT_EQ(r.ceilings[0].recipient, "Södertälje");
  EXPECT_EQ(r.ceilings[0].key, "0181");
  EXPECT_EQ(r.ceilings[0].old_ore, 50'000'000);
  EXPECT_EQ(r.ceilings[0].new_ore, 60'000'000);
  EXPECT_EQ(r.ceilings[0].delta_ore, 10'000'000);
  EXPECT_EQ(r.ceilings[0].percent, "20.00");

  // In the diff engine's order: a record only in the newer set comes before the older ones it follows.
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].change, diff::Change::Kind::added);
  EXPECT_EQ(r.documents[0].title, "Anvisningar (reviderade)");
  EXPECT_EQ(r.documents[0].url, "https://example.org/anvisningar-2026-rev.pdf");
  EXPECT_EQ(r.documents[0].role, "instructions");
  EXPECT_EQ(r.documents[1].change, diff::Change::Kind::removed);
  EXPECT_EQ(r.documents[1].title, "Anvisningar");
  EXPECT_EQ(r.documents[1].url, "https://example.org/anvisningar-2026.pdf");

  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].url, "https://example.org/trasig.pdf");
  EXPECT_EQ(r.errors[0].stage, "parse");
  EXPECT_EQ(r.errors[0].message, "not a PDF: no xref table");

  // The 2027 edition against 2026, the newest earlier edition of the series in the store.
  ASSERT_EQ(r.editions.size(), 1u);
  EXPECT_EQ(r.editions[0].call_id, "socialstyrelsen:bidrag-till-kommuner:2027");
  EXPECT_EQ(r.editions[0].previous_call_id, "socialstyrelsen:bidrag-till-kommuner:2026");
  std::vector<std::string> paths;
  for (const auto& c : r.editions[0].changes) paths.push_back(c.path + " " + diff::to_string(c.kind));
  const std::string doc = "document[" + record::document_id("", "https://example.org/anvisningar-2026-rev.pdf").substr(10) + "]";
  EXPECT_EQ(paths, (std::vector<std::string>{"call.title changed", "call.year changed", "call.application_close added",
                                             "call.status changed", "deadline[application_close] removed",
                                             doc + " removed", "ceiling[0180] added", "ceiling[0181] removed"}));
  EXPECT_EQ(r.editions[0].changes[6].delta_ore, 120'000'000);
  EXPECT_EQ(r.editions[0].changes[7].delta_ore, -60'000'000);
}

TEST_F(Collect, BeforeEverythingAllIsNew) {
  Options o;
  o.since = "2026-10-01T00:00:00Z";
  const Report r = collect(*db_, o);
  ASSERT_EQ(r.new_calls.size(), 3u);
  EXPECT_EQ(r.new_calls[0].call_id, "socialstyrelsen:bidrag-till-kommuner:2025");
  EXPECT_EQ(r.new_calls[0].ceilings_total_ore, 150'000'000);
  EXPECT_TRUE(r.status_changes.empty());
  EXPECT_TRUE(r.ceilings.empty());
  // 2026 against 2025 and 2027 against 2026.
  ASSERT_EQ(r.editions.size(), 2u);
  EXPECT_EQ(r.editions[0].previous_call_id, "socialstyrelsen:bidrag-till-kommuner:2025");
  EXPECT_EQ(r.editions[1].previous_call_id, "socialstyrelsen:bidrag-till-kommuner:2026");
}

TEST_F(Collect, AfterEverythingNothingChanged) {
  Options o;
  o.since = "2026-11-03T00:00:00Z";
  const Report r = collect(*db_, o);
  EXPECT_TRUE(r.new_calls.empty());
  EXPECT_TRUE(r.status_changes.empty());
  EXPECT_TRUE(r.deadlines.empty());
  EXPECT_TRUE(r.ceilings.empty());
  EXPECT_TRUE(r.documents.empty());
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(render_markdown(r).find("## New calls (0)\n\nNone.\n") != std::string::npos, true);
}

TEST(ParseSince, DatesAndUtcTimes) {
  EXPECT_EQ(parse_since("2026-11-30"), "2026-11-30T00:00:00Z");
  EXPECT_EQ(parse_since("2026-11-30T22:15:00Z"), "2026-11-30T22:15:00Z");
  EXPECT_EQ(parse_since("2026-02-30"), std::nullopt);
  EXPECT_EQ(parse_since("2026-11-30T22:15:00+01:00"), std::nullopt);
  EXPECT_EQ(parse_since("yesterday"), std::nullopt);
}

}  // namespace
}  // namespace bidrag::report
