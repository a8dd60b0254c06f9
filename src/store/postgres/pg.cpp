#include "store/postgres/pg.h"

#include <cstdlib>

#include "bidrag/common/error.h"
#include "bidrag/store/postgres.h"

namespace bidrag::store::postgres {
namespace {

// The password of a URI ("postgresql://user:pw@host") or key/value conninfo ("password=pw").
std::string password_of(const std::string& conninfo) {
  const auto scheme = conninfo.find("://");
  if (scheme != std::string::npos) {
    const auto at = conninfo.find('@', scheme + 3);
    const auto colon = conninfo.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) return conninfo.substr(colon + 1, at - colon - 1);
  }
  const auto key = conninfo.find("password=");
  if (key != std::string::npos) {
    const auto start = key + 9;
    return conninfo.substr(start, conninfo.find_first_of(" &", start) - start);
  }
  if (const char* env = std::getenv("PGPASSWORD")) return env;
  return {};
}

std::string scrub(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3)) text.replace(pos, secret.size(), "***");
  return text;
}

}  // namespace

std::string mask_password(const std::string& conninfo) {
  const std::string pw = password_of(conninfo);
  if (pw.empty() || conninfo.find(pw) == std::string::npos) return conninfo;
  return scrub(conninfo, pw);
}

long Result::affected() const noexcept { return std::strtol(PQcmdTuples(r_.get()), nullptr, 10); }

Connection::Connection(const std::string& url)
    : conn_(PQconnectdb(url.c_str())), masked_(mask_password(url.empty() ? "(PG* environment)" : url)),
      password_(password_of(url)) {
  if (!conn_) throw IoError("postgresql: out of memory connecting to " + masked_);
  if (!ok()) fail("cannot connect");
  PQsetNoticeProcessor(conn_.get(), [](void*, const char*) {}, nullptr);
}

void Connection::fail(const std::string& what) const {
  std::string detail = conn_ ? PQerrorMessage(conn_.get()) : "";
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  throw IoError(scrub(masked_ + ": " + what + (detail.empty() ? "" : ": " + detail), password_));
}

Result Connection::exec(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  // Without parameters the simple protocol runs several statements at once (migrations).
  ResultPtr r(values.empty() ? PQexec(conn_.get(), sql.c_str())
                             : PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                            values.data(), nullptr, nullptr, 0));
  const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("query failed");
  return Result(std::move(r));
}

void Connection::copy_in(const std::string& copy_sql, const std::string& csv) {
  ResultPtr start(PQexec(conn_.get(), copy_sql.c_str()));
  if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN) fail("COPY failed to start");
  if (PQputCopyData(conn_.get(), csv.data(), static_cast<int>(csv.size())) != 1 || PQputCopyEnd(conn_.get(), nullptr) != 1) {
    fail("COPY failed");
  }
  for (ResultPtr r(PQgetResult(conn_.get())); r; r.reset(PQgetResult(conn_.get()))) {
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail("COPY failed");
  }
}

bool Connection::reset() noexcept {
  PQreset(conn_.get());
  return ok();
}

}  // namespace bidrag::store::postgres
