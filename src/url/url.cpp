// URL helpers on libcurl's URL API (CURLU), so parsing follows what the transfer will do.
#include "bidrag/url/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>

#include "url/curl_handles.h"

namespace bidrag::url {
namespace {

using Handle = curl::Url;
using curl::CurlString;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<std::string> part(CURLU* u, CURLUPart which) {
  char* raw = nullptr;
  if (curl_url_get(u, which, &raw, 0) != CURLUE_OK) return std::nullopt;
  CurlString owned(raw);
  return std::string(owned.get());
}

constexpr unsigned kFlags = CURLU_NON_SUPPORT_SCHEME | CURLU_ALLOW_SPACE;

// "mailto:", "tel:", "https:": a scheme of RFC 3986's shape before the first ':'.
bool has_own_scheme(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
  });
}

}  // namespace

std::string Parts::origin() const { return scheme + "://" + host + (port.empty() ? "" : ":" + port); }

bool has_scheme(std::string_view text) {
  const auto colon = text.find("://");
  if (colon == std::string_view::npos || colon < 2) return false;  // "C://" is a drive, not a scheme
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
  });
}

bool is_http(std::string_view text) {
  if (!has_scheme(text)) return false;
  const std::string scheme = lower(std::string(text.substr(0, text.find("://"))));
  return scheme == "http" || scheme == "https";
}

std::optional<Parts> parse(const std::string& text) {
  curl::ensure_global_init();
  Handle h(curl_url());
  if (!h || curl_url_set(h.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) return std::nullopt;
  Parts p;
  p.scheme = lower(part(h.get(), CURLUPART_SCHEME).value_or(""));
  p.host = lower(part(h.get(), CURLUPART_HOST).value_or(""));
  p.port = part(h.get(), CURLUPART_PORT).value_or("");
  p.path = part(h.get(), CURLUPART_PATH).value_or("/");
  p.path_query = p.path;
  if (auto query = part(h.get(), CURLUPART_QUERY)) p.path_query += "?" + *query;
  if (text.find('#') != std::string::npos) p.fragment = part(h.get(), CURLUPART_FRAGMENT).value_or("");
  return p;
}

std::optional<std::string> resolve(const std::string& base, const std::string& ref) {
  curl::ensure_global_init();
  Handle h(curl_url());
  if (!h || curl_url_set(h.get(), CURLUPART_URL, base.c_str(), kFlags) != CURLUE_OK) return std::nullopt;
  // Setting a relative URL on a handle holding an absolute one resolves it (RFC 3986).
  if (curl_url_set(h.get(), CURLUPART_URL, ref.c_str(), kFlags) != CURLUE_OK) return std::nullopt;
  return part(h.get(), CURLUPART_URL);
}

std::string resolve_href(std::string_view base, std::string_view href) {
  while (!href.empty() && std::isspace(static_cast<unsigned char>(href.front()))) href.remove_prefix(1);
  while (!href.empty() && std::isspace(static_cast<unsigned char>(href.back()))) href.remove_suffix(1);
  if (has_own_scheme(href)) return std::string(href);
  // libcurl resolves as for a redirect, which drops the base's last segment for "" and "#f";
  // a document's own address and its fragments follow RFC 3986 5.2.2.
  if (href.empty() || href.front() == '#') {
    const std::string b(base.substr(0, base.find('#')));
    return b + std::string(href);
  }
  if (auto r = resolve(std::string(base), std::string(href))) return *r;
  return std::string(href);
}

std::string unescape(std::string_view text) {
  curl::ensure_global_init();
  int length = 0;
  CurlString raw(curl_easy_unescape(nullptr, text.data(), static_cast<int>(text.size()), &length));
  if (!raw) return std::string(text);
  return std::string(raw.get(), static_cast<std::size_t>(length));
}

std::string site_host(std::string_view text) {
  std::string host;
  if (auto p = parse(std::string(text))) host = p->host;
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

}  // namespace bidrag::url
