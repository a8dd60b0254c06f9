// libFuzzer target for the discovery readers (src/parse/discover): the same bytes as a sitemap
// (plain or gzipped), a feed, an agency's HTML list of calls, and a time stamp. A reader may
// refuse the bytes with bidrag::Error; anything else (a crash, a hang, a leak) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bidrag/common/error.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/parse/discover.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace discover = bidrag::parse::discover;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  constexpr std::size_t limit = 8 << 20;  // unpacked gzip
  const bidrag::Snapshot xml = bidrag::make_snapshot("https://www.exempel.se/sitemap.xml", bytes, "application/xml");
  try {
    (void)discover::parse_sitemap(xml, limit);
  } catch (const bidrag::Error&) {
  }
  try {
    (void)discover::parse_feed(xml, limit);
  } catch (const bidrag::Error&) {
  }
  (void)discover::parse_listing(bidrag::make_snapshot("https://www.exempel.se/utlysningar/?page=2", bytes, "text/html"));
  (void)discover::utc_time(bytes);
  return 0;
}
