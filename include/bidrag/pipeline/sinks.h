// Where records go, chosen by name or URL: a path or sqlite:PATH (the embedded store),
// postgresql://… (the PostgreSQL sink), or null (nothing; for benchmarks).
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "bidrag/store/sink.h"

namespace bidrag::pipeline {

// Throws UsageError listing the valid forms for an empty or unknown spec, IoError when the store
// cannot be opened (naming the path, never a password).
[[nodiscard]] std::unique_ptr<store::Sink> make_sink(const std::string& spec);
// The file of a spec that names the embedded SQLite store (PATH or sqlite:PATH), else nullopt.
[[nodiscard]] std::optional<std::string> sqlite_path(const std::string& spec);

}  // namespace bidrag::pipeline
