// RAII wrappers over the sqlite3 C API; every failure becomes an IoError naming the store.
#include "store/sqlite_handle.h"

#include "bidrag/common/error.h"

namespace bidrag::store::sqlite {

Db::Db(const std::string& path) : path_(path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  db_.reset(raw);  // closed even when opening failed
  if (rc != SQLITE_OK) {
    const std::string reason = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    throw IoError(path + ": cannot open the store: " + reason);
  }
  // A concurrent writer (another run) waits rather than failing at once.
  sqlite3_busy_timeout(raw, 10'000);
  sqlite3_extended_result_codes(raw, 1);
}

void Db::exec(std::string_view sql) const {
  char* message = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message ? message : "unknown error";
    sqlite3_free(message);
    throw IoError(path_ + ": " + reason);
  }
}

void Db::fail(std::string_view what) const {
  throw IoError(path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_.get()));
}

Stmt::Stmt(const Db& db, std::string_view sql) : db_(&db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
    db.fail("cannot prepare a statement");
  stmt_.reset(raw);
}

Stmt& Stmt::bind(int i, std::string_view text) {
  if (sqlite3_bind_text(stmt_.get(), i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    db_->fail("cannot bind a value");
  return *this;
}

Stmt& Stmt::bind(int i, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_.get(), i, value) != SQLITE_OK) db_->fail("cannot bind a value");
  return *this;
}

Stmt& Stmt::bind_null(int i) {
  if (sqlite3_bind_null(stmt_.get(), i) != SQLITE_OK) db_->fail("cannot bind a value");
  return *this;
}

Stmt& Stmt::bind_blob(int i, std::string_view bytes) {
  if (sqlite3_bind_blob64(stmt_.get(), i, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
    db_->fail("cannot bind a value");
  return *this;
}

Stmt& Stmt::bind_opt(int i, std::string_view text) { return text.empty() ? bind_null(i) : bind(i, text); }

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail("cannot write or read the store");
}

void Stmt::run() {
  while (step()) {
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string Stmt::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt_.get(), col));
  const int n = sqlite3_column_bytes(stmt_.get(), col);
  return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
}

std::int64_t Stmt::integer(int col) const { return sqlite3_column_int64(stmt_.get(), col); }

bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }

Transaction::Transaction(const Db& db) : db_(&db) { db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_->exec("COMMIT");
  done_ = true;
}

}  // namespace bidrag::store::sqlite
