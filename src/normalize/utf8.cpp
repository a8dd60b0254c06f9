// UTF-8 scanning helpers: decoding one code point and classifying it through ICU.
#include "normalize/utf8.h"

#include <unicode/uchar.h>

namespace bidrag::normalize::utf8 {

std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    cp = 0xFFFD;
    return 1;
  }
  if (i + len > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not characters.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    cp = 0xFFFD;
    return 1;
  }
  return len;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_space(char32_t cp) noexcept {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0;
}

bool is_dash(char32_t cp) noexcept { return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }

bool is_letter(char32_t cp) noexcept {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return u_isalpha(static_cast<UChar32>(cp)) != 0;
}

bool is_superscript_digit(char32_t cp) noexcept {
  return cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || (cp >= 0x2070 && cp <= 0x2079);
}

std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
  while (i < s.size()) {
    char32_t cp = 0;
    const std::size_t n = decode(s, i, cp);
    if (!is_space(cp)) break;
    i += n;
  }
  return i;
}

bool at_word_start(std::string_view s, std::size_t i) noexcept {
  if (i == 0) return true;
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0u) == 0x80u) --j;
  char32_t cp = 0;
  decode(s, j, cp);
  return !(is_letter(cp) || (cp >= '0' && cp <= '9'));
}

bool at_word_end(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return true;
  char32_t cp = 0;
  decode(s, i, cp);
  return !(is_letter(cp) || (cp >= '0' && cp <= '9'));
}

}  // namespace bidrag::normalize::utf8
