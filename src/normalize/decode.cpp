// Decoding bytes to UTF-8 (declared charset, BOM, <meta>, ICU detection) and mojibake repair.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <optional>

#include "bidrag/normalize/text.h"
#include "normalize/utf8.h"

namespace bidrag::normalize {
namespace {

struct DetectorClose {
  void operator()(UCharsetDetector* d) const noexcept { ucsdet_close(d); }
};
struct ConverterClose {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};

bool valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(s, i, cp);
    if (cp == 0xFFFD && n == 1 && !(s.substr(i).starts_with("\xEF\xBF\xBD"))) return false;
    i += n;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = utf8::lower_ascii(c);
  return out;
}

// The value after "charset=" in `text` (quotes and trailing parameters dropped), or empty.
std::string charset_parameter(std::string_view text) {
  const std::string low = lower(text);
  const std::size_t at = low.find("charset");
  if (at == std::string::npos) return {};
  std::size_t i = at + 7;
  while (i < low.size() && (low[i] == ' ' || low[i] == '=')) ++i;
  while (i < low.size() && (low[i] == '"' || low[i] == '\'')) ++i;
  std::size_t j = i;
  while (j < low.size() && (std::isalnum(static_cast<unsigned char>(low[j])) || low[j] == '-' || low[j] == '_' ||
                            low[j] == ':' || low[j] == '.'))
    ++j;
  return std::string(text.substr(i, j - i));
}

// A bare charset name ("ISO-8859-1") or an HTTP Content-Type ("text/html; charset=utf-8").
std::string declared_charset(std::string_view declared) {
  if (declared.empty()) return {};
  if (declared.find('=') != std::string_view::npos || declared.find(';') != std::string_view::npos)
    return charset_parameter(declared);
  if (declared.find('/') != std::string_view::npos) return {};  // a media type without charset
  return std::string(declared);
}

std::string convert(std::string_view bytes, const std::string& charset) {
  // Latin-1 labels on the web mean Windows-1252 (WHATWG Encoding): "–" and "€" live at 0x80–0x9F.
  std::string name = lower(charset);
  if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1" || name == "us-ascii") name = "windows-1252";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> conv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || !conv) return nfc(bytes);  // unknown label: treat as UTF-8
  icu::UnicodeString us(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  std::string out;
  us.toUTF8String(out);
  return out;
}

std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return {};
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name != nullptr ? std::string(name) : std::string{};
}

// The single Windows-1252 byte a character came from when UTF-8 was read as Windows-1252 or
// Latin-1, or nullopt.
std::optional<unsigned char> cp1252_byte(char32_t cp) {
  if (cp < 0x100) return static_cast<unsigned char>(cp);
  UErrorCode status = U_ZERO_ERROR;
  static thread_local std::unique_ptr<UConverter, ConverterClose> conv(ucnv_open("windows-1252", &status));
  if (!conv) return std::nullopt;
  ucnv_reset(conv.get());
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  UChar units[2];
  int32_t len = 0;
  U16_APPEND_UNSAFE(units, len, static_cast<UChar32>(cp));
  char out[4];
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_fromUChars(conv.get(), out, 4, units, len, &status);
  if (U_FAILURE(status) || n != 1) return std::nullopt;
  return static_cast<unsigned char>(out[0]);
}

}  // namespace

std::string repair_mojibake(std::string_view text) {
  // Mojibake of UTF-8 always starts with Â..ô (U+00C2..U+00F4) read from a lead byte.
  bool candidate = false;
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) == 0xC3 && static_cast<unsigned char>(text[i + 1]) >= 0x82 &&
        static_cast<unsigned char>(text[i + 1]) <= 0xB4) {
      candidate = true;
      break;
    }
  if (!candidate) return std::string(text);
  // Unambiguous means: every non-ASCII character maps back to one Windows-1252 byte and the
  // bytes together are valid UTF-8 with at least one multi-byte character.
  std::string bytes;
  bytes.reserve(text.size());
  bool multibyte = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(text, i, cp);
    if (cp == 0xFFFD && n == 1) return std::string(text);
    if (cp >= 0x80) {
      const auto b = cp1252_byte(cp);
      if (!b) return std::string(text);
      bytes += static_cast<char>(*b);
      multibyte = true;
    } else {
      bytes += static_cast<char>(cp);
    }
    i += n;
  }
  if (!multibyte || !valid_utf8(bytes)) return std::string(text);
  return nfc(bytes);
}

std::string decode_to_utf8(std::string_view bytes, std::string_view declared) {
  std::string charset = declared_charset(declared);
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (bytes.starts_with("\xFF\xFE")) {
    charset = "utf-16le", bytes.remove_prefix(2);
  } else if (bytes.starts_with("\xFE\xFF")) {
    charset = "utf-16be", bytes.remove_prefix(2);
  }
  if (charset.empty()) {
    const std::string_view head = bytes.substr(0, 4096);
    const std::string low = lower(head);
    if (const std::size_t meta = low.find("<meta"); meta != std::string::npos) {
      const std::size_t at = low.find("charset", meta);
      if (at != std::string::npos) charset = charset_parameter(head.substr(at));
    }
  }
  std::string text;
  const std::string label = lower(charset);
  if (charset.empty()) {
    // Valid UTF-8 is UTF-8: detection is for the rest, where statistics are all there is.
    if (valid_utf8(bytes)) {
      text = std::string(bytes);
    } else {
      const std::string detected = detect(bytes);
      text = convert(bytes, detected.empty() ? "windows-1252" : detected);
    }
  } else if (label == "utf-8" || label == "utf8") {
    text = std::string(bytes);
  } else {
    text = convert(bytes, charset);
  }
  return repair_mojibake(nfc(text));
}

}  // namespace bidrag::normalize
