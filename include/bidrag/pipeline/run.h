// The run loop of `bidrag run`: fetch a pipeline's sources (conditionally, from what the store
// remembers), extract what changed, follow linked documents by role, store each document in one
// transaction, and return the current records of every document of the run.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/fetch/fetch.h"
#include "bidrag/pipeline/isolate.h"
#include "bidrag/pipeline/pipeline.h"
#include "bidrag/store/memory.h"
#include "bidrag/store/sink.h"

namespace bidrag::pipeline {

using Extractor = std::function<std::vector<record::Record>(const Snapshot&, const extract::Context&)>;

struct Progress {
  std::size_t done = 0, total = 0;  // total grows as linked documents are found
  std::size_t bytes = 0, failed = 0;
};

struct RunOptions {
  bool stop_on_error = false;
  // Documents fetched per round: what a kill can lose is at most one round's fetching.
  std::size_t batch = 16;
  std::function<void(const Progress&)> progress;
  Extractor extractor;  // extract::extract when empty
  // Each document is extracted in a worker process under a time budget and a memory ceiling.
  Isolation isolation;
};

struct RunResult {
  // documents = changed + unchanged + not_calls + the pages that failed; `failed` counts the
  // list pages (listing, sitemap, feed) that could not be fetched or read too.
  std::size_t documents = 0, changed = 0, unchanged = 0, failed = 0;
  std::size_t lists = 0;       // list pages, sitemaps and feeds read
  std::size_t discovered = 0;  // pages they named that were queued (include / exclude applied)
  std::size_t not_calls = 0;   // discovered pages that hold no call (extracted now or remembered)
  std::size_t bytes = 0;
  bool stopped = false;            // --stop-on-error cut the run short
  std::vector<std::string> lines;  // JSON Lines: current records of the run's documents, in order
};

// `memory` (may be null) supplies validators and hashes so unchanged documents cost no
// extraction; `sinks` each receive every changed document. Throws IoError when a sink cannot
// store (the documents stored before stay stored).
RunResult run(const Pipeline& pipeline, fetch::Fetcher& fetcher, const std::vector<store::Sink*>& sinks,
              store::Memory* memory, const RunOptions& options = {});

// "42 documents, 3 changed, 39 unchanged, 1 failed", and when the run read lists
// "…; 3 list pages read, 40 pages found, 2 not calls".
[[nodiscard]] std::string summary(const RunResult& result);

}  // namespace bidrag::pipeline
