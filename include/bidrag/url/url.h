// URLs, once for every stage: fetch (transfers, redirects, robots.txt scopes), parse (links in
// HTML, PDF and text resolved against the page), pipeline (source URLs) and extract (hosts of
// linked documents). Parsing and resolution are libcurl's URL API (RFC 3986), never by hand.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::url {

struct Parts {
  std::string scheme;      // lower case: "https"
  std::string host;        // lower case, without port: "example.se"
  std::string port;        // as written, "" when default
  std::string path_query;  // "/a/b.pdf?x=1" (what robots.txt rules match)
  std::string path;        // "/a/b.pdf", percent-encoded as written
  std::string fragment;    // "sok" of "/a#sok", "" when none

  // "https://example.se" or "http://127.0.0.1:8080": the robots.txt scope (RFC 9309).
  [[nodiscard]] std::string origin() const;
};

// True for "scheme://…"; false for a local path ("fixtures/a.pdf", "/tmp/x", "C:\\x").
[[nodiscard]] bool has_scheme(std::string_view text);

// True for an absolute http or https URL.
[[nodiscard]] bool is_http(std::string_view text);

// The parts of an absolute URL of any scheme, nullopt when malformed.
[[nodiscard]] std::optional<Parts> parse(const std::string& url);

// `ref` (absolute or relative) resolved against `base`, nullopt when either is malformed.
[[nodiscard]] std::optional<std::string> resolve(const std::string& base, const std::string& ref);

// An href as a browser follows it: surrounding white space dropped, a URL with a scheme of its
// own ("mailto:", "tel:", "https:") kept as written, anything else resolved against `base`;
// when resolution fails the href is returned as written.
[[nodiscard]] std::string resolve_href(std::string_view base, std::string_view href);

// Percent-decoding ("%C3%B6" → "ö").
[[nodiscard]] std::string unescape(std::string_view text);

// The host a person reads: lower case, without "www." and port ("https://www.Bra.se/x" → "bra.se");
// "" when the URL has no host.
[[nodiscard]] std::string site_host(std::string_view url);

}  // namespace bidrag::url
