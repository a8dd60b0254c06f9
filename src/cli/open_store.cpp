#include "cli/open_store.h"

#include <filesystem>
#include <iostream>

#include "bidrag/common/error.h"

namespace bidrag::cli {

std::unique_ptr<store::SqliteStore> open_store(const std::string& path, std::string_view command) {
  if (!std::filesystem::exists(path)) throw UsageError(std::string(command) + ": no store at " + path);
  return std::make_unique<store::SqliteStore>(path);
}

void print(const std::string& text, std::string_view command) {
  std::cout << text;
  std::cout.flush();
  if (!std::cout) throw IoError(std::string(command) + ": cannot write to standard output");
}

}  // namespace bidrag::cli
