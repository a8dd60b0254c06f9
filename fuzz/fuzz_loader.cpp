// libFuzzer target for the pipeline loader: any bytes as a pipeline file; only bidrag::Error
// (a clear message naming the file and the key) may come out.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bidrag/common/error.h"
#include "bidrag/pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)bidrag::pipeline::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const bidrag::Error&) {
  }
  return 0;
}
