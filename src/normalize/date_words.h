// Swedish calendar words for the date scanner: months, weekdays, ordinals, number words
// (internal to src/normalize). All lookups take lower-cased text (see lower_swedish).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace bidrag::normalize::words {

// ASCII and Å/Ä/Ö/É lower-cased in place of the same byte length, so offsets stay valid.
std::string lower_swedish(std::string_view text);

// Each returns the length of the word matched at the start of `s` (0: none) and its value.
// Months: full names and abbreviations ("jan.", "sept"); the dot is part of the match.
std::size_t month(std::string_view s, int& value);
std::size_t weekday(std::string_view s);
// The weekday's number: 1 Monday … 7 Sunday.
std::size_t weekday(std::string_view s, int& value);
// "förste", "första", "andra", "tredje" … "trettioförsta".
std::size_t ordinal(std::string_view s, int& value);
// "en", "ett", "två" … "tolv", "tjugo", "trettio".
std::size_t number(std::string_view s, int& value);
// Duration units: 'D' (dag, dagar, kalenderdagar), 'W' (vecka, veckor), 'M' (månad, månader),
// 'Y' (år).
std::size_t duration_unit(std::string_view s, char& unit);

}  // namespace bidrag::normalize::words
