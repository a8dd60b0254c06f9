// Test helpers shared by every suite: fixture paths, schema checks of emitted records, and
// running the real bidrag binary.
#pragma once
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/record/kinds.h"

namespace bidrag::record {
// A closed set's value prints as its contract name in failure messages ("mismatch", not "1").
template <NamedSet E>
void PrintTo(const E& value, std::ostream* os) {
  *os << to_string(value);
}
}  // namespace bidrag::record

namespace bidrag::test {

// Absolute path of a file under fixtures/ ("corpus/sociala-insatser-2023/fordelningslista.pdf").
[[nodiscard]] std::string fixture(std::string_view relative);
[[nodiscard]] std::string read_fixture(std::string_view relative);

// Asserts that every line of JSON Lines text is a record valid against the schema.
::testing::AssertionResult records_valid(std::string_view jsonl);
// JSON lines joined with a newline after each, as a .jsonl file holds them.
[[nodiscard]] std::string jsonl(const std::vector<std::string>& lines);

// Asserts that one record (JSON text) is valid.
::testing::AssertionResult record_valid(std::string_view json);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the bidrag binary (BIDRAG_BINARY) with the arguments, from the source tree, and
// captures its output. stdin is /dev/null unless `input` is given.
[[nodiscard]] RunResult run_bidrag(const std::vector<std::string>& args, const std::string* input = nullptr);

// A fresh empty folder under the build's temporary directory, removed by the OS later.
[[nodiscard]] std::string temp_dir(std::string_view name);

// The whole file (a run's JSON Lines output), "" when it cannot be read.
[[nodiscard]] std::string read_file(const std::string& path);
// How often `needle` occurs in `text` (overlapping matches counted).
[[nodiscard]] std::size_t count_of(std::string_view text, std::string_view needle);
// The first column of the first row of `sql` on the SQLite file `db` (opened read-only, waiting
// up to 2 s for a writer), or -1 when the query fails or gives no row.
[[nodiscard]] long long sqlite_scalar(const std::string& db, const std::string& sql);

// Readable names for parameterised cases (issue 17): a case struct's `name`, or a string
// parameter (a fixture path), made a valid test name ("corpus/a-b.pdf" → "corpus_a_b_pdf").
// Use `test::case_name` as INSTANTIATE_TEST_SUITE_P's fourth argument, and
// `using test::PrintTo;` in the test's namespace so failures print the name, not bytes.
[[nodiscard]] std::string identifier(std::string_view text);
template <class T>
  requires requires(const T& t) { std::string_view(t.name); }
void PrintTo(const T& t, std::ostream* os) {
  *os << t.name;
}
struct CaseName {
  template <class T>
  std::string operator()(const ::testing::TestParamInfo<T>& info) const {
    if constexpr (requires { std::string_view(info.param.name); })
      return identifier(info.param.name);
    else
      return identifier(info.param);
  }
};
inline constexpr CaseName case_name{};

}  // namespace bidrag::test
