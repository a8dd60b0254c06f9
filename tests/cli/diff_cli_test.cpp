// Golden tests of `bidrag diff` through the real binary: formats, exit codes, input errors,
// the store path, and extract → diff on the two seed captures.
#include <gtest/gtest.h>

#include <fstream>

#include "bidrag/record/ids.h"
#include "bidrag/record/record.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::test {
namespace {

const std::string kOpen = "fixtures/diff/announcement-open.jsonl";
const std::string kClosed = "fixtures/diff/announcement-closed.jsonl";
const std::string k2022 = "fixtures/diff/edition-2022.jsonl";
const std::string k2023 = "fixtures/diff/edition-2023.jsonl";

std::string write_temp(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = temp_dir(dir) + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(DiffCli, GoldenOutputs) {
  const struct {
    std::vector<std::string> args;
    const char* golden;
  } cases[] = {
      {{"diff", "--format", "json", kOpen, kClosed}, "diff/announcement-open-closed.golden.json"},
      {{"diff", kOpen, kClosed}, "diff/announcement-open-closed.golden.txt"},
      {{"diff", "--format", "markdown", kOpen, kClosed}, "diff/announcement-open-closed.golden.md"},
      {{"diff", "--format", "json", k2022, k2023}, "diff/edition-2022-2023.golden.json"},
      {{"diff", "--format", "text", k2022, k2023}, "diff/edition-2022-2023.golden.txt"},
  };
  for (const auto& c : cases) {
    const auto r = run_bidrag(c.args);
    EXPECT_EQ(r.exit_code, 0) << c.golden;
    EXPECT_EQ(r.err, "") << c.golden;
    EXPECT_EQ(r.out, read_fixture(c.golden)) << c.golden;
  }
}

TEST(DiffCli, ExitCodeLikeGitDiff) {
  const struct {
    std::vector<std::string> args;
    int exit_code;
    const char* out;
  } cases[] = {
      {{"diff", "--exit-code", "--format", "json", kOpen, kOpen}, 0, "[]\n"},
      {{"diff", "--exit-code", kOpen, kOpen}, 0, ""},
      {{"diff", "--exit-code", "--format", "markdown", k2023, k2023}, 0, ""},
      {{"diff", kOpen, kOpen}, 0, ""},
  };
  for (const auto& c : cases) {
    const auto r = run_bidrag(c.args);
    EXPECT_EQ(r.exit_code, c.exit_code);
    EXPECT_EQ(r.out, c.out);
    EXPECT_EQ(r.err, "");
  }
  const auto changed = run_bidrag({"diff", "--exit-code", "--format", "json", kOpen, kClosed});
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_EQ(changed.out, read_fixture("diff/announcement-open-closed.golden.json"));
}

TEST(DiffCli, BadInputsExitTwoNamingFileAndLine) {
  const std::string good = read_fixture("diff/announcement-open.jsonl");
  const std::string first_line = good.substr(0, good.find('\n') + 1);
  const std::string not_json = write_temp("diff-bad-json", "old.jsonl", first_line + "{\"type\":\"call\",\n");
  const std::string not_record =
      write_temp("diff-bad-record", "old.jsonl", first_line + "\n" + R"({"type":"ceiling","id":"x"})" + "\n");
  const struct {
    std::vector<std::string> args;
    std::string err;
  } cases[] = {
      {{"diff", not_json, kClosed},
       "bidrag: error: " + not_json + ":2: not JSON: Missing a name for object member. at column 16\n"},
      {{"diff", kOpen, not_record}, "bidrag: error: " + not_record + ":3: ceiling record: /call_id: required field is missing\n"},
      {{"diff", kOpen, "fixtures/diff/no-such-file.jsonl"}, ""},  // message from read_file, checked below
      {{"diff", kOpen}, "bidrag: error: diff: give OLD and NEW files, --series SERIES, or --db with --call, --from and --to\n"},
      {{"diff", "--db", "x.db", "--from", "2022", "--to", "2023"},
       "bidrag: error: diff: --db needs --call, --from and --to\n"},
      {{"diff", "--db", "fixtures/diff/no-such.db", "--call", "a:b", "--from", "2022", "--to", "2023"},
       "bidrag: error: diff: no store at fixtures/diff/no-such.db\n"},
      {{"diff", "--call", "a:b", kOpen, kClosed}, "bidrag: error: diff: --call, --from and --to need --db\n"},
  };
  for (const auto& c : cases) {
    const auto r = run_bidrag(c.args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.out, "");
    if (!c.err.empty()) {
      EXPECT_EQ(r.err, c.err);
    } else {
      EXPECT_NE(r.err.find("fixtures/diff/no-such-file.jsonl"), std::string::npos) << r.err;
    }
  }
  const auto bad_format = run_bidrag({"diff", "--format", "html", kOpen, kClosed});
  EXPECT_EQ(bad_format.exit_code, 2);
}

TEST(DiffCli, StoreYears) {
  const std::string db_path = temp_dir("diff-cli-store") + "/bidrag.db";
  {
    store::SqliteStore db(db_path);
    for (int year : {2022, 2023}) {
      const auto snap = make_snapshot("https://example.org/" + std::to_string(year) + ".pdf", std::to_string(year),
                                      "application/pdf", std::to_string(year) + "-01-20T08:00:00Z");
      record::Ceiling c;
      c.call_id = record::call_id("Socialstyrelsen", "Bidrag till kommuner", year);
      c.id = record::ceiling_id(c.call_id, "0180");
      c.municipality.name = "Stockholm";
      c.municipality.name_as_printed = "Stockholm";
      c.municipality.code = "0180";
      c.amount = record::Amount::kronor(year == 2022 ? 1'000'000 : 1'050'000);
      c.source.url = snap.url;
      c.source.sha256 = snap.sha256;
      ASSERT_TRUE(record_valid(record::to_json(c)));
      db.put(snap, {c});
    }
  }
  const auto r = run_bidrag({"diff", "--format", "json", "--db", db_path, "--call",
                             "socialstyrelsen:bidrag-till-kommuner", "--from", "2022", "--to", "2023"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "[\n"
            R"({"series":"socialstyrelsen:bidrag-till-kommuner","path":"ceiling[0180].amount","kind":"changed","label":"Stockholm","old":1000000,"new":1050000,"delta":50000,"percent":5.00})"
            "\n]\n");
}

}  // namespace
}  // namespace bidrag::test

namespace bidrag::test {
namespace {

// Seed 001 (the open page, PDF print as text) against seed 000 (after closing), extracted by
// `bidrag extract` and compared by `bidrag diff`: the issue's acceptance, then the exact golden.
TEST(DiffCli, ExtractedSeedsOpenAgainstClosed) {
  const std::string dir = temp_dir("diff-seeds");
  std::string paths[2];
  const char* seeds[2] = {"fixtures/seeds/001_99e31430945983a0.txt", "fixtures/seeds/000_d553f5c2ffd202c7.txt"};
  for (int i = 0; i < 2; ++i) {
    const auto r = run_bidrag({"extract", seeds[i]});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(records_valid(r.out));
    paths[i] = dir + "/" + std::to_string(i) + ".jsonl";
    std::ofstream(paths[i], std::ios::binary) << r.out;
  }
  const auto r = run_bidrag({"diff", "--format", "json", paths[0], paths[1]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string s = R"({"series":"socialstyrelsen:sociala-insatser-i-utsatta-omraden",)";
  for (const std::string& line : {
           s + R"("path":"call.status","kind":"changed","old":"open","new":"closed"})",
           s + R"("path":"call.days_left","kind":"removed","old":77,"new":null})",
           s + R"("path":"call.reporting.request_sent","kind":"added","old":null,"new":"2023-12-11"})",
           s + R"("path":"call.reporting.due","kind":"added","old":null,"new":"2024-02-15"})",
           s + R"("path":"call.reporting.signed_original_required","kind":"changed","old":true,"new":false})",
           s + R"("path":"contact[emilia-strom].email","kind":"removed","label":"Emilia Ström","old":"emilia.strom@socialstyrelsen.se","new":null})",
       })
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  for (const char* contact : {"contact[sspf-natverket]", "contact[sig-natverket]"})
    EXPECT_NE(r.out.find(std::string(R"("path":")") + contact + R"(","kind":"removed")"), std::string::npos) << contact;
  for (const char* unchanged : {"call.published", "call.application_close", "call.funds_usable_until",
                                "deadline[application_close]", "deadline[funds_usable_until]"})
    EXPECT_EQ(r.out.find(std::string(R"("path":")") + unchanged), std::string::npos) << unchanged;
  EXPECT_EQ(r.out, read_fixture("diff/seeds-001-000.golden.json"));
}

}  // namespace
}  // namespace bidrag::test
