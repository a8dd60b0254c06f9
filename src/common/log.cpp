// Serialised writes to stderr, so lines from concurrent fetches never interleave.
#include "bidrag/common/log.h"

#include <atomic>
#include <iostream>
#include <mutex>

namespace bidrag::log {
namespace {
std::atomic<Level> g_level{Level::normal};
std::mutex g_mutex;

void emit(std::string_view prefix, std::string_view message) {
  std::lock_guard lock(g_mutex);
  std::cerr << prefix << message << '\n';
}
}  // namespace

void set_level(Level l) noexcept { g_level = l; }
Level level() noexcept { return g_level; }

void error(std::string_view m) { emit("bidrag: error: ", m); }
void warn(std::string_view m) {
  if (g_level != Level::quiet) emit("bidrag: warning: ", m);
}
void info(std::string_view m) {
  if (g_level != Level::quiet) emit("", m);
}
void debug(std::string_view m) {
  if (g_level == Level::verbose) emit("bidrag: ", m);
}

}  // namespace bidrag::log
