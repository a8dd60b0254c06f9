#include "pg_test_env.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace bidrag::test {
namespace {

std::string db_name() { return "bidrag_test_" + std::to_string(getpid()); }

void admin_exec(const std::string& sql) {
  PGconn* c = PQconnectdb(pg_admin_url().c_str());
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  if (PQstatus(c) != CONNECTION_OK) {
    const std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot reach the test PostgreSQL server: " + msg);
  }
  PGresult* r = PQexec(c, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string msg = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(sql + ": " + msg);
}

std::string replace_db(const std::string& url, const std::string& db) {
  const auto slash = url.rfind('/');
  return url.substr(0, slash + 1) + db;
}

class Environment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (created_ && !std::getenv("BIDRAG_KEEP_TEST_DB")) admin_exec("DROP DATABASE IF EXISTS " + db_name() + " WITH (FORCE)");
  }
  bool created_ = false;
};
Environment* g_env = static_cast<Environment*>(::testing::AddGlobalTestEnvironment(new Environment));

}  // namespace

const std::string& pg_admin_url() {
  static const std::string url = [] {
    const char* u = std::getenv("BIDRAG_TEST_PG_URL");
    if (!u || !*u) {
      throw std::runtime_error(
          "BIDRAG_TEST_PG_URL is not set: run the suite through scripts/test, which starts a throw-away "
          "PostgreSQL server, or exclude these tests with ctest -LE postgres");
    }
    return std::string(u);
  }();
  return url;
}

const std::string& pg_test_url() {
  static const std::string url = [] {
    admin_exec("DROP DATABASE IF EXISTS " + db_name() + " WITH (FORCE)");
    admin_exec("CREATE DATABASE " + db_name());
    g_env->created_ = true;
    return replace_db(pg_admin_url(), db_name());
  }();
  return url;
}

std::string pg_url_with_password(const std::string& password) {
  std::string url = pg_test_url();
  const auto scheme = url.find("://") + 3;
  const auto colon = url.find(':', scheme);
  const auto at = url.find('@', scheme);
  return url.substr(0, colon + 1) + password + url.substr(at);
}

}  // namespace bidrag::test
