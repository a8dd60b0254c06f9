// One record type of the store as a flat table: CSV (RFC 4180) or JSON Lines of flat objects,
// every nested field a column with a dotted name ("funder.name", "amount.value",
// "recipient.code"), list items numbered from 1 ("applicant_types.1", "conditions.2").
// --excel: what Swedish Excel opens correctly by double-click: a UTF-8 byte order mark,
// semicolons between fields, a decimal comma, and texts Excel would take for numbers or
// formulas (kommun code "0181", phone "+46…", a leading "=") kept as text.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bidrag/diff/json_value.h"
#include "bidrag/store/sqlite_store.h"

namespace bidrag::exports {

enum class Format { csv, jsonl };

struct Options {
  std::string type;  // call, deadline, contact, ceiling, allocation_list (also document, error)
  Format format = Format::csv;
  bool excel = false;  // CSV only
};

// The current records of `type`, in the store's order. Throws UsageError for --excel with JSON
// Lines, bidrag::Error when the store holds a line that is not a record.
[[nodiscard]] std::string export_records(store::SqliteStore& db, const Options& options);

// A record's leaves with dotted names, in the record's order; null and empty lists give none.
[[nodiscard]] std::vector<std::pair<std::string, const diff::Value*>> flatten(const diff::Value& record);

// One CSV field: quoted when it holds the separator, a quote, a line break or edge spaces.
[[nodiscard]] std::string csv_field(std::string_view text, char separator);
// A cell's text for Swedish Excel: numbers with a decimal comma; texts Excel would read as a
// number (leading zero, "+46…") or a formula (=, +, -, @) kept as text.
[[nodiscard]] std::string excel_cell(const diff::Value& v);

}  // namespace bidrag::exports
