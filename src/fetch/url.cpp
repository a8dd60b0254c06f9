// URL helpers on libcurl's URL API (CURLU), so parsing follows what the transfer will do.
#include "fetch/url.h"

#include <algorithm>
#include <cctype>

#include "fetch/curl_handles.h"

namespace bidrag::fetch::detail {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<std::string> part(CURLU* url, CURLUPart which) {
  char* raw = nullptr;
  if (curl_url_get(url, which, &raw, 0) != CURLUE_OK) return std::nullopt;
  CurlString owned(raw);
  return std::string(owned.get());
}

}  // namespace

std::string UrlParts::origin() const { return scheme + "://" + host + (port.empty() ? "" : ":" + port); }

bool has_scheme(std::string_view text) {
  const auto colon = text.find("://");
  if (colon == std::string_view::npos || colon < 2) return false;  // "C://" is a drive, not a scheme
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
  });
}

std::optional<UrlParts> parse_url(const std::string& url) {
  ensure_global_init();
  Url handle(curl_url());
  if (!handle) return std::nullopt;
  if (curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  UrlParts parts;
  parts.scheme = lower(part(handle.get(), CURLUPART_SCHEME).value_or(""));
  parts.host = lower(part(handle.get(), CURLUPART_HOST).value_or(""));
  parts.port = part(handle.get(), CURLUPART_PORT).value_or("");
  parts.path = part(handle.get(), CURLUPART_PATH).value_or("/");
  parts.path_query = parts.path;
  if (auto query = part(handle.get(), CURLUPART_QUERY)) parts.path_query += "?" + *query;
  return parts;
}

std::optional<std::string> resolve_url(const std::string& base, const std::string& location) {
  ensure_global_init();
  Url handle(curl_url());
  if (!handle) return std::nullopt;
  if (curl_url_set(handle.get(), CURLUPART_URL, base.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  // Setting a relative URL on a handle holding an absolute one resolves it (RFC 3986).
  if (curl_url_set(handle.get(), CURLUPART_URL, location.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return std::nullopt;
  }
  return part(handle.get(), CURLUPART_URL);
}

std::string unescape(std::string_view text) {
  ensure_global_init();
  int length = 0;
  CurlString raw(curl_easy_unescape(nullptr, text.data(), static_cast<int>(text.size()), &length));
  if (!raw) return std::string(text);
  return std::string(raw.get(), static_cast<std::size_t>(length));
}

}  // namespace bidrag::fetch::detail
