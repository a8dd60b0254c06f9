// The shipped agency pipelines (pipelines/*.json) run offline against their captured sites
// (fixtures/site/<host>/, through the mirror): each finds exactly its calls, lists and pages
// that are not calls from its listings, sitemaps and feeds, and the second night re-extracts
// nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "bidrag/pipeline/run.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::pipeline {
namespace {

struct Agency {
  const char* pipeline;
  const char* first;   // summary of the first run
  const char* second;  // summary of the second run (same site)
  std::vector<std::string> calls;  // call ids found, sorted
  std::size_t ceilings;
};
void PrintTo(const Agency& a, std::ostream* os) { *os << a.pipeline; }

class AgencyPipeline : public ::testing::TestWithParam<Agency> {};

TEST_P(AgencyPipeline, FindsItsCallsOffline) {
  Pipeline p = load(std::string("pipelines/") + GetParam().pipeline + ".json");
  // Offline: every captured host through the mirror, no politeness delays.
  for (const auto& dir : std::filesystem::directory_iterator(test::fixture("site")))
    p.policy.mirror["https://" + dir.path().filename().string() + "/"] = dir.path().string() + "/";
  p.policy.per_host_delay_ms = 0;
  p.policy.obey_robots = false;
  // The captured Skolverket site holds no copy of the workbook its 2024 page links to.
  if (p.name == "skolverket") p.follow.clear();
  const std::string db = test::temp_dir(std::string("agency-") + GetParam().pipeline) + "/bidrag.db";
  store::SqliteStore store(db);
  int extractions = 0;
  RunOptions options;
  options.isolation.enabled = false;
  options.extractor = [&](const Snapshot& s, const extract::Context& c) {
    ++extractions;
    return extract::extract(s, c);
  };
  const auto fetcher = fetch::make_curl_fetcher(p.policy);
  const auto first = run(p, *fetcher, {&store}, &store, options);
  EXPECT_EQ(summary(first), GetParam().first);
  EXPECT_TRUE(test::records_valid(test::jsonl(first.lines)));
  std::set<std::string> calls;
  std::size_t ceilings = 0;
  const std::regex call_id(R"re(^\{"type":"call","id":"([^"]+)")re");
  for (const auto& line : first.lines) {
    std::smatch m;
    if (std::regex_search(line, m, call_id)) calls.insert(m[1]);
    ceilings += line.rfind(R"({"type":"ceiling")", 0) == 0;
  }
  EXPECT_EQ(std::vector<std::string>(calls.begin(), calls.end()), GetParam().calls);
  EXPECT_EQ(ceilings, GetParam().ceilings);
  const int extracted = extractions;

  const auto fetcher2 = fetch::make_curl_fetcher(p.policy);
  const auto second = run(p, *fetcher2, {&store}, &store, options);
  EXPECT_EQ(summary(second), GetParam().second);
  EXPECT_EQ(extractions, extracted);  // nothing changed: nothing extracted, not even the pages that are no call
  EXPECT_EQ(second.lines.size(), first.lines.size());
}

INSTANTIATE_TEST_SUITE_P(
    Shipped, AgencyPipeline,
    ::testing::Values(
        // Two pages of the list (Nästa) and the sitemap: both editions, their PDF lists, an
        // "about" page that is no call.
        Agency{"socialstyrelsen",
               "5 documents, 4 changed, 0 unchanged, 0 failed; 3 list pages read, 3 pages found, 1 not calls",
               "5 documents, 0 changed, 4 unchanged, 0 failed; 3 list pages read, 3 pages found, 1 not calls",
               {"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2022",
                "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023"},
               54},
        // Two pages of the list (rel=next), a sitemap index and its gzipped sitemap.
        Agency{"skolverket",
               "3 documents, 2 changed, 0 unchanged, 0 failed; 4 list pages read, 3 pages found, 1 not calls",
               "3 documents, 0 changed, 2 unchanged, 0 failed; 4 list pages read, 3 pages found, 1 not calls",
               {"skolverket:statsbidrag-for-fler-speciallarare-i-grundskolan:2026",
                "skolverket:statsbidrag-for-laromedel-i-grundskolan:2024"},
               0},
        // The list and its RSS feed: the call, and a news item that is no call.
        Agency{"boverket",
               "2 documents, 1 changed, 0 unchanged, 0 failed; 2 list pages read, 2 pages found, 1 not calls",
               "2 documents, 0 changed, 1 unchanged, 0 failed; 2 list pages read, 2 pages found, 1 not calls",
               {"boverket:stod-for-upprustning-av-lekplatser-och-utemiljoer:2026"},
               0},
        // The Atom feed and the list: two calls, a news item that is no call.
        Agency{"mucf",
               "3 documents, 2 changed, 0 unchanged, 0 failed; 2 list pages read, 3 pages found, 1 not calls",
               "3 documents, 0 changed, 2 unchanged, 0 failed; 2 list pages read, 3 pages found, 1 not calls",
               {"myndigheten-for-ungdoms-och-civilsamhallesfragor:motesplatser-for-unga-hbtqi-personer-pa-landsbygden:2024",
                "myndigheten-for-ungdoms-och-civilsamhallesfragor:starka-unga-roster-i-lokal-demokrati:2025"},
               0},
        // Two pages of the list (Nästa sida) and the sitemap: the call and its HTML list of 8 kommuner.
        Agency{"kammarkollegiet",
               "2 documents, 2 changed, 0 unchanged, 0 failed; 3 list pages read, 2 pages found, 0 not calls",
               "2 documents, 0 changed, 2 unchanged, 0 failed; 3 list pages read, 2 pages found, 0 not calls",
               {"kammarkollegiet:statsbidrag-till-kommuner-for-lokala-klimatanpassningsplaner:2023"},
               8}),
    [](const ::testing::TestParamInfo<Agency>& i) { return std::string(i.param.pipeline); });

}  // namespace
}  // namespace bidrag::pipeline
