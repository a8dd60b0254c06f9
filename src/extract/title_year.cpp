// Title and year (see title_year.h): one scanner of four-digit years for both title forms.
#include "extract/title_year.h"

#include <sstream>
#include <vector>

#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"

namespace bidrag::extract {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Joins two numbers or the parts of a date: "2024-05-01", "2024/2025", "12.30", "2025:1".
bool joiner(char c) { return c == '-' || c == '/' || c == '.' || c == ':'; }

struct Span {
  int year;
  std::size_t begin, end;
};

// Four-digit numbers 1990–2100 of `text` (never part of a longer number), in text order;
// `words_only`: also not joined to another number (a date, a span written with '-' or '/').
std::vector<Span> years(std::string_view text, bool words_only) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && digit(text[j])) ++j;
    const bool starts_word = i == 0 || !joiner(text[i - 1]);
    const bool ends_word = j == text.size() || !(text[j] == '-' || text[j] == '/' || text[j] == ':' ||
                                                 (text[j] == '.' && j + 1 < text.size() && digit(text[j + 1])));
    if (j - i == 4 && (!words_only || (starts_word && ends_word))) {
      const int y = std::stoi(std::string(text.substr(i, 4)));
      if (y >= 1990 && y <= 2100) out.push_back({y, i, j});
    }
    i = j;
  }
  return out;
}

TitleYear call_page(std::string_view title) {
  const auto found = years(title, false);
  if (found.empty()) return {std::nullopt, std::string(title)};
  const Span& y = found.back();
  std::string bare = normalize::fold_spaces(std::string(title.substr(0, y.begin)) + " " + std::string(title.substr(y.end)));
  while (!bare.empty() && std::string_view(" -–:,").find(bare.back()) != std::string_view::npos) bare.pop_back();
  return {y.year, bare};
}

// A word of a list's title that is its year: "2023", "(2023)", "2023:".
bool year_word(const std::string& w) { return w.size() <= 6 && year_in(w).has_value(); }

TitleYear allocation_list(std::string_view title) {
  std::vector<std::string> words;
  {
    std::istringstream in(normalize::fold_spaces(title));
    for (std::string w; in >> w;) words.push_back(w);
  }
  const vocab::Set& lead = vocab::set("list_title_year_lead");
  bool dropped = false;
  // The year ending the title, with the words that lead to it and the dashes around it.
  while (!words.empty()) {
    const std::string& w = words.back();
    const bool year = year_word(w);
    if (!((year && !dropped) || (dropped && lead.equals(w)) || w == "–" || w == "-" || w == ",")) break;
    dropped = dropped || year;
    words.pop_back();
  }
  // Else a year inside the title ("Beviljade organisationsbidrag 2025 – ideella …").
  std::string bare;
  for (const std::string& w : words) {
    if (!dropped && year_word(w)) {
      dropped = true;
      continue;
    }
    bare += (bare.empty() ? "" : " ") + w;
  }
  return {year_in(title), bare};
}

}  // namespace

std::optional<int> year_in(std::string_view text) {
  const auto found = years(text, true);
  if (found.empty()) return std::nullopt;
  return found.back().year;
}

TitleYear title_year(std::string_view title, TitleForm form) {
  switch (form) {
    case TitleForm::call_page: return call_page(title);
    case TitleForm::allocation_list: return allocation_list(title);
  }
  return {};
}

}  // namespace bidrag::extract
