// Versioned schema migrations for the PostgreSQL sink.
#pragma once
#include <string>

#include "store/postgres/pg.h"

namespace bidrag::store::postgres {

// The newest migration this binary knows.
[[nodiscard]] int latest_migration() noexcept;

// Applies every pending migration to `schema` (each in its own transaction, under an advisory
// lock so concurrent loaders do not race). Re-running is a no-op. A database whose schema is
// newer than this binary is refused with an IoError saying so.
void migrate(Connection& conn, const std::string& schema);

}  // namespace bidrag::store::postgres
