// extract_isolated: records come back from the worker exactly as extracted in process; a crash,
// a hang, an exception or running out of memory in the worker is one error record.
#include "bidrag/pipeline/isolate.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>

#include "bidrag/common/file.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/extract/extract.h"
#include "support/support.h"

namespace bidrag::pipeline {
namespace {

Snapshot snapshot_of(const std::string& fixture, const std::string& url) {
  return make_snapshot(url, test::read_fixture(fixture), "");
}

std::vector<std::string> lines(const std::vector<record::Record>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(record::to_json(r));
  return out;
}

const ExtractFn kExtract = [](const Snapshot& s, const extract::Context& c) { return extract::extract(s, c); };

struct Doc {
  const char* name;
  const char* fixture;
  std::size_t records;
};
using test::PrintTo;  // cases print their name, not their bytes

class IsolatedExtract : public ::testing::TestWithParam<Doc> {};

// Every field of every record type survives the pipe (a field added to a record and not to the
// serialisation fails here).
TEST_P(IsolatedExtract, SameRecordsAsInProcess) {
  const Snapshot s = snapshot_of(GetParam().fixture, "https://www.exempel.se/a");
  const auto direct = extract::extract(s, {});
  ASSERT_EQ(direct.size(), GetParam().records);
  EXPECT_EQ(lines(deserialise(serialise(direct))), lines(direct));
  EXPECT_EQ(lines(extract_isolated(kExtract, s, {}, Isolation{})), lines(direct));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, IsolatedExtract,
    ::testing::Values(Doc{"announcement_html", "corpus/sociala-insatser-2023/announcement-open.html", 15},
                      Doc{"allocation_list_pdf", "corpus/sociala-insatser-2023/fordelningslista.pdf", 30},
                      Doc{"not_a_call", "announce/news.html", 1},
                      // RECORDS.md v2: regions from a workbook (sheet locators), parts, organisations
                      // with a list that names no call.
                      Doc{"region_workbook", "corpus/allocation-lists-2025/fohm-regioner-hiv-sti-2025.xlsx", 25},
                      Doc{"parts_workbook", "corpus/allocation-lists-2025/boverket-ramar-2025.xlsx", 43},
                      Doc{"organisations_pdf", "corpus/allocation-lists-2025/jamy-organisationsbidrag-2025.pdf", 36}),
    [](const ::testing::TestParamInfo<Doc>& p) { return std::string(p.param.name); });

std::string only_error(const std::vector<record::Record>& records) {
  if (records.size() != 1 || !std::holds_alternative<record::ErrorRecord>(records[0])) return "not one error record";
  const auto& e = std::get<record::ErrorRecord>(records[0]);
  EXPECT_EQ(e.stage, record::ErrorStage::extract);
  EXPECT_EQ(e.url, "https://www.exempel.se/a");
  return e.message;
}

TEST(IsolatedExtractFailures, CrashHookBecomesAnErrorRecord) {
  ::setenv("BIDRAG_TEST_CRASH_MARKER", "CRASH-HERE", 1);
  const Snapshot s = make_snapshot("https://www.exempel.se/a", "<html><body><p>CRASH-HERE</p></body></html>", "");
  EXPECT_EQ(only_error(extract_isolated(kExtract, s, {}, Isolation{})),
            "https://www.exempel.se/a: extraction crashed (signal 6, Aborted)");
  ::unsetenv("BIDRAG_TEST_CRASH_MARKER");
}

TEST(IsolatedExtractFailures, SegfaultBecomesAnErrorRecord) {
  const ExtractFn crash = [](const Snapshot&, const extract::Context&) -> std::vector<record::Record> {
    std::raise(SIGSEGV);
    return {};
  };
  const Snapshot s = make_snapshot("https://www.exempel.se/a", "x", "text/plain");
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer takes the signal in the worker, reports it and exits with status 1.
  EXPECT_EQ(only_error(extract_isolated(crash, s, {}, Isolation{})).rfind(
                "https://www.exempel.se/a: extraction worker failed (exit status 1", 0),
            0u);
#else
  EXPECT_EQ(only_error(extract_isolated(crash, s, {}, Isolation{})),
            "https://www.exempel.se/a: extraction crashed (signal 11, Segmentation fault)");
#endif
}

TEST(IsolatedExtractFailures, HangIsStoppedAtTheBudget) {
  ::setenv("BIDRAG_TEST_HANG_MARKER", "HANG-HERE", 1);
  const Snapshot s = make_snapshot("https://www.exempel.se/a", "HANG-HERE", "text/plain");
  Isolation iso;
  iso.budget = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(only_error(extract_isolated(kExtract, s, {}, iso)),
            "https://www.exempel.se/a: extraction took longer than the time budget of 300 ms; stopped");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ::unsetenv("BIDRAG_TEST_HANG_MARKER");
}

TEST(IsolatedExtractFailures, MemoryCeilingBecomesAnErrorRecord) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "no RLIMIT_AS under AddressSanitizer";
#endif
  const ExtractFn hog = [](const Snapshot&, const extract::Context&) -> std::vector<record::Record> {
    std::vector<std::string> hold;
    for (int i = 0; i < 64; ++i) hold.emplace_back(std::size_t{64} << 20, 'x');  // 4 GiB
    return {};
  };
  const Snapshot s = make_snapshot("https://www.exempel.se/a", "x", "text/plain");
  Isolation iso;
  iso.memory_bytes = std::size_t{512} << 20;
  EXPECT_EQ(only_error(extract_isolated(hog, s, {}, iso)), "https://www.exempel.se/a: std::bad_alloc");
}

TEST(IsolatedExtractFailures, ExceptionBecomesAnErrorRecord) {
  const ExtractFn bad = [](const Snapshot&, const extract::Context&) -> std::vector<record::Record> {
    throw std::runtime_error("table of 3 columns expected");
  };
  const Snapshot s = make_snapshot("https://www.exempel.se/a", "x", "text/plain");
  EXPECT_EQ(only_error(extract_isolated(bad, s, {}, Isolation{})),
            "https://www.exempel.se/a: table of 3 columns expected");
}

}  // namespace
}  // namespace bidrag::pipeline
