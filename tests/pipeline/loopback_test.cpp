// bidrag's run loop end to end against a real HTTP server on loopback: the real fetcher, the
// real extractors and the SQLite store. Each scenario asserts the records, the store's
// versions and the exact error messages.
#include <gtest/gtest.h>

#include <chrono>

#include "bidrag/pipeline/run.h"
#include "bidrag/store/sqlite_store.h"
#include "support/http_server.h"
#include "support/support.h"

namespace bidrag::pipeline {
namespace {

using test::PrintTo;

using namespace std::chrono_literals;
using test::HttpReply;

constexpr const char* kCall = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";
constexpr const char* kListLink =
    "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/statsbidrag-fordelningslista-sociala-insatser-2023.pdf";

std::size_t count_of(const std::vector<std::string>& lines, const std::string& needle) {
  std::size_t n = 0;
  for (const auto& l : lines) n += l.find(needle) != std::string::npos;
  return n;
}

class LoopbackTest : public ::testing::Test {
 protected:
  test::HttpServer server;
  std::string db = test::temp_dir(std::string("loop-") + ::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                   "/bidrag.db";
  store::SqliteStore store{db};
  Pipeline pipeline;

  LoopbackTest() {
    pipeline.name = "loopback";
    pipeline.policy.per_host_delay_ms = 0;
    pipeline.policy.backoff_ms = 10;
    pipeline.policy.retries = 2;
    pipeline.policy.total_timeout_ms = 1500;
    pipeline.policy.connect_timeout_ms = 1000;
    pipeline.policy.max_body_bytes = 4u << 20;
    pipeline.policy.obey_robots = false;
  }

  // The 2023 announcement, its allocation-list link pointing at this server.
  std::string page() const {
    std::string html = test::read_fixture("corpus/sociala-insatser-2023/announcement-open.html");
    for (auto p = html.find(kListLink); p != std::string::npos; p = html.find(kListLink, p))
      html.replace(p, std::string_view(kListLink).size(), server.url("/list.pdf"));
    return html;
  }
  static std::string list() { return test::read_fixture("corpus/sociala-insatser-2023/fordelningslista.pdf"); }

  RunResult go(const std::vector<std::string>& paths) {
    pipeline.sources.clear();
    for (const auto& p : paths) pipeline.sources.push_back({server.url(p), "auto", std::nullopt});
    const auto fetcher = fetch::make_curl_fetcher(pipeline.policy);
    return run(pipeline, *fetcher, {&store}, &store);
  }
};

TEST_F(LoopbackTest, AnnouncementAndItsListAre304TheSecondTime) {
  server.serve("/page/", HttpReply::make(200, page()).with_header("ETag", "\"p1\""));
  server.on("/list.pdf", [](const test::HttpRequest& r) {
    if (r.header("If-None-Match") == "\"l1\"") return HttpReply::make(304, "", "application/pdf");
    return HttpReply::make(200, list(), "application/pdf").with_header("ETag", "\"l1\"");
  });
  const auto first = go({"/page/"});
  EXPECT_EQ(summary(first), "2 documents, 2 changed, 0 unchanged, 0 failed");
  EXPECT_TRUE(test::records_valid(test::jsonl(first.lines)));
  EXPECT_EQ(count_of(first.lines, R"({"type":"call","id":")" + std::string(kCall) + "\""), 1u);
  // The list is tied to the announcement's call.
  EXPECT_EQ(count_of(first.lines, R"(:ceiling:0181","call_id":")" + std::string(kCall) + "\""), 1u);
  EXPECT_EQ(count_of(first.lines, R"("type":"ceiling")"), 28u);
  const auto versions = store.count_versions();
  EXPECT_EQ(versions, 45u);

  const auto second = go({"/page/"});
  EXPECT_EQ(summary(second), "2 documents, 0 changed, 2 unchanged, 0 failed");
  EXPECT_EQ(server.requests("/page/").back().header("If-None-Match"), "\"p1\"");
  EXPECT_EQ(server.requests("/list.pdf").back().header("If-None-Match"), "\"l1\"");
  EXPECT_EQ(store.count_versions(), versions);
  EXPECT_EQ(second.lines, first.lines);
}

TEST_F(LoopbackTest, ChangedBytesGiveNewVersionsAndKeepTheOld) {
  server.serve("/page/", HttpReply::make(200, page()));
  server.serve("/list.pdf", HttpReply::make(200, list(), "application/pdf"));
  go({"/page/"});
  std::string changed = page();
  // The application deadline moves.
  for (auto at = changed.find("2023-05-12"); at != std::string::npos; at = changed.find("2023-05-12", at))
    changed.replace(at, 10, "2023-05-26");
  server.serve("/page/", HttpReply::make(200, changed));
  const auto r = go({"/page/"});
  EXPECT_EQ(summary(r), "2 documents, 1 changed, 1 unchanged, 0 failed");
  EXPECT_EQ(count_of(r.lines, R"("kind":"application_close","date":"2023-05-26")"), 1u);
  // The call and its close deadline got new versions; the old ones are kept, closed.
  EXPECT_EQ(store.count_versions(), 47u);
  EXPECT_EQ(store.count_current_versions(), 45u);
}

TEST_F(LoopbackTest, PdfServedAsHtmlIsSniffed) {
  server.serve("/list.pdf", HttpReply::make(200, list(), "text/html"));
  pipeline.sources = {};
  const auto fetcher = fetch::make_curl_fetcher(pipeline.policy);
  pipeline.sources.push_back({server.url("/list.pdf"), "allocation_list", std::string(kCall)});
  const auto r = run(pipeline, *fetcher, {&store}, &store);
  EXPECT_EQ(summary(r), "1 document, 1 changed, 0 unchanged, 0 failed");
  EXPECT_EQ(count_of(r.lines, R"("type":"ceiling")"), 28u);
  EXPECT_TRUE(test::records_valid(test::jsonl(r.lines)));
}

TEST_F(LoopbackTest, FiveHundredTwiceThenOkIsRetried) {
  server.serve_sequence("/list.pdf", {HttpReply::make(500), HttpReply::make(500),
                                      HttpReply::make(200, list(), "application/pdf")});
  pipeline.sources = {{server.url("/list.pdf"), "allocation_list", std::string(kCall)}};
  const auto fetcher = fetch::make_curl_fetcher(pipeline.policy);
  const auto r = run(pipeline, *fetcher, {&store}, &store);
  EXPECT_EQ(summary(r), "1 document, 1 changed, 0 unchanged, 0 failed");
  EXPECT_EQ(server.hits("/list.pdf"), 3u);
}

TEST_F(LoopbackTest, TooManyRequestsHonoursRetryAfter) {
  server.serve_sequence("/list.pdf", {HttpReply::make(429).with_header("Retry-After", "1"),
                                      HttpReply::make(200, list(), "application/pdf")});
  pipeline.sources = {{server.url("/list.pdf"), "allocation_list", std::string(kCall)}};
  const auto fetcher = fetch::make_curl_fetcher(pipeline.policy);
  const auto r = run(pipeline, *fetcher, {&store}, &store);
  EXPECT_EQ(summary(r), "1 document, 1 changed, 0 unchanged, 0 failed");
  const auto req = server.requests("/list.pdf");
  ASSERT_EQ(req.size(), 2u);
  EXPECT_GE(req[1].received_at - req[0].received_at, 900ms);
}

// Failures: each becomes one fetch error record with the fetcher's message; the good
// document beside it is still stored.
struct Failure {
  const char* name;
  std::function<void(test::HttpServer&)> setup;
  std::string message;  // after "<url>: "
};

class LoopbackFailureTest : public LoopbackTest, public ::testing::WithParamInterface<Failure> {};

TEST_P(LoopbackFailureTest, IsAnErrorRecordAndTheOthersAreStored) {
  server.serve("/list.pdf", HttpReply::make(200, list(), "application/pdf"));
  GetParam().setup(server);
  pipeline.policy.retries = 0;
  pipeline.sources = {{server.url("/bad"), "auto", std::nullopt},
                      {server.url("/list.pdf"), "allocation_list", std::string(kCall)}};
  const auto fetcher = fetch::make_curl_fetcher(pipeline.policy);
  const auto r = run(pipeline, *fetcher, {&store}, &store);
  EXPECT_EQ(summary(r), "2 documents, 1 changed, 0 unchanged, 1 failed");
  ASSERT_FALSE(r.lines.empty());
  EXPECT_NE(r.lines[0].find(R"("url":")" + server.url("/bad") + R"(","stage":"fetch","message":")" +
                            server.url("/bad") + ": " + GetParam().message + "\""),
            std::string::npos)
      << r.lines[0];
  EXPECT_EQ(count_of(r.lines, R"("type":"ceiling")"), 28u);
  EXPECT_TRUE(test::records_valid(test::jsonl(r.lines)));
  EXPECT_EQ(store.current_records_of(server.url("/bad")).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Scenarios, LoopbackFailureTest,
    ::testing::Values(
        Failure{"NotFound", [](test::HttpServer& s) { s.serve("/bad", HttpReply::make(404, "gone")); }, "HTTP 404"},
        Failure{"Slow",
                [](test::HttpServer& s) { s.serve("/bad", HttpReply::make(200, "<p>late</p>").with_delay(3000ms)); },
                "timed out after 1.5 s"},
        Failure{"Truncated",
                [](test::HttpServer& s) {
                  s.serve("/bad", HttpReply::make(200, "%PDF-1.4 short", "application/pdf").with_content_length(100000));
                },
                "body shorter than its Content-Length"},
        Failure{"RedirectLoop", [](test::HttpServer& s) { s.serve("/bad", HttpReply::redirect("/bad")); },
                "too many redirects (more than 5)"},
        Failure{"RedirectToFile", [](test::HttpServer& s) { s.serve("/bad", HttpReply::redirect("file:///etc/passwd")); },
                "redirect to file:// refused"},
        Failure{"GzipBomb",
                [](test::HttpServer& s) {
                  s.serve("/bad", HttpReply::make(200, test::gzip(std::string(64u << 20, 'a')), "application/octet-stream")
                                      .with_header("Content-Encoding", "gzip"));
                },
                "body larger than 4194304 bytes"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace bidrag::pipeline
