// The SQLite store's schema and its migrations, versioned by PRAGMA user_version.
#pragma once
#include "store/sqlite_handle.h"

namespace bidrag::store::sqlite {

inline constexpr int kSchemaVersion = 4;

// Sets WAL mode and applies every migration above the file's user_version, each in its own
// transaction. Throws IoError when the file is not a SQLite database or is newer than this build.
void migrate(const Db& db);

}  // namespace bidrag::store::sqlite
