// libFuzzer target for the diff: the bytes up to the first form feed are the older JSON Lines
// record set, the rest the newer; loading may refuse (bidrag::Error), diffing may not fail.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bidrag/common/error.h"
#include "bidrag/diff/diff.h"
#include "bidrag/diff/record_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bidrag::diff;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto ff = in.find('\f');
  try {
    const RecordSet older = load_jsonl(in.substr(0, ff), "old.jsonl");
    const RecordSet newer = load_jsonl(ff == std::string_view::npos ? in : in.substr(ff + 1), "new.jsonl");
    (void)diff(older, newer);
  } catch (const bidrag::Error&) {
  }
  return 0;
}
