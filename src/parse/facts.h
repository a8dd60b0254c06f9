// "Label: value" lines, shared by the HTML and plain-text parsers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::parse {

struct LabelValue {
  std::string label;  // without the colon
  std::string value;  // trimmed, may be empty only when allow_empty_value
  std::size_t value_offset = 0;  // byte offset of value in the input
};

// Splits "Sista ansökningsdag: 2023-05-12" / "E-post:namn@x.se" into label and value. The label
// is one to four words of letters (no digits, no sentence punctuation), so running sentences
// with a colon ("Följ punkterna nedan stegvis:") and URLs ("https://…") are not facts.
[[nodiscard]] std::optional<LabelValue> split_label_value(std::string_view text, bool allow_empty_value = false);

}  // namespace bidrag::parse
