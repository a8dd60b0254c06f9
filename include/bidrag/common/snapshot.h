// A fetched source: the bytes and what the fetch knew about them. The first stage's output
// and the only input of parsing (STYLE.md: data flows one way).
#pragma once
#include <optional>
#include <string>

namespace bidrag {

struct Snapshot {
  std::string url;           // as fetched (file://, http://, https://) or a local path
  std::string bytes;         // the body, decompressed
  std::string content_type;  // as declared (HTTP header), empty when unknown
  std::optional<std::string> fetched_at;  // RFC 3339 UTC ("2023-02-24T14:03:00Z"), when known
  std::string sha256;        // of bytes; filled by make_snapshot()
  int http_status = 0;       // 0 for file:// and local paths
  std::string etag;
  std::string last_modified;
};

// Fills sha256 from bytes.
[[nodiscard]] Snapshot make_snapshot(std::string url, std::string bytes, std::string content_type = {},
                                     std::optional<std::string> fetched_at = std::nullopt);

// "2023-02-24T14:03:00Z" for the current time.
[[nodiscard]] std::string now_rfc3339();

}  // namespace bidrag
