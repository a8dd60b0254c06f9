// libFuzzer target for the URL module (src/url, libcurl's URL API): the first line is the base,
// the rest the reference; each is also parsed, unescaped and reduced to its host on its own.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bidrag/url/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace url = bidrag::url;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto nl = in.find('\n');
  const std::string base(nl == std::string_view::npos ? std::string_view("https://www.exempel.se/a/b/") : in.substr(0, nl));
  const std::string ref(nl == std::string_view::npos ? in : in.substr(nl + 1));
  (void)url::resolve(base, ref);
  (void)url::resolve(ref, base);
  (void)url::resolve_href(base, ref);
  for (const std::string* s : {&base, &ref}) {
    (void)url::has_scheme(*s);
    (void)url::is_http(*s);
    if (const auto parts = url::parse(*s)) (void)parts->origin();
    (void)url::unescape(*s);
    (void)url::site_host(*s);
  }
  return 0;
}
