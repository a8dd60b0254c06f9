// The loopback test server itself (tests/support/http_server.h), checked with plain libcurl.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/http_server.h"

namespace bidrag::test {
namespace {

struct Got {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::string body;
};

Got get(const std::string& url) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  Got got;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION,
                   +[](char* data, std::size_t size, std::size_t n, void* out) {
                     static_cast<std::string*>(out)->append(data, size * n);
                     return size * n;
                   });
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &got.body);
  got.code = curl_easy_perform(curl.get());
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &got.status);
  return got;
}

TEST(HttpServer, ServesRegisteredPathsAndRecordsEveryRequest) {
  HttpServer server;
  server.serve("/a.html", HttpReply::make(200, "<p>hej</p>"));
  EXPECT_EQ(server.url("/a.html"), "http://127.0.0.1:" + std::to_string(server.port()) + "/a.html");

  const Got a = get(server.url("/a.html"));
  EXPECT_EQ(a.code, CURLE_OK);
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.body, "<p>hej</p>");

  const Got missing = get(server.url("/missing?x=1"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(server.hits("/a.html"), 1u);
  ASSERT_EQ(server.requests().size(), 2u);
  EXPECT_EQ(server.requests()[1].path, "/missing");
  EXPECT_EQ(server.requests()[1].target, "/missing?x=1");
}

TEST(HttpServer, SequenceRepeatsItsLastReply) {
  HttpServer server;
  server.serve_sequence("/s", {HttpReply::make(500, "a"), HttpReply::make(200, "b")});
  EXPECT_EQ(get(server.url("/s")).status, 500);
  EXPECT_EQ(get(server.url("/s")).body, "b");
  EXPECT_EQ(get(server.url("/s")).body, "b");
  EXPECT_EQ(server.hits("/s"), 3u);
}

TEST(HttpServer, TruncatedBodyIsAPartialTransfer) {
  HttpServer server;
  server.serve("/short", HttpReply::make(200, "12345", "application/octet-stream").with_content_length(100));
  const Got got = get(server.url("/short"));
  EXPECT_EQ(got.code, CURLE_PARTIAL_FILE);
  EXPECT_EQ(got.body, "12345");
}

TEST(HttpServer, SecondLoopbackAddressIsAnotherHost) {
  HttpServer server("127.0.0.2");
  server.on("/who", [](const HttpRequest& r) { return HttpReply::make(200, r.remote_addr, "text/plain"); });
  EXPECT_EQ(get(server.url("/who")).body, "127.0.0.1");
  EXPECT_EQ(server.url("/"), "http://127.0.0.2:" + std::to_string(server.port()) + "/");
}

TEST(HttpServer, StopCutsADelayedReplyShort) {
  const auto start = std::chrono::steady_clock::now();
  {
    HttpServer server;
    server.serve("/slow", HttpReply::make(200, "late").with_delay(std::chrono::seconds(30)));
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    curl_easy_setopt(curl.get(), CURLOPT_URL, server.url("/slow").c_str());
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 200L);
    EXPECT_EQ(curl_easy_perform(curl.get()), CURLE_OPERATION_TIMEDOUT);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace bidrag::test
