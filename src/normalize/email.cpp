// E-mail addresses in text and mailto: links, including "(at)"/"[dot]" obfuscations.
#include <cctype>

#include "bidrag/normalize/contact.h"
#include "normalize/utf8.h"

namespace bidrag::normalize {
namespace {

constexpr std::size_t npos = std::string_view::npos;
// RFC 5321 limits; they also keep every scan short on hostile input.
constexpr std::size_t kMaxLocal = 64;
constexpr std::size_t kMaxDomain = 255;

bool local_char(char c) noexcept {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool label_char(char c) noexcept { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

// An obfuscated marker ("(at)", "[at]", "{at}", "(dot)", "[punkt]" …) at `i`, with the spaces
// around it; returns its end, or npos.
std::size_t bracket_marker(std::string_view s, std::size_t i, std::initializer_list<std::string_view> words) {
  std::size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  if (j >= s.size() || (s[j] != '(' && s[j] != '[' && s[j] != '{')) return npos;
  const char close = s[j] == '(' ? ')' : s[j] == '[' ? ']' : '}';
  for (std::string_view w : words) {
    if (j + 1 + w.size() >= s.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < w.size(); ++k)
      if (utf8::lower_ascii(s[j + 1 + k]) != w[k]) same = false;
    if (!same || s[j + 1 + w.size()] != close) continue;
    std::size_t e = j + 2 + w.size();
    while (e < s.size() && s[e] == ' ') ++e;
    return e;
  }
  return npos;
}

std::size_t at_marker(std::string_view s, std::size_t i) {
  if (s[i] == '@') return i + 1;
  return bracket_marker(s, i, {"at", "snabel-a"});
}

// The domain starting at `i`: labels joined by '.' or a dot marker, ending in a TLD of letters.
// Sets `domain` (lower-cased, with dots) and returns its end, or npos.
std::size_t scan_domain(std::string_view s, std::size_t i, std::string& domain) {
  std::vector<std::string> labels;
  std::size_t j = i, end = npos;
  while (j - i < kMaxDomain) {
    std::size_t k = j;
    while (k < s.size() && label_char(s[k])) ++k;
    std::size_t label_end = k;
    while (label_end > j && s[label_end - 1] == '-') --label_end;
    if (label_end == j) break;
    std::string label(s.substr(j, label_end - j));
    for (char& c : label) c = utf8::lower_ascii(c);
    labels.push_back(std::move(label));
    end = label_end;
    if (label_end != k) break;  // a trailing hyphen ends the address
    if (k + 1 < s.size() && s[k] == '.' && label_char(s[k + 1])) {
      j = k + 1;
    } else if (const std::size_t m = bracket_marker(s, k, {"dot", "punkt"}); m != npos) {
      j = m;
    } else {
      break;
    }
  }
  // At least two labels, and a top-level domain of two or more letters.
  if (labels.size() < 2 || labels.back().size() < 2) return npos;
  for (char c : labels.back())
    if (!std::isalpha(static_cast<unsigned char>(c))) return npos;
  domain.clear();
  for (const auto& l : labels) domain += (domain.empty() ? "" : ".") + l;
  return end;
}

}  // namespace

std::vector<EmailMatch> find_emails(std::string_view text) {
  std::vector<EmailMatch> out;
  std::size_t resume = 0;  // never re-read text already part of an address
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '@' && c != '(' && c != '[' && c != '{') continue;
    const std::size_t after = at_marker(text, i);
    if (after == npos) continue;
    // The local part, backwards from the marker (spaces allowed only before a bracket marker).
    std::size_t b = i;
    if (c != '@')
      while (b > resume && text[b - 1] == ' ') --b;
    const std::size_t local_end = b;
    while (b > resume && local_end - b < kMaxLocal && local_char(text[b - 1])) --b;
    while (b < local_end && (text[b] == '.' || text[b] == '-')) ++b;
    if (b == local_end) continue;
    std::string domain;
    const std::size_t end = scan_domain(text, after, domain);
    if (end == npos) continue;
    EmailMatch m;
    m.email = std::string(text.substr(b, local_end - b)) + "@" + domain;
    m.display = std::string(text.substr(b, end - b));
    m.begin = b;
    m.end = end;
    out.push_back(std::move(m));
    resume = end;
    i = end - 1;
  }
  return out;
}

std::optional<std::string> email_from_mailto(std::string_view href) {
  while (!href.empty() && href.front() == ' ') href.remove_prefix(1);
  while (!href.empty() && href.back() == ' ') href.remove_suffix(1);
  constexpr std::string_view scheme = "mailto:";
  if (href.size() <= scheme.size()) return std::nullopt;
  for (std::size_t k = 0; k < scheme.size(); ++k)
    if (utf8::lower_ascii(href[k]) != scheme[k]) return std::nullopt;
  href.remove_prefix(scheme.size());
  href = href.substr(0, href.find('?'));
  std::string decoded;
  for (std::size_t i = 0; i < href.size(); ++i) {
    if (href[i] == '%' && i + 2 < href.size() && std::isxdigit(static_cast<unsigned char>(href[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(href[i + 2]))) {
      decoded += static_cast<char>(std::stoi(std::string(href.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      decoded += href[i];
    }
  }
  decoded = decoded.substr(0, decoded.find(','));  // the first of several recipients
  while (!decoded.empty() && decoded.front() == ' ') decoded.erase(0, 1);
  while (!decoded.empty() && decoded.back() == ' ') decoded.pop_back();
  const auto found = find_emails(decoded);
  if (found.size() != 1 || found[0].begin != 0 || found[0].end != decoded.size()) return std::nullopt;
  return found[0].email;
}

}  // namespace bidrag::normalize
