// Slugs via ICU (decompose, drop combining marks, fold case) and digests via OpenSSL.
#include "bidrag/common/slug.h"

#include <openssl/evp.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace bidrag {
namespace {

icu::Transliterator& mark_stripper() {
  // One per thread: Transliterator is not thread-safe and costly to build.
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU transliterator unavailable: " + std::string(u_errorName(status)));
    return tr;
  }();
  return *t;
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
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  mark_stripper().transliterate(u);
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
