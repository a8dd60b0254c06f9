// The sink factory: one spelling per store, so pipelines and --sink/--db share it.
#include "bidrag/pipeline/sinks.h"

#include "bidrag/common/error.h"
#include "bidrag/store/postgres.h"
#include "bidrag/store/sqlite_store.h"

namespace bidrag::pipeline {
namespace {

// Accepts every record and stores nothing: measures a run without storage costs.
class NullSink final : public store::Sink {
 public:
  store::PutResult put(const Snapshot&, const std::vector<record::Record>& records) override {
    return store::PutResult{records.size(), 0, 0};
  }
  [[nodiscard]] std::string describe() const override { return "null"; }
};

constexpr const char* kForms = "a file path or sqlite:PATH (SQLite), postgresql://… or postgres://… (PostgreSQL), or null";

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::optional<std::string> sqlite_path(const std::string& spec) {
  if (spec == "null" || starts_with(spec, "postgresql://") || starts_with(spec, "postgres://")) return std::nullopt;
  if (starts_with(spec, "sqlite:")) return spec.size() > 7 ? std::optional(spec.substr(7)) : std::nullopt;
  if (spec.empty() || spec.find("://") != std::string::npos) return std::nullopt;
  return spec;
}

std::unique_ptr<store::Sink> make_sink(const std::string& spec) {
  if (spec == "null") return std::make_unique<NullSink>();
  if (starts_with(spec, "postgresql://") || starts_with(spec, "postgres://")) return store::postgres::make_sink(spec);
  if (starts_with(spec, "sqlite:")) {
    const std::string path = spec.substr(7);
    if (path.empty()) throw UsageError("sink \"sqlite:\": expected a path after sqlite:");
    return std::make_unique<store::SqliteStore>(path);
  }
  // Anything else with a scheme is a typo or an unsupported store, not a file name.
  const auto colon = spec.find("://");
  if (spec.empty() || colon != std::string::npos)
    throw UsageError("sink \"" + (colon == std::string::npos ? spec : store::postgres::mask_password(spec)) +
                     "\": expected " + kForms);
  return std::make_unique<store::SqliteStore>(spec);
}

}  // namespace bidrag::pipeline
