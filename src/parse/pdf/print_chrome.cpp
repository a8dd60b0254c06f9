// Detects and removes running headers and footers: what repeats in the margin bands of the
// pages, page numbers, and a browser's print date and URL. Generic: no producer is named.
#include "print_chrome.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <set>

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

bool is_url(const std::string& t) {
  static const std::regex re(R"(^(https?|file)://\S+$|^www\.\S+\.\S+$)", std::regex::icase);
  return std::regex_match(t, re);
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
  static const std::regex iso_re(R"(^(\d{4})-(\d{2})-(\d{2}),?\s+\d{1,2}[:.]\d{2}(:\d{2})?$)");
  static const std::regex slash_re(R"(^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}),?\s+\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?$)");
  static const std::regex dot_re(R"(^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}),?\s+\d{1,2}[:.]\d{2}(:\d{2})?$)");
  std::smatch m;
  if (std::regex_match(text, m, iso_re)) return iso(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  if (std::regex_match(text, m, slash_re)) {
    const int a = std::stoi(m[1]), b = std::stoi(m[2]), y = std::stoi(m[3]);
    // With AM/PM the locale is the US one (month first); otherwise day first.
    if (m[5].matched || (b > 12 && a <= 12)) return iso(y, a, b);
    return iso(y, b, a);
  }
  if (std::regex_match(text, m, dot_re)) return iso(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  return {};
}

bool is_page_number(const std::string& text) {
  static const std::regex re(
      R"(^(\d{1,4}\s*/\s*\d{1,4}|((sida|page|sid\.|s\.)\s*)?\d{1,4}(\s*(av|of|/)\s*\d{1,4}|\s*\(\d{1,4}\))?|[-–]\s*\d{1,4}\s*[-–])$)",
      std::regex::icase);
  return std::regex_match(text, re);
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
