// What a store remembers between runs about each URL, so a run does no work for what did not
// change: the validators for conditional requests, the last SHA-256, the current records.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"

namespace bidrag::store {

struct Remembered {
  std::string etag;
  std::string last_modified;
  std::string sha256;      // of the last bytes extracted
  std::string fetched_at;  // of the last capture
};

class Memory {
 public:
  virtual ~Memory() = default;
  // The last successful capture of `url`, or nullopt when never fetched.
  [[nodiscard]] virtual std::optional<Remembered> remembered(const std::string& url) = 0;
  // The current record versions (valid_to null) extracted from `url`, as JSON lines in the
  // order they were stored.
  [[nodiscard]] virtual std::vector<std::string> current_records_of(const std::string& url) = 0;
  // Notes that each `seen[i].url` was fetched again unchanged (304 or the same SHA-256), all in
  // one transaction: moves the last_seen of its current versions to seen[i].fetched_at, keeps
  // any new validators, and closes the error records an earlier failed attempt left; adds no
  // version.
  virtual void touch(const std::vector<Snapshot>& seen) = 0;
};

}  // namespace bidrag::store
