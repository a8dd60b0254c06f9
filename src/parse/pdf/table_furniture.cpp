// Page furniture tests: a line's text with digits masked (running headers and footers repeat
// with only the page number changing) and the usual page-number forms.
#include <array>

#include "parse/pdf/table_layout.h"

namespace bidrag::parse::pdf::layout {
namespace {

// Digit runs → '#', ASCII letters lowercased, spaces folded.
std::string mask(std::string_view text) {
  std::string out;
  bool in_digits = false;
  for (char c : fold_space(text)) {
    if (c >= '0' && c <= '9') {
      if (!in_digits) out += '#';
      in_digits = true;
      continue;
    }
    in_digits = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::string furniture_key(const Line& line) {
  std::string key;
  for (const auto& s : line.segments) {
    if (!key.empty()) key += " | ";
    key += mask(s.text);
  }
  return key;
}

bool is_page_number(std::string_view text) {
  static constexpr std::array<std::string_view, 16> forms = {
      "#",          "- # -",       "– # –",     "sida #",      "sida # av #", "sida # (#)", "# (#)",  "#/#",
      "# / #",      "# av #",      "page #",    "page # of #", "# of #",      "sid. #",     "s. #",   "sidan #"};
  const std::string m = mask(text);
  for (auto f : forms) {
    if (m == f) return true;
  }
  return false;
}

}  // namespace bidrag::parse::pdf::layout
