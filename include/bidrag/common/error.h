// Errors that carry their context: the source (URL or path), the place in it, and what went wrong.
#pragma once
#include <stdexcept>
#include <string>

#include "bidrag/common/exit_code.h"

namespace bidrag {

// A failure tied to one document or input; message() reads "source:place: what".
class Error : public std::runtime_error {
 public:
  Error(std::string source, std::string place, const std::string& what)
      : std::runtime_error(compose(source, place, what)), source_(std::move(source)), place_(std::move(place)),
        what_(what) {}

  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  [[nodiscard]] const std::string& place() const noexcept { return place_; }
  [[nodiscard]] const std::string& reason() const noexcept { return what_; }

 private:
  static std::string compose(const std::string& source, const std::string& place, const std::string& what) {
    std::string s = source;
    if (!place.empty()) s += (s.empty() ? "" : ":") + place;
    return s.empty() ? what : s + ": " + what;
  }
  std::string source_, place_, what_;
};

// Bad arguments or configuration: exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Cannot read or write local storage (store, output file, database): exit code 3.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace bidrag
