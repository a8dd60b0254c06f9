// Opening the SQLite store that a reading command (diff, report, calendar, export) names.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "bidrag/common/error.h"
#include "bidrag/store/sqlite_store.h"

namespace bidrag::cli {

// Throws UsageError "<command>: no store at PATH" for a missing file (opening would create an
// empty store, and a missing file is a mistyped path), IoError when it is not a store.
[[nodiscard]] std::unique_ptr<store::SqliteStore> open_store(const std::string& path, std::string_view command);

// Runs `read` on the store; a bidrag::Error (the store holds a line that is not a record) becomes
// an IoError (exit 3): the store is broken, not the command line.
template <class Read>
auto read_store(Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const Error& e) {
    throw IoError(e.what());
  }
}

// Writes `text` to standard output; IoError naming the command when it cannot.
void print(const std::string& text, std::string_view command);

}  // namespace bidrag::cli
