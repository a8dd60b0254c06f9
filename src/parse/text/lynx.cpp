// Reading terminal-browser dumps: markers out, links in.
#include "parse/text/lynx.h"

#include <cctype>
#include <map>

#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/text.h"

namespace bidrag::parse::text {
namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const auto nl = s.find('\n', pos);
    std::string_view line = s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "  12. https://x.se/y" → {12, "https://x.se/y"}.
std::optional<std::pair<int, std::string>> reference(std::string_view line) {
  line = trim(line);
  std::size_t i = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || i > 5 || line.size() < i + 3 || line[i] != '.' || line[i + 1] != ' ') return std::nullopt;
  const std::string_view url = trim(line.substr(i + 2));
  if (url.empty() || url.find(' ') != std::string_view::npos || url.find(':') == std::string_view::npos) return std::nullopt;
  return std::pair{std::stoi(std::string(line.substr(0, i))), std::string(url)};
}

struct Marker {
  std::size_t at;  // offset in the cleaned text
  std::string href;
};

// Removes "[N]" markers whose N is a reference; returns the cleaned text and the markers.
std::string strip_markers(std::string_view line, const std::map<int, std::string>& refs, std::vector<Marker>& markers) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') {
      std::size_t j = i + 1;
      while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
      if (j > i + 1 && j < line.size() && line[j] == ']' && j - i <= 6) {
        const auto it = refs.find(std::stoi(std::string(line.substr(i + 1, j - i - 1))));
        if (it != refs.end()) {
          markers.push_back({out.size(), it->second});
          i = j;
          continue;
        }
      }
    }
    out += line[i];
  }
  return out;
}

// A link's visible text: from its marker to the next marker or a separator of inline items.
std::string link_text(std::string_view text, std::size_t from, std::size_t to, const std::string& href) {
  std::string_view t = text.substr(from, to - from);
  for (std::string_view sep : {" / ", " · ", " | ", " (BUTTON)"}) t = t.substr(0, t.find(sep));
  if (const auto mail = normalize::email_from_mailto(href)) {
    for (const auto& e : normalize::find_emails(t)) return e.display;
  }
  t = trim(t);
  while (!t.empty() && std::string_view(",;").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
  return normalize::fold_spaces(t);
}

bool is_bullet(std::string_view t) {
  return t.rfind("* ", 0) == 0 || t.rfind("+ ", 0) == 0 || t.rfind("o ", 0) == 0 || t.rfind("# ", 0) == 0;
}

}  // namespace

std::optional<std::vector<DumpLine>> read_dump(std::string_view utf8) {
  const auto lines = split_lines(utf8);
  // The reference list: a "References" line followed by numbered URLs to the end.
  std::size_t refs_at = lines.size();
  std::map<int, std::string> refs;
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (trim(lines[i]) != "References") continue;
    std::map<int, std::string> found;
    bool ok = true;
    for (std::size_t k = i + 1; k < lines.size() && ok; ++k) {
      if (trim(lines[k]).empty()) continue;
      if (auto r = reference(lines[k])) found.insert(*r);
      else if (trim(lines[k]).find(':') == std::string_view::npos) ok = false;  // "Visible links" etc.
    }
    if (ok && !found.empty()) {
      refs_at = i;
      refs = std::move(found);
    }
    break;
  }
  if (refs.empty()) return std::nullopt;

  std::vector<DumpLine> out;
  bool any_marker = false;
  for (std::size_t i = 0; i < refs_at; ++i) {
    const std::string_view raw = lines[i];
    DumpLine d;
    d.number = static_cast<int>(i + 1);
    while (static_cast<std::size_t>(d.indent) < raw.size() && raw[static_cast<std::size_t>(d.indent)] == ' ') ++d.indent;
    std::vector<Marker> markers;
    d.text = strip_markers(trim(raw), refs, markers);
    for (std::size_t m = 0; m < markers.size(); ++m) {
      any_marker = true;
      const std::size_t to = m + 1 < markers.size() ? markers[m + 1].at : d.text.size();
      std::string text = link_text(d.text, markers[m].at, to, markers[m].href);
      // A bullet item's text wraps onto the next lines, indented to the item's text.
      if (to == d.text.size() && is_bullet(d.text)) {
        const int text_indent = d.indent + 2;
        for (std::size_t k = i + 1; k < refs_at; ++k) {
          const std::string_view next = lines[k];
          int ind = 0;
          while (static_cast<std::size_t>(ind) < next.size() && next[static_cast<std::size_t>(ind)] == ' ') ++ind;
          if (trim(next).empty() || ind != text_indent || trim(next).front() == '[') break;
          text += ' ';
          text += normalize::fold_spaces(trim(next));
        }
      }
      doc::Link l;
      l.text = std::move(text);
      l.href = markers[m].href;
      l.where = doc::Locator::text(d.number);
      d.links.push_back(std::move(l));
    }
    out.push_back(std::move(d));
  }
  if (!any_marker) return std::nullopt;
  return out;
}

}  // namespace bidrag::parse::text
