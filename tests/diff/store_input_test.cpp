// The --db side of diff: years and capture times read through the SQLite store's read API.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/diff/diff.h"
#include "bidrag/diff/render.h"
#include "bidrag/diff/store_input.h"
#include "bidrag/record/ids.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::diff {
namespace {

const std::string kSeries = "socialstyrelsen:bidrag-till-kommuner";

record::Call call(int year, const std::string& status) {
  record::Call c;
  c.id = record::call_id("Socialstyrelsen", "Bidrag till kommuner", year);
  c.series = kSeries;
  c.funder = "Socialstyrelsen";
  c.title = "Bidrag till kommuner " + std::to_string(year);
  c.year = year;
  c.published = Date{year, 1, 20};
  c.status = record::parse_call_status(status);
  return c;
}

record::Ceiling ceiling(int year, const char* code, const char* name, std::int64_t kronor) {
  record::Ceiling c;
  c.call_id = record::call_id("Socialstyrelsen", "Bidrag till kommuner", year);
  c.id = record::ceiling_id(c.call_id, code);
  c.municipality.name = name;
  c.municipality.name_as_printed = name;
  c.municipality.code = code;
  c.amount = record::Amount::kronor(kronor);
  return c;
}

// Records as an extractor gives them: source filled from the snapshot.
std::vector<record::Record> with_source(std::vector<record::Record> rs, const Snapshot& s) {
  for (auto& r : rs) {
    auto& c = record::common(r);
    c.source.url = s.url;
    c.source.sha256 = s.sha256;
    c.source.fetched_at = s.fetched_at;
    std::string line = record::to_json(r);
    EXPECT_TRUE(test::record_valid(line));
  }
  return rs;
}

TEST(StoreInput, YearsOfASeries) {
  const std::string path = test::temp_dir("diff-store-years") + "/bidrag.db";
  store::SqliteStore db(path);
  const auto s22 = make_snapshot("https://example.org/2022.html", "2022", "text/html", "2022-02-01T08:00:00Z");
  const auto s23 = make_snapshot("https://example.org/2023.html", "2023", "text/html", "2023-02-01T08:00:00Z");
  db.put(s22, with_source({call(2022, "open"), ceiling(2022, "0180", "Stockholm", 1'000'000),
                           ceiling(2022, "0181", "Södertälje", 500'000)},
                          s22));
  db.put(s23, with_source({call(2023, "open"), ceiling(2023, "0180", "Stockholm", 1'000'000),
                           ceiling(2023, "0181", "Södertälje", 600'000), ceiling(2023, "0182", "Nacka", 250'000)},
                          s23));
  const auto older = load_store(db, kSeries, "2022");
  const auto newer = load_store(db, kSeries, "2023");
  EXPECT_EQ(older.source, path + " (" + kSeries + ":2022)");
  const auto changes = diff(older, newer);
  ASSERT_EQ(changes.size(), 5u) << render_json(changes);
  EXPECT_EQ(changes[0].path, "call.title");
  EXPECT_EQ(changes[1].path, "call.year");
  EXPECT_EQ(changes[2].path, "call.published");
  EXPECT_EQ(*changes[2].days, 365);
  EXPECT_EQ(changes[3].path, "ceiling[0181].amount");
  EXPECT_EQ(*changes[3].delta_ore, 10'000'000);
  EXPECT_EQ(*changes[3].percent, "20.00");
  EXPECT_EQ(changes[4].path, "ceiling[0182]");
  EXPECT_EQ(changes[4].kind, Change::Kind::added);
  EXPECT_EQ(changes[4].label, "Nacka");
}

TEST(StoreInput, TwoCaptureTimesOfOneCall) {
  const std::string path = test::temp_dir("diff-store-times") + "/bidrag.db";
  store::SqliteStore db(path);
  const std::string url = "https://example.org/bidrag-2023.html";
  const auto open = make_snapshot(url, "open page", "text/html", "2023-02-24T14:03:00Z");
  const auto closed = make_snapshot(url, "closed page", "text/html", "2023-12-20T09:00:00Z");
  auto c = call(2023, "open");
  c.days_left = 77;
  db.put(open, with_source({c}, open));
  c.status = record::CallStatus::closed;
  c.days_left.reset();
  c.reporting.due = Date{2024, 2, 15};
  db.put(closed, with_source({c}, closed));
  EXPECT_EQ(db.capture_times(url), (std::vector<std::string>{"2023-02-24T14:03:00Z", "2023-12-20T09:00:00Z"}));

  const std::string id = c.id;
  const auto changes = diff(load_store(db, id, "2023-03-01T00:00:00Z"), load_store(db, id, "2023-12-21T00:00:00Z"));
  EXPECT_EQ(render_json(changes),
            "[\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.status","kind":"changed","old":"open","new":"closed"},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.days_left","kind":"removed","old":77,"new":null},)"
            "\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"call.reporting.due","kind":"added","old":null,"new":"2024-02-15"})"
            "\n]\n");
  // Before the first capture there is nothing: the whole call is new afterwards.
  const auto from_nothing = diff(load_store(db, id, "2023-01-01T00:00:00Z"), load_store(db, id, "2023-03-01T00:00:00Z"));
  ASSERT_EQ(from_nothing.size(), 1u);
  EXPECT_EQ(from_nothing[0].path, "call");
  EXPECT_EQ(from_nothing[0].kind, Change::Kind::added);
}

TEST(StoreInput, APointThatIsNeitherYearNorTime) {
  const std::string path = test::temp_dir("diff-store-bad") + "/bidrag.db";
  store::SqliteStore db(path);
  try {
    (void)load_store(db, kSeries, "last week");
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "diff: 'last week' is neither a year (2023) nor a UTC time (2023-03-01T00:00:00Z)");
  }
  EXPECT_TRUE(is_year("2023"));
  EXPECT_FALSE(is_year("23"));
  EXPECT_FALSE(is_year("2023-01-01"));
}

}  // namespace
}  // namespace bidrag::diff
