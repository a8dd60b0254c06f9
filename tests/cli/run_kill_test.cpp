// kill -9 in the middle of `bidrag run`, then run again: the store is consistent, and holds
// exactly the versions of an uninterrupted run, none lost, none duplicated.
#include <gtest/gtest.h>

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/support.h"

namespace bidrag::test {
namespace {

namespace fs = std::filesystem;

std::string text_of(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  sqlite3_open(db.c_str(), &raw);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(raw, sql.c_str(), -1, &st, nullptr);
  std::string v = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return v;
}

// N copies of the 2023 announcement as file:// sources; each links (https, mirrored) to the list.
std::string make_pipeline(const std::string& dir, int n) {
  const std::string page = read_fixture("corpus/sociala-insatser-2023/announcement-open.html");
  std::string sources;
  for (int i = 0; i < n; ++i) {
    const std::string path = dir + "/pages/page-" + std::to_string(i) + ".html";
    fs::create_directories(dir + "/pages");
    std::ofstream(path, std::ios::binary) << page;
    sources += std::string(i ? ",\n" : "") + "\"file://" + path + "\"";
  }
  const std::string file = dir + "/big.json";
  std::ofstream(file) << "{\"name\": \"big\", \"sources\": [" << sources << "],\n"
                      << "\"fetch\": {\"per_host_delay_ms\": 0, \"obey_robots\": false},\n"
                      << "\"mirror\": {\"https://statsbidrag.socialstyrelsen.se/\": \""
                      << fixture("site/statsbidrag.socialstyrelsen.se") << "\"}}\n";
  return file;
}

pid_t spawn_run(const std::vector<std::string>& args) {
  const char* bin = std::getenv("BIDRAG_BINARY");
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(BIDRAG_SOURCE_DIR) != 0) _exit(127);
    if (!freopen("/dev/null", "wb", stdout) || !freopen("/dev/null", "wb", stderr)) _exit(127);
    std::vector<char*> argv{const_cast<char*>(bin)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin, argv.data());
    _exit(127);
  }
  return pid;
}

constexpr int kPages = 150;
constexpr long long kPerPage = 15;  // call, 3 deadlines, 3 contacts, 8 documents
constexpr long long kList = 30;     // 28 ceilings, the allocation_list, its requisition deadline
constexpr long long kTotal = kPages * kPerPage + kList;

TEST(RunKillTest, KilledRunIsCompletedByTheNextWithExactCounts) {
  ASSERT_NE(std::getenv("BIDRAG_BINARY"), nullptr);
  const std::string dir = temp_dir("run-kill");
  const std::string pipeline = make_pipeline(dir, kPages);
  const std::string db = dir + "/bidrag.db", out = dir + "/records.jsonl";

  const pid_t pid = spawn_run({"run", pipeline, "--db", db, "--out", out});
  // Kill once some documents, but not all, are stored.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  long long stored = 0;
  while (std::chrono::steady_clock::now() < give_up) {
    stored = sqlite_scalar(db, "SELECT count(*) FROM record_versions");
    if (stored >= 10 * kPerPage) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";
  const long long at_kill = sqlite_scalar(db, "SELECT count(*) FROM record_versions");
  EXPECT_GT(at_kill, 0);
  EXPECT_LT(at_kill, kTotal);
  EXPECT_EQ(at_kill % kPerPage, 0) << "a document was stored in part: " << at_kill;
  EXPECT_FALSE(fs::exists(out));  // the output is written whole or not at all

  const auto again = run_bidrag({"run", pipeline, "--db", db, "--out", out});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(text_of(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM record_versions"), kTotal);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM record_versions WHERE valid_to IS NULL"), kTotal);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM (SELECT url, id FROM record_versions GROUP BY url, id HAVING count(*) > 1)"), 0);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM sources"), kPages + 1);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM runs WHERE ended_at IS NULL"), 1);  // the killed one
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string jsonl = ss.str();
  EXPECT_EQ(static_cast<long long>(std::count(jsonl.begin(), jsonl.end(), '\n')), kTotal);
  EXPECT_TRUE(records_valid(jsonl));

  // A third run finds nothing to do.
  const auto third = run_bidrag({"run", pipeline, "--db", db, "--out", out});
  EXPECT_EQ(third.out, "big: 151 documents, 0 changed, 151 unchanged, 0 failed\n");
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM record_versions"), kTotal);
}

}  // namespace
}  // namespace bidrag::test
