// A document cannot take `bidrag run` down: with the test-only hooks one announcement of the
// demo pipeline crashes or hangs its extraction worker; it becomes an error record and the other
// documents are all stored.
#include <cstdlib>

#include <gtest/gtest.h>

#include "support/support.h"

namespace bidrag::test {
namespace {

using test::PrintTo;  // cases print their name, not their bytes

// Only the 2022 announcement holds this text.
constexpr const char* kMarker = "<title>Sociala insatser i utsatta omr\xc3\xa5""den 2022";
constexpr const char* kUrl2022 = "https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2022/";

struct HookCase {
  const char* name;
  const char* variable;
  std::vector<std::string> extra_args;
  const char* message;
};

class RunIsolation : public ::testing::TestWithParam<HookCase> {};

TEST_P(RunIsolation, TheOtherDocumentsAreStored) {
  const HookCase& c = GetParam();
  const std::string dir = temp_dir(std::string("run-isolation-") + c.name);
  const std::string db = dir + "/bidrag.db", out = dir + "/records.jsonl";
  ::setenv(c.variable, kMarker, 1);
  std::vector<std::string> args{"run", "pipelines/demo.json", "--db", db, "--out", out};
  args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
  const auto r = run_bidrag(args);
  ::unsetenv(c.variable);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // The 2022 announcement fails, so its allocation list is never reached: 3 documents.
  EXPECT_EQ(r.out, "demo: 3 documents, 2 changed, 0 unchanged, 1 failed; 2 list pages read, 2 pages found, 0 not calls\n");
  const std::string records = read_file(out);
  EXPECT_EQ(count_of(records, "\n"), 46u);  // the 2023 announcement (15) and its list (30), one error
  EXPECT_EQ(count_of(records, "\"type\":\"error\""), 1u);
  EXPECT_NE(records.find(std::string("\"message\":\"") + kUrl2022 + ": " + c.message + "\""), std::string::npos)
      << records.substr(records.find("\"type\":\"error\""), 500);
  EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(*) FROM versions WHERE valid_to IS NULL AND type = 'ceiling'"), 28);
  EXPECT_TRUE(records_valid(records));
}

INSTANTIATE_TEST_SUITE_P(
    Hooks, RunIsolation,
    ::testing::Values(HookCase{"crash", "BIDRAG_TEST_CRASH_MARKER", {}, "extraction crashed (signal 6, Aborted)"},
                      HookCase{"hang", "BIDRAG_TEST_HANG_MARKER", {"--budget", "1"},
                               "extraction took longer than the time budget of 1000 ms; stopped"}),
    [](const ::testing::TestParamInfo<HookCase>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace bidrag::test
