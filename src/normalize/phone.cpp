// Phone numbers in Swedish text through libphonenumber (region SE), bounded for huge input.
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>

#include "bidrag/normalize/contact.h"
#include "normalize/utf8.h"

namespace bidrag::normalize {
namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

// libphonenumber's matcher slows down badly on long runs of digits (seconds per megabyte), so
// it sees the text in short windows, with digit runs no phone number can have blanked out.
constexpr std::size_t kWindow = 2048;
constexpr std::size_t kMaxDigitRun = 17;  // "0046" + 13 digits of E.164 at most
constexpr int kMaxTries = 200;

// The text with invalid UTF-8 and over-long digit runs replaced by spaces, byte for byte, so
// offsets into it are offsets into the input.
std::string sanitized(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size();) {
    if (utf8::is_digit(out[i])) {
      std::size_t j = i;
      while (j < out.size() && utf8::is_digit(out[j])) ++j;
      if (j - i > kMaxDigitRun) std::fill(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j), ' ');
      i = j;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = utf8::decode(out, i, cp);
    if (cp == 0xFFFD && n == 1 && !std::string_view(out).substr(i).starts_with("\xEF\xBF\xBD")) out[i] = ' ';
    i += n;
  }
  return out;
}

// Window ends: line breaks, or a space after a non-digit near the window size.
std::vector<std::pair<std::size_t, std::size_t>> windows(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    if (end - start > kWindow) {
      end = start + kWindow;
      std::size_t cut = end;
      while (cut > start + kWindow / 2 && !(s[cut] == ' ' && !utf8::is_digit(s[cut - 1]))) --cut;
      if (cut > start + kWindow / 2) end = cut;
      // Never cut inside a UTF-8 sequence.
      while (end > start && (static_cast<unsigned char>(s[end]) & 0xC0u) == 0x80u) --end;
      if (end == start) end = start + 1;
    }
    if (end > start) out.emplace_back(start, end);
    start = end + (end < s.size() && s[end] == '\n' ? 1 : 0);
  }
  return out;
}

std::string trim_display(std::string raw) {
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == ',' || raw.back() == '.')) raw.pop_back();
  return raw;
}

}  // namespace

std::vector<PhoneMatch> find_phones(std::string_view text) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const std::string clean = sanitized(text);
  std::vector<PhoneMatch> out;
  for (const auto& [begin, end] : windows(clean)) {
    const std::string window = clean.substr(begin, end - begin);
    if (window.find_first_of("0123456789") == std::string::npos) continue;
    PhoneNumberMatcher matcher(util, window, "SE", PhoneNumberMatcher::VALID, kMaxTries);
    PhoneNumberMatch match;
    while (matcher.HasNext() && matcher.Next(&match)) {
      PhoneMatch p;
      util.Format(match.number(), PhoneNumberUtil::E164, &p.e164);
      p.begin = begin + static_cast<std::size_t>(match.start());
      p.end = p.begin + match.raw_string().size();
      p.display = trim_display(std::string(text.substr(p.begin, p.end - p.begin)));
      p.end = p.begin + p.display.size();
      out.push_back(std::move(p));
    }
  }
  return out;
}

std::optional<PhoneMatch> parse_phone(std::string_view text) {
  auto all = find_phones(text);
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

}  // namespace bidrag::normalize
