// Slugs via ICU (decompose, drop combining marks, fold case) and digests via OpenSSL.
#include "bidrag/common/slug.h"

#include <openssl/evp.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace bidrag {
namespace {

const icu::Normalizer2& normalizer(bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || !n) throw std::runtime_error("ICU normalizer unavailable: " + std::string(u_errorName(status)));
  return *n;
}

// NFD, nonspacing marks removed, lower case, NFC: what the ICU transform "NFD; [:Nonspacing
// Mark:] Remove; Lower; NFC" does, without building ICU's transliterator registry (a fifth of
// the CPU time of extracting one short document).
icu::UnicodeString strip_marks_and_lower(const icu::UnicodeString& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = normalizer(false).normalize(in, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
  }
  kept.toLower(icu::Locale::getRoot());
  icu::UnicodeString out = normalizer(true).normalize(kept, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalization failed: " + std::string(u_errorName(status)));
  return out;
}

std::string hex_digest(const EVP_MD* md, std::string_view bytes) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), out, &len, md, nullptr) != 1) throw std::runtime_error("digest failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(len * 2, '0');
  for (unsigned int i = 0; i < len; ++i) {
    s[2 * i] = kHex[out[i] >> 4];
    s[2 * i + 1] = kHex[out[i] & 15];
  }
  return s;
}

}  // namespace

std::string slugify(std::string_view utf8) {
  const icu::UnicodeString u =
      strip_marks_and_lower(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))));
  std::string folded;
  u.toUTF8String(folded);
  std::string out;
  bool dash = false;
  for (char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string sha1_hex(std::string_view bytes) { return hex_digest(EVP_sha1(), bytes); }
std::string sha256_hex(std::string_view bytes) { return hex_digest(EVP_sha256(), bytes); }

}  // namespace bidrag
