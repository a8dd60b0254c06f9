// Detects and removes running headers and footers: what repeats in the margin bands of the
// pages, page numbers, and a browser's print date and URL. Generic: no producer is named.
#include "print_chrome.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>

#include "bidrag/vocab/vocab.h"

namespace bidrag::parse::pdf {
namespace {

// The share of the page height at the top and at the bottom where running headers and
// footers live (Chromium prints them within 3 %, office programs within 6 %).
constexpr double band_share = 0.07;

enum class Band { none, top, bottom };

Band band_of(const Line& l, const Page& p) {
  if (l.box.y1 <= p.height * band_share) return Band::top;
  if (l.box.y0 >= p.height * (1 - band_share)) return Band::bottom;
  return Band::none;
}

// Digits folded to '#' so that "2/5" and "3/5", or a per-page date, repeat.
std::string shape(const std::string& text) {
  std::string s;
  for (char c : text) s += (c >= '0' && c <= '9') ? '#' : c;
  return s;
}

// A small matcher for the margin's fixed shapes (dates, page numbers, addresses): a cursor
// over the text, each step taking what it expects or failing. White space is ASCII's.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i == s.size(); }
  static bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
  static bool digit(char c) { return c >= '0' && c <= '9'; }
  static char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  // A run of at least `min` and at most `max` digits that no further digit follows.
  std::optional<int> digits(std::size_t min, std::size_t max) {
    std::size_t n = 0;
    int v = 0;
    while (i + n < s.size() && n < max && digit(s[i + n])) v = v * 10 + (s[i + n++] - '0');
    if (n < min || (i + n < s.size() && digit(s[i + n]))) return std::nullopt;
    i += n;
    return v;
  }
  bool take(char c) {
    if (done() || s[i] != c) return false;
    ++i;
    return true;
  }
  bool take_any(std::string_view set) {
    if (done() || set.find(s[i]) == std::string_view::npos) return false;
    ++i;
    return true;
  }
  bool take(std::string_view word) {  // case-insensitively (ASCII)
    if (s.size() - i < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (lower(s[i + k]) != lower(word[k])) return false;
    i += word.size();
    return true;
  }
  // The longest phrase of a vocabulary set that the text continues with.
  bool take_one_of(const char* set) {
    std::size_t best = 0;
    for (const vocab::Entry* e : vocab::set(set).entries()) {
      Cursor c{s, i};
      if (e->folded.size() > best && c.take(e->folded)) best = e->folded.size();
    }
    i += best;
    return best > 0;
  }
  std::size_t spaces() {
    std::size_t n = 0;
    while (!done() && space(s[i])) ++i, ++n;
    return n;
  }
  bool dash() { return take('-') || take("\xE2\x80\x93"); }  // a hyphen or an en dash
  // ":MM" seconds, optionally.
  void seconds() {
    Cursor c = *this;
    if (c.take(':') && c.digits(2, 2)) *this = c;
  }
  // "HH:MM" (or "HH.MM" when `dot`), optional seconds.
  bool clock(bool dot) {
    if (!digits(1, 2) || !(take(':') || (dot && take('.'))) || !digits(2, 2)) return false;
    seconds();
    return true;
  }
  // A year of four digits or two.
  std::optional<int> year() {
    Cursor c = *this;
    if (auto y = c.digits(4, 4)) return *this = c, y;
    return digits(2, 2);
  }
  // ",? " then the clock: what follows a browser's print date.
  bool then_clock(bool dot) {
    take(',');
    return spaces() > 0 && clock(dot);
  }
};

bool no_space_from(std::string_view s, std::size_t i) {
  return std::none_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(), Cursor::space);
}

// A web address printed on its own: http(s):// or file:// and no space, or www.host.tld.
bool is_url(const std::string& t) {
  for (std::string_view scheme : {"http://", "https://", "file://"}) {
    Cursor c{t};
    if (c.take(scheme)) return !c.done() && no_space_from(t, c.i);
  }
  Cursor c{t};
  if (!c.take(std::string_view("www.")) || !no_space_from(t, c.i)) return false;
  // A dot with something before and after it.
  const std::string_view rest = std::string_view(t).substr(c.i);
  return rest.size() >= 3 && rest.find('.', 1) != std::string_view::npos && rest.find('.', 1) <= rest.size() - 2;
}

// The document's title as a browser prints it in the margin: whole, or cut short with an
// ellipsis where it did not fit.
bool is_title(std::string text, const std::string& title) {
  if (title.empty() || text.empty()) return false;
  if (text == title) return true;
  for (const char* ellipsis : {"\xE2\x80\xA6", "..."}) {
    const std::string e = ellipsis;
    if (text.size() > e.size() && text.compare(text.size() - e.size(), e.size(), e) == 0) {
      text.erase(text.size() - e.size());
      while (!text.empty() && text.back() == ' ') text.pop_back();
      return text.size() >= 8 && title.compare(0, text.size(), text) == 0;
    }
  }
  return false;
}

std::string iso(int y, int m, int d) {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

std::string print_date(const std::string& text) {
  {  // 2023-02-24 14:03 (Chromium, Firefox, Swedish locale)
    Cursor c{text};
    const auto y = c.digits(4, 4);
    std::optional<int> m, d;
    if (y && c.take('-') && (m = c.digits(2, 2)) && c.take('-') && (d = c.digits(2, 2)) && c.then_clock(true) && c.done())
      return iso(*y, *m, *d);
  }
  {  // 2/24/23, 2:03 PM (US English: month first) or 24/02/2023, 14:03 (day first)
    Cursor c{text};
    const auto a = c.digits(1, 2);
    std::optional<int> b, y;
    if (a && c.take('/') && (b = c.digits(1, 2)) && c.take('/') && (y = c.year()) && c.then_clock(false)) {
      c.spaces();
      Cursor ampm = c;
      const bool us = ampm.take_any("AaPp") && ampm.take_any("Mm");
      if (us) c = ampm;
      if (c.done()) {
        // With AM/PM the locale is the US one (month first); otherwise day first.
        if (us || (*b > 12 && *a <= 12)) return iso(*y, *a, *b);
        return iso(*y, *b, *a);
      }
    }
  }
  {  // 24.02.2023 14:03 (German, Finnish)
    Cursor c{text};
    const auto d = c.digits(1, 2);
    std::optional<int> m, y;
    if (d && c.take('.') && (m = c.digits(1, 2)) && c.take('.') && (y = c.year()) && c.then_clock(true) && c.done())
      return iso(*y, *m, *d);
  }
  return {};
}

bool is_page_number(const std::string& text) {
  {  // "- 2 -", "– 2 –"
    Cursor c{text};
    if (c.dash()) {
      c.spaces();
      if (c.digits(1, 4)) {
        c.spaces();
        if (c.dash() && c.done()) return true;
      }
    }
  }
  // "12", "1/5", "Sida 2 av 7", "s. 4", "Page 1 of 3", "Sida 1 (1)", "3 (4)"
  Cursor c{text};
  if (c.take_one_of("page_number")) c.spaces();
  if (!c.digits(1, 4)) return false;
  if (c.done()) return true;
  Cursor of = c;
  of.spaces();
  if (of.take('(')) return of.digits(1, 4) && of.take(')') && of.done();
  if (!(of.take('/') || of.take_one_of("page_number_of"))) return false;
  of.spaces();
  return of.digits(1, 4) && of.done();
}

Chrome remove_chrome(std::vector<std::vector<Line>>& pages_lines, const std::vector<Page>& pages,
                     const std::string& pdf_title) {
  Chrome chrome;
  const std::size_t n = pages_lines.size();
  // How many pages carry each (band, shape) of margin text.
  std::map<std::pair<Band, std::string>, std::set<std::size_t>> seen;
  for (std::size_t i = 0; i < n; ++i) {
    for (const Line& l : pages_lines[i]) {
      const Band b = band_of(l, pages[i]);
      if (b != Band::none) seen[{b, shape(l.text)}].insert(i);
    }
  }
  const std::size_t needed = std::max<std::size_t>(2, static_cast<std::size_t>(std::ceil(0.6 * static_cast<double>(n))));
  // A browser's print stamp (date-time or address in a margin) marks the whole margin as
  // the browser's, on the first page too.
  bool browser_print = false;
  for (std::size_t i = 0; i < n && !browser_print; ++i) {
    for (const Line& l : pages_lines[i]) {
      if (band_of(l, pages[i]) != Band::none && (!print_date(l.text).empty() || is_url(l.text))) browser_print = true;
    }
  }

  for (std::size_t i = 0; i < n; ++i) {
    auto& lines = pages_lines[i];
    std::vector<Line> kept;
    kept.reserve(lines.size());
    for (Line& l : lines) {
      const Band b = band_of(l, pages[i]);
      bool drop = false;
      std::string date;
      if (b != Band::none) {
        date = print_date(l.text);
        // A running header's first copy is content (an office document's "Datum: …" is the
        // document's date); a browser's print stamp is not, on any page.
        const bool repeated = (i > 0 || browser_print) && n >= 2 && seen[{b, shape(l.text)}].size() >= needed;
        drop = repeated || is_page_number(l.text) || !date.empty() || is_url(l.text) || is_title(l.text, pdf_title);
      }
      if (!drop) {
        kept.push_back(std::move(l));
        continue;
      }
      if (chrome.printed_at.empty() && !date.empty()) chrome.printed_at = date;
      if (chrome.printed_url.empty() && is_url(l.text)) chrome.printed_url = l.text;
    }
    lines = std::move(kept);
  }
  return chrome;
}

}  // namespace bidrag::parse::pdf
