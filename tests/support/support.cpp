#include "support/support.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bidrag/record/schema.h"

namespace bidrag::test {
namespace fs = std::filesystem;

std::string fixture(std::string_view relative) {
  return (fs::path(BIDRAG_SOURCE_DIR) / "fixtures" / relative).string();
}

std::string read_fixture(std::string_view relative) {
  std::ifstream in(fixture(relative), std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + std::string(relative));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

::testing::AssertionResult record_valid(std::string_view json) {
  if (auto err = record::validate_record(json)) return ::testing::AssertionFailure() << *err << "\n  in: " << json;
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult records_valid(std::string_view jsonl) {
  std::size_t start = 0, line = 1;
  while (start < jsonl.size()) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    const auto one = jsonl.substr(start, end - start);
    if (!one.empty()) {
      if (auto err = record::validate_record(one))
        return ::testing::AssertionFailure() << "line " << line << ": " << *err << "\n  in: " << one;
    }
    start = end + 1;
    ++line;
  }
  return ::testing::AssertionSuccess();
}

std::string jsonl(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

std::string temp_dir(std::string_view name) {
  const auto base = fs::temp_directory_path() / ("bidrag-test-" + std::to_string(getpid()));
  auto dir = base / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

RunResult run_bidrag(const std::vector<std::string>& args, const std::string* input) {
  const char* bin = std::getenv("BIDRAG_BINARY");
  if (!bin) throw std::runtime_error("BIDRAG_BINARY is not set (run the tests through ctest)");
  const auto dir = temp_dir("run");
  const auto out_path = dir + "/out", err_path = dir + "/err", in_path = dir + "/in";
  if (input) std::ofstream(in_path, std::ios::binary) << *input;
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(BIDRAG_SOURCE_DIR) != 0) _exit(127);
    if (!freopen(input ? in_path.c_str() : "/dev/null", "rb", stdin)) _exit(127);
    if (!freopen(out_path.c_str(), "wb", stdout)) _exit(127);
    if (!freopen(err_path.c_str(), "wb", stderr)) _exit(127);
    std::vector<char*> argv{const_cast<char*>(bin)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (auto p = text.find(needle); p != std::string_view::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

long long sqlite_scalar(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return -1;
  }
  sqlite3_busy_timeout(raw, 2000);
  sqlite3_stmt* st = nullptr;
  long long v = -1;
  if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return v;
}

std::string identifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum)
      out += c;
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "case" : out;
}

}  // namespace bidrag::test
