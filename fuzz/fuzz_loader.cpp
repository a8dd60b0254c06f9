// libFuzzer target for the pipeline loader: any bytes as a pipeline file; only a UsageError
// (a clear message naming the file and the key; exit 2) or a bidrag::Error may come out.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bidrag/common/error.h"
#include "bidrag/pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)bidrag::pipeline::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const bidrag::UsageError&) {
  } catch (const bidrag::Error&) {
  }
  return 0;
}
