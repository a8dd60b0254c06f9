// The libcurl fetcher against a real HTTP server on loopback: statuses, retries, timeouts,
// truncation, redirects, size caps, sniffing, conditional requests, robots.txt, politeness.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "bidrag/common/error.h"
#include "bidrag/common/slug.h"
#include "bidrag/fetch/fetch.h"
#include "support/http_server.h"
#include "support/support.h"

namespace bidrag::fetch {
namespace {

using bidrag::test::HttpReply;
using bidrag::test::HttpRequest;
using bidrag::test::HttpServer;
using std::chrono::milliseconds;

// Small delays so the whole suite stays fast; each test overrides what it exercises.
Policy fast_policy() {
  Policy policy;
  policy.connect_timeout_ms = 2'000;
  policy.total_timeout_ms = 5'000;
  policy.retries = 3;
  policy.backoff_ms = 10;
  policy.per_host_delay_ms = 0;
  policy.max_body_bytes = 1u << 20;
  policy.user_agent = "bidrag-test/1.0 (+https://example.invalid/bidrag)";
  return policy;
}

Response fetch(const Request& request, const Policy& policy = fast_policy()) {
  return make_curl_fetcher(policy)->fetch_all({request}).front();
}

Response fetch(const std::string& url, const Policy& policy = fast_policy()) {
  return fetch(Request{url, {}, {}}, policy);
}

TEST(CurlFetcher, Html200) {
  HttpServer server;
  const std::string html = "<!DOCTYPE html><html><body><h1>Statsbidrag 2024</h1></body></html>";
  server.serve("/utlysning.html", HttpReply::make(200, html));
  const Response r = fetch(server.url("/utlysning.html"));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.url, server.url("/utlysning.html"));
  EXPECT_EQ(r.final_url, server.url("/utlysning.html"));
  EXPECT_EQ(r.attempts, 1);
  EXPECT_FALSE(r.not_modified);
  EXPECT_EQ(r.snapshot.url, server.url("/utlysning.html"));
  EXPECT_EQ(r.snapshot.bytes, html);
  EXPECT_EQ(r.snapshot.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.snapshot.http_status, 200);
  EXPECT_EQ(r.snapshot.sha256, sha256_hex(html));
  ASSERT_TRUE(r.snapshot.fetched_at);
  EXPECT_EQ(r.snapshot.fetched_at->size(), 20u);  // "2026-11-23T14:03:00Z"
  EXPECT_TRUE(r.notes.empty());
  ASSERT_EQ(server.hits("/utlysning.html"), 1u);
  const HttpRequest seen = server.requests("/utlysning.html")[0];
  EXPECT_EQ(seen.header("User-Agent"), "bidrag-test/1.0 (+https://example.invalid/bidrag)");
  EXPECT_NE(seen.header("Accept-Encoding").find("gzip"), std::string::npos);
}

TEST(CurlFetcher, NotFoundIsNotRetried) {
  HttpServer server;
  const Response r = fetch(server.url("/x.pdf"));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/x.pdf") + ": HTTP 404");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.snapshot.http_status, 404);
  EXPECT_EQ(server.hits("/x.pdf"), 1u);
}

TEST(CurlFetcher, ServerErrorsAreRetriedUntilSuccess) {
  HttpServer server;
  server.serve_sequence("/flaky", {HttpReply::make(500), HttpReply::make(500), HttpReply::make(200, "third time")});
  const Response r = fetch(server.url("/flaky"));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(r.snapshot.bytes, "third time");
  EXPECT_EQ(server.hits("/flaky"), 3u);
}

TEST(CurlFetcher, RetriesRunOutWithTheLastStatus) {
  HttpServer server;
  server.serve("/down", HttpReply::make(503));
  Policy policy = fast_policy();
  policy.retries = 2;
  const Response r = fetch(server.url("/down"), policy);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/down") + ": HTTP 503");
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(server.hits("/down"), 3u);
}

TEST(CurlFetcher, TooManyRequestsHonoursRetryAfter) {
  HttpServer server;
  server.serve_sequence("/busy", {HttpReply::make(429).with_header("Retry-After", "1"), HttpReply::make(200, "ok")});
  const Response r = fetch(server.url("/busy"));  // backoff alone would wait ~10 ms
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.attempts, 2);
  const auto seen = server.requests("/busy");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_GE(seen[1].received_at - seen[0].received_at, milliseconds(1000));
}

TEST(CurlFetcher, SlowResponseTimesOut) {
  HttpServer server;
  server.serve("/slow", HttpReply::make(200, "late").with_delay(milliseconds(3000)));
  Policy policy = fast_policy();
  policy.total_timeout_ms = 500;
  policy.retries = 0;
  const Response r = fetch(server.url("/slow"), policy);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/slow") + ": timed out after 0.5 s");
  EXPECT_EQ(r.attempts, 1);
}

TEST(CurlFetcher, BodyShorterThanContentLengthIsAnError) {
  HttpServer server;
  server.serve("/short.pdf",
               HttpReply::make(200, "%PDF-1.7 truncated", "application/pdf").with_content_length(50'000));
  Policy policy = fast_policy();
  policy.retries = 1;
  const Response r = fetch(server.url("/short.pdf"), policy);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/short.pdf") + ": body shorter than its Content-Length");
  EXPECT_EQ(r.attempts, 2);  // a cut connection is worth one more try
  EXPECT_TRUE(r.snapshot.bytes.empty());
}

TEST(CurlFetcher, RedirectLoopStopsAfterFiveHops) {
  HttpServer server;
  server.serve("/a", HttpReply::redirect("/b"));
  server.serve("/b", HttpReply::redirect(server.url("/a"), 301));
  const Response r = fetch(server.url("/a"));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/a") + ": too many redirects (more than 5)");
  EXPECT_EQ(server.hits("/a") + server.hits("/b"), 6u);
}

TEST(CurlFetcher, RedirectIsFollowed) {
  HttpServer server;
  server.serve("/old", HttpReply::redirect("new/list.html", 301));
  server.serve("/new/list.html", HttpReply::make(200, "<p>moved</p>"));
  const Response r = fetch(server.url("/old"));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.final_url, server.url("/new/list.html"));
  EXPECT_EQ(r.snapshot.url, server.url("/old"));
  EXPECT_EQ(r.snapshot.bytes, "<p>moved</p>");
  EXPECT_EQ(r.attempts, 1);
}

TEST(CurlFetcher, RedirectToFileIsRefused) {
  HttpServer server;
  server.serve("/sneaky", HttpReply::redirect("file:///etc/passwd"));
  const Response r = fetch(server.url("/sneaky"));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/sneaky") + ": redirect to file:// refused");
  EXPECT_TRUE(r.snapshot.bytes.empty());
}

TEST(CurlFetcher, GzipBombIsStoppedAtTheCap) {
  HttpServer server;
  const std::string bomb = bidrag::test::gzip(std::string(10u << 20, '\0'));
  ASSERT_LT(bomb.size(), 64u << 10);  // ~10 KB on the wire
  server.serve("/bomb", HttpReply::make(200, bomb, "application/octet-stream").with_header("Content-Encoding", "gzip"));
  const Response r = fetch(server.url("/bomb"));  // cap 1 MiB
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/bomb") + ": body larger than 1048576 bytes");
  EXPECT_EQ(r.attempts, 1);
}

TEST(CurlFetcher, GzipBodyIsDecoded) {
  HttpServer server;
  const std::string text = std::string(5000, 'a') + "slut";
  server.serve("/z", HttpReply::make(200, bidrag::test::gzip(text), "application/octet-stream")
                         .with_header("Content-Encoding", "gzip"));
  const Response r = fetch(server.url("/z"));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.snapshot.bytes, text);
  EXPECT_EQ(r.snapshot.sha256, sha256_hex(text));
}

TEST(CurlFetcher, ContentLengthOverTheCapIsRejectedEarly) {
  HttpServer server;
  server.serve("/big", HttpReply::make(200, std::string(2u << 20, 'x'), "application/octet-stream"));
  const Response r = fetch(server.url("/big"));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/big") + ": body larger than 1048576 bytes");
}

TEST(CurlFetcher, HugeErrorPageReportsTheStatus) {
  HttpServer server;
  server.serve("/oops", HttpReply::make(500, std::string(2u << 20, 'e'), "application/octet-stream"));
  Policy policy = fast_policy();
  policy.retries = 0;
  const Response r = fetch(server.url("/oops"), policy);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/oops") + ": HTTP 500");
}

TEST(CurlFetcher, PdfServedAsHtmlIsSniffed) {
  HttpServer server;
  const std::string pdf = "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n";
  server.serve("/lista", HttpReply::make(200, pdf, "text/html"));
  const Response r = fetch(server.url("/lista"));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.snapshot.bytes, pdf);
  EXPECT_EQ(r.snapshot.content_type, "application/pdf");
  EXPECT_EQ(r.notes, std::vector<std::string>{"declared text/html but the bytes are application/pdf"});
}

TEST(CurlFetcher, EtagGivesIfNoneMatchAndNotModified) {
  HttpServer server;
  server.on("/e.html", [](const HttpRequest& req) {
    if (req.header("If-None-Match") == "\"v7\"") return HttpReply::make(304).with_header("ETag", "\"v7\"");
    return HttpReply::make(200, "<p>v7</p>").with_header("ETag", "\"v7\"");
  });
  const Response first = fetch(server.url("/e.html"));
  ASSERT_FALSE(first.error) << *first.error;
  EXPECT_EQ(first.snapshot.etag, "\"v7\"");
  EXPECT_FALSE(first.not_modified);

  const Response second = fetch(Request{server.url("/e.html"), first.snapshot.etag, {}});
  ASSERT_FALSE(second.error) << *second.error;
  EXPECT_TRUE(second.not_modified);
  EXPECT_EQ(second.snapshot.http_status, 304);
  EXPECT_EQ(second.snapshot.etag, "\"v7\"");
  EXPECT_TRUE(second.snapshot.bytes.empty());
  EXPECT_EQ(server.requests("/e.html")[1].header("If-None-Match"), "\"v7\"");
}

TEST(CurlFetcher, LastModifiedGivesIfModifiedSince) {
  HttpServer server;
  const std::string stamp = "Fri, 24 Feb 2023 14:03:00 GMT";
  server.on("/l.pdf", [stamp](const HttpRequest& req) {
    if (req.header("If-Modified-Since") == stamp) return HttpReply::make(304);
    return HttpReply::make(200, "%PDF-1.4\n", "application/pdf").with_header("Last-Modified", stamp);
  });
  const Response first = fetch(server.url("/l.pdf"));
  ASSERT_FALSE(first.error) << *first.error;
  EXPECT_EQ(first.snapshot.last_modified, stamp);
  EXPECT_EQ(first.snapshot.etag, "");

  const Response second = fetch(Request{server.url("/l.pdf"), {}, first.snapshot.last_modified});
  ASSERT_FALSE(second.error) << *second.error;
  EXPECT_TRUE(second.not_modified);
  EXPECT_EQ(second.snapshot.last_modified, stamp);  // kept from the request when the 304 omits it
  EXPECT_EQ(server.requests("/l.pdf")[1].header("If-Modified-Since"), stamp);
}

TEST(CurlFetcher, RobotsTxtIsObeyedAndFetchedOncePerRun) {
  HttpServer server;
  server.serve("/robots.txt", HttpReply::make(200,
                                              "User-agent: *\nDisallow: /\n\n"
                                              "User-agent: bidrag-test\nDisallow: /intern/\nAllow: /intern/publik\n",
                                              "text/plain"));
  server.serve("/intern/a.pdf", HttpReply::make(200, "secret"));
  server.serve("/intern/publik.html", HttpReply::make(200, "open"));
  server.serve("/start.html", HttpReply::make(200, "start"));

  auto fetcher = make_curl_fetcher(fast_policy());
  const auto first = fetcher->fetch_all({{server.url("/intern/a.pdf"), {}, {}}, {server.url("/start.html"), {}, {}}});
  const auto second = fetcher->fetch_all({{server.url("/intern/publik.html"), {}, {}}});
  ASSERT_EQ(first.size(), 2u);
  ASSERT_TRUE(first[0].error);
  EXPECT_EQ(*first[0].error, server.url("/intern/a.pdf") + ": disallowed by robots.txt");
  EXPECT_EQ(first[1].snapshot.bytes, "start");
  EXPECT_EQ(second[0].snapshot.bytes, "open");
  EXPECT_EQ(first[0].attempts, 0);  // nothing was sent
  EXPECT_EQ(server.hits("/robots.txt"), 1u);
  EXPECT_EQ(server.hits("/intern/a.pdf"), 0u);
}

TEST(CurlFetcher, RobotsCanBeIgnoredByPolicy) {
  HttpServer server;
  server.serve("/robots.txt", HttpReply::make(200, "User-agent: *\nDisallow: /\n", "text/plain"));
  server.serve("/a", HttpReply::make(200, "a"));
  Policy policy = fast_policy();
  policy.obey_robots = false;
  EXPECT_EQ(fetch(server.url("/a"), policy).snapshot.bytes, "a");
  EXPECT_EQ(server.hits("/robots.txt"), 0u);
}

TEST(CurlFetcher, UnreadableRobotsTxtStopsTheHost) {
  HttpServer server;
  server.serve("/robots.txt", HttpReply::make(503));
  server.serve("/a", HttpReply::make(200, "a"));
  Policy policy = fast_policy();
  policy.retries = 1;
  const Response r = fetch(server.url("/a"), policy);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/a") + ": robots.txt unreachable (HTTP 503)");
  EXPECT_EQ(server.hits("/robots.txt"), 2u);
  EXPECT_EQ(server.hits("/a"), 0u);
}

TEST(CurlFetcher, PerHostDelayIsObserved) {
  HttpServer server;
  for (const char* path : {"/1", "/2", "/3"}) server.serve(path, HttpReply::make(200, path));
  Policy policy = fast_policy();
  policy.per_host_delay_ms = 300;
  const auto responses =
      make_curl_fetcher(policy)->fetch_all({{server.url("/1"), {}, {}}, {server.url("/2"), {}, {}}, {server.url("/3"), {}, {}}});
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[2].snapshot.bytes, "/3");  // in request order
  const auto seen = server.requests();  // robots.txt, then the three documents
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0].path, "/robots.txt");
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_GE(seen[i].received_at - seen[i - 1].received_at, milliseconds(300)) << seen[i].path;
  }
}

TEST(CurlFetcher, OneHostIsFetchedOneAtATime) {
  HttpServer server;
  server.serve("/s1", HttpReply::make(200, "1").with_delay(milliseconds(400)));
  server.serve("/s2", HttpReply::make(200, "2").with_delay(milliseconds(400)));
  const auto responses = make_curl_fetcher(fast_policy())->fetch_all({{server.url("/s1"), {}, {}}, {server.url("/s2"), {}, {}}});
  ASSERT_FALSE(responses[1].error) << *responses[1].error;
  const auto a = server.requests("/s1"), b = server.requests("/s2");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_GE(b[0].received_at - a[0].received_at, milliseconds(400));
}

TEST(CurlFetcher, PerHostConcurrencyCanBeRaised) {
  HttpServer server;
  server.serve("/s1", HttpReply::make(200, "1").with_delay(milliseconds(400)));
  server.serve("/s2", HttpReply::make(200, "2").with_delay(milliseconds(400)));
  Policy policy = fast_policy();
  policy.per_host_concurrency = 2;
  const auto responses = make_curl_fetcher(policy)->fetch_all({{server.url("/s1"), {}, {}}, {server.url("/s2"), {}, {}}});
  ASSERT_FALSE(responses[1].error) << *responses[1].error;
  const auto a = server.requests("/s1")[0].received_at, b = server.requests("/s2")[0].received_at;
  EXPECT_LT(b - a, milliseconds(400));
}

TEST(CurlFetcher, TwoHostsAreFetchedConcurrently) {
  HttpServer one("127.0.0.1"), two("127.0.0.2");
  one.serve("/slow", HttpReply::make(200, "one").with_delay(milliseconds(600)));
  two.serve("/slow", HttpReply::make(200, "two").with_delay(milliseconds(600)));
  std::vector<std::string> order;
  const auto responses = make_curl_fetcher(fast_policy())
                             ->fetch_all({{one.url("/slow"), {}, {}}, {two.url("/slow"), {}, {}}},
                                         [&order](const Response& r) { order.push_back(r.url); });
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].snapshot.bytes, "one");
  EXPECT_EQ(responses[1].snapshot.bytes, "two");
  EXPECT_EQ(order.size(), 2u);
  const auto a = one.requests("/slow")[0].received_at, b = two.requests("/slow")[0].received_at;
  // Each arrived while the other was still being answered.
  EXPECT_LT(b - a, milliseconds(600));
  EXPECT_LT(a - b, milliseconds(600));
}

TEST(CurlFetcher, RefusedConnectionIsRetriedThenReported) {
  std::string url;
  {
    HttpServer gone;
    url = gone.url("/x");
  }
  Policy policy = fast_policy();
  policy.retries = 1;
  const Response r = fetch(url, policy);
  ASSERT_TRUE(r.error);
  // robots.txt is the first thing that cannot be reached.
  EXPECT_EQ(*r.error, url + ": robots.txt unreachable (could not connect)");
  policy.obey_robots = false;
  const Response direct = fetch(url, policy);
  EXPECT_EQ(*direct.error, url + ": could not connect");
  EXPECT_EQ(direct.attempts, 2);
}

TEST(CurlFetcher, UnsupportedSchemeAndMalformedUrl) {
  EXPECT_EQ(*fetch("ftp://127.0.0.1/x.pdf").error,
            "ftp://127.0.0.1/x.pdf: unsupported scheme ftp:// (only http, https and file)");
  EXPECT_EQ(*fetch("http://").error, "http://: malformed URL");
}

TEST(FetchOne, ThrowsAnErrorNamingTheUrl) {
  HttpServer server;
  server.serve("/ok", HttpReply::make(200, "fine", "text/plain"));
  EXPECT_EQ(fetch_one(server.url("/ok"), fast_policy()).bytes, "fine");
  try {
    (void)fetch_one(server.url("/gone.pdf"), fast_policy());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.source(), server.url("/gone.pdf"));
    EXPECT_EQ(e.reason(), "HTTP 404");
    EXPECT_EQ(std::string(e.what()), server.url("/gone.pdf") + ": HTTP 404");
  }
}

}  // namespace
}  // namespace bidrag::fetch

namespace bidrag::fetch {
namespace {

// Many documents over two hosts: every response lands at its request's index, each document
// is fetched exactly once, and robots.txt once per host.
TEST(CurlFetcher, ManyDocumentsAcrossTwoHosts) {
  constexpr int kPerHost = 250;
  HttpServer one("127.0.0.1"), two("127.0.0.2");
  std::vector<Request> requests;
  for (int i = 0; i < kPerHost; ++i) {
    const std::string path = "/doc/" + std::to_string(i) + ".html";
    one.serve(path, HttpReply::make(200, "one " + std::to_string(i)));
    two.serve(path, HttpReply::make(200, "two " + std::to_string(i)));
    requests.push_back({one.url(path), {}, {}});
    requests.push_back({two.url(path), {}, {}});
  }
  std::size_t reported = 0;
  const auto start = std::chrono::steady_clock::now();
  const auto responses = make_curl_fetcher(fast_policy())->fetch_all(requests, [&](const Response&) { ++reported; });
  const auto elapsed = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
  ASSERT_EQ(responses.size(), requests.size());
  for (std::size_t i = 0; i < responses.size(); ++i) {
    ASSERT_FALSE(responses[i].error) << *responses[i].error;
    EXPECT_EQ(responses[i].snapshot.bytes, (i % 2 == 0 ? "one " : "two ") + std::to_string(i / 2));
  }
  EXPECT_EQ(reported, requests.size());
  EXPECT_EQ(one.requests().size(), kPerHost + 1u);
  EXPECT_EQ(two.requests().size(), kPerHost + 1u);
  RecordProperty("documents_per_second", static_cast<int>(requests.size() * 1000 / std::max<long>(1, elapsed.count())));
}

}  // namespace
}  // namespace bidrag::fetch

namespace bidrag::fetch {
namespace {

TEST(CurlFetcher, SelfSignedCertificateIsRefused) {
  HttpServer server("127.0.0.1", HttpServer::Scheme::https);
  server.serve("/a", HttpReply::make(200, "secret"));
  Policy policy = fast_policy();
  policy.obey_robots = false;
  const Response r = fetch(server.url("/a"), policy);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, server.url("/a") + ": TLS failure (SSL certificate problem: self-signed certificate)");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(server.hits("/a"), 0u);
}

TEST(CurlFetcher, HttpsWithATrustedCertificate) {
  HttpServer server("127.0.0.1", HttpServer::Scheme::https);
  server.serve("/a", HttpReply::make(200, "over tls", "text/plain"));
  const std::string ca = bidrag::test::temp_dir("fetch-tls") + "/ca.pem";
  std::ofstream(ca) << server.certificate_pem();
  Policy policy = fast_policy();
  policy.ca_file = ca;
  const Response r = fetch(server.url("/a"), policy);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.url.substr(0, 8), "https://");
  EXPECT_EQ(r.snapshot.bytes, "over tls");

  // The certificate names 127.0.0.1 only: the same server under another name fails the host check.
  const std::string other = "https://localhost:" + std::to_string(server.port()) + "/a";
  const Response mismatch = fetch(other, policy);
  ASSERT_TRUE(mismatch.error);
  EXPECT_EQ(*mismatch.error, other + ": robots.txt unreachable (TLS failure (SSL: no alternative certificate "
                                     "subject name matches target host name 'localhost'))");
  EXPECT_EQ(server.hits("/a"), 1u);
}

}  // namespace
}  // namespace bidrag::fetch

namespace bidrag::fetch {
namespace {

TEST(CurlFetcher, ThrowingProgressLeavesTheFetcherUsable) {
  HttpServer one("127.0.0.1"), two("127.0.0.2");
  one.serve("/a", HttpReply::make(200, "a"));
  two.serve("/b", HttpReply::make(200, "b").with_delay(milliseconds(300)));
  auto fetcher = make_curl_fetcher(fast_policy());
  EXPECT_THROW((void)fetcher->fetch_all({{one.url("/a"), {}, {}}, {two.url("/b"), {}, {}}},
                                        [](const Response&) { throw std::runtime_error("stop"); }),
               std::runtime_error);
  const auto again = fetcher->fetch_all({{one.url("/a"), {}, {}}, {two.url("/b"), {}, {}}});
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].snapshot.bytes, "a");
  EXPECT_EQ(again[1].snapshot.bytes, "b");
}

}  // namespace
}  // namespace bidrag::fetch

namespace bidrag::fetch {
namespace {

TEST(CurlFetcher, RobotsTxtLostInRedirectsAllowsEverything) {
  HttpServer server;
  server.serve("/robots.txt", HttpReply::redirect("file:///etc/robots.txt"));
  server.serve("/a", HttpReply::make(200, "a"));
  const Response r = fetch(server.url("/a"));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.snapshot.bytes, "a");
  EXPECT_EQ(server.hits("/robots.txt"), 1u);
}

}  // namespace
}  // namespace bidrag::fetch
