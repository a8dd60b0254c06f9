// CSV helpers shared with the format sniffer.
#pragma once
#include <string_view>

namespace bidrag::parse::csv {

// True only when the bytes are unambiguously delimited records: at least three non-empty
// records, every one with the same number (two or more) of fields for one separator (tab,
// semicolon, comma), no markup at the start. Used when neither type nor extension says.
[[nodiscard]] bool looks_like_csv(std::string_view bytes);

}  // namespace bidrag::parse::csv
