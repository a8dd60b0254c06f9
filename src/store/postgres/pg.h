// RAII around libpq handles (PGconn, PGresult) with tiny noexcept accessors, in the manner of
// osm2pgsql. Errors become IoError with the password masked.
#pragma once
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bidrag::store::postgres {

struct ResultDeleter {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class Result {
 public:
  explicit Result(ResultPtr r) noexcept : r_(std::move(r)) {}
  [[nodiscard]] int rows() const noexcept { return PQntuples(r_.get()); }
  [[nodiscard]] bool is_null(int row, int col) const noexcept { return PQgetisnull(r_.get(), row, col) != 0; }
  [[nodiscard]] std::string get(int row, int col) const { return PQgetvalue(r_.get(), row, col); }
  // Rows affected by INSERT/UPDATE/DELETE.
  [[nodiscard]] long affected() const noexcept;

 private:
  ResultPtr r_;
};

// A connection. `url` is kept only masked; libpq holds the real one.
class Connection {
 public:
  explicit Connection(const std::string& url);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL with text parameters (nullopt → NULL). Throws IoError on failure.
  Result exec(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
  // COPY … FROM STDIN with the given CSV payload.
  void copy_in(const std::string& copy_sql, const std::string& csv);
  [[nodiscard]] bool ok() const noexcept { return PQstatus(conn_.get()) == CONNECTION_OK; }
  [[nodiscard]] int backend_pid() const noexcept { return PQbackendPID(conn_.get()); }
  // Re-establishes a lost connection; false when it cannot.
  bool reset() noexcept;
  [[nodiscard]] const std::string& masked_url() const noexcept { return masked_; }

 private:
  [[noreturn]] void fail(const std::string& what) const;
  struct Deleter {
    void operator()(PGconn* c) const noexcept { PQfinish(c); }
  };
  std::unique_ptr<PGconn, Deleter> conn_;
  std::string masked_;
  std::string password_;  // only to scrub it from libpq's messages
};

}  // namespace bidrag::store::postgres
