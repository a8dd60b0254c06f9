// Extraction in a worker process: a document that crashes a parser, hangs or runs out of
// memory becomes one error record for that document, and the run goes on.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"

namespace bidrag::pipeline {

struct Isolation {
  bool enabled = true;
  std::chrono::milliseconds budget{60'000};            // wall time per document
  std::size_t memory_bytes = std::size_t{4} << 30;     // RLIMIT_AS of the worker; 0: no limit
};

using ExtractFn = std::function<std::vector<record::Record>(const Snapshot&, const extract::Context&)>;

// Runs fn(snapshot, context) in a forked worker under the time budget and memory ceiling and
// returns its records (passed back serialised over a pipe), or one `error` record (stage
// "extract") naming the signal, the budget or the memory ceiling.
// Test-only hooks: when the environment variable BIDRAG_TEST_CRASH_MARKER (or
// BIDRAG_TEST_HANG_MARKER) is set and the document's bytes contain its value, the worker
// aborts (or spins forever) instead of extracting.
[[nodiscard]] std::vector<record::Record> extract_isolated(const ExtractFn& fn, const Snapshot& snapshot,
                                                           const extract::Context& context, const Isolation& isolation);

// The serialisation used over the pipe (exposed for tests): every field of every record type.
[[nodiscard]] std::string serialise(const std::vector<record::Record>& records);
[[nodiscard]] std::vector<record::Record> deserialise(std::string_view bytes);

}  // namespace bidrag::pipeline
