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

// Characters (not bytes) before byte offset `at` of UTF-8 text.
std::size_t column_of(std::string_view s, std::size_t at) {
  std::size_t col = 0;
  for (std::size_t i = 0; i < at && i < s.size(); ++i) col += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return col;
}

// Byte offset of character column `col`, or npos past the end.
std::size_t offset_of(std::string_view s, std::size_t col) {
  std::size_t c = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (c == col) return i;
    ++c;
  }
  return std::string_view::npos;
}

// The column where a row's value starts: after the first run of two or more spaces inside it.
std::optional<std::size_t> value_column(std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size() && raw[i] == ' ') ++i;
  const auto gap = raw.find("  ", i);
  if (gap == std::string_view::npos) return std::nullopt;
  std::size_t v = gap;
  while (v < raw.size() && raw[v] == ' ') ++v;
  if (v >= raw.size()) return std::nullopt;
  return column_of(raw, v);
}

bool short_label(std::string_view label) {
  std::size_t words = label.empty() ? 0 : 1;
  for (char c : label) {
    if (c == ' ') ++words;
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '[' || c == '(' || c == ':' || c == '*') return false;
  }
  return words >= 1 && words <= 4;
}

// Tables laid out in columns: a run of indented lines of which at least two have their value
// at the same column; every line of the run with a space before that column is a row.
void find_tables(std::vector<DumpLine>& lines) {
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].raw.empty() || lines[i].indent == 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < lines.size() && !trim(lines[end].raw).empty() && lines[end].indent > 0) ++end;
    std::map<std::size_t, int> votes;
    for (std::size_t k = i; k < end; ++k)
      if (lines[k].links.empty())
        if (const auto c = value_column(lines[k].raw)) ++votes[*c];
    std::size_t col = 0;
    int best = 0;
    for (const auto& [c, n] : votes)
      if (n > best) col = c, best = n;
    if (best >= 2) {
      for (std::size_t k = i; k < end; ++k) {
        const std::string& raw = lines[k].raw;
        const auto at = offset_of(raw, col);
        if (at == std::string::npos || at == 0 || raw[at - 1] != ' ' || raw[at] == ' ') continue;
        const std::string label = normalize::fold_spaces(trim(std::string_view(raw).substr(0, at)));
        const std::string value = normalize::fold_spaces(trim(std::string_view(raw).substr(at)));
        if (!value.empty() && short_label(label)) lines[k].row = std::pair{label, value};
      }
    }
    i = end + 1;
  }
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
    d.raw = std::string(raw);
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
  find_tables(out);
  return out;
}

}  // namespace bidrag::parse::text
