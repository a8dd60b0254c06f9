// Reading one side of a diff from the SQLite store's read API.
#include "bidrag/diff/store_input.h"

#include <stdexcept>

#include "bidrag/common/date.h"
#include "bidrag/common/error.h"
#include "bidrag/store/sqlite_store.h"

namespace bidrag::diff {

bool is_year(const std::string& point) noexcept {
  return point.size() == 4 && point.find_first_not_of("0123456789") == std::string::npos;
}

namespace {

// "2023-03-01T00:00:00Z": a valid date, 'T', a time and 'Z' (the store keeps UTC times).
bool is_time(const std::string& point) {
  return point.size() >= 20 && point[10] == 'T' && point.back() == 'Z' &&
         Date::parse_iso(std::string_view(point).substr(0, 10)).has_value();
}

}  // namespace

std::vector<Value> current_values(store::SqliteStore& db, const std::string& selector) {
  std::vector<Value> out;
  std::size_t n = 0;
  for (const auto& line : db.current_records(selector)) {
    ++n;
    try {
      out.push_back(parse_json(line));
    } catch (const std::runtime_error& e) {
      throw Error(db.path(), "current record " + std::to_string(n), std::string("not JSON: ") + e.what());
    }
  }
  return out;
}

RecordSet load_store(store::SqliteStore& db, const std::string& call, const std::string& point) {
  std::vector<std::string> lines;
  std::string what;
  if (is_year(point)) {
    what = call + ":" + point;
    lines = db.current_records(what);
  } else if (is_time(point)) {
    what = call + " at " + point;
    lines = db.records_at(call, point);
  } else {
    throw UsageError("diff: '" + point + "' is neither a year (2023) nor a UTC time (2023-03-01T00:00:00Z)");
  }
  return load_lines(lines, db.path() + " (" + what + ")");
}

RecordSet load_lines(const std::vector<std::string>& lines, std::string source) {
  RecordSet set;
  set.source = std::move(source);
  std::size_t n = 0;
  for (const auto& line : lines) {
    ++n;
    try {
      add_record(set, parse_json(line));
    } catch (const std::runtime_error& e) {
      throw Error(set.source, "record " + std::to_string(n), e.what());
    }
  }
  return set;
}

}  // namespace bidrag::diff
