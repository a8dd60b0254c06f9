// Options never swallow inputs: every subcommand gives the same result whether its inputs come
// before, between or after its options, and a repeatable option (--sink) takes one value per use.
#include <gtest/gtest.h>

#include "support/support.h"

namespace bidrag::test {
namespace {

using test::PrintTo;  // cases print their name, not their bytes

const std::string kNews = "fixtures/announce/news.html";
const std::string kOther = "fixtures/announce/other-agency.html";

struct OrderCase {
  const char* name;
  std::vector<std::string> args;  // with DB1 / DB2 standing for two fresh SQLite files
};

class ExtractOptionOrder : public ::testing::TestWithParam<OrderCase> {};

// The expected output: each input extracted on its own, concatenated in input order.
std::string each_alone() {
  const auto a = run_bidrag({"extract", kNews});
  const auto b = run_bidrag({"extract", kOther});
  return a.out + b.out;
}

TEST_P(ExtractOptionOrder, BothInputsExtractedAndBothSinksFilled) {
  const std::string dir = temp_dir(std::string("option-order-") + GetParam().name);
  const std::string db1 = dir + "/one.db", db2 = dir + "/two.db";
  std::vector<std::string> args;
  for (const auto& a : GetParam().args) args.push_back(a == "DB1" ? "sqlite:" + db1 : a == "DB2" ? "sqlite:" + db2 : a);
  const auto r = run_bidrag(args);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // news.html is not a call: one error record, exit 1
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, each_alone());
  EXPECT_EQ(count_of(r.out, "\n"), 11u);  // other-agency: 10 records, news: 1 error record
  EXPECT_EQ(sqlite_scalar(db1, "SELECT COUNT(DISTINCT url) FROM record_versions"), 2);
  const bool two_sinks = std::find(GetParam().args.begin(), GetParam().args.end(), "DB2") != GetParam().args.end();
  EXPECT_EQ(sqlite_scalar(db2, "SELECT COUNT(DISTINCT url) FROM record_versions"), two_sinks ? 2 : -1);
}

INSTANTIATE_TEST_SUITE_P(
    Cli, ExtractOptionOrder,
    ::testing::Values(OrderCase{"sink_before_inputs", {"extract", "--sink", "DB1", kNews, kOther}},
                      OrderCase{"sink_between_inputs", {"extract", kNews, "--sink", "DB1", kOther}},
                      OrderCase{"sink_after_inputs", {"extract", kNews, kOther, "--sink", "DB1"}},
                      OrderCase{"two_sinks_around_inputs", {"extract", "--sink", "DB1", kNews, "--sink", "DB2", kOther}},
                      OrderCase{"two_sinks_after", {"extract", kNews, kOther, "--sink", "DB1", "--sink", "DB2"}}),
    [](const ::testing::TestParamInfo<OrderCase>& p) { return std::string(p.param.name); });

TEST(RunOptionOrder, PipelineBeforeOrAfterSinkDbAndOut) {
  for (int order = 0; order < 3; ++order) {
    const std::string dir = temp_dir("run-option-order-" + std::to_string(order));
    const std::string db = dir + "/bidrag.db", extra = dir + "/extra.db", out = dir + "/records.jsonl";
    std::vector<std::string> args;
    if (order == 0) args = {"run", "pipelines/demo.json", "--db", db, "--sink", "sqlite:" + extra, "--out", out};
    if (order == 1) args = {"run", "--sink", "sqlite:" + extra, "pipelines/demo.json", "--db", db, "--out", out};
    if (order == 2) args = {"run", "--db", db, "--out", out, "--sink", "sqlite:" + extra, "pipelines/demo.json"};
    const auto r = run_bidrag(args);
    EXPECT_EQ(r.exit_code, 0) << "order " << order << ": " << r.err;
    EXPECT_EQ(r.out, "demo: 4 documents, 4 changed, 0 unchanged, 0 failed; 2 list pages read, 2 pages found, 0 not calls\n") << "order " << order;
    EXPECT_EQ(count_of(read_file(out), "\n"), 89u) << "order " << order;
    EXPECT_EQ(sqlite_scalar(extra, "SELECT COUNT(DISTINCT url) FROM record_versions"), 4) << "order " << order;
  }
}

TEST(DiffOptionOrder, FormatBeforeBetweenOrAfterInputs) {
  const std::string open = "fixtures/diff/announcement-open.jsonl", closed = "fixtures/diff/announcement-closed.jsonl";
  const std::string golden = read_fixture("diff/announcement-open-closed.golden.json");
  for (const auto& args : std::vector<std::vector<std::string>>{{"diff", "--format", "json", open, closed},
                                                                {"diff", open, "--format", "json", closed},
                                                                {"diff", open, closed, "--format", "json"}}) {
    const auto r = run_bidrag(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, golden) << args[1] << " " << args[2];
  }
}

TEST(TablesOptionOrder, FormatAndPagesBeforeOrAfterTheFile) {
  const std::string pdf = "fixtures/tables/latex-tables.pdf";
  const auto before = run_bidrag({"tables", "--pages", "3", "--format", "json", pdf});
  const auto after = run_bidrag({"tables", pdf, "--pages", "3", "--format", "json"});
  const auto mixed = run_bidrag({"tables", "--format", "json", pdf, "--pages", "3"});
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.out.find("[\"Sum\",\"240\",\"252\",\"257\",\"300\",\"1 049\"]"), std::string::npos) << before.out;
  EXPECT_EQ(after.out, before.out);
  EXPECT_EQ(mixed.out, before.out);
}

TEST(NormalizeOptionOrder, UnitBeforeOrAfterTheTexts) {
  const auto before = run_bidrag({"normalize", "amount", "--unit", "tkr", "2 500", "12"});
  const auto after = run_bidrag({"normalize", "amount", "2 500", "12", "--unit", "tkr"});
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(before.out,
            "{\"input\":\"2 500\",\"value\":2500000,\"currency\":\"SEK\",\"text\":\"2 500\"}\n"
            "{\"input\":\"12\",\"value\":12000,\"currency\":\"SEK\",\"text\":\"12\"}\n");
  EXPECT_EQ(after.out, before.out);
}

}  // namespace
}  // namespace bidrag::test
