// Swedish text normalization with ICU: decoding to UTF-8 NFC, mojibake repair, space folding,
// soft hyphens, PDF line-end hyphenation, Swedish case-insensitive matching.
#pragma once
#include <string>
#include <string_view>

namespace bidrag::normalize {

// Decodes bytes to UTF-8 NFC. The charset comes from `declared` (an HTTP Content-Type or a
// charset name), else a BOM, else an HTML <meta charset>, else detection (ICU). Then repairs
// unambiguous mojibake (see repair_mojibake).
[[nodiscard]] std::string decode_to_utf8(std::string_view bytes, std::string_view declared = {});

// UTF-8 → NFC. Invalid sequences become U+FFFD.
[[nodiscard]] std::string nfc(std::string_view utf8);

// "SÃ¶dertÃ¤lje" → "Södertälje" where the text is UTF-8 that was read as Latin-1/Windows-1252
// and the repair is unambiguous; anything else is returned unchanged.
[[nodiscard]] std::string repair_mojibake(std::string_view utf8);

// For matching: every kind of space (U+00A0, U+202F, U+2009, tabs, line breaks …) → ' ', runs
// collapsed, trimmed; soft hyphens (U+00AD) dropped. The printed text is kept elsewhere.
[[nodiscard]] std::string fold_spaces(std::string_view utf8);
// fold_spaces(utf8).empty(), without building the string.
[[nodiscard]] bool is_blank(std::string_view utf8) noexcept;

// Joins words split by a line-end hyphen in PDF text: "rekvi-\nrera" → "rekvirera", but
// "Upplands-\nBro" → "Upplands-Bro" (a capital after the hyphen keeps it). Other line breaks
// are kept.
[[nodiscard]] std::string join_hyphenated_lines(std::string_view utf8);

// Swedish case folding for comparison (å, ä, ö stay letters of their own: "Å" → "å", never "a").
[[nodiscard]] std::string fold_case(std::string_view utf8);
// fold_case(fold_spaces(a)) == fold_case(fold_spaces(b)).
[[nodiscard]] bool equals_ci(std::string_view a, std::string_view b);
// Case-insensitive (Swedish) search; returns the byte offset in `haystack` or npos.
[[nodiscard]] std::size_t find_ci(std::string_view haystack, std::string_view needle);

// Letter case, one rule for every stage: whether the first character is an upper-case (a
// lower-case) letter of any script ("Å", "É", "Š"; a digit is neither), and the text with its
// first letter in upper case ("exempelverket" → "Exempelverket", "älvdalen" → "Älvdalen").
// Each reads one character, whatever the text's length.
[[nodiscard]] bool starts_upper(std::string_view utf8);
[[nodiscard]] bool starts_lower(std::string_view utf8);
[[nodiscard]] std::string capitalised(std::string_view utf8);

// The words of a space-folded line: one more than its spaces, none in "".
[[nodiscard]] std::size_t word_count(std::string_view folded);

// A text short enough to quote in a message: the text itself when it has at most `max_bytes`
// bytes, else its first whole characters within that many bytes and "…".
[[nodiscard]] std::string excerpt(std::string_view utf8, std::size_t max_bytes = 200);

}  // namespace bidrag::normalize
