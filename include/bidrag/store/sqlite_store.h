// The embedded store: one SQLite file (WAL) holding snapshots (bytes stored once by hash),
// every record version ever seen, and the runs. The default sink of `bidrag run`.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/store/memory.h"
#include "bidrag/store/series.h"
#include "bidrag/store/sink.h"

namespace bidrag::store {

// Counts of one run, kept in the `runs` table.
// Versions are kept per (source URL, record id): the same id from two documents (an HTML and a
// PDF capture of one call) is two histories. put() with a snapshot whose sha256 is empty (the
// fetch failed, nothing was read) adds or refreshes the given records (error records) and closes
// nothing, so a transient failure never retires what the last good capture said; the next good
// capture closes the error record because it no longer gives it.
class SqliteStore final : public Sink, public Memory, public RunLog, public SeriesIndex {
 public:
  // Opens or creates the store and migrates its schema (PRAGMA user_version). Throws IoError
  // naming the path when it cannot be opened, is not a bidrag store, or is newer than this build.
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // Sink
  PutResult put(const Snapshot& snapshot, const std::vector<record::Record>& records) override;
  PutResult put_not_a_call(const Snapshot& snapshot) override;
  [[nodiscard]] std::string describe() const override;

  // Memory
  [[nodiscard]] std::optional<Remembered> remembered(const std::string& url) override;
  [[nodiscard]] std::vector<std::string> current_records_of(const std::string& url) override;
  [[nodiscard]] std::vector<record::DocumentRef> current_links_of(const std::string& url) override;
  void touch(const std::vector<Snapshot>& seen) override;

  // Runs: begin_run returns the run id; end_run stores its end time and counts. A run killed
  // before end_run stays with a null end (visible, harmless).
  std::int64_t begin_run(const std::string& pipeline) override;
  void end_run(std::int64_t run_id, const RunCounts& counts) override;
  Memory* memory() noexcept override { return this; }
  RunLog* run_log() noexcept override { return this; }
  SeriesIndex* series_index() noexcept override { return this; }

  // Series (store/series.h): put() ties each call to its series and links a new edition to the
  // previous one (table `editions`, view `series`).
  [[nodiscard]] std::vector<std::string> series_ids() override;
  [[nodiscard]] std::vector<Edition> editions(const std::string& series) override;
  [[nodiscard]] std::optional<Edition> edition(const std::string& call_id) override;
  [[nodiscard]] std::optional<Edition> previous_edition(const std::string& call_id) override;
  [[nodiscard]] std::vector<std::string> edition_records(const std::string& call_id) override;

  // Read API (for `bidrag diff --db`). `selector` is a call id, a call series (call id without
  // the year) or any id prefix: records whose id or call_id starts with it. Returns record JSON
  // lines (with `source`), ordered by call_id, type, id.
  // The versions current now (valid_to null):
  [[nodiscard]] std::vector<std::string> current_records(const std::string& selector = {});
  // The versions that were current at `time` (RFC 3339 UTC, "2023-03-01T00:00:00Z"):
  // first_seen <= time and (valid_to null or valid_to > time).
  [[nodiscard]] std::vector<std::string> records_at(const std::string& selector, const std::string& time);
  // The versions current just before `time` (RFC 3339 UTC): first_seen < time and (valid_to null
  // or valid_to >= time), so that a version stored at `time` itself counts as a change since then.
  // Every record, ordered as current_records. What `bidrag report` compares with the current ones.
  [[nodiscard]] std::vector<std::string> records_before(const std::string& time);
  // The distinct fetch times of the snapshots of `url` (oldest first), to pick captures to compare.
  [[nodiscard]] std::vector<std::string> capture_times(const std::string& url);

  // The runs logged in the `runs` table.
  struct Run {
    std::int64_t id = 0;
    std::string pipeline, started_at, ended_at;  // ended_at "" while running or when killed
    RunCounts counts;
  };
  // Runs started at or after `time` (RFC 3339 UTC), oldest first.
  [[nodiscard]] std::vector<Run> runs_since(const std::string& time);
  // The latest run that ended, or nullopt when none has.
  [[nodiscard]] std::optional<Run> last_run();

  // Counts for tests and `bidrag run` summaries.
  [[nodiscard]] std::size_t count_versions();          // all record versions ever stored
  [[nodiscard]] std::size_t count_current_versions();  // versions with valid_to null
  [[nodiscard]] std::size_t count_snapshots();
  [[nodiscard]] std::string integrity_check();  // "ok" when PRAGMA integrity_check passes

  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  PutResult store(const Snapshot& snapshot, const std::vector<record::Record>& records, bool not_a_call);
  struct Impl;
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bidrag::store
