// A pipeline definition (pipelines/*.json): what to fetch, which linked documents to follow,
// how politely, and where the records go. Loaded with RapidJSON and checked key by key.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bidrag/fetch/fetch.h"
#include "bidrag/record/kinds.h"

namespace bidrag::pipeline {

struct Source {
  std::string url;   // http, https or file URL
  std::string kind;  // "auto" (announcement or list, found by extraction), "announcement", "allocation_list"
  std::optional<std::string> call_id;  // the call a directly listed allocation list belongs to
};

struct Outputs {
  std::string jsonl;               // JSON Lines of the run's current records; empty for none
  std::string db = "bidrag.db";    // the main store: path, sqlite:PATH, postgresql://…, or null
  std::vector<std::string> sinks;  // more sinks: postgresql://…, null
};

struct Pipeline {
  std::string file;  // where it was loaded from, for messages
  std::string name;
  std::vector<Source> sources;
  // The roles of linked documents to fetch and extract too (the contract's names in the file).
  std::vector<record::DocumentRole> follow = {record::DocumentRole::allocation_list};
  fetch::Policy policy;  // mirror folders already resolved to existing paths
  Outputs outputs;
};

// Reads and checks `path`. Throws UsageError "FILE: KEY: expected WHAT, got VALUE" for an
// unknown key, a wrong type, a bad URL or a mirror folder that does not exist; IoError when the
// file cannot be read.
[[nodiscard]] Pipeline load(const std::string& path);
// The same from text (tests); `file` names it in messages and anchors relative mirror folders.
[[nodiscard]] Pipeline parse(const std::string& json, const std::string& file);

}  // namespace bidrag::pipeline
