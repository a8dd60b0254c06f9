// What a store remembers between runs about each URL, so a run does no work for what did not
// change: the validators for conditional requests, the last SHA-256, the current records.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/record/record.h"

namespace bidrag::store {

struct Remembered {
  std::string etag;
  std::string last_modified;
  std::string sha256;      // of the last bytes extracted
  std::string fetched_at;  // of the last capture
  // The last capture was a discovered page that holds no call (a news item, a menu page): it
  // is not extracted again until its bytes change.
  bool not_a_call = false;
};

class Memory {
 public:
  virtual ~Memory() = default;
  // The last successful capture of `url`, or nullopt when never fetched.
  [[nodiscard]] virtual std::optional<Remembered> remembered(const std::string& url) = 0;
  // The current record versions (valid_to null) extracted from `url`, as JSON lines in the
  // order they were stored.
  [[nodiscard]] virtual std::vector<std::string> current_records_of(const std::string& url) = 0;
  // The current `document` records (links) among them, in the same order, as structs with id,
  // call_id, role, title and url (source holds only its URL): what a run follows from a
  // document that did not change. A stored role outside the contract's set is left out.
  [[nodiscard]] virtual std::vector<record::DocumentRef> current_links_of(const std::string& url) = 0;
  // Notes that each `seen[i].url` was fetched again unchanged (304 or the same SHA-256), all in
  // one transaction: moves the last_seen of its current versions to seen[i].fetched_at, keeps
  // any new validators, and closes the error records an earlier failed attempt left; adds no
  // version.
  virtual void touch(const std::vector<Snapshot>& seen) = 0;
};

// A stored link read back from its columns (the store's own JSON fields): nullopt when `role`
// is not one of the contract's document roles.
[[nodiscard]] std::optional<record::DocumentRef> stored_link(std::string id, std::string call_id, std::string_view role,
                                                             std::string title, std::string url, std::string source_url);

// A run's counts, kept with its start and end time where the store has a `runs` table.
struct RunCounts {
  std::size_t documents = 0, changed = 0, unchanged = 0, failed = 0, records = 0;
  std::size_t bytes = 0;
};

class RunLog {
 public:
  virtual ~RunLog() = default;
  // begin_run returns the run id; end_run stores its end time and counts. A run killed before
  // end_run stays with a null end (visible, harmless).
  virtual std::int64_t begin_run(const std::string& pipeline) = 0;
  virtual void end_run(std::int64_t run_id, const RunCounts& counts) = 0;
};

}  // namespace bidrag::store
