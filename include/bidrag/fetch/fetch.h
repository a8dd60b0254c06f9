// Fetching sources over http, https and file:// (libcurl), behind an interface so tests can
// use a fake. Politeness (per-host concurrency and delay, robots.txt), retries with backoff,
// conditional requests and size caps live behind it.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"

namespace bidrag::fetch {

struct Policy {
  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 60'000;
  int retries = 3;                    // extra attempts on connection errors, 408, 429, 5xx
  long backoff_ms = 500;              // first retry delay; doubles, with jitter; Retry-After wins
  int per_host_concurrency = 1;
  long per_host_delay_ms = 1'000;     // between requests to the same host
  std::size_t max_body_bytes = 64u << 20;  // also caps decompressed size
  std::string user_agent = "bidrag/0.1 (+https://github.com/bidrag/bidrag)";
  bool obey_robots = true;
  // A PEM file of CA certificates to trust instead of the system store ("" = system store).
  // TLS verification itself is never switched off.
  std::string ca_file;
  // URL prefix → local folder: "https://example.se/" → "fixtures/site/" replays a captured site.
  std::map<std::string, std::string> mirror;
};

struct Request {
  std::string url;
  std::string if_none_match;      // ETag from the store
  std::string if_modified_since;  // Last-Modified from the store
};

struct Response {
  std::string url;            // as requested
  std::string final_url;      // after redirects
  Snapshot snapshot;          // bytes, content type, validators, fetched_at, sha256
  bool not_modified = false;  // 304
  int attempts = 0;           // tries sent (retries count, redirect hops do not); 0 when none was
  std::optional<std::string> error;  // why it failed, naming the URL ("… HTTP 404", "timed out after 10 s")
  // What the fetch noticed without failing: "declared text/html but the bytes are application/pdf"
  // (the snapshot then keeps the type the bytes show).
  std::vector<std::string> notes;
};

using Progress = std::function<void(const Response&)>;

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Fetches all requests (concurrently across hosts) and returns responses in request order.
  // Never throws for a source's own failure: Response::error says what went wrong. `progress`
  // runs on the calling thread as each response completes. One fetcher per run, used from one
  // thread: robots.txt and per-host timing carry over between calls.
  virtual std::vector<Response> fetch_all(const std::vector<Request>& requests, const Progress& progress = {}) = 0;
};

[[nodiscard]] std::unique_ptr<Fetcher> make_curl_fetcher(const Policy& policy);

// One URL or local path, for `bidrag extract`: throws bidrag::Error naming the URL on failure.
[[nodiscard]] Snapshot fetch_one(const std::string& url_or_path, const Policy& policy = {});

}  // namespace bidrag::fetch
