// One side of a diff read from the SQLite store: a call's records of one year (the versions
// current now) or as they stood at one capture time.
#pragma once
#include <string>
#include <vector>

#include "bidrag/diff/record_set.h"

namespace bidrag::store {
class SqliteStore;
}

namespace bidrag::diff {

// `call` is a call series ("socialstyrelsen:sociala-insatser-i-utsatta-omraden") or a call id.
// `point` is either a year ("2023": the current records of `call`:2023) or an RFC 3339 time
// ("2023-03-01T00:00:00Z": the records of `call` as they stood then). Throws UsageError for a
// point that is neither.
[[nodiscard]] RecordSet load_store(store::SqliteStore& db, const std::string& call, const std::string& point);

// Records read from a store (JSON lines) as one side of a diff named `source`. Throws
// bidrag::Error(source, "record N", reason) for a line that is not a record.
[[nodiscard]] RecordSet load_lines(const std::vector<std::string>& lines, std::string source);
// The store's current records (all, or those `selector` picks as in current_records), parsed,
// for the readers of the whole store: report, calendar, export. Throws bidrag::Error naming the
// store when a line is not JSON.
[[nodiscard]] std::vector<Value> current_values(store::SqliteStore& db, const std::string& selector = {});

// True for "YYYY" (four digits).
[[nodiscard]] bool is_year(const std::string& point) noexcept;

}  // namespace bidrag::diff
