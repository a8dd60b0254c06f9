// Two `bidrag run` processes at once on one PostgreSQL database (as the only store, starting
// from an empty schema, so the migrations race too): both succeed, each version stored once.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <stdexcept>

#include "pg_test_env.h"
#include "support/support.h"

namespace bidrag::test {
namespace {

std::string pg_scalar(const std::string& sql) {
  PGconn* c = PQconnectdb(pg_test_url().c_str());
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(c, sql.c_str());
  std::string v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  return v;
}

// Both commands started at the same moment by one shell; exit codes and stderr collected.
std::vector<std::pair<int, std::string>> run_together(const std::vector<std::vector<std::string>>& commands) {
  const char* binary = std::getenv("BIDRAG_BINARY");
  if (!binary) throw std::runtime_error("BIDRAG_BINARY is not set (run the tests through ctest)");
  const std::string dir = temp_dir("pg-run-together");
  std::string script = "cd '" + std::string(BIDRAG_SOURCE_DIR) + "' && ";
  for (std::size_t i = 0; i < commands.size(); ++i) {
    std::string cmd = "'" + std::string(binary) + "'";
    for (const auto& x : commands[i]) cmd += " '" + x + "'";
    const std::string tag = dir + "/" + std::to_string(i);
    script += "(" + cmd + " >/dev/null 2>" + tag + ".err; echo $? >" + tag + ".rc) & ";
  }
  script += "wait";
  EXPECT_EQ(std::system(script.c_str()), 0);
  std::vector<std::pair<int, std::string>> out;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    const std::string tag = dir + "/" + std::to_string(i);
    out.emplace_back(std::stoi("0" + read_file(tag + ".rc")), read_file(tag + ".err"));
  }
  return out;
}

TEST(PostgresConcurrent, TwoRunsAtOnceOnOneDatabase) {
  for (int round = 0; round < 2; ++round) {
    pg_scalar("DROP SCHEMA IF EXISTS bidrag CASCADE");
    const std::string dir = temp_dir("pg-concurrent-" + std::to_string(round));
    const auto results =
        run_together({{"run", "pipelines/demo.json", "--db", pg_test_url(), "--out", dir + "/a.jsonl"},
                      {"run", "pipelines/demo.json", "--db", pg_test_url(), "--out", dir + "/b.jsonl"}});
    for (const auto& [code, err] : results) {
      EXPECT_EQ(code, 0) << "round " << round << ": " << err;
      EXPECT_EQ(err, "");
    }
    EXPECT_EQ(pg_scalar("SELECT count(*) FROM bidrag.record_versions"), "89") << "round " << round;
    EXPECT_EQ(pg_scalar("SELECT count(*) FROM (SELECT DISTINCT record_id, source_url FROM bidrag.record_versions) d"), "89");
    EXPECT_EQ(pg_scalar("SELECT count(*) FROM bidrag.record_versions WHERE valid_to IS NOT NULL"), "0");
    EXPECT_EQ(pg_scalar("SELECT count(*) FROM bidrag.current_ceilings"), "54");
  }
}

}  // namespace
}  // namespace bidrag::test
