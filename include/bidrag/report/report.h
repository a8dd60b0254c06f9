// What changed in the store since a point in time, for people: new calls, calls that opened or
// closed, moved deadlines, changed ceilings, new and removed documents, errors, and each new
// edition of a series compared with the previous year. Read from the SQLite store's history
// (record versions and runs); the comparisons are the diff engine's (src/diff), per call.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/diff/diff.h"
#include "bidrag/store/sqlite_store.h"

namespace bidrag::report {

struct NewCall {
  std::string call_id, title, funder, url, status, application_close;  // "" when not stated
  std::size_t ceilings = 0;                                             // its ceilings stored
  std::optional<std::int64_t> ceilings_total_ore;                       // their sum, when any
};

struct StatusChange {
  std::string call_id, title, url;
  std::string from, to;  // "open", "closed", "upcoming", "" (not stated)
};

struct DeadlineChange {
  std::string call_id, title;
  std::string kind;                    // application_close, report_due, …
  diff::Change::Kind change{};         // changed: moved; added; removed
  std::string old_date, new_date;      // "" when absent
  std::optional<std::int64_t> days;    // moved: new − old
};

struct CeilingChange {
  std::string call_id;
  std::string recipient;  // the recipient's name ("Södertälje")
  std::string key;        // the recipient key of the ceiling id ("0181", "region-01")
  diff::Change::Kind change{};
  std::optional<std::int64_t> old_ore, new_ore;
  std::int64_t delta_ore = 0;      // new − old; a missing amount counts as 0
  std::optional<std::string> percent;  // of the old amount, two decimals
};

struct DocumentChange {
  std::string call_id;
  diff::Change::Kind change{};  // added or removed
  std::string title, role, url;
};

struct ErrorEntry {
  std::string url, stage, message;
};

// A new edition of a call series diffed against the edition before it.
struct EditionDiff {
  std::string call_id, previous_call_id;
  std::vector<diff::Change> changes;
};

struct Report {
  std::string store;   // the store's path
  std::string since;   // RFC 3339 UTC: the changes are those stored at or after it
  std::string until;   // RFC 3339 UTC: when the report was made
  std::vector<store::SqliteStore::Run> runs;  // the runs in the window
  std::vector<NewCall> new_calls;
  std::vector<StatusChange> status_changes;
  std::vector<DeadlineChange> deadlines;
  std::vector<CeilingChange> ceilings;
  std::vector<DocumentChange> documents;
  std::vector<ErrorEntry> errors;
  std::vector<EditionDiff> editions;
};

// The call id of the edition before `call_id` in its series, or nullopt. The default asks the
// store, which links each new edition to the previous one it holds (store/series.h).
using PreviousEdition = std::function<std::optional<std::string>(store::SqliteStore&, const std::string& call_id)>;
[[nodiscard]] std::optional<std::string> previous_edition_linked(store::SqliteStore& db, const std::string& call_id);

struct Options {
  std::string since;  // RFC 3339 UTC
  std::string until;  // RFC 3339 UTC, for the heading only ("" → now)
  PreviousEdition previous_edition = previous_edition_linked;
};

// Throws bidrag::Error naming the store and record when the store holds a line that is not a
// record.
[[nodiscard]] Report collect(store::SqliteStore& db, const Options& options);

// "2023-03-01" → "2023-03-01T00:00:00Z"; an RFC 3339 UTC time is kept; anything else nullopt.
[[nodiscard]] std::optional<std::string> parse_since(const std::string& text);

// The three forms. Markdown and HTML for people (HTML: one self-contained page, sortable tables,
// an SVG chart of ceiling changes per recipient), JSON for programs.
[[nodiscard]] std::string render_markdown(const Report& r);
[[nodiscard]] std::string render_html(const Report& r);
[[nodiscard]] std::string render_json(const Report& r);

}  // namespace bidrag::report
