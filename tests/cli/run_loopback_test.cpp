// `bidrag run` (the real binary) against a real HTTP server on loopback, with every kind of bad
// response in one pipeline: the exit code, the summary, the exact error record of each failure,
// the good documents fully stored, and a second run that does no work for what did not change.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "support/http_server.h"
#include "support/support.h"

namespace bidrag::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* kCall = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";
constexpr const char* kListLink =
    "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/statsbidrag-fordelningslista-sociala-insatser-2023.pdf";

// The lines that are not error records.
std::string without_errors(const std::string& jsonl) {
  std::istringstream in(jsonl);
  std::string line, kept;
  while (std::getline(in, line)) {
    if (line.rfind(R"({"type":"error",)", 0) != 0) kept += line + "\n";
  }
  return kept;
}

// A reply with an ETag that answers If-None-Match with 304, as a web server does.
HttpHandler conditional(std::string body, std::string type, std::string etag) {
  return [body = std::move(body), type = std::move(type), etag = std::move(etag)](const HttpRequest& r) {
    if (r.header("If-None-Match") == etag) return HttpReply::make(304).with_header("ETag", etag);
    return HttpReply::make(200, body, type).with_header("ETag", etag);
  };
}

class RunLoopbackTest : public ::testing::Test {
 protected:
  HttpServer server;
  std::string dir = temp_dir("run-loopback");
  std::string db = dir + "/bidrag.db", out = dir + "/records.jsonl";

  void SetUp() override {
    const std::string list = read_fixture("corpus/sociala-insatser-2023/fordelningslista.pdf");
    std::string page = read_fixture("corpus/sociala-insatser-2023/announcement-open.html");
    for (auto p = page.find(kListLink); p != std::string::npos; p = page.find(kListLink, p))
      page.replace(p, std::string_view(kListLink).size(), server.url("/list.pdf"));
    server.on("/page/", conditional(page, "text/html; charset=utf-8", "\"page-1\""));
    server.on("/list.pdf", conditional(list, "application/pdf", "\"list-1\""));
    server.serve("/gone", HttpReply::make(404, "gone"));
    server.serve("/slow", HttpReply::make(200, "<p>late</p>").with_delay(2500ms));
    server.serve("/short", HttpReply::make(200, "%PDF-1.4 short", "application/pdf").with_content_length(100000));
    server.serve("/loop", HttpReply::redirect("/loop"));
    server.serve("/to-file", HttpReply::redirect("file:///etc/passwd"));
    server.serve("/bomb", HttpReply::make(200, gzip(std::string(64u << 20, 'a')), "application/octet-stream")
                              .with_header("Content-Encoding", "gzip"));
    server.serve("/sniffed", HttpReply::make(200, list, "text/html"));  // a PDF said to be HTML
    server.serve_sequence("/flaky", {HttpReply::make(500), HttpReply::make(500), HttpReply::make(200, list, "application/pdf")});
    server.serve_sequence("/busy", {HttpReply::make(429).with_header("Retry-After", "1"),
                                    HttpReply::make(200, list, "application/pdf")});

    const std::string call = std::string(R"(", "kind": "allocation_list", "call_id": ")") + kCall + R"("})";
    std::ofstream(dir + "/loopback.json")
        << R"({"name": "loopback", "sources": [")" << server.url("/page/") << R"(", ")" << server.url("/gone")
        << R"(", ")" << server.url("/slow") << R"(", ")" << server.url("/short") << R"(", ")" << server.url("/loop")
        << R"(", ")" << server.url("/to-file") << R"(", ")" << server.url("/bomb") << R"(", {"url": ")"
        << server.url("/sniffed") << call << R"(, {"url": ")" << server.url("/flaky") << call << R"(, {"url": ")"
        << server.url("/busy") << call << R"(],
          "fetch": {"timeout_ms": 1000, "connect_timeout_ms": 1000, "retries": 2, "backoff_ms": 10,
                    "per_host_concurrency": 1, "per_host_delay_ms": 0, "max_body_bytes": 4194304,
                    "obey_robots": false}})";
  }

  RunResult go() { return run_bidrag({"run", dir + "/loopback.json", "--db", db, "--out", out}); }

  // The error record of a source, as the JSON Lines output has it.
  std::string error_of(const std::string& path, const std::string& reason) const {
    return R"("url":")" + server.url(path) + R"(","stage":"fetch","message":")" + server.url(path) + ": " + reason + "\"";
  }
};

TEST_F(RunLoopbackTest, EveryFailureIsAnErrorRecordExit1AndTheRestIsStored) {
  const auto first = go();
  EXPECT_EQ(first.exit_code, 1) << first.err;
  EXPECT_EQ(first.out, "loopback: 11 documents, 5 changed, 0 unchanged, 6 failed\n");
  const std::string jsonl = read_file(out);
  EXPECT_TRUE(records_valid(jsonl));
  EXPECT_EQ(count_of(jsonl, R"({"type":"error",)"), 6u);
  EXPECT_EQ(count_of(jsonl, error_of("/gone", "HTTP 404")), 1u) << jsonl.substr(0, 2000);
  EXPECT_EQ(count_of(jsonl, error_of("/slow", "timed out after 1.0 s")), 1u);
  EXPECT_EQ(count_of(jsonl, error_of("/short", "body shorter than its Content-Length")), 1u);
  EXPECT_EQ(count_of(jsonl, error_of("/loop", "too many redirects (more than 5)")), 1u);
  EXPECT_EQ(count_of(jsonl, error_of("/to-file", "redirect to file:// refused")), 1u);
  EXPECT_EQ(count_of(jsonl, error_of("/bomb", "body larger than 4194304 bytes")), 1u);
  // The announcement, and four copies of its list (linked, sniffed, retried after 500s and after
  // a 429), each tied to the call: 28 ceilings each.
  EXPECT_EQ(count_of(jsonl, R"({"type":"call","id":")" + std::string(kCall) + "\""), 1u);
  EXPECT_EQ(count_of(jsonl, R"("type":"ceiling","id":")" + std::string(kCall) + ":ceiling:0181\""), 4u);
  EXPECT_EQ(count_of(jsonl, R"("type":"ceiling",)"), 4u * 28u);
  EXPECT_EQ(server.hits("/flaky"), 3u);
  EXPECT_EQ(server.hits("/busy"), 2u);
  const auto busy = server.requests("/busy");
  EXPECT_GE(busy[1].received_at - busy[0].received_at, 1s);  // Retry-After: 1 was honoured
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM versions WHERE valid_to IS NULL AND type = 'error'"), 6);
  const long long versions = sqlite_scalar(db, "SELECT count(*) FROM record_versions");

  // Again: the page and its list answer 304, the others the same bytes; the failures fail again
  // without retiring anything; no new version.
  const auto second = go();
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_EQ(second.out, "loopback: 11 documents, 0 changed, 5 unchanged, 6 failed\n");
  EXPECT_EQ(without_errors(read_file(out)), without_errors(jsonl));  // errors carry their new fetch time
  EXPECT_EQ(count_of(read_file(out), R"({"type":"error",)"), 6u);
  EXPECT_EQ(server.requests("/page/").back().header("If-None-Match"), "\"page-1\"");
  EXPECT_EQ(server.requests("/list.pdf").back().header("If-None-Match"), "\"list-1\"");
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM record_versions"), versions);
  EXPECT_EQ(sqlite_scalar(db, "SELECT count(*) FROM runs WHERE ended_at IS NOT NULL AND failed = 6"), 2);
}

}  // namespace
}  // namespace bidrag::test
