// `bidrag run` with a document that cannot be fetched: exit 1, an error record in the output
// and the store, the other documents fully processed; --stop-on-error stops at it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/support.h"

namespace bidrag::test {
namespace {

std::string pipeline_with_missing_page(const std::string& dir) {
  const std::string file = dir + "/p.json";
  std::ofstream(file) << R"({"name": "mixed", "sources": [
      "https://statsbidrag.socialstyrelsen.se/statsbidrag/finns-inte/",
      "https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2022/"],
    "fetch": {"per_host_delay_ms": 0, "obey_robots": false},
    "mirror": {"https://statsbidrag.socialstyrelsen.se/": ")"
                      << fixture("site/statsbidrag.socialstyrelsen.se") << "\"}}\n";
  return file;
}

TEST(RunFailuresTest, FailedDocumentIsExit1WithAnErrorRecordAndTheOthersStored) {
  const std::string dir = temp_dir("run-fail");
  const auto r = run_bidrag({"run", pipeline_with_missing_page(dir), "--db", dir + "/b.db", "--out", dir + "/o.jsonl"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "mixed: 3 documents, 2 changed, 0 unchanged, 1 failed\n");
  const std::string out = read_file(dir + "/o.jsonl");
  EXPECT_TRUE(records_valid(out));
  const std::string first = out.substr(0, out.find('\n'));
  EXPECT_NE(first.find(R"("type":"error")"), std::string::npos) << first;
  EXPECT_NE(first.find(R"("url":"https://statsbidrag.socialstyrelsen.se/statsbidrag/finns-inte/","stage":"fetch",)"
                       R"("message":"https://statsbidrag.socialstyrelsen.se/statsbidrag/finns-inte/: not found in mirror )"
                       R"((no file )" +
                       fixture("site/statsbidrag.socialstyrelsen.se") + "/statsbidrag/finns-inte/index.html)\""),
            std::string::npos)
      << first;
  EXPECT_NE(out.find(R"("type":"allocation_list","id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2022:allocation_list")"),
            std::string::npos);
}

TEST(RunFailuresTest, StopOnErrorStopsAtTheFirstFailure) {
  const std::string dir = temp_dir("run-stop");
  const auto r = run_bidrag(
      {"run", pipeline_with_missing_page(dir), "--db", dir + "/b.db", "--out", dir + "/o.jsonl", "--stop-on-error"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "mixed: 1 document, 0 changed, 0 unchanged, 1 failed (stopped at the first failure)\n");
  const std::string out = read_file(dir + "/o.jsonl");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  EXPECT_TRUE(records_valid(out));
}

}  // namespace
}  // namespace bidrag::test
