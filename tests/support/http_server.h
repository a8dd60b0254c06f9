// A real HTTP server on loopback for integration tests (cpp-httplib in a background thread).
//
// Usage:
//   bidrag::test::HttpServer server;                      // 127.0.0.1, ephemeral port, running
//   server.serve("/a.html", HttpReply::make(200, "<p>hi</p>"));   // a fixed reply (text/html)
//   server.serve("/e", HttpReply::make(200, "x").with_header("ETag", "\"v1\"").with_delay(50ms));
//   server.serve_sequence("/flaky", {HttpReply::make(500), HttpReply::make(200, "ok")});
//   server.on("/x", [](const HttpRequest& r) {             // any logic; runs on a server thread
//     return HttpReply::make(r.header("If-None-Match") == "\"v1\"" ? 304 : 200, "body");
//   });
//   fetch(server.url("/a.html"));                          // "http://127.0.0.1:PORT/a.html"
//   EXPECT_EQ(server.hits("/a.html"), 1u);
//   server.requests("/a.html")[0].received_at              // timestamps taken by the server
//
// Every request is recorded (also those answered 404 because no handler matched). Paths match
// exactly (no query string). GET and HEAD are served. HttpReply::delay sleeps before the reply
// is sent and is cut short when the server stops, so a "slow" handler never delays a test's
// teardown. HttpReply::content_length larger than the body sends that Content-Length and then
// closes the connection after the body: a truncated transfer. Replies whose Content-Type is
// textual may be gzip-compressed by cpp-httplib when the client accepts gzip (transparent to
// a client that decodes it); set your own Content-Encoding on a non-textual type (e.g.
// application/octet-stream) to serve pre-compressed bytes unchanged.
// The destructor stops the server and joins its threads. Bind another loopback address
// (HttpServer{"127.0.0.2"}) to get a second "host". HttpServer{"127.0.0.1", Scheme::https}
// serves TLS with a self-signed certificate (a client verifying TLS must refuse it unless it
// trusts certificate_pem()).
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bidrag::test {

struct HttpRequest {
  std::string method;  // "GET", "HEAD"
  std::string path;    // "/a.html" (without the query)
  std::string target;  // as sent, with the query
  std::vector<std::pair<std::string, std::string>> headers;
  std::string remote_addr;
  std::chrono::steady_clock::time_point received_at;
  std::chrono::system_clock::time_point received_at_wall;

  // The first header with this name (case-insensitive), "" when absent.
  [[nodiscard]] std::string header(std::string_view name) const;
};

struct HttpReply {
  int status = 200;
  std::string body;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (ETag, Location, …)
  std::chrono::milliseconds delay{0};                        // before the reply is sent
  std::optional<std::size_t> content_length;                 // > body.size(): truncated transfer

  // A reply with this status and body: HttpReply::make(200, "<p>hej</p>").
  [[nodiscard]] static HttpReply make(int status, std::string body = {},
                                      std::string content_type = "text/html; charset=utf-8");
  // A redirect to `location` (absolute or relative URL).
  [[nodiscard]] static HttpReply redirect(std::string location, int status = 302);

  // Chainable setters (GCC 12 warns on designated initializers that omit fields).
  HttpReply& with_header(std::string name, std::string value);
  HttpReply& with_delay(std::chrono::milliseconds wait);
  HttpReply& with_content_length(std::size_t declared);
};

using HttpHandler = std::function<HttpReply(const HttpRequest&)>;

// gzip-compressed bytes, to serve pre-compressed bodies (with Content-Encoding: gzip).
[[nodiscard]] std::string gzip(std::string_view bytes);

class HttpServer {
 public:
  enum class Scheme { http, https };
  // Binds host (a loopback address) on an ephemeral port and starts serving before returning.
  // Scheme::https serves TLS with a fresh self-signed certificate for host (see certificate_pem).
  explicit HttpServer(std::string host = "127.0.0.1", Scheme scheme = Scheme::http);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  [[nodiscard]] int port() const;
  [[nodiscard]] const std::string& host() const;
  // "http://HOST:PORT" + path ("/a.html"); "https://…" for Scheme::https.
  [[nodiscard]] std::string url(std::string_view path = "/") const;
  // The self-signed certificate (PEM) of an https server, "" for http: trust it to connect.
  [[nodiscard]] const std::string& certificate_pem() const;

  // Registers (or replaces) the handler of an exact path. Thread-safe.
  void on(const std::string& path, HttpHandler handler);
  // The same reply on every hit.
  void serve(const std::string& path, HttpReply reply);
  // The n-th hit gets replies[n]; the last one repeats.
  void serve_sequence(const std::string& path, std::vector<HttpReply> replies);

  // Requests received for path (every path when empty), in arrival order.
  [[nodiscard]] std::vector<HttpRequest> requests(const std::string& path = {}) const;
  [[nodiscard]] std::size_t hits(const std::string& path) const;

  // Stops serving (the destructor calls it); idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bidrag::test
