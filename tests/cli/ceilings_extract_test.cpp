// `bidrag extract` on allocation lists: golden files compared exactly, every ceiling checked
// against the corpus expected files independently, and bad PDFs as error records while the
// run goes on.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/support.h"

namespace bidrag {
namespace {

using test::PrintTo;

constexpr const char* kListUrl =
    "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/statsbidrag-fordelningslista-sociala-insatser-";

struct GoldenCase {
  const char* name;
  std::string url;
  const char* input;  // under fixtures/
  const char* golden;  // under fixtures/allocation-lists/golden/
};

class CeilingsGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(CeilingsGolden, MatchesGoldenFileExactly) {
  const GoldenCase& c = GetParam();
  const auto r = test::run_bidrag({"extract", "--url", c.url, test::fixture(c.input)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, test::read_fixture(std::string("allocation-lists/golden/") + c.golden));
  EXPECT_TRUE(test::records_valid(r.out));
}

INSTANTIATE_TEST_SUITE_P(
    Lists, CeilingsGolden,
    ::testing::Values(
        GoldenCase{"corpus_2023", std::string(kListUrl) + "2023.pdf", "corpus/sociala-insatser-2023/fordelningslista.pdf",
                   "fordelningslista-2023.jsonl"},
        GoldenCase{"corpus_2022", std::string(kListUrl) + "2022.pdf", "corpus/sociala-insatser-2022/fordelningslista.pdf",
                   "fordelningslista-2022.jsonl"},
        GoldenCase{"html_table", "https://www.skolverket.se/fordelning/forstarkt-elevhalsa-2024.html",
                   "allocation-lists/html-table.html", "html-table.jsonl"},
        GoldenCase{"multi_page", "https://www.socialstyrelsen.se/fordelning/multi-page.pdf",
                   "allocation-lists/multi-page.pdf", "multi-page.jsonl"}),
    [](const auto& p) { return std::string(p.param.name); });

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The CLI's ceilings against the corpus expected file, read independently of the golden file.
TEST(CeilingsCli, CorpusListsGiveEveryExpectedCeilingAndTotal) {
  for (const char* year : {"2023", "2022"}) {
    SCOPED_TRACE(year);
    const std::string dir = std::string("corpus/sociala-insatser-") + year + "/";
    const auto r = test::run_bidrag({"extract", test::fixture(dir + "fordelningslista.pdf")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document want;
    want.Parse(test::read_fixture(dir + "fordelningslista.pdf.expected.json").c_str());
    ASSERT_FALSE(want.HasParseError());
    std::vector<std::pair<std::string, std::int64_t>> got_rows, want_rows;
    for (const auto& c : want["ceilings"].GetArray()) want_rows.emplace_back(c["kommunkod"].GetString(), c["amount_sek"].GetInt64());
    for (const std::string& line : lines_of(r.out)) {
      rapidjson::Document rec;
      rec.Parse(line.c_str());
      ASSERT_FALSE(rec.HasParseError()) << line;
      const std::string type = rec["type"].GetString();
      if (type == "ceiling") {
        got_rows.emplace_back(rec["municipality"]["code"].GetString(), rec["amount"]["value"].GetInt64());
        EXPECT_EQ(rec["call_id"].GetString(), std::string(want["call"]["call_id"].GetString()));
      } else if (type == "allocation_list") {
        EXPECT_EQ(rec["total_stated"]["value"].GetInt64(), want["total_sek"].GetInt64());
        EXPECT_EQ(rec["total_computed"]["value"].GetInt64(), want["total_computed_sek"].GetInt64());
        EXPECT_EQ(rec["sum_check"].GetString(), std::string(want["sum_check"].GetString()));
        EXPECT_EQ(rec["rows"].GetInt(), want["rows"].GetInt());
      }
    }
    EXPECT_EQ(got_rows, want_rows);
  }
}

TEST(CeilingsCli, BadPdfsAreErrorRecordsAndTheRunGoesOn) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"encrypted.pdf", "PDF is encrypted with a user password"},
      {"truncated.pdf", "PDF cannot be opened: damaged or truncated"},
      {"no-text.pdf", "PDF has no text layer (scanned image?)"},
      {"zero-pages.pdf", "PDF has no pages"},
  };
  std::vector<std::string> args{"extract"};
  for (const auto& [file, why] : bad) args.push_back(test::fixture("allocation-lists/bad/" + file));
  args.push_back(test::fixture("allocation-lists/zero-dash.pdf"));
  const auto r = test::run_bidrag(args);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(test::records_valid(r.out));
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u + 1u + 14u);  // 4 errors, then the good list and its 14 ceilings
  for (std::size_t i = 0; i < bad.size(); ++i) {
    rapidjson::Document rec;
    rec.Parse(lines[i].c_str());
    const std::string url = "file://" + test::fixture("allocation-lists/bad/" + bad[i].first);
    EXPECT_EQ(rec["type"].GetString(), std::string("error"));
    EXPECT_EQ(rec["stage"].GetString(), std::string("parse"));
    EXPECT_EQ(rec["url"].GetString(), url);
    EXPECT_EQ(rec["message"].GetString(), url + ": " + bad[i].second);
  }
  rapidjson::Document list;
  list.Parse(lines[4].c_str());
  EXPECT_EQ(list["type"].GetString(), std::string("allocation_list"));
  EXPECT_EQ(list["rows"].GetInt(), 14);
  EXPECT_EQ(list["total_stated"]["value"].GetInt64(), 69787398);
}

}  // namespace
}  // namespace bidrag
