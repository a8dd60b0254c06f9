// Whole-file reads and atomic writes (write to a temporary, then rename), so an interrupted
// run never leaves a half-written output.
#pragma once
#include <string>
#include <string_view>

namespace bidrag {

// Throws IoError naming the path and the system's reason.
[[nodiscard]] std::string read_file(const std::string& path);
void write_file_atomic(const std::string& path, std::string_view contents);

}  // namespace bidrag
