// `bidrag run` on the bundled demo pipeline (the captured site through the mirror) and its
// usage and storage errors: exact records, summaries, exit codes and messages.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/support.h"

namespace bidrag::test {
namespace {

constexpr const char* k2023 = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";
constexpr const char* k2022 = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2022";

TEST(RunDemoTest, FollowsTheAnnouncementsToTheirListsAndIsIdempotent) {
  const std::string dir = temp_dir("run-demo");
  const std::string db = dir + "/bidrag.db", out = dir + "/records.jsonl";
  const auto first = run_bidrag({"run", "pipelines/demo.json", "--db", db, "--out", out});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "demo: 4 documents, 4 changed, 0 unchanged, 0 failed; 2 list pages read, 2 pages found, 0 not calls\n");
  EXPECT_EQ(first.err, "");  // quiet in a pipe
  const std::string jsonl = read_file(out);
  EXPECT_TRUE(records_valid(jsonl));
  EXPECT_EQ(count_of(jsonl, "\n"), 89u);
  EXPECT_EQ(count_of(jsonl, R"({"type":"call","id":")" + std::string(k2023) + "\""), 1u);
  EXPECT_EQ(count_of(jsonl, R"({"type":"call","id":")" + std::string(k2022) + "\""), 1u);
  // The lists were reached through the announcements' links and tied to their calls.
  EXPECT_EQ(count_of(jsonl, R"("type":"ceiling","id":")" + std::string(k2023) + ":ceiling:"), 28u);
  EXPECT_EQ(count_of(jsonl, R"("type":"ceiling","id":")" + std::string(k2022) + ":ceiling:"), 26u);
  EXPECT_EQ(count_of(jsonl, R"("type":"ceiling","id":")" + std::string(k2023) + R"(:ceiling:0181","call_id":")" +
                                k2023 + "\""),
            1u);
  EXPECT_EQ(count_of(jsonl, R"("rows":28,"total_stated":{"value":243500000,"currency":"SEK"})"), 1u);
  EXPECT_EQ(count_of(jsonl,
                     R"("url":"https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/)"
                     R"(statsbidrag-fordelningslista-sociala-insatser-2023.pdf")"),
            31u);  // the link in the announcement, and the list's 30 records (28 ceilings, its
                   // allocation_list, its requisition deadline) citing the https URL

  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM record_versions"), 89);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM snapshots"), 6);  // and the two list pages

  // Again: nothing changed, nothing extracted, the same output.
  const auto second = run_bidrag({"run", "pipelines/demo.json", "--db", db, "--out", out});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "demo: 4 documents, 0 changed, 4 unchanged, 0 failed; 2 list pages read, 2 pages found, 0 not calls\n");
  EXPECT_EQ(read_file(out), jsonl);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM record_versions"), 89);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM snapshots"), 6);  // and the two list pages
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM runs WHERE ended_at IS NOT NULL AND documents = 4"), 2);
}

// One pipeline per edition, as written by a user: a single mirror to the captured site.
void write_pipeline(const std::string& path, const std::string& name, int year, const std::string& jsonl) {
  std::ofstream(path) << R"({"name": ")" << name
                      << R"(", "sources": ["https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-)"
                      << year << R"(/"], "fetch": {"obey_robots": false}, "outputs": {"jsonl": ")" << jsonl
                      << R"("}, "mirror": {"https://statsbidrag.socialstyrelsen.se/": ")"
                      << fixture("site/statsbidrag.socialstyrelsen.se") << R"(/"}})";
}

TEST(RunDemoTest, SeveralPipelinesShareTheStoreAndKeepTheirOwnOutputs) {
  const std::string dir = temp_dir("run-several");
  const std::string db = dir + "/bidrag.db";
  write_pipeline(dir + "/a.json", "edition-2023", 2023, dir + "/a.jsonl");
  write_pipeline(dir + "/b.json", "edition-2022", 2022, dir + "/b.jsonl");
  const auto r = run_bidrag({"run", dir + "/a.json", dir + "/b.json", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "edition-2023: 2 documents, 2 changed, 0 unchanged, 0 failed\n"
            "edition-2022: 2 documents, 2 changed, 0 unchanged, 0 failed\n");
  const std::string a = read_file(dir + "/a.jsonl"), b = read_file(dir + "/b.jsonl");
  EXPECT_TRUE(records_valid(a));
  EXPECT_TRUE(records_valid(b));
  EXPECT_EQ(count_of(a, R"({"type":"call","id":")" + std::string(k2023) + "\""), 1u);
  EXPECT_EQ(count_of(a, k2022), 0u);
  EXPECT_EQ(count_of(b, R"({"type":"call","id":")" + std::string(k2022) + "\""), 1u);
  EXPECT_EQ(count_of(b, k2023), 0u);
  EXPECT_EQ(count_of(a, "\n") + count_of(b, "\n"), 89u);  // as the demo, which runs both editions at once
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM record_versions"), 89);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM runs WHERE ended_at IS NOT NULL AND documents = 2"), 2);

  // --out gathers both pipelines' records into one file, in pipeline order; nothing re-extracted.
  const auto again = run_bidrag({"run", dir + "/a.json", dir + "/b.json", "--db", db, "--out", dir + "/all.jsonl"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out,
            "edition-2023: 2 documents, 0 changed, 2 unchanged, 0 failed\n"
            "edition-2022: 2 documents, 0 changed, 2 unchanged, 0 failed\n");
  EXPECT_EQ(read_file(dir + "/all.jsonl"), a + b);

  // Every pipeline is checked before anything is fetched or opened.
  std::ofstream(dir + "/bad.json") << R"({"name": "bad", "sources": ["https://a.se/"], "retries": 2})";
  const std::string other = dir + "/other.db";
  const auto bad = run_bidrag({"run", dir + "/a.json", dir + "/bad.json", "--db", other});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_FALSE(std::filesystem::exists(other));
}

TEST(RunDemoTest, BadPipelineIsExit2NamingFileAndKey) {
  const std::string dir = temp_dir("run-bad");
  std::ofstream(dir + "/x.json") << R"({"name": "x", "sources": ["https://a.se/", "ftp://x"]})";
  const auto r = run_bidrag({"run", dir + "/x.json", "--db", dir + "/b.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "bidrag: error: " + dir + R"(/x.json: sources[1]: expected an http, https or file URL, got "ftp://x")" + "\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/b.db"));  // checked before anything is opened
}

TEST(RunDemoTest, UnopenableStoreIsExit3NamingThePath) {
  const std::string dir = temp_dir("run-nodb");
  const auto r = run_bidrag({"run", "pipelines/demo.json", "--db", dir + "/missing/bidrag.db", "--out", dir + "/o.jsonl"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "bidrag: error: " + dir + "/missing/bidrag.db: cannot open the store: unable to open database file\n");
}

TEST(RunDemoTest, UnknownSinkIsExit2) {
  const auto r = run_bidrag({"run", "pipelines/demo.json", "--db", "mongodb://h/db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bidrag: error: sink \"mongodb://h/db\": expected a file path or sqlite:PATH (SQLite), postgresql://… or "
            "postgres://… (PostgreSQL), or null\n");
}

}  // namespace
}  // namespace bidrag::test
