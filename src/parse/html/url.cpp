// RFC 3986 reference resolution; small enough not to need a URL library.
#include "parse/html/url.h"

#include <cctype>
#include <vector>

namespace bidrag::parse {
namespace {

struct Parts {
  std::string scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

bool has_scheme(std::string_view s, std::size_t& colon) {
  colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

Parts split(std::string_view s) {
  Parts p;
  if (const auto hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    p.has_fragment = true;
    s = s.substr(0, hash);
  }
  if (const auto q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    p.has_query = true;
    s = s.substr(0, q);
  }
  std::size_t colon = 0;
  if (has_scheme(s, colon)) {
    p.scheme = s.substr(0, colon);
    s = s.substr(colon + 1);
  }
  if (s.substr(0, 2) == "//") {
    s = s.substr(2);
    const auto slash = s.find('/');
    p.authority = s.substr(0, slash);
    p.has_authority = true;
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  p.path = s;
  return p;
}

std::string remove_dot_segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  const bool absolute = !path.empty() && path[0] == '/';
  std::string seg;
  bool trailing_slash = false;
  while (i <= path.size()) {
    const auto next = path.find('/', i);
    seg = path.substr(i, next == std::string::npos ? std::string::npos : next - i);
    trailing_slash = false;
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else if (seg == ".") {
      trailing_slash = true;
    } else if (!(seg.empty() && i == 0 && absolute)) {
      out.push_back(seg);
    }
    if (next == std::string::npos) break;
    i = next + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k) result += '/';
    result += out[k];
  }
  if (trailing_slash && (result.empty() || result.back() != '/')) result += '/';
  return result;
}

std::string merge(const Parts& base, const std::string& ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + ref_path;
  const auto slash = base.path.rfind('/');
  return slash == std::string::npos ? ref_path : base.path.substr(0, slash + 1) + ref_path;
}

std::string compose(const Parts& p) {
  std::string s;
  if (!p.scheme.empty()) s += p.scheme + ":";
  if (p.has_authority) s += "//" + p.authority;
  s += p.path;
  if (p.has_query) s += "?" + p.query;
  if (p.has_fragment) s += "#" + p.fragment;
  return s;
}

}  // namespace

std::string resolve_url(std::string_view base_url, std::string_view ref_text) {
  // Surrounding white space is not part of an href.
  while (!ref_text.empty() && std::isspace(static_cast<unsigned char>(ref_text.front()))) ref_text.remove_prefix(1);
  while (!ref_text.empty() && std::isspace(static_cast<unsigned char>(ref_text.back()))) ref_text.remove_suffix(1);
  const Parts ref = split(ref_text);
  if (!ref.scheme.empty()) return std::string(ref_text);
  const Parts base = split(base_url);
  Parts t;
  t.scheme = base.scheme;
  if (ref.has_authority) {
    t.authority = ref.authority;
    t.has_authority = true;
    t.path = remove_dot_segments(ref.path);
    t.query = ref.query;
    t.has_query = ref.has_query;
  } else {
    t.authority = base.authority;
    t.has_authority = base.has_authority;
    if (ref.path.empty()) {
      t.path = base.path;
      t.query = ref.has_query ? ref.query : base.query;
      t.has_query = ref.has_query || base.has_query;
    } else {
      t.path = remove_dot_segments(ref.path[0] == '/' ? ref.path : merge(base, ref.path));
      t.query = ref.query;
      t.has_query = ref.has_query;
    }
  }
  t.fragment = ref.fragment;
  t.has_fragment = ref.has_fragment;
  return compose(t);
}

bool is_http_url(std::string_view url) {
  std::size_t colon = 0;
  if (!has_scheme(url, colon)) return false;
  std::string scheme(url.substr(0, colon));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "http" || scheme == "https";
}

}  // namespace bidrag::parse
