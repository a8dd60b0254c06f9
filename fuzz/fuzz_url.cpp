// libFuzzer target for URL resolution: the first line is the base, the rest the reference.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/html/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto nl = in.find('\n');
  const std::string_view base = nl == std::string_view::npos ? "https://www.exempel.se/a/b/" : in.substr(0, nl);
  const std::string_view ref = nl == std::string_view::npos ? in : in.substr(nl + 1);
  (void)bidrag::parse::resolve_url(base, ref);
  (void)bidrag::parse::resolve_url(ref, base);
  return 0;
}
