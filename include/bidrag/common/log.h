// Diagnostics on standard error, with the -q/-v level set once by the CLI.
#pragma once
#include <string_view>

namespace bidrag::log {

enum class Level { quiet = 0, normal = 1, verbose = 2 };

void set_level(Level level) noexcept;
[[nodiscard]] Level level() noexcept;

void error(std::string_view message);  // always printed, prefixed "bidrag: error: "
void warn(std::string_view message);   // printed unless quiet, prefixed "bidrag: warning: "
void info(std::string_view message);   // printed unless quiet
void debug(std::string_view message);  // printed with -v

}  // namespace bidrag::log
