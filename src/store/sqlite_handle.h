// RAII for SQLite: the connection, prepared statements and transactions, with errors that
// name the store's path. Keeps raw sqlite3 calls out of the store's logic.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::store::sqlite {

struct DbClose {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};

// One open database file.
class Db {
 public:
  // Opens (creating) `path`; throws IoError "PATH: cannot open the store: REASON".
  explicit Db(const std::string& path);
  [[nodiscard]] sqlite3* get() const noexcept { return db_.get(); }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  // Runs one or more statements without results; throws IoError naming the path.
  void exec(std::string_view sql) const;
  // Throws IoError "PATH: WHAT: sqlite's message" for the last failure.
  [[noreturn]] void fail(std::string_view what) const;

 private:
  std::string path_;
  std::unique_ptr<sqlite3, DbClose> db_;
};

// One prepared statement; bind by 1-based position, step, read columns.
class Stmt {
 public:
  Stmt(const Db& db, std::string_view sql);
  Stmt& bind(int i, std::string_view text);
  Stmt& bind(int i, std::int64_t value);
  Stmt& bind_null(int i);
  Stmt& bind_blob(int i, std::string_view bytes);
  // A text bound as NULL when empty.
  Stmt& bind_opt(int i, std::string_view text);
  // true while a row is available; false when done. Throws IoError on failure.
  bool step();
  // Steps a statement that returns no row.
  void run();
  void reset();
  [[nodiscard]] std::string text(int col) const;
  [[nodiscard]] std::int64_t integer(int col) const;
  [[nodiscard]] bool is_null(int col) const;

 private:
  const Db* db_;
  std::unique_ptr<sqlite3_stmt, StmtFinalize> stmt_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called, so an
// exception anywhere inside leaves the store as it was.
class Transaction {
 public:
  explicit Transaction(const Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  const Db* db_;
  bool done_ = false;
};

}  // namespace bidrag::store::sqlite
