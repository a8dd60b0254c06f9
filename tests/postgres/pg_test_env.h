// A database per test run on the throw-away server that scripts/test starts
// (BIDRAG_TEST_PG_URL); dropped afterwards unless BIDRAG_KEEP_TEST_DB is set.
#pragma once
#include <string>

namespace bidrag::test {

// URL of this run's database (created on first use).
[[nodiscard]] const std::string& pg_test_url();
// The server's admin URL (BIDRAG_TEST_PG_URL) for out-of-band statements.
[[nodiscard]] const std::string& pg_admin_url();
// The test database URL with the password replaced.
[[nodiscard]] std::string pg_url_with_password(const std::string& password);

}  // namespace bidrag::test
