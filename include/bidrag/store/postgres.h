// The PostgreSQL sink: typed tables per record type in a schema owned by bidrag, versioned
// migrations, idempotent loads with history (valid_from/valid_to), COPY for bulk rows.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "bidrag/store/sink.h"

namespace bidrag::store::postgres {

struct Options {
  std::string schema = "bidrag";
  int connect_retries = 3;  // a lost connection is re-established and the document reloaded
  bool use_copy = true;     // stage rows with COPY (false: one INSERT per row, for the benchmark)
  // Test hook: called inside each document's transaction just before COMMIT, with the attempt
  // number and the server process id (tests terminate that backend to simulate a lost link).
  std::function<void(int attempt, int backend_pid)> before_commit;
};

// `url` is a libpq connection URI ("postgresql://user@host/db") or "" for the PG* environment.
// Applies pending migrations. Throws IoError (password masked) when it cannot connect.
[[nodiscard]] std::unique_ptr<Sink> make_sink(const std::string& url, const Options& options = {});

// "postgresql://user:secret@host/db" → "postgresql://user:***@host/db"; also masks password=…
[[nodiscard]] std::string mask_password(const std::string& conninfo);

}  // namespace bidrag::store::postgres
