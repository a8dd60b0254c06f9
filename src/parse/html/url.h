// Resolving a link's href against a base URL (RFC 3986, section 5.2), as a browser would.
#pragma once
#include <string>
#include <string_view>

namespace bidrag::parse {

// The absolute form of `ref` against `base`. Absolute refs (any scheme) come back as they are;
// "//host/x", "/x", "x", "?q" and "#f" are resolved, with dot segments removed.
[[nodiscard]] std::string resolve_url(std::string_view base, std::string_view ref);

// True for "http:", "https:" (case-insensitive).
[[nodiscard]] bool is_http_url(std::string_view url);

}  // namespace bidrag::parse
