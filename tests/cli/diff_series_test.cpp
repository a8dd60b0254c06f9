// `bidrag diff --series` and `--list` through the real binary on the store the demo pipeline
// fills (the 2023 and 2022 Socialstyrelsen editions from fixtures/site): golden outputs, exact
// changes (ceilings per municipality, moved deadlines), and the cases with nothing to compare.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::test {
namespace {

const std::string kSeries = "socialstyrelsen:sociala-insatser-i-utsatta-omraden";

// The demo's store, made once for the suite: `bidrag run pipelines/demo.json` reads the 2023
// page first, then the 2022 page, so the store links 2023 to an edition it stored after it.
const std::string& demo_store() {
  static const std::string path = [] {
    const std::string dir = temp_dir("diff-series-demo");
    const auto r = run_bidrag({"run", "pipelines/demo.json", "--db", dir + "/bidrag.db", "--out", dir + "/records.jsonl"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return dir + "/bidrag.db";
  }();
  return path;
}

// A store holding only the 2023 edition.
const std::string& store_2023_only() {
  static const std::string path = [] {
    const std::string dir = temp_dir("diff-series-2023");
    std::ofstream(dir + "/p.json")
        << R"({"name": "one", "sources": ["https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2023/"],)"
        << R"( "fetch": {"obey_robots": false}, "outputs": {"jsonl": ")" << dir << R"(/one.jsonl"}, "mirror": )"
        << R"({"https://statsbidrag.socialstyrelsen.se/": ")" << fixture("site/statsbidrag.socialstyrelsen.se") << R"(/"}})";
    const auto r = run_bidrag({"run", dir + "/p.json", "--db", dir + "/bidrag.db"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return dir + "/bidrag.db";
  }();
  return path;
}

TEST(DiffSeriesCli, GoldenOutputsOfTheDemoEditions) {
  const struct {
    std::vector<std::string> args;
    const char* golden;
  } cases[] = {
      {{"--format", "json"}, "diff/series-2022-2023.golden.json"},
      {{"--format", "json", "--years", "2022,2023"}, "diff/series-2022-2023.golden.json"},
      {{"--format", "json", "--years", "2023"}, "diff/series-2022-2023.golden.json"},
      {{"--format", "text", "--years", "2022,2023"}, "diff/series-2022-2023.golden.txt"},
      {{"--format", "markdown"}, "diff/series-2022-2023.golden.md"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"diff", "--db", demo_store(), "--series", kSeries};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_bidrag(args);
    EXPECT_EQ(r.exit_code, 0) << c.golden << r.err;
    EXPECT_EQ(r.err, "") << c.golden;
    EXPECT_EQ(r.out, read_fixture(c.golden)) << c.golden;
  }
}

TEST(DiffSeriesCli, ExactChangesFromLastYear) {
  const auto r = run_bidrag({"diff", "--db", demo_store(), "--series", kSeries, "--format", "json", "--exit-code"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // there are changes
  const std::string s = R"({"series":")" + kSeries + R"(",)";
  for (const std::string& line : {
           s + R"("path":"call.year","kind":"changed","old":2022,"new":2023})",
           s + R"("path":"call.application_close","kind":"changed","old":"2022-05-13","new":"2023-05-12","days":364})",
           s + R"("path":"deadline[application_close].date","kind":"changed","old":"2022-05-13","new":"2023-05-12","days":364})",
           s + R"("path":"ceiling[0181].amount","kind":"changed","label":"Södertälje","old":13443523,"new":13820044,"delta":376521,"percent":2.80})",
           s + R"("path":"ceiling[0127].amount","kind":"changed","label":"Botkyrka","old":19273153,"new":17603816,"delta":-1669337,"percent":-8.66})",
       })
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  // Nacka and Sigtuna are new in the 2023 list (28 rows against 26): whole ceilings added; the
  // amount of every one of the 26 others changed, none was dropped.
  EXPECT_NE(r.out.find(R"("path":"ceiling[0182]","kind":"added","label":"Nacka")"), std::string::npos);
  EXPECT_NE(r.out.find(R"("path":"ceiling[0191]","kind":"added","label":"Sigtuna")"), std::string::npos);
  EXPECT_EQ(count_of(r.out, R"("path":"ceiling[01)"), 20u);  // Stockholm county: 9 rows changed (amount, year), 2 added
  EXPECT_EQ(count_of(r.out, R"(].amount","kind":"changed")"), 26u);
  EXPECT_EQ(count_of(r.out, R"("path":"ceiling[)"), 54u);  // 26 amounts, 26 years, 2 added
  EXPECT_EQ(count_of(r.out, R"(,"kind":"removed","label")"), 5u);  // one contact, four documents
  EXPECT_EQ(count_of(r.out, R"("path":"ceiling[0181].amount")"), 1u);
  // Both lists state 243 500 000 kr: the total did not change, so the per-municipality deltas
  // add up to zero and no total is reported.
  EXPECT_EQ(count_of(r.out, "total_stated"), 0u);
  // The store path by series gives what the older --call/--from/--to selection gives.
  const auto by_call = run_bidrag({"diff", "--db", demo_store(), "--call", kSeries, "--from", "2022", "--to", "2023",
                                   "--format", "json"});
  EXPECT_EQ(by_call.out, r.out);

  // The other way round: the same changes, reversed.
  const auto back = run_bidrag({"diff", "--db", demo_store(), "--series", kSeries, "--years", "2023,2022", "--format", "json"});
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find(s + R"("path":"ceiling[0181].amount","kind":"changed","label":"Södertälje","old":13820044,"new":13443523,"delta":-376521,"percent":-2.72})"),
            std::string::npos)
      << back.out;
  EXPECT_NE(back.out.find(R"("path":"ceiling[0182]","kind":"removed","label":"Nacka")"), std::string::npos);
}

TEST(DiffSeriesCli, ListsTheSeriesAndTheirLinkedEditions) {
  const std::string text =
      kSeries + ": 2 editions\n"
      "  2022  Sociala insatser i utsatta områden 2022  (first)\n"
      "  2023  Sociala insatser i utsatta områden 2023  (previous: 2022)\n";
  for (const std::vector<std::string>& args : {std::vector<std::string>{"diff", "--db", demo_store(), "--list"},
                                               {"diff", "--db", demo_store(), "--list", "--series", kSeries}}) {
    const auto r = run_bidrag(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, text);
  }
  const auto j = run_bidrag({"diff", "--db", demo_store(), "--list", "--format", "json"});
  EXPECT_EQ(j.exit_code, 0) << j.err;
  // first_seen is the time of the run that stored the call.
  const std::string json = std::regex_replace(
      j.out, std::regex(R"("first_seen":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")"), R"("first_seen":"T")");
  EXPECT_EQ(json,
            "[\n"
            R"({"series":")" + kSeries + R"(","year":2022,"call_id":")" + kSeries +
                R"(:2022","title":"Sociala insatser i utsatta områden 2022","previous":null,"first_seen":"T"},)"
                "\n"
                R"({"series":")" + kSeries + R"(","year":2023,"call_id":")" + kSeries +
                R"(:2023","title":"Sociala insatser i utsatta områden 2023","previous":")" + kSeries +
                R"(:2022","first_seen":"T"})"
                "\n]\n");
}

TEST(DiffSeriesCli, NothingToCompareIsAClearUsageError) {
  const std::string db = demo_store(), one = store_2023_only();
  const struct {
    std::vector<std::string> args;
    std::string err;
  } cases[] = {
      {{"--db", one, "--series", kSeries},
       "diff: the series " + kSeries + " has one edition in " + one + " (2023: " + kSeries + ":2023), nothing to compare it with"},
      {{"--db", db, "--series", kSeries, "--years", "2022"},
       "diff: the 2022 edition of " + kSeries + " is the first in " + db +
           ", nothing to compare it with (its editions: 2022, 2023)"},
      {{"--db", db, "--series", "socialstyrelsen:okand"},
       "diff: no series \"socialstyrelsen:okand\" in " + db + "; 'bidrag diff --list' with the same --db lists the series it holds"},
      {{"--db", db, "--series", kSeries + ":2023"},
       "diff: no series \"" + kSeries + ":2023\" in " + db + "; " + kSeries + ":2023 is a call of the series " + kSeries},
      {{"--db", db, "--series", kSeries, "--years", "2021,2023"},
       "diff: the series " + kSeries + " has no 2021 edition in " + db + " (its editions: 2022, 2023)"},
      {{"--db", db, "--series", kSeries, "--years", "2024"},
       "diff: the series " + kSeries + " has no 2024 edition in " + db + " (its editions: 2022, 2023)"},
      {{"--db", db, "--series", kSeries, "--years", "22,2023"},
       "diff: --years expects YEAR or OLD,NEW (e.g. 2022,2023), got \"22,2023\": \"22\" is not a four-digit year"},
      {{"--db", db, "--series", kSeries, "--years", "2023,2023"},
       "diff: --years expects YEAR or OLD,NEW (e.g. 2022,2023), got \"2023,2023\": the same year twice"},
      {{"--db", db, "--series", kSeries, "--years", "2021,2022,2023"},
       "diff: --years expects YEAR or OLD,NEW (e.g. 2022,2023), got \"2021,2022,2023\": at most two years"},
      {{"--db", db, "--years", "2022,2023", "--call", kSeries, "--from", "2022", "--to", "2023"},
       "diff: --years needs --series"},
      {{"--db", db, "--series", kSeries, "--from", "2022"},
       "diff: --series takes no OLD/NEW files, --call, --from or --to (use --years)"},
      {{"--db", db + ".missing", "--series", kSeries}, "diff: no store at " + db + ".missing"},
      {{"--db", db + ".missing", "--list"}, "diff: no store at " + db + ".missing"},
      {{"--db", db, "--list", "--series", "socialstyrelsen:okand"},
       "diff: no series \"socialstyrelsen:okand\" in " + db + "; 'bidrag diff --list' with the same --db lists the series it holds"},
      {{"--db", db, "--list", "--years", "2023"}, "diff: --list takes only --db, --series and --format"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"diff"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_bidrag(args);
    EXPECT_EQ(r.exit_code, 2) << c.err;
    EXPECT_EQ(r.out, "") << c.err;
    EXPECT_EQ(r.err, "bidrag: error: " + c.err + "\n");
  }
}

TEST(DiffSeriesCli, AStoreWithoutSeriesListsNothing) {
  const std::string path = temp_dir("diff-series-empty") + "/bidrag.db";
  { store::SqliteStore created(path); }
  for (const char* format : {"text", "json"}) {
    const auto r = run_bidrag({"diff", "--db", path, "--list", "--format", format});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, std::string(format) == "json" ? "[]\n" : "");
  }
}

}  // namespace
}  // namespace bidrag::test
