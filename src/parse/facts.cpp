// "Label: value" recognition: a short label of words, a colon, a value.
#include "parse/facts.h"

#include <cctype>

namespace bidrag::parse {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<LabelValue> split_label_value(std::string_view text, bool allow_empty_value) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 60) return std::nullopt;
  const std::string_view label = trim(text.substr(0, colon));
  if (label.empty()) return std::nullopt;
  int words = 1;
  bool letter = false;
  for (std::size_t i = 0; i < label.size(); ++i) {
    const auto c = static_cast<unsigned char>(label[i]);
    if (std::isdigit(c) || c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == '/' || c == '(' ||
        c == ')' || c == '"')
      return std::nullopt;
    if (c == ' ') ++words;
    if (std::isalpha(c) || c >= 0x80) letter = true;
  }
  if (!letter || words > 4) return std::nullopt;
  // Labels start with a capital or a non-ASCII letter ("Åtgärd:"), not with a lower-case word.
  if (std::islower(static_cast<unsigned char>(label[0]))) return std::nullopt;
  std::string_view rest = text.substr(colon + 1);
  if (rest.substr(0, 2) == "//") return std::nullopt;  // a URL
  std::size_t start = colon + 1;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  const std::string_view value = trim(text.substr(start));
  if (value.empty() && !allow_empty_value) return std::nullopt;
  return LabelValue{std::string(label), std::string(value), start};
}

}  // namespace bidrag::parse
