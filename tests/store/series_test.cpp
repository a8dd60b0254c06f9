// Call series in the SQLite store: each call tied to its series, each new edition linked to the
// previous one in the store whatever order the years arrive in, the read API for reports and
// `bidrag diff --series`, and the migration of a store written before series existed.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "bidrag/record/ids.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::store {
namespace {

constexpr const char* kSeries = "example:stod-till-kommuner";

Snapshot page(int year, const std::string& at) {
  return make_snapshot("https://example.se/stod-" + std::to_string(year) + "/", "page " + std::to_string(year),
                       "text/html", at);
}

// A call of `series` for `year` with its application deadline, as an extractor gives them.
std::vector<record::Record> edition_records_of(const Snapshot& s, int year, const std::string& title = "Stöd till kommuner",
                                               const std::string& funder = "Example") {
  record::Call c;
  c.id = record::call_id(funder, title, year);
  c.series = record::series_id(funder, title);
  c.title = title + " " + std::to_string(year);
  c.funder = funder;
  c.year = year;
  c.source.url = s.url;
  c.source.sha256 = s.sha256;
  c.source.fetched_at = s.fetched_at;
  record::Deadline d;
  d.id = record::deadline_id(c.id, "application_close");
  d.call_id = c.id;
  d.kind = record::DeadlineKind::application_close;
  d.date = Date{year, 5, 12};
  d.text = "Sista dag " + d.date.iso() + ".";
  d.source = c.source;
  return {c, d};
}

std::string id(int year) { return std::string(kSeries) + ":" + std::to_string(year); }

std::vector<std::string> links(SqliteStore& store, const std::string& series = kSeries) {
  std::vector<std::string> out;
  for (const auto& e : store.editions(series))
    out.push_back((e.year ? std::to_string(*e.year) : "-") + "<" + (e.previous.empty() ? "-" : e.previous));
  return out;
}

class SeriesTest : public ::testing::Test {
 protected:
  std::string path = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "/bidrag.db";
};

TEST_F(SeriesTest, ANewEditionIsLinkedToLastYear) {
  SqliteStore store(path);
  const auto s22 = page(2022, "2022-01-20T08:00:00Z"), s23 = page(2023, "2023-01-18T08:00:00Z");
  store.put(s22, edition_records_of(s22, 2022));
  EXPECT_EQ(links(store), (std::vector<std::string>{"2022<-"}));
  store.put(s23, edition_records_of(s23, 2023));
  EXPECT_EQ(links(store), (std::vector<std::string>{"2022<-", "2023<" + id(2022)}));

  const auto e = store.edition(id(2023));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->series, kSeries);
  EXPECT_EQ(e->year, 2023);
  EXPECT_EQ(e->previous, id(2022));
  EXPECT_EQ(e->first_seen, "2023-01-18T08:00:00Z");
  EXPECT_EQ(e->title, "Stöd till kommuner 2023");
  const auto prev = store.previous_edition(id(2023));
  ASSERT_TRUE(prev);
  EXPECT_EQ(prev->call_id, id(2022));
  EXPECT_EQ(prev->first_seen, "2022-01-20T08:00:00Z");
  EXPECT_EQ(prev->title, "Stöd till kommuner 2022");
  EXPECT_FALSE(store.previous_edition(id(2022)));  // the first edition
  EXPECT_EQ(store.series_ids(), (std::vector<std::string>{kSeries}));

  // The records of one edition: its call and the call's records, none of the other year.
  const auto lines = store.edition_records(id(2023));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(test::count_of(lines[0], R"({"type":"call","id":")" + id(2023) + "\""), 1u);
  EXPECT_EQ(test::count_of(lines[1], R"({"type":"deadline","id":")" + id(2023) + ":deadline:application_close\""), 1u);
  EXPECT_EQ(test::count_of(lines[1], R"("date":"2023-05-12")"), 1u);
}

TEST_F(SeriesTest, EditionsArrivingOutOfOrderLinkToTheLatestEarlierYearInTheStore) {
  SqliteStore store(path);
  // A nightly run reads this year's page first; older pages are found later; 2021 is missing
  // until the last run, so 2022 first links to 2020.
  for (int year : {2023, 2020, 2022, 2021}) {
    const auto s = page(year, std::to_string(year) + "-06-01T00:00:00Z");
    store.put(s, edition_records_of(s, year));
    if (year == 2022) {
      EXPECT_EQ(links(store), (std::vector<std::string>{"2020<-", "2022<" + id(2020), "2023<" + id(2022)}));
    }
  }
  EXPECT_EQ(links(store), (std::vector<std::string>{"2020<-", "2021<" + id(2020), "2022<" + id(2021),
                                                     "2023<" + id(2022)}));
  EXPECT_EQ(store.previous_edition(id(2022))->call_id, id(2021));
}

TEST_F(SeriesTest, ACallSeenAgainKeepsItsEditionAndOtherSeriesStayApart) {
  SqliteStore store(path);
  const auto first = page(2023, "2023-01-18T08:00:00Z");
  store.put(first, edition_records_of(first, 2023));
  // The page changes (a new version of the call): still one edition, first seen on the first day.
  auto changed = page(2023, "2023-03-01T08:00:00Z");
  changed = make_snapshot(changed.url, "page 2023 changed", "text/html", "2023-03-01T08:00:00Z");
  auto records = edition_records_of(changed, 2023);
  std::get<record::Call>(records[0]).title = "Stöd till kommuner 2023 (ändrad)";
  store.put(changed, records);
  const auto editions = store.editions(kSeries);
  ASSERT_EQ(editions.size(), 1u);
  EXPECT_EQ(editions[0].first_seen, "2023-01-18T08:00:00Z");
  EXPECT_EQ(editions[0].title, "Stöd till kommuner 2023 (ändrad)");  // the current version's

  // Another funder's call of the same title and an earlier year is another series.
  const auto other = make_snapshot("https://other.se/stod-2022/", "other", "text/html", "2023-02-01T00:00:00Z");
  store.put(other, edition_records_of(other, 2022, "Stöd till kommuner", "Other"));
  EXPECT_EQ(store.series_ids(), (std::vector<std::string>{kSeries, "other:stod-till-kommuner"}));
  EXPECT_EQ(links(store), (std::vector<std::string>{"2023<-"}));
  EXPECT_EQ(links(store, "other:stod-till-kommuner"), (std::vector<std::string>{"2022<-"}));
}

TEST_F(SeriesTest, UnknownSeriesAndCallsGiveNothing) {
  SqliteStore store(path);
  EXPECT_TRUE(store.series_ids().empty());
  EXPECT_TRUE(store.editions(kSeries).empty());
  EXPECT_FALSE(store.edition(id(2023)));
  EXPECT_FALSE(store.previous_edition(id(2023)));
  EXPECT_TRUE(store.edition_records(id(2023)).empty());
  EXPECT_EQ(store.series_index(), &store);
}

TEST_F(SeriesTest, AStoreWrittenBeforeSeriesGetsItsEditionsLinkedByTheMigration) {
  {
    SqliteStore store(path);
    for (int year : {2023, 2021, 2022}) {
      const auto s = page(year, std::to_string(year) + "-02-01T00:00:00Z");
      store.put(s, edition_records_of(s, year));
    }
  }
  {
    // Back to schema version 2, as an older bidrag left it.
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    ASSERT_EQ(sqlite3_exec(raw, "DROP VIEW series; DROP TABLE editions; ALTER TABLE sources DROP COLUMN not_a_call; PRAGMA user_version=2", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  SqliteStore again(path);
  EXPECT_EQ(links(again), (std::vector<std::string>{"2021<-", "2022<" + id(2021), "2023<" + id(2022)}));
  EXPECT_EQ(again.edition(id(2022))->first_seen, "2022-02-01T00:00:00Z");
  EXPECT_EQ(test::sqlite_scalar(path, "SELECT editions FROM series WHERE id = 'example:stod-till-kommuner'"), 3);
  EXPECT_EQ(test::sqlite_scalar(path, "SELECT last_year - first_year FROM series"), 2);
}

}  // namespace
}  // namespace bidrag::store
