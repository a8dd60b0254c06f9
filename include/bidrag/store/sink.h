// Where records go: the embedded SQLite store (default), PostgreSQL, JSON Lines, or nothing
// (benchmarks). Chosen by name/URL from a factory in the pipeline module.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/record/record.h"

namespace bidrag::store {

class Memory;
class RunLog;
class SeriesIndex;

// What one document's load changed.
struct PutResult {
  std::size_t added = 0;      // records new or changed (a new version)
  std::size_t unchanged = 0;  // same content as the current version (only last_seen moves)
  std::size_t closed = 0;     // versions closed because the document no longer has the record
};

// Versioning contract shared by every store: a record's content is its JSON without the
// `source` object, and its history is kept per (record id, source URL), since two documents may
// state the same logical record (a call's requisition deadline in the page and in its list).
// Same id and source, same content → unchanged (only last_seen moves). Other content → the old
// version is closed (valid_to / superseded_by) and a new one added. An id the source gave before
// but gives no more → its current version is closed. Nothing is ever deleted.
class Sink {
 public:
  virtual ~Sink() = default;
  // Stores one document's snapshot metadata and records in one transaction: all or nothing.
  // Throws IoError (naming the store, never a password) when it cannot.
  virtual PutResult put(const Snapshot& snapshot, const std::vector<record::Record>& records) = 0;
  // Stores a capture of a discovered page that is not a call: the snapshot, no records (what
  // the page stated before is retired), and, in a store that remembers, the verdict with the
  // validators, so the next run neither reports it nor extracts it again while it is unchanged
  // (Remembered::not_a_call). A later put() of the same URL clears the verdict.
  virtual PutResult put_not_a_call(const Snapshot& snapshot) { return put(snapshot, {}); }
  // For logs and messages; credentials masked.
  [[nodiscard]] virtual std::string describe() const = 0;
  // What the sink remembers between runs (validators, hashes, current records) and where it
  // logs runs, or nullptr: each store says what it can, so no caller has to guess by casting.
  [[nodiscard]] virtual Memory* memory() noexcept { return nullptr; }
  [[nodiscard]] virtual RunLog* run_log() noexcept { return nullptr; }
  // The calls' series and the links between their yearly editions (store/series.h), or nullptr.
  [[nodiscard]] virtual SeriesIndex* series_index() noexcept { return nullptr; }
};

// The content of a record for versioning: its JSON without `source`.
[[nodiscard]] std::string content_json(const record::Record& r);

}  // namespace bidrag::store
