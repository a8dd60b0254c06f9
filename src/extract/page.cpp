// Sections, sentences and vocabulary matching over a parsed document.
#include "extract/page.h"

#include <algorithm>
#include <cctype>

#include "bidrag/common/slug.h"
#include "bidrag/normalize/agency.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/text.h"
#include "bidrag/url/url.h"
#include "bidrag/vocab/vocab.h"

namespace bidrag::extract {
namespace {

// What may start a sentence or a name's word: an upper-case letter or a digit.
bool upper_start(std::string_view s) {
  return normalize::starts_upper(s) || (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0])));
}

// Whether `text` ends with an abbreviation ("kl.", "jan.", "t.ex.") as its last word.
bool is_abbreviation(std::string_view text) {
  std::size_t start = text.find_last_of(" (");
  start = start == std::string_view::npos ? 0 : start + 1;
  const std::string_view word = text.substr(start);
  return word.size() > 1 && vocab::set("abbreviation").equals(word).has_value();
}

// Words of a slug ("a-b-c" → a, b, c).
std::vector<std::string> slug_words(std::string_view slug) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= slug.size()) {
    const auto dash = slug.find('-', i);
    const auto w = slug.substr(i, dash == std::string_view::npos ? std::string_view::npos : dash - i);
    if (!w.empty()) out.emplace_back(w);
    if (dash == std::string_view::npos) break;
    i = dash + 1;
  }
  return out;
}

bool all_digits(std::string_view w) {
  for (char c : w)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !w.empty();
}

// The last non-empty segment of a URL path, without a file extension, as one run of letters
// and digits ("/x/starktkompetens.8123.html" → "starktkompetens8123").
std::string last_segment_compact(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const auto slash = path.rfind('/');
  std::string_view seg = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto dot = seg.rfind('.'); dot != std::string_view::npos && seg.size() - dot <= 5) seg = seg.substr(0, dot);
  std::string out;
  for (char c : slugify(seg))
    if (c != '-') out += c;
  return out;
}

// Whether a heading's words make up the URL's last segment: at least two of its words occur in
// it, and they cover most of the segment (a slug may drop words of the title) or make up four
// in five of the heading's words (years and small words left out).
bool names_url(std::string_view heading, const std::string& segment) {
  if (segment.size() < 8) return false;
  int words = 0, found = 0;
  std::size_t covered = 0;
  for (const auto& w : slug_words(slugify(heading))) {
    if (all_digits(w)) continue;
    const bool in = segment.find(w) != std::string::npos;
    if (in) covered += w.size();
    if (w.size() < 3 || vocab::set("function_word").equals(w)) continue;
    ++words;
    found += in;
  }
  if (found < 2) return false;
  return covered * 10 >= segment.size() * 7 || found * 5 >= words * 4;
}

// A short line that is a date or a day counter ("2025-05-15 14:00", "77 dagar") right under a
// short label line (a heading or a line without closing punctuation) is that label's value.
bool is_value_line(const doc::Block& label, const doc::Block& value) {
  // Text captures set both lines as headings (short, no closing punctuation).
  const bool line = value.kind == doc::BlockKind::paragraph || value.kind == doc::BlockKind::heading;
  if (!line || value.text.size() > 40) return false;
  if (label.kind != doc::BlockKind::heading && label.kind != doc::BlockKind::paragraph) return false;
  if (label.text.empty() || label.text.size() > 60) return false;
  if (std::string_view(".!?:").find(label.text.back()) != std::string_view::npos) return false;
  for (const auto& m : normalize::find_dates(label.text))
    if (m.date || m.days_left) return false;  // the label line holds its own date
  const auto matches = normalize::find_dates(value.text);
  if (matches.empty()) return false;
  const auto& m = matches.front();
  if (!(m.date || m.days_left || m.duration)) return false;
  return value.text.find_first_not_of(' ') == m.begin;
}

}  // namespace

std::string own_url(const doc::Document& d) {
  for (const char* key : {"printed_url", "canonical"}) {
    if (const auto it = d.meta.find(key); it != d.meta.end() && !it->second.empty()) return it->second;
  }
  return d.url;
}

HostPath host_and_path(std::string_view address) {
  const auto parts = url::parse(std::string(address));
  if (!parts || parts->host.empty()) return {};
  std::string host = parts->host;
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return {host, parts->path.empty() ? std::string(1, '/') : parts->path};
}

bool is_chrome_line(std::string_view text) {
  const std::string s = normalize::fold_spaces(text);
  if (s.empty()) return true;
  if (vocab::set("heading_title_chrome").equals(s) || vocab::set("status").equals(s)) return true;
  if (vocab::set("cookie_notice").in(s) || vocab::set("browser_notice").in(s)) return true;
  // "Gå direkt till sidans innehåll", "skip to Main Content": a skip link.
  if (std::count(s.begin(), s.end(), ' ') < 10 && vocab::set("skip_link_start").starts(s) &&
      vocab::set("skip_link_target").in(s))
    return true;
  // A date line ("Senast uppdaterad 12 maj 2025"), or an agency's name alone (the logo text).
  if (vocab::set("published_label").starts(s) || normalize::find_agency(s)) return true;
  // The site's logo text: an agency's name with little else ("Kortnamn – Delegationen mot X").
  if (std::count(s.begin(), s.end(), ' ') < 8) {
    for (const auto& m : normalize::find_agencies_in(s))
      if ((m.end - m.begin) * 10 >= s.size() * 6) return true;
  }
  // One crumb of a breadcrumb printed a line each ("Bidrag och garantier /").
  for (std::string_view end : {" /", " >", " ›", " »"})
    if (s.size() > end.size() && s.ends_with(end)) return true;
  // A breadcrumb: two or more path separators between words.
  int separators = 0;
  for (std::string_view sep : {" / ", " > ", " › ", " » "}) {
    for (auto at = s.find(sep); at != std::string::npos; at = s.find(sep, at + 1)) ++separators;
  }
  return separators >= 2;
}

std::string fold(std::string_view s) { return normalize::fold_case(normalize::fold_spaces(s)); }

bool has_any(std::string_view folded_text, std::initializer_list<std::string_view> keys) {
  for (auto k : keys)
    if (folded_text.find(k) != std::string_view::npos) return true;
  return false;
}

std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ' && upper_start(text.substr(i + 2))) {
      // "t.ex. Stockholm", "bl.a. X": an abbreviation has a dot two letters back.
      if (c == '.' && i >= 2 && text[i - 2] == '.') continue;
      // "kl. 14.00", "1 jan. 2024", "Dnr. 2025-17": a word of the abbreviation set.
      if (c == '.' && is_abbreviation(text.substr(0, i + 1))) continue;
      out.emplace_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) out.emplace_back(text.substr(start));
  for (auto& s : out) s = normalize::fold_spaces(s);
  return out;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool looks_like_name(std::string_view text) {
  const std::string s = normalize::fold_spaces(text);
  if (s.empty() || s.size() > 60) return false;
  int words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    auto sp = s.find(' ', i);
    const std::string_view w = std::string_view(s).substr(i, sp == std::string::npos ? std::string::npos : sp - i);
    if (!upper_start(w) || w.size() < 2) return false;
    for (char c : w) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isdigit(u) || c == '@' || c == ':' || c == '/' || c == '.' || c == ',' || c == '(') return false;
    }
    ++words;
    if (sp == std::string::npos) break;
    i = sp + 1;
  }
  if (words < 2 || words > 4) return false;
  // "Boverket Box 534": an agency's name or a postal word is an address, not a person.
  if (!normalize::find_agencies_in(s).empty()) return false;
  return !vocab::set("address_word").in(s);
}

Page::Page(const doc::Document& d) : d_(d), section_(d.blocks.size()) {
  std::optional<std::size_t> current;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const auto& b = d.blocks[i];
    if (b.kind == doc::BlockKind::heading) {
      current = i;
      continue;
    }
    section_[i] = current;
    if (b.kind == doc::BlockKind::paragraph || b.kind == doc::BlockKind::list_item) {
      for (auto& s : split_sentences(b.text)) sentences_.push_back({std::move(s), i});
    } else if (b.kind == doc::BlockKind::fact) {
      sentences_.push_back({text_of(i), i});
    }
  }
}

std::optional<std::size_t> Page::title_block() const {
  if (!title_block_) title_block_ = find_title_block();
  return *title_block_;
}

std::optional<std::size_t> Page::find_title_block() const {
  std::optional<std::size_t> first, first_h1, named;
  const std::string segment = last_segment_compact(host_and_path(own_url(d_)).path);
  for (std::size_t i = 0; i < d_.blocks.size(); ++i) {
    const auto& b = d_.blocks[i];
    // A long title in a text capture is a paragraph line: it counts when it names the address.
    if (!named && b.kind == doc::BlockKind::paragraph && !b.text.empty() && b.text.back() != '.' &&
        b.text.find(". ") == std::string::npos && !is_chrome_line(b.text) && names_url(b.text, segment))
      named = i;
    if (b.kind != doc::BlockKind::heading || is_chrome_line(b.text)) continue;
    if (!named && names_url(b.text, segment)) named = i;
    if (!first_h1 && b.level == 1) first_h1 = i;
    if (!first) first = i;
  }
  if (named) return named;
  return first_h1 ? first_h1 : first;
}

std::optional<std::string> Page::title() const {
  const auto at = title_block();
  if (at && !vocab::set("section_not_title").starts(d_.blocks[*at].text)) return d_.blocks[*at].text;
  // The last path segment as words: "…/statsbidrag-till-x-2023/" → "Statsbidrag till x 2023".
  const std::string own_path = host_and_path(own_url(d_)).path;
  std::string_view path = own_path;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string_view seg = path.substr(path.rfind('/') + 1);
  if (const auto dot = seg.rfind('.'); dot != std::string_view::npos) seg = seg.substr(0, dot);
  const auto words = slug_words(slugify(seg));
  int letter_words = 0;
  for (const auto& w : words) letter_words += !all_digits(w);
  if (letter_words < 3 || seg.find('-') == std::string_view::npos) {
    if (at) return d_.blocks[*at].text;
    return std::nullopt;
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return normalize::capitalised(out);
}

std::optional<std::size_t> Page::find_heading(std::initializer_list<std::string_view> keys) const {
  for (std::size_t i = 0; i < d_.blocks.size(); ++i) {
    if (d_.blocks[i].kind != doc::BlockKind::heading) continue;
    if (has_any(fold(d_.blocks[i].text), keys)) return i;
  }
  return std::nullopt;
}

std::vector<std::size_t> Page::section_blocks(std::size_t h) const {
  std::vector<std::size_t> out;
  const int level = d_.blocks[h].level;
  for (std::size_t i = h + 1; i < d_.blocks.size(); ++i) {
    const auto& b = d_.blocks[i];
    if (b.kind == doc::BlockKind::heading && b.level <= level) break;
    out.push_back(i);
  }
  return out;
}

std::vector<Statement> Page::statements() const {
  const Page& page = *this;
  std::vector<Statement> out;
  const auto& blocks = page.blocks();
  const auto& sentences = page.sentences();
  std::size_t s = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& b = blocks[i];
    if (b.kind == doc::BlockKind::fact) {
      out.push_back({page.text_of(i), i, true, b.text, b.value});
    } else if (b.kind == doc::BlockKind::table) {
      // "Stödet i korthet" as a table: label cell, value cell.
      for (const auto& row : b.table.rows) {
        if (row.size() != 2 || row[0].text.empty() || row[1].text.empty()) continue;
        out.push_back({row[0].text + ": " + row[1].text, i, true, row[0].text, row[1].text});
      }
    } else if (i > 0 && is_value_line(blocks[i - 1], b)) {
      // A label and its value on separate lines ("Sista dag för ansökan" / "2025-05-15 14:00").
      const auto& label = blocks[i - 1].text;
      out.push_back({label + ": " + b.text, i, true, label, b.text});
      while (s < sentences.size() && sentences[s].block <= i) ++s;
      continue;
    } else if (b.kind == doc::BlockKind::heading) {
      out.push_back({b.text, i, false, {}, {}});  // badges set as headings; never dated
    }
    while (s < sentences.size() && sentences[s].block <= i) {
      if (sentences[s].block == i && b.kind != doc::BlockKind::fact) out.push_back({sentences[s].text, i, false, {}, {}});
      ++s;
    }
  }
  return out;
}


std::string Page::text_of(std::size_t block) const {
  const auto& b = d_.blocks[block];
  if (b.kind == doc::BlockKind::fact) return b.value.empty() ? b.text + ":" : b.text + ": " + b.value;
  return b.text;
}

}  // namespace bidrag::extract
