// URL helpers for fetching, on libcurl's URL parser: parts, origins, redirect resolution.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::fetch::detail {

struct UrlParts {
  std::string scheme;      // lower case: "https"
  std::string host;        // lower case, without port: "example.se"
  std::string port;        // as written, "" when default
  std::string path_query;  // "/a/b.pdf?x=1" (what robots.txt rules match)
  std::string path;        // "/a/b.pdf", percent-encoded as written

  // "https://example.se" or "http://127.0.0.1:8080": the robots.txt scope (RFC 9309).
  [[nodiscard]] std::string origin() const;
};

// True for "scheme://…"; false for a local path ("fixtures/a.pdf", "/tmp/x", "C:\\x").
[[nodiscard]] bool has_scheme(std::string_view text);

// The parts of an absolute URL of any scheme, nullopt when malformed.
[[nodiscard]] std::optional<UrlParts> parse_url(const std::string& url);

// `location` (absolute or relative) resolved against `base`, nullopt when malformed.
[[nodiscard]] std::optional<std::string> resolve_url(const std::string& base, const std::string& location);

// Percent-decoding ("%C3%B6" → "ö").
[[nodiscard]] std::string unescape(std::string_view text);

}  // namespace bidrag::fetch::detail
