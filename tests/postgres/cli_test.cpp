// `bidrag run … --sink postgresql://…` end to end: the demo pipeline loads into a real server,
// a re-run changes no row, and a wrong password exits 3 without printing it.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <filesystem>

#include "pg_test_env.h"
#include "support/support.h"

namespace bidrag::test {
namespace {

std::string scalar(const std::string& sql) {
  PGconn* c = PQconnectdb(pg_test_url().c_str());
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(c, sql.c_str());
  std::string v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  return v;
}

TEST(PostgresCliTest, TheDemoPipelineLoadsIdempotently) {
  const auto dir = temp_dir("pg-cli");
  const std::vector<std::string> args{"run", "pipelines/demo.json", "--db", dir + "/bidrag.db", "--out",
                                      dir + "/records.jsonl", "--sink", pg_test_url()};
  scalar("DROP SCHEMA IF EXISTS bidrag CASCADE");
  const auto first = run_bidrag(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(scalar("SELECT count(*) FROM bidrag.current_ceilings WHERE call_id LIKE '%:2023'"), "28");
  EXPECT_EQ(scalar("SELECT count(*) FROM bidrag.current_ceilings WHERE call_id LIKE '%:2022'"), "26");
  EXPECT_EQ(scalar("SELECT amount FROM bidrag.current_ceilings WHERE code = '0127' AND call_id LIKE '%:2023'"), "17603816.00");
  EXPECT_EQ(scalar("SELECT total_stated FROM bidrag.current_allocation_lists WHERE call_id LIKE '%:2023'"), "243500000.00");
  EXPECT_EQ(scalar("SELECT application_close FROM bidrag.current_calls WHERE year = 2023"), "2023-05-12");
  const std::string versions = scalar("SELECT count(*) FROM bidrag.record_versions");

  // A fresh SQLite store forces re-extraction, so the PostgreSQL load really runs again.
  std::filesystem::remove(dir + "/bidrag.db");
  const auto second = run_bidrag(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(scalar("SELECT count(*) FROM bidrag.record_versions"), versions);
  EXPECT_EQ(scalar("SELECT count(*) FROM bidrag.record_versions WHERE valid_to IS NOT NULL"), "0");
}

TEST(PostgresCliTest, AsTheOnlyStoreItRemembersWhatWasSeenAndReRunsDoNoWork) {
  const auto dir = temp_dir("pg-cli-only");
  const std::vector<std::string> args{"run", "pipelines/demo.json", "--db", pg_test_url(), "--out", dir + "/records.jsonl"};
  scalar("DROP SCHEMA IF EXISTS bidrag CASCADE");
  const auto first = run_bidrag(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "demo: 4 documents, 4 changed, 0 unchanged, 0 failed; 2 list pages read, 2 pages found, 0 not calls\n");
  const std::string jsonl = read_file(dir + "/records.jsonl");
  EXPECT_TRUE(records_valid(jsonl));
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 89);
  EXPECT_EQ(scalar("SELECT count(*) FROM bidrag.sources"), "6");  // 4 documents and the 2 list pages

  const auto second = run_bidrag(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "demo: 4 documents, 0 changed, 4 unchanged, 0 failed; 2 list pages read, 2 pages found, 0 not calls\n");
  EXPECT_EQ(read_file(dir + "/records.jsonl"), jsonl);
  EXPECT_EQ(scalar("SELECT count(*) FROM bidrag.record_versions"), "89");
}

TEST(PostgresCliTest, AWrongPasswordExits3WithoutShowingIt) {
  const auto dir = temp_dir("pg-cli-pw");
  const auto r = run_bidrag({"run", "pipelines/demo.json", "--db", dir + "/bidrag.db", "--out", dir + "/records.jsonl",
                             "--sink", pg_url_with_password("s3cret-wrong")});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.err.find("s3cret-wrong"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("s3cret-wrong"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("password authentication failed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(":***@127.0.0.1:"), std::string::npos) << r.err;
}

TEST(PostgresCliTest, ExtractLoadsAnAllocationListAndAWrongPasswordExits3) {
  scalar("DROP SCHEMA IF EXISTS bidrag CASCADE");
  const auto r = run_bidrag({"extract", "--sink", pg_test_url(), "fixtures/corpus/sociala-insatser-2023/fordelningslista.pdf"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(scalar("SELECT count(*) FROM bidrag.current_ceilings"), "28");
  EXPECT_EQ(scalar("SELECT sum(amount) FROM bidrag.current_ceilings"), "243500000.00");
  EXPECT_EQ(scalar("SELECT amount FROM bidrag.current_ceilings WHERE code = '0180'"), "24870722.00");
  EXPECT_EQ(scalar("SELECT sum_check FROM bidrag.current_allocation_lists"), "ok");

  const auto bad = run_bidrag({"extract", "--sink", pg_url_with_password("extract-wrong-pw"),
                               "fixtures/corpus/sociala-insatser-2023/fordelningslista.pdf"});
  EXPECT_EQ(bad.exit_code, 3) << bad.err;
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err.find("extract-wrong-pw"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("password authentication failed"), std::string::npos) << bad.err;
}


// `bidrag diff --series` reads the editions from PostgreSQL as from SQLite: the same golden.
TEST(PostgresCliTest, DiffOfASeriesReadsTheEditionsFromPostgres) {
  const auto dir = temp_dir("pg-cli-series");
  scalar("DROP SCHEMA IF EXISTS bidrag CASCADE");
  const auto run = run_bidrag({"run", "pipelines/demo.json", "--db", pg_test_url(), "--out", dir + "/records.jsonl"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(scalar("SELECT previous_call_id FROM bidrag.editions WHERE year = 2023"),
            "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2022");
  const std::string series = "socialstyrelsen:sociala-insatser-i-utsatta-omraden";
  const auto r = run_bidrag({"diff", "--db", pg_test_url(), "--series", series, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, read_fixture("diff/series-2022-2023.golden.json"));
  const auto list = run_bidrag({"diff", "--db", pg_test_url(), "--list"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, series + ": 2 editions\n"
                               "  2022  Sociala insatser i utsatta områden 2022  (first)\n"
                               "  2023  Sociala insatser i utsatta områden 2023  (previous: 2022)\n");
  const auto unknown = run_bidrag({"diff", "--db", pg_test_url(), "--series", "x:y"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("diff: no series \"x:y\" in postgresql://"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace bidrag::test
