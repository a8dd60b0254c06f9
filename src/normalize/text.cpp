// Swedish text normalization with ICU: NFC, space folding, PDF hyphenation, case folding.
#include "bidrag/normalize/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <vector>

#include "normalize/utf8.h"

namespace bidrag::normalize {
namespace {

bool is_ascii(std::string_view s) noexcept {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Zero-width characters that only steer layout: soft hyphen, zero-width space/joiners, BOM.
bool is_invisible(char32_t cp) noexcept {
  return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

bool is_lower_letter(char32_t cp) noexcept { return utf8::is_letter(cp) && u_islower(static_cast<UChar32>(cp)); }

// The previous code point before byte offset `i` (0 when none).
char32_t previous_cp(std::string_view s, std::size_t i) noexcept {
  if (i == 0) return 0;
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0u) == 0x80u) --j;
  char32_t cp = 0;
  utf8::decode(s, j, cp);
  return cp;
}

// Swedish conjunctions after "hälso-" mark a suspended compound ("hälso- och sjukvård"): the
// hyphen is real and the line break is a word space.
bool starts_with_conjunction(std::string_view s) noexcept {
  static constexpr std::array<std::string_view, 5> words = {"och ", "eller ", "samt ", "respektive ", "resp. "};
  for (auto w : words)
    if (s.starts_with(w)) return true;
  return false;
}

}  // namespace

std::string nfc(std::string_view utf8) {
  bool clean = true;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(utf8, i, cp);
    if (cp == 0xFFFD || cp >= 0x300) {  // anything that could be invalid or non-NFC
      clean = false;
      break;
    }
    i += n;
  }
  if (clean) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n2 = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString us = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out;
  if (U_SUCCESS(status)) {
    const icu::UnicodeString normalized = n2->normalize(us, status);
    if (U_SUCCESS(status)) return normalized.toUTF8String(out);
  }
  return us.toUTF8String(out);
}

std::string fold_spaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < utf8.size();) {
    // A run of visible ASCII (neither space nor control) is copied whole: most text is.
    std::size_t run = i;
    while (run < utf8.size() && static_cast<unsigned char>(utf8[run]) > 0x20 && static_cast<unsigned char>(utf8[run]) < 0x7F) ++run;
    if (run > i) {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(utf8.substr(i, run - i));
      i = run;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = utf8::decode(utf8, i, cp);
    if (utf8::is_space(cp)) {
      pending_space = !out.empty();
    } else if (!is_invisible(cp)) {
      if (pending_space) out += ' ';
      pending_space = false;
      if (cp == 0xFFFD && n == 1)
        utf8::append(out, cp);
      else
        out.append(utf8.substr(i, n));
    }
    i += n;
  }
  return out;
}

bool is_blank(std::string_view utf8) noexcept {
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    i += utf8::decode(utf8, i, cp);
    if (!utf8::is_space(cp) && !is_invisible(cp)) return false;
  }
  return true;
}

std::string join_hyphenated_lines(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(utf8, i, cp);
    // A hyphen directly before a line break, after a lower-case letter.
    if ((cp == '-' || cp == 0x2010 || cp == 0xAD) && i + n < utf8.size() && (utf8[i + n] == '\n' || utf8[i + n] == '\r') &&
        utf8::is_letter(previous_cp(utf8, i))) {
      std::size_t j = i + n;
      if (utf8[j] == '\r') ++j;
      if (j < utf8.size() && utf8[j] == '\n') ++j;
      std::size_t k = j;
      while (k < utf8.size() && (utf8[k] == ' ' || utf8[k] == '\t')) ++k;
      char32_t next = 0;
      if (k < utf8.size()) utf8::decode(utf8, k, next);
      if (is_lower_letter(next) && cp != 0xAD && starts_with_conjunction(utf8.substr(k))) {
        out += "- ";  // "hälso-\noch" → "hälso- och"
        i = k;
        continue;
      }
      if (is_lower_letter(next)) {  // "rekvi-\nrera" → "rekvirera"
        i = k;
        continue;
      }
      if (utf8::is_letter(next) && cp != 0xAD) {  // "Upplands-\nBro" → "Upplands-Bro"
        out += '-';
        i = k;
        continue;
      }
    }
    out.append(utf8.substr(i, n));
    i += n;
  }
  return out;
}

std::string fold_case(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string out(utf8);
    for (char& c : out) c = utf8::lower_ascii(c);
    return out;
  }
  // Default full case folding keeps å, ä, ö distinct from a and o, as Swedish requires.
  icu::UnicodeString us = icu::UnicodeString::fromUTF8(nfc(utf8));
  us.foldCase(U_FOLD_CASE_DEFAULT);
  std::string out;
  return us.toUTF8String(out);
}

bool starts_upper(std::string_view utf8) {
  if (utf8.empty()) return false;
  char32_t cp = 0;
  utf8::decode(utf8, 0, cp);
  return u_isupper(static_cast<UChar32>(cp)) != 0;
}

bool starts_lower(std::string_view utf8) {
  if (utf8.empty()) return false;
  char32_t cp = 0;
  utf8::decode(utf8, 0, cp);
  return u_islower(static_cast<UChar32>(cp)) != 0;
}

std::size_t word_count(std::string_view folded) {
  std::size_t n = folded.empty() ? 0 : 1;
  for (char c : folded) n += c == ' ';
  return n;
}

std::string excerpt(std::string_view utf8, std::size_t max_bytes) {
  if (utf8.size() <= max_bytes) return std::string(utf8);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(utf8.substr(0, cut)) + "\u2026";
}

std::string capitalised(std::string_view utf8) {
  if (utf8.empty()) return {};
  char32_t cp = 0;
  const std::size_t n = utf8::decode(utf8, 0, cp);
  std::string out;
  utf8::append(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp))));
  out.append(utf8.substr(n));
  return out;
}

bool equals_ci(std::string_view a, std::string_view b) { return fold_case(fold_spaces(a)) == fold_case(fold_spaces(b)); }

std::size_t find_ci(std::string_view haystack, std::string_view needle) {
  // Simple (one-to-one) folding per code point, so a match maps back to a byte offset; a space
  // in the needle matches any run of spaces of any kind in the haystack.
  std::vector<char32_t> pattern;
  const std::string folded = fold_spaces(nfc(needle));
  for (std::size_t i = 0; i < folded.size();) {
    char32_t cp = 0;
    i += utf8::decode(folded, i, cp);
    pattern.push_back(cp == ' ' ? cp : static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
  }
  if (pattern.empty()) return 0;
  for (std::size_t start = 0; start < haystack.size();) {
    char32_t first = 0;
    const std::size_t first_len = utf8::decode(haystack, start, first);
    std::size_t h = start;
    std::size_t p = 0;
    while (p < pattern.size() && h < haystack.size()) {
      char32_t cp = 0;
      const std::size_t n = utf8::decode(haystack, h, cp);
      if (pattern[p] == ' ') {
        if (!utf8::is_space(cp)) break;
        h = utf8::skip_spaces(haystack, h);
        ++p;
        continue;
      }
      if (static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)) != pattern[p]) break;
      h += n;
      ++p;
    }
    if (p == pattern.size()) return start;
    start += first_len;
  }
  return std::string_view::npos;
}

}  // namespace bidrag::normalize
