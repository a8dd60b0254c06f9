// Whole-page browser copies: chrome before the main heading (page_copy.h).
#include "parse/text/page_copy.h"

#include <cctype>

#include "bidrag/common/slug.h"
#include "bidrag/normalize/text.h"
#include "bidrag/url/url.h"
#include "bidrag/vocab/vocab.h"
#include "parse/facts.h"

namespace bidrag::parse::text {
namespace {

using normalize::starts_lower;
using normalize::word_count;

// Short, no sentence punctuation at the end, not starting in lower case: a heading or a menu item.
bool heading_shaped(std::string_view s) {
  return !s.empty() && word_count(s) <= 14 && std::string_view(".,;:!?").find(s.back()) == std::string_view::npos &&
         !starts_lower(s) && s.find("://") == std::string_view::npos;
}

// A badge, a page-type chip, a date line or a label line above the heading ("Öppen",
// "Publicerad den 12 januari 2025", "Nyhet · Publicerad: 2024-04-19"): never the heading.
bool is_top_marker(std::string_view s) {
  if (word_count(s) <= 8 && vocab::set("status").starts(s)) return true;
  if (vocab::set("published_label").starts(s) || vocab::set("news_cue").starts(s)) return true;
  return split_label_value(s).has_value();
}

// Words of a slug ("a-b-c" → a, b, c).
std::vector<std::string> slug_words(const std::string& slug) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < slug.size()) {
    auto dash = slug.find('-', i);
    if (dash == std::string::npos) dash = slug.size();
    if (dash > i) out.push_back(slug.substr(i, dash - i));
    i = dash + 1;
  }
  return out;
}

// The last path segment of `url`, slugified without its dashes and file extension.
std::string last_segment(std::string_view url) {
  const auto parts = bidrag::url::parse(std::string(url));
  if (!parts) return {};
  std::string_view path = parts->path;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const auto slash = path.rfind('/');
  std::string_view seg = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto dot = seg.rfind('.'); dot != std::string_view::npos && seg.size() - dot <= 5) seg = seg.substr(0, dot);
  std::string out;
  for (char c : slugify(bidrag::url::unescape(seg)))
    if (c != '-') out += c;
  return out;
}

// A line without a terminal browser's link markers ("[7]Start /"), button labels and a leading
// list marker ("2. ", "* "), as it reads on the page.
std::string bare(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  // A leading list marker.
  std::size_t d = 0;
  while (d < s.size() && d < 3 && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  if (d > 0 && d + 1 < s.size() && s[d] == '.' && s[d + 1] == ' ') i = d + 2;
  else if (s.size() > 2 && (s[0] == '*' || s[0] == '+') && s[1] == ' ') i = 2;
  while (i < s.size()) {
    if (s[i] == '[') {
      std::size_t j = i + 1;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i + 1 && j < s.size() && s[j] == ']') {
        i = j + 1;
        continue;
      }
    }
    if (s.substr(i).rfind("(BUTTON)", 0) == 0) {
      i += 8;
      continue;
    }
    out += s[i++];
  }
  std::size_t a = 0, b = out.size();
  while (a < b && out[a] == ' ') ++a;
  while (b > a && out[b - 1] == ' ') --b;
  return out.substr(a, b - a);
}

// A line of the chrome above the heading that the first line of a copy can be.
bool opens_with_chrome(std::string_view s) {
  return is_chrome_only(s) || is_breadcrumb(s);
}

}  // namespace

bool is_chrome_only(std::string_view raw_line) {
  const std::string bare_line = bare(raw_line);
  const std::string_view line = bare_line;
  if (line.empty()) return false;
  const auto& notice = vocab::set("page_notice");
  if (word_count(line) <= 25 && (notice.in(line) || vocab::set("cookie_notice").in(line))) return true;
  if (vocab::set("chrome_link").equals(line)) return true;
  // One or more skip links and reading aids, one after the other on one line.
  const auto& skip = vocab::set("heading_title_chrome");
  std::string rest = vocab::fold(line);
  bool any = false;
  while (!rest.empty()) {
    const auto m = skip.starts(rest);
    if (!m || (m->end < rest.size() && rest[m->end] != ' ')) return false;
    any = true;
    rest.erase(0, m->end);
    while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  }
  return any;
}

bool is_breadcrumb(std::string_view raw_line) {
  const std::string bare_line = bare(raw_line);
  const std::string_view line = bare_line;
  if (line.empty() || word_count(line) > 12) return false;
  for (std::string_view end : {" /", " >", " ›", " »"})
    if (line.size() > end.size() && line.substr(line.size() - end.size()) == end) return true;
  int separators = 0;
  for (std::string_view sep : {" / ", " > ", " › ", " » "})
    for (auto at = line.find(sep); at != std::string_view::npos; at = line.find(sep, at + 1)) ++separators;
  return separators >= 2;
}

bool names_page_url(std::string_view line, std::string_view url) {
  const std::string segment = last_segment(url);
  std::size_t letters = 0;
  for (char c : segment) letters += !std::isdigit(static_cast<unsigned char>(c));
  if (letters < 8) return false;
  const auto words = slug_words(slugify(line));
  std::size_t best = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string run = words[i];
    // One word alone only in a heading of three words or more ("Bidrag till körlitteratur" names
    // …/korlitteratur), never a one-word menu item.
    if (words.size() >= 3 && segment.find(run) != std::string::npos) best = std::max(best, run.size());
    for (std::size_t j = i + 1; j < words.size(); ++j) {
      run += words[j];
      if (segment.find(run) == std::string::npos) break;
      best = std::max(best, run.size());
    }
  }
  return best * 5 >= letters * 3;
}

std::optional<std::size_t> main_heading_line(const std::vector<std::string>& lines, std::string_view url) {
  // The top of the copy: the lines before the first long line (a paragraph of the content).
  std::size_t first = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].empty()) {
      first = i;
      break;
    }
  if (first == lines.size()) return std::nullopt;
  std::size_t top_end = lines.size(), last_crumb = first;
  bool crumbs = false;
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (is_breadcrumb(lines[i])) {
      crumbs = true;
      last_crumb = i;
    }
    if (word_count(lines[i]) >= 15 && !is_chrome_only(lines[i])) {
      top_end = i;
      break;
    }
  }
  auto candidate = [&](std::size_t i) {
    const std::string& s = lines[i];
    return heading_shaped(s) && !is_chrome_only(s) && !is_breadcrumb(s) && !is_top_marker(s) &&
           !vocab::set("heading_title_chrome").equals(s) && bare(s) == s;
  };
  // The heading that names the page's address.
  std::optional<std::size_t> named;
  if (!url.empty())
    for (std::size_t i = first; i < top_end && i < lines.size() && !named; ++i)
      if (candidate(i) && names_page_url(lines[i], url)) named = i;
  if (!opens_with_chrome(lines[first]) && !crumbs) {
    // No chrome seen, but the first line is not the heading that names the address (a logo or a
    // site name first): that heading is the main one.
    if (named && *named > first && !(candidate(first) && names_page_url(lines[first], url))) return named;
    return std::nullopt;
  }
  if (named) return named;
  // Else the first heading-shaped line after the chrome that stands as a block of its own, else
  // (a copy without blank lines) the first one after the breadcrumb.
  const std::size_t from = crumbs ? last_crumb + 1 : first + 1;
  for (std::size_t i = from; i < top_end && i < lines.size(); ++i) {
    if (!candidate(i)) continue;
    const bool block = i + 1 >= lines.size() || lines[i + 1].empty();
    if (block) return i;
  }
  if (crumbs)
    for (std::size_t i = from; i < top_end && i < lines.size(); ++i)
      if (candidate(i)) return i;
  return std::nullopt;
}

std::vector<bool> top_chrome_lines(const std::vector<std::string>& lines, std::size_t heading) {
  std::vector<bool> drop(heading, false);
  for (std::size_t i = 0; i < heading; ++i) {
    if (lines[i].empty()) continue;
    const std::string s = bare(lines[i]);
    if (s.empty()) {
      drop[i] = true;
      continue;
    }
    if (is_chrome_only(s) || is_breadcrumb(s)) {
      drop[i] = true;
      continue;
    }
    // Badges, chips and dates above the heading are kept ("Utlysning Stängd", "Publicerad den …");
    // other short lines there are the logo, the menu and category labels. A short line in a run
    // of three or more (a menu copies one item a line) is dropped even when it reads like a badge.
    if (!heading_shaped(s)) continue;
    std::size_t a = i, b = i;
    while (a > 0 && !lines[a - 1].empty()) --a;
    while (b + 1 < heading && !lines[b + 1].empty()) ++b;
    const bool menu = word_count(s) <= 4 && b - a + 1 >= 3;
    const bool marker = is_top_marker(s) || (word_count(s) <= 8 && vocab::set("status").in(s));
    drop[i] = menu || !marker;
  }
  return drop;
}

bool is_reading_aid(std::string_view line) {
  const auto m = vocab::set("heading_title_chrome").equals(bare(line));
  return m && (m->meaning() == "reading_aid" || m->meaning() == "skip_link");
}

std::vector<int> unnumbered_steps(const std::vector<std::string>& lines) {
  std::vector<int> out(lines.size(), 0);
  auto step_line = [](const std::string& s) {
    if (s.empty() || starts_lower(s) || word_count(s) > 60 || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    if (std::string_view("-•–*·").find(s[0]) != std::string_view::npos) return false;
    return s.back() == '.' || s.back() == '!';
  };
  const auto& intro = vocab::set("steps_intro");
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!step_line(lines[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < lines.size() && step_line(lines[end])) ++end;
    // The line introducing the run: the nearest non-blank line above it.
    std::size_t k = i;
    while (k > 0 && lines[k - 1].empty()) --k;
    const bool introduced = k > 0 && intro.in(lines[k - 1]) &&
                            (lines[k - 1].back() == ':' || (heading_shaped(lines[k - 1]) && k == i));
    if (end - i >= 2 && introduced)
      for (std::size_t j = i; j < end; ++j) out[j] = static_cast<int>(j - i + 1);
    i = end;
  }
  return out;
}

}  // namespace bidrag::parse::text
