// libFuzzer targets for the document parsers: the bytes as an HTML page, a PDF or a text
// capture, parsed and extracted exactly as `bidrag extract` does (FORMAT chosen at build time).
#include <cstddef>
#include <cstdint>
#include <string>

#include "bidrag/common/snapshot.h"
#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bidrag;
  Snapshot s = make_snapshot(BIDRAG_FUZZ_URL, std::string(reinterpret_cast<const char*>(data), size), BIDRAG_FUZZ_TYPE);
  for (const auto& r : extract::extract(s, {})) (void)record::to_json(r);
  return 0;
}
