// Small UTF-8 scanning helpers shared by the normalizers (internal to src/normalize).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace bidrag::normalize::utf8 {

// Decodes the code point at `i`; returns its length in bytes (≥ 1). Invalid or truncated
// sequences decode as U+FFFD with length 1, so a scan always advances.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) noexcept;
void append(std::string& out, char32_t cp);

// Any Unicode White_Space (ASCII spaces, U+00A0, U+2009, U+202F, line breaks …).
bool is_space(char32_t cp) noexcept;
// Hyphen-minus and its typographic kin: U+2010–U+2015, U+2212.
bool is_dash(char32_t cp) noexcept;
bool is_letter(char32_t cp) noexcept;
// Superscript digits (¹²³…⁹⁰) used as footnote markers.
bool is_superscript_digit(char32_t cp) noexcept;

// Skips spaces of any kind starting at `i`; returns the new offset.
std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept;

// ASCII-only lower-casing of one byte; other bytes unchanged.
inline char lower_ascii(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// True when the word starting at `i` is not preceded by a letter or digit (a word start).
bool at_word_start(std::string_view s, std::size_t i) noexcept;
// True when no letter or digit follows at `i` (a word end).
bool at_word_end(std::string_view s, std::size_t i) noexcept;

}  // namespace bidrag::normalize::utf8
