// The SQLite store: versions per (URL, id), unchanged vs changed vs closed, failures that retire
// nothing, the run memory (validators, hash), the read API, schema versioning and errors.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "bidrag/common/error.h"
#include "bidrag/record/ids.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::store {
namespace {

constexpr const char* kUrl = "https://example.se/bidrag/stod-2023/";
constexpr const char* kCall = "example:stod:2023";

Snapshot capture(const std::string& bytes, const std::string& at, const std::string& etag = "") {
  Snapshot s = make_snapshot(kUrl, bytes, "text/html", at);
  s.http_status = 200;
  s.etag = etag;
  return s;
}

record::Source source_of(const Snapshot& s) {
  record::Source src;
  src.url = s.url;
  src.sha256 = s.sha256;
  src.fetched_at = s.fetched_at;
  src.format = doc::Format::html;
  return src;
}

record::Call call(const Snapshot& s, std::optional<Date> close) {
  record::Call c;
  c.id = kCall;
  c.title = "Stöd 2023";
  c.funder = "Example";
  c.series = record::series_of(kCall);
  c.year = 2023;
  c.application_close = close;
  c.source = source_of(s);
  return c;
}

record::Deadline deadline(const Snapshot& s, Date date) {
  record::Deadline d;
  d.id = record::deadline_id(kCall, "application_close");
  d.call_id = kCall;
  d.kind = record::DeadlineKind::application_close;
  d.date = date;
  d.text = "Sista dag att ansöka är " + date.iso() + ".";
  d.source = source_of(s);
  return d;
}

record::DocumentRef link(const Snapshot& s, record::DocumentRole role, const std::string& title, const std::string& url) {
  record::DocumentRef d;
  d.call_id = kCall;
  d.id = record::document_id(kCall, url);
  d.role = role;
  d.title = title;
  d.url = url;
  d.source = source_of(s);
  return d;
}

// A link as "role|title|url|call_id|id" for comparisons.
std::string shown(const record::DocumentRef& d) {
  return std::string(record::to_string(d.role)) + "|" + d.title + "|" + d.url + "|" + d.call_id + "|" + d.id;
}

record::ErrorRecord failure(record::ErrorStage stage, const std::string& message) {
  return record::make_error(kUrl, stage, message);
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::string path = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "/bidrag.db";
};

TEST_F(SqliteStoreTest, FirstCaptureAddsEveryRecordAndRemembersValidators) {
  SqliteStore store(path);
  const auto s = capture("<html>v1</html>", "2023-02-01T10:00:00Z", "\"e1\"");
  const auto r = store.put(s, {call(s, Date{2023, 3, 15}), deadline(s, Date{2023, 3, 15})});
  EXPECT_EQ(r.added, 2u);
  EXPECT_EQ(r.unchanged, 0u);
  EXPECT_EQ(r.closed, 0u);
  const auto lines = store.current_records_of(kUrl);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], record::to_json(call(s, Date{2023, 3, 15})));
  EXPECT_TRUE(test::records_valid(test::jsonl(lines)));
  const auto m = store.remembered(kUrl);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->etag, "\"e1\"");
  EXPECT_EQ(m->sha256, s.sha256);
  EXPECT_EQ(m->fetched_at, "2023-02-01T10:00:00Z");
  EXPECT_FALSE(store.remembered("https://example.se/other").has_value());
  EXPECT_EQ(store.count_snapshots(), 1u);
  EXPECT_EQ(store.integrity_check(), "ok");
}

// What a run follows from an unchanged page: the current document records, as structs, in the
// page's order; a link the page no longer gives is gone.
TEST_F(SqliteStoreTest, CurrentLinksAreTheDocumentRecordsInTheirOrder) {
  SqliteStore store(path);
  const std::string list_url = "https://example.se/dokument/fordelning-2023.pdf";
  const std::string guide_url = "https://example.se/anvisningar-2023.pdf";
  const auto s1 = capture("<html>v1</html>", "2023-02-01T10:00:00Z");
  store.put(s1, {call(s1, Date{2023, 3, 15}), link(s1, record::DocumentRole::instructions, "Anvisningar", guide_url),
                 deadline(s1, Date{2023, 3, 15}), link(s1, record::DocumentRole::allocation_list, "Fördelning", list_url)});
  std::vector<std::string> got;
  for (const auto& d : store.current_links_of(kUrl)) got.push_back(shown(d));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "instructions|Anvisningar|" + guide_url + "|" + kCall + "|" + record::document_id(kCall, guide_url),
                     "allocation_list|Fördelning|" + list_url + "|" + kCall + "|" + record::document_id(kCall, list_url)}));
  EXPECT_TRUE(store.current_links_of("https://example.se/other").empty());

  const auto s2 = capture("<html>v2</html>", "2023-02-02T10:00:00Z");
  store.put(s2, {call(s2, Date{2023, 3, 15}), link(s2, record::DocumentRole::allocation_list, "Fördelning", list_url)});
  const auto now = store.current_links_of(kUrl);
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].role, record::DocumentRole::allocation_list);
  EXPECT_EQ(now[0].url, list_url);
  EXPECT_EQ(now[0].source.url, kUrl);
}

// RECORDS.md v2: an allocation list that no call names, and its ceilings, have call_id null;
// the store keeps them (call_id NULL) and finds them by their list key.
TEST_F(SqliteStoreTest, AListWithoutACallIsStoredAndFoundByItsListKey) {
  SqliteStore store(path);
  const auto s = capture("%PDF list", "2025-02-12T08:00:00Z");
  const std::string key = "brottsforebyggande-radet:fordelning-av-medel:2025";
  record::AllocationList list;
  list.id = record::allocation_list_id(key);
  list.rows = 1;
  list.total_computed = record::Amount::kronor(1'062'900);
  list.source = source_of(s);
  record::Ceiling c;
  c.id = record::ceiling_id(key, record::RecipientKind::kommun, "0182", std::nullopt);
  c.recipient = {record::RecipientKind::kommun, "Nacka", "Nacka", "0182", "01"};
  c.municipality = {"Nacka", "Nacka", "0182", "01", "Stockholms län"};
  c.amount = record::Amount::kronor(1'062'900);
  c.source = source_of(s);
  const auto r = store.put(s, {list, c});
  EXPECT_EQ(r.added, 2u);
  const auto lines = store.current_records(key);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find(R"("call_id":null)"), std::string::npos) << lines[0];
  EXPECT_TRUE(test::records_valid(test::jsonl(lines)));
  EXPECT_EQ(store.current_records("brottsforebyggande-radet:fordelning-av-medel").size(), 2u);
  EXPECT_EQ(store.integrity_check(), "ok");
}

TEST_F(SqliteStoreTest, SameContentAddsNoVersionChangedContentSupersedes) {
  SqliteStore store(path);
  const auto s1 = capture("v1", "2023-02-01T10:00:00Z");
  store.put(s1, {call(s1, Date{2023, 3, 15}), deadline(s1, Date{2023, 3, 15})});
  // New bytes, same records: only the source differs, which is not content.
  const auto s2 = capture("v2", "2023-02-02T10:00:00Z");
  const auto same = store.put(s2, {call(s2, Date{2023, 3, 15}), deadline(s2, Date{2023, 3, 15})});
  EXPECT_EQ(same.added, 0u);
  EXPECT_EQ(same.unchanged, 2u);
  EXPECT_EQ(store.count_versions(), 2u);
  // The deadline moves: one new version, the old one closed and linked to it.
  const auto s3 = capture("v3", "2023-02-03T10:00:00Z");
  const auto moved = store.put(s3, {call(s3, Date{2023, 3, 15}), deadline(s3, Date{2023, 3, 31})});
  EXPECT_EQ(moved.added, 1u);
  EXPECT_EQ(moved.unchanged, 1u);
  EXPECT_EQ(store.count_versions(), 3u);
  EXPECT_EQ(store.count_current_versions(), 2u);
  EXPECT_EQ(store.count_snapshots(), 3u);
  // Then and now, through the read API.
  const auto before = store.records_at(kCall, "2023-02-02T12:00:00Z");
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[1], record::to_json(deadline(s1, Date{2023, 3, 15})));
  const auto now = store.current_records(kCall);
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(now[1], record::to_json(deadline(s3, Date{2023, 3, 31})));
  EXPECT_TRUE(store.records_at(kCall, "2023-01-01T00:00:00Z").empty());
  EXPECT_EQ(store.current_records("example:stod").size(), 2u);  // the series selects every year
  EXPECT_TRUE(store.current_records("other:").empty());
  EXPECT_EQ(store.capture_times(kUrl),
            (std::vector<std::string>{"2023-02-01T10:00:00Z", "2023-02-02T10:00:00Z", "2023-02-03T10:00:00Z"}));

  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(raw,
                     "SELECT old.valid_to, old.superseded_by = new.version FROM record_versions old JOIN "
                     "record_versions new ON new.id = old.id AND new.valid_to IS NULL WHERE old.valid_to IS NOT NULL",
                     -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "2023-02-03T10:00:00Z");
  EXPECT_EQ(sqlite3_column_int(st, 1), 1);
  sqlite3_finalize(st);
  sqlite3_close(raw);
}

TEST_F(SqliteStoreTest, RecordNoLongerGivenIsClosedNotDeleted) {
  SqliteStore store(path);
  const auto s1 = capture("v1", "2023-02-01T10:00:00Z");
  store.put(s1, {call(s1, Date{2023, 3, 15}), deadline(s1, Date{2023, 3, 15})});
  const auto s2 = capture("v2", "2023-02-02T10:00:00Z");
  const auto r = store.put(s2, {call(s2, Date{2023, 3, 15})});
  EXPECT_EQ(r.closed, 1u);
  EXPECT_EQ(store.count_versions(), 2u);
  EXPECT_EQ(store.count_current_versions(), 1u);
  EXPECT_EQ(store.records_at(kCall, "2023-02-01T12:00:00Z").size(), 2u);
}

TEST_F(SqliteStoreTest, FailedFetchRetiresNothingAndTheNextGoodCaptureClosesTheError) {
  SqliteStore store(path);
  const auto s1 = capture("v1", "2023-02-01T10:00:00Z");
  store.put(s1, {call(s1, Date{2023, 3, 15}), deadline(s1, Date{2023, 3, 15})});
  Snapshot nothing;
  nothing.url = kUrl;
  nothing.fetched_at = "2023-02-02T10:00:00Z";
  const auto r = store.put(nothing, {failure(record::ErrorStage::fetch, kUrl + std::string(": HTTP 500"))});
  EXPECT_EQ(r.added, 1u);
  EXPECT_EQ(r.closed, 0u);
  EXPECT_EQ(store.count_current_versions(), 3u);
  EXPECT_EQ(store.remembered(kUrl)->sha256, s1.sha256);  // still the last good capture
  EXPECT_TRUE(test::records_valid(test::jsonl(store.current_records_of(kUrl))));
  // The same failure again is the same version.
  EXPECT_EQ(store.put(nothing, {failure(record::ErrorStage::fetch, kUrl + std::string(": HTTP 500"))}).unchanged, 1u);
  const auto s3 = capture("v3", "2023-02-03T10:00:00Z");
  const auto good = store.put(s3, {call(s3, Date{2023, 3, 15}), deadline(s3, Date{2023, 3, 15})});
  EXPECT_EQ(good.closed, 1u);
  EXPECT_EQ(store.count_current_versions(), 2u);
}

TEST_F(SqliteStoreTest, DocumentThatFailsExtractionIsStoredButNotRemembered) {
  SqliteStore store(path);
  const auto s1 = capture("v1", "2023-02-01T10:00:00Z");
  store.put(s1, {call(s1, Date{2023, 3, 15})});
  const auto s2 = capture("garbage", "2023-02-02T10:00:00Z");
  const auto r = store.put(s2, {failure(record::ErrorStage::parse, "no grant call found")});
  EXPECT_EQ(r.closed, 0u);
  EXPECT_EQ(store.count_snapshots(), 2u);
  EXPECT_EQ(store.remembered(kUrl)->sha256, s1.sha256);  // extracted again next run
}

TEST_F(SqliteStoreTest, APageThatIsNoLongerACallIsRememberedAsSuchUntilItIsOneAgain) {
  SqliteStore store(path);
  const auto s1 = capture("v1", "2023-02-01T10:00:00Z");
  store.put(s1, {call(s1, Date{2023, 3, 15})});
  EXPECT_FALSE(store.remembered(kUrl)->not_a_call);
  // The page now holds a news item: its call is retired, the capture and verdict remembered.
  auto s2 = capture("news", "2023-02-02T10:00:00Z");
  s2.etag = "\"n1\"";
  const auto r = store.put_not_a_call(s2);
  EXPECT_EQ(r.added, 0u);
  EXPECT_EQ(r.closed, 1u);
  const auto m = store.remembered(kUrl);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->not_a_call);
  EXPECT_EQ(m->sha256, s2.sha256);
  EXPECT_EQ(m->etag, "\"n1\"");
  EXPECT_TRUE(store.current_records_of(kUrl).empty());
  // Touched unchanged: still not a call.
  store.touch({s2});
  EXPECT_TRUE(store.remembered(kUrl)->not_a_call);
  // A call again: the verdict is cleared.
  const auto s3 = capture("v2", "2023-02-03T10:00:00Z");
  store.put(s3, {call(s3, Date{2023, 4, 1})});
  EXPECT_FALSE(store.remembered(kUrl)->not_a_call);
  EXPECT_EQ(store.count_current_versions(), 1u);
  EXPECT_EQ(store.count_snapshots(), 3u);
}

TEST_F(SqliteStoreTest, TouchMovesLastSeenKeepsValidatorsAndClosesOldErrors) {
  SqliteStore store(path);
  const auto s1 = capture("v1", "2023-02-01T10:00:00Z", "\"e1\"");
  store.put(s1, {call(s1, Date{2023, 3, 15})});
  Snapshot nothing;
  nothing.url = kUrl;
  nothing.fetched_at = "2023-02-02T10:00:00Z";
  store.put(nothing, {failure(record::ErrorStage::fetch, "timed out")});
  Snapshot again;
  again.url = kUrl;
  again.fetched_at = "2023-02-03T10:00:00Z";
  store.touch({again});
  EXPECT_EQ(store.count_versions(), 2u);
  EXPECT_EQ(store.count_current_versions(), 1u);
  const auto m = store.remembered(kUrl);
  EXPECT_EQ(m->etag, "\"e1\"");
  EXPECT_EQ(m->fetched_at, "2023-02-03T10:00:00Z");
}

// last_seen as the `versions` view gives it, per version in insertion order.
std::vector<std::string> last_seen(const std::string& path) {
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  sqlite3_stmt* st = nullptr;
  std::vector<std::string> out;
  if (sqlite3_prepare_v2(raw, "SELECT type, last_seen, coalesce(valid_to, '-') FROM versions ORDER BY version", -1,
                         &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      out.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + " " +
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)) + " " +
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 2)));
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return out;
}

TEST_F(SqliteStoreTest, TouchesMoveLastSeenOfCurrentVersionsAndAClosedVersionKeepsIt) {
  SqliteStore store(path);
  const auto s1 = capture("v1", "2023-02-01T10:00:00Z", "\"e1\"");
  store.put(s1, {call(s1, Date{2023, 3, 15}), deadline(s1, Date{2023, 3, 15})});
  Snapshot again;
  again.url = kUrl;
  again.fetched_at = "2023-02-02T10:00:00Z";
  store.touch({again});
  again.fetched_at = "2023-02-03T10:00:00Z";
  store.touch({again});
  EXPECT_EQ(last_seen(path), (std::vector<std::string>{"call 2023-02-03T10:00:00Z -", "deadline 2023-02-03T10:00:00Z -"}));
  // The deadline moves: its old version was last seen at the last touch, not when it was stored.
  const auto s4 = capture("v4", "2023-02-04T10:00:00Z", "\"e4\"");
  store.put(s4, {call(s4, Date{2023, 3, 15}), deadline(s4, Date{2023, 3, 31})});
  EXPECT_EQ(last_seen(path), (std::vector<std::string>{"call 2023-02-04T10:00:00Z -",
                                                       "deadline 2023-02-03T10:00:00Z 2023-02-04T10:00:00Z",
                                                       "deadline 2023-02-04T10:00:00Z -"}));
  // A failed fetch does not count as seeing the records; its error is closed by the next touch.
  Snapshot nothing;
  nothing.url = kUrl;
  nothing.fetched_at = "2023-02-05T10:00:00Z";
  store.put(nothing, {failure(record::ErrorStage::fetch, "timed out")});
  again.fetched_at = "2023-02-06T10:00:00Z";
  store.touch({again});
  EXPECT_EQ(last_seen(path), (std::vector<std::string>{"call 2023-02-06T10:00:00Z -",
                                                       "deadline 2023-02-03T10:00:00Z 2023-02-04T10:00:00Z",
                                                       "deadline 2023-02-06T10:00:00Z -",
                                                       "error 2023-02-05T10:00:00Z 2023-02-06T10:00:00Z"}));
}

TEST_F(SqliteStoreTest, OneTouchNotesManyDocuments) {
  SqliteStore store(path);
  std::vector<Snapshot> seen;
  for (const char* url : {"https://example.se/a/", "https://example.se/b/"}) {
    Snapshot s = make_snapshot(url, url, "text/html", "2023-02-01T10:00:00Z");
    store.put(s, {failure(record::ErrorStage::parse, "no grant call found")});  // stored, not remembered
    store.put(make_snapshot(url, std::string(url) + "ok", "text/html", "2023-02-01T11:00:00Z"), {});
    Snapshot again;
    again.url = url;
    again.fetched_at = "2023-02-02T10:00:00Z";
    again.etag = std::string("\"") + url + "\"";
    seen.push_back(again);
  }
  store.touch(seen);
  EXPECT_EQ(store.remembered("https://example.se/a/")->fetched_at, "2023-02-02T10:00:00Z");
  EXPECT_EQ(store.remembered("https://example.se/b/")->etag, "\"https://example.se/b/\"");
  EXPECT_EQ(store.count_current_versions(), 0u);
}

TEST_F(SqliteStoreTest, AVersionOneStoreIsMigratedWithItsData) {
  {
    SqliteStore store(path);
    const auto s = capture("v1", "2023-02-01T10:00:00Z");
    store.put(s, {call(s, Date{2023, 3, 15})});
  }
  {
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    // What versions 2, 3 and 4 added, taken away again.
    ASSERT_EQ(sqlite3_exec(raw,
                           "DROP VIEW series; DROP TABLE editions; DROP VIEW versions; "
                           "ALTER TABLE sources DROP COLUMN not_a_call; PRAGMA user_version=1",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  SqliteStore again(path);
  EXPECT_EQ(again.count_versions(), 1u);
  EXPECT_EQ(last_seen(path), (std::vector<std::string>{"call 2023-02-01T10:00:00Z -"}));
  ASSERT_EQ(again.editions("example:stod").size(), 1u);  // migration 3 found the call's series
  EXPECT_EQ(again.editions("example:stod")[0].call_id, kCall);
  EXPECT_FALSE(again.remembered(kUrl)->not_a_call);
}

TEST_F(SqliteStoreTest, ReopensWithSchemaVersionAndData) {
  {
    SqliteStore store(path);
    const auto s = capture("v1", "2023-02-01T10:00:00Z");
    store.put(s, {call(s, Date{2023, 3, 15})});
  }
  SqliteStore again(path);
  EXPECT_EQ(again.count_versions(), 1u);
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr);
  sqlite3_step(st);
  EXPECT_EQ(sqlite3_column_int(st, 0), 4);
  sqlite3_finalize(st);
  sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, nullptr);
  sqlite3_step(st);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(raw);
}

TEST_F(SqliteStoreTest, ErrorsNameThePath) {
  const std::string missing = path + ".d/none/bidrag.db";
  try {
    SqliteStore store(missing);
    FAIL() << "opened " << missing;
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), missing + ": cannot open the store: unable to open database file");
  }
  { std::ofstream(path) << "this is not a database, just some text that is long enough to fill a header\n"; }
  try {
    SqliteStore store(path);
    FAIL() << "opened a text file";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot open the store: file is not a database");
  }
  std::filesystem::remove(path);
  {
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    sqlite3_exec(raw, "PRAGMA user_version=9", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  try {
    SqliteStore store(path);
    FAIL() << "opened a newer store";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": the store has schema version 9, newer than this bidrag (4)");
  }
}

TEST_F(SqliteStoreTest, RunsAreRecorded) {
  SqliteStore store(path);
  const auto id = store.begin_run("demo");
  store.end_run(id, RunCounts{4, 1, 3, 0, 40, 1000});
  EXPECT_EQ(id, 1);
  EXPECT_EQ(store.describe(), "sqlite:" + path);
}

}  // namespace
}  // namespace bidrag::store
