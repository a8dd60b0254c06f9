// Two `bidrag run` processes at once on one SQLite store: both succeed, and the store holds each
// record version exactly once (no duplicate, none lost).
#include <fstream>
#include <cstdlib>
#include <stdexcept>

#include <gtest/gtest.h>

#include "support/support.h"

namespace bidrag::test {
namespace {

struct Both {
  RunResult a, b;
};

// Starts both commands at the same moment (two child processes of one shell) and waits for both.
Both run_together(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const char* binary = std::getenv("BIDRAG_BINARY");
  if (!binary) throw std::runtime_error("BIDRAG_BINARY is not set (run the tests through ctest)");
  const std::string dir = temp_dir("run-together");
  auto line = [&](const std::vector<std::string>& args, const std::string& tag) {
    std::string cmd = "'" + std::string(binary) + "'";
    for (const auto& x : args) cmd += " '" + x + "'";
    return "(" + cmd + " >" + dir + "/" + tag + ".out 2>" + dir + "/" + tag + ".err; echo $? >" + dir + "/" + tag +
           ".rc) & ";
  };
  const std::string script = "cd '" + std::string(BIDRAG_SOURCE_DIR) + "' && " + line(a, "a") + line(b, "b") + "wait";
  EXPECT_EQ(std::system(script.c_str()), 0);
  Both r;
  for (auto [tag, res] : {std::pair<const char*, RunResult*>{"a", &r.a}, {"b", &r.b}}) {
    res->out = read_file(dir + "/" + tag + ".out");
    res->err = read_file(dir + "/" + tag + ".err");
    res->exit_code = std::stoi("0" + read_file(dir + "/" + tag + ".rc"));
  }
  return r;
}

TEST(RunConcurrent, SamePipelineTwiceAtOnceOnOneSqliteStore) {
  for (int round = 0; round < 3; ++round) {
    const std::string dir = temp_dir("run-concurrent-same-" + std::to_string(round));
    const std::string db = dir + "/bidrag.db";
    const auto r = run_together({"run", "pipelines/demo.json", "--db", db, "--out", dir + "/a.jsonl"},
                                {"run", "pipelines/demo.json", "--db", db, "--out", dir + "/b.jsonl"});
    EXPECT_EQ(r.a.exit_code, 0) << r.a.err;
    EXPECT_EQ(r.b.exit_code, 0) << r.b.err;
    EXPECT_EQ(r.a.err + r.b.err, "");
    EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(*) FROM record_versions"), 89) << "round " << round;
    EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(DISTINCT id || ' ' || url) FROM record_versions"), 89);
    EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(*) FROM versions WHERE valid_to IS NULL"), 89);
    EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(*) FROM runs"), 2);
    // Each run writes every current record once (fetch times differ between the two).
    EXPECT_EQ(count_of(read_file(dir + "/a.jsonl"), "\n"), 89u);
    EXPECT_EQ(count_of(read_file(dir + "/b.jsonl"), "\n"), 89u);
    EXPECT_EQ(count_of(read_file(dir + "/b.jsonl"), "\"type\":\"ceiling\""), 54u);
  }
}

TEST(RunConcurrent, TwoEditionsAtOnceOnOneSqliteStoreLoseNothing) {
  const std::string dir = temp_dir("run-concurrent-editions");
  const std::string db = dir + "/bidrag.db";
  const std::string site = std::string(BIDRAG_SOURCE_DIR) + "/fixtures/site/statsbidrag.socialstyrelsen.se/";
  for (const char* year : {"2022", "2023"}) {
    std::ofstream(dir + "/p" + year + ".json")
        << "{\"name\":\"edition-" << year
        << "\",\"sources\":[{\"url\":\"https://statsbidrag.socialstyrelsen.se/statsbidrag/"
           "sociala-insatser-i-utsatta-omraden-"
        << year << "/\",\"kind\":\"announcement\"}],\"follow\":[\"allocation_list\"],"
        << "\"fetch\":{\"per_host_delay_ms\":0,\"obey_robots\":false},"
        << "\"outputs\":{\"jsonl\":\"out.jsonl\",\"db\":\"bidrag.db\"},"
        << "\"mirror\":{\"https://statsbidrag.socialstyrelsen.se/\":\"" << site << "\"}}";
  }
  const auto r = run_together({"run", dir + "/p2022.json", "--db", db, "--out", dir + "/a.jsonl"},
                              {"run", dir + "/p2023.json", "--db", db, "--out", dir + "/b.jsonl"});
  EXPECT_EQ(r.a.exit_code, 0) << r.a.err;
  EXPECT_EQ(r.b.exit_code, 0) << r.b.err;
  const auto a = count_of(read_file(dir + "/a.jsonl"), "\n"), b = count_of(read_file(dir + "/b.jsonl"), "\n");
  EXPECT_EQ(a + b, 89u);
  EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(*) FROM record_versions"), 89);
  EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(DISTINCT url) FROM record_versions"), 4);
  EXPECT_EQ(sqlite_scalar(db, "SELECT COUNT(*) FROM versions WHERE valid_to IS NULL AND type = 'ceiling'"), 54);  // 26 + 28 municipalities
}

}  // namespace
}  // namespace bidrag::test
