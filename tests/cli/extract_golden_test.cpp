// `bidrag extract` golden files: the whole output compared exactly with fixtures/golden/extract/,
// every record valid against the schema, exit codes and usage errors.
#include <gtest/gtest.h>

#include "support/support.h"

namespace bidrag {
namespace {

using test::PrintTo;

constexpr const char* kUrl2023 = "https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2023/";
constexpr const char* kUrl2022 = "https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2022/";
constexpr const char* kUrlOther = "https://www.exempelmyndigheten.se/bidrag/lokalt-kulturarbete/";
constexpr const char* kUrlNews = "https://www.exempelmyndigheten.se/nyheter/barns-halsa/";

struct GoldenCase {
  const char* name;
  std::vector<std::string> args;  // after "extract"
  const char* golden;
  int exit_code;
};

class ExtractGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(ExtractGolden, MatchesGoldenFileExactly) {
  const GoldenCase& c = GetParam();
  std::vector<std::string> args{"extract"};
  for (const auto& a : c.args) args.push_back(a.rfind("fixtures/", 0) == 0 ? test::fixture(a.substr(9)) : a);
  const auto r = test::run_bidrag(args);
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, test::read_fixture(std::string("golden/extract/") + c.golden));
  EXPECT_TRUE(test::records_valid(r.out));
}

INSTANTIATE_TEST_SUITE_P(
    Pages, ExtractGolden,
    ::testing::Values(
        GoldenCase{"open_html", {"--url", kUrl2023, "fixtures/corpus/sociala-insatser-2023/announcement-open.html"},
                   "announcement-open.jsonl", 0},
        GoldenCase{"closed_html", {"--url", kUrl2023, "fixtures/corpus/sociala-insatser-2023/announcement-closed.html"},
                   "announcement-closed.jsonl", 0},
        GoldenCase{"edition_2022", {"--url", kUrl2022, "fixtures/corpus/sociala-insatser-2022/announcement.html"},
                   "announcement-2022.jsonl", 0},
        GoldenCase{"seed_open_print", {"--url", kUrl2023, "fixtures/seeds/001_99e31430945983a0.txt"},
                   "seed-001-open-print.jsonl", 0},
        GoldenCase{"seed_closed_text", {"--url", kUrl2023, "fixtures/seeds/000_d553f5c2ffd202c7.txt"},
                   "seed-000-closed.jsonl", 0},
        GoldenCase{"other_agency", {"--url", kUrlOther, "fixtures/announce/other-agency.html"}, "other-agency.jsonl", 0},
        GoldenCase{"not_a_call", {"--url", kUrlNews, "fixtures/announce/news.html"}, "news.jsonl", 1},
        GoldenCase{"fetched_at_counter_mismatch",
                   {"--url", kUrl2023, "--fetched-at", "2023-03-01T09:00:00Z",
                    "fixtures/corpus/sociala-insatser-2023/announcement-open.html"},
                   "announcement-open-fetched.jsonl", 0}),
    [](const ::testing::TestParamInfo<GoldenCase>& p) { return std::string(p.param.name); });

TEST(ExtractCli, BadFetchedAtIsAUsageError) {
  for (const char* bad : {"2023-02-24", "2023-02-30T10:00:00Z", "2023-02-24T25:00:00Z", "2023-02-24T10:00:00+01:00",
                          "yesterday"}) {
    const auto r = test::run_bidrag({"extract", "--fetched-at", bad, test::fixture("announce/news.html")});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_NE(r.err.find(std::string("--fetched-at: '") + bad + "' is not an RFC 3339 UTC time"), std::string::npos)
        << r.err;
  }
}

TEST(ExtractCli, UrlNamesOneFileOnly) {
  const auto r = test::run_bidrag({"extract", "--url", kUrlNews, test::fixture("announce/news.html"),
                                   test::fixture("announce/other-agency.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--url names the source of one FILE; got 2"), std::string::npos) << r.err;
}

TEST(ExtractCli, LocalFileSourceIsItsFileUrlAndOthersStillPrintAfterAnError) {
  const std::string missing = test::fixture("announce/does-not-exist.html");
  const std::string page = test::fixture("announce/other-agency.html");
  const auto r = test::run_bidrag({"extract", missing, page});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(test::records_valid(r.out));
  const auto first_line = r.out.substr(0, r.out.find('\n'));
  EXPECT_NE(first_line.find("\"type\":\"error\""), std::string::npos);
  EXPECT_NE(first_line.find("\"stage\":\"fetch\""), std::string::npos);
  EXPECT_NE(r.out.find("\"source\":{\"url\":\"file://" + page + "\""), std::string::npos);
  EXPECT_NE(r.out.find("\"id\":\"exempelmyndigheten:bidrag-till-lokalt-kulturarbete:2024\""), std::string::npos);
}

}  // namespace
}  // namespace bidrag
