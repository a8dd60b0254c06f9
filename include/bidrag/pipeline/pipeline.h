// A pipeline definition (pipelines/*.json): what to fetch, which linked documents to follow,
// how politely, and where the records go. Loaded with RapidJSON and checked key by key.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bidrag/fetch/fetch.h"
#include "bidrag/record/kinds.h"

namespace bidrag::pipeline {

struct Source {
  Source() = default;
  Source(std::string u, std::string k, std::optional<std::string> call = std::nullopt)
      : url(std::move(u)), kind(std::move(k)), call_id(std::move(call)) {}

  std::string url;   // http, https or file URL
  // A page: "auto" (announcement or list, found by extraction), "announcement", "allocation_list".
  // A page that finds pages: "listing" (an HTML list of calls, pagination followed), "sitemap"
  // (sitemap, sitemap index, gzipped or not), "feed" (RSS 2.0 or Atom).
  std::string kind = "auto";
  std::optional<std::string> call_id;  // the call a directly listed allocation list belongs to
  // Discovery only. Which found URLs are pages to read: a URL is taken when it matches an include
  // pattern (with none, when it is on the source's own site) and no exclude pattern. A pattern
  // is the whole URL with '*' for any run of characters; one starting with '/' is matched
  // against the path and query only ("/statsbidrag/*").
  std::vector<std::string> include, exclude;
  // Discovery only: the most list pages read (listing: pages of the list; sitemap: the
  // sitemap files of an index). A list that links back to an earlier page stops there anyway.
  int max_pages = 20;

  [[nodiscard]] bool discovers() const noexcept { return kind == "listing" || kind == "sitemap" || kind == "feed"; }
  // Whether a URL found by this source is to be read (include / exclude, see above).
  [[nodiscard]] bool wanted(const std::string& found) const;
};

// Glob matching of one pattern as Source::include describes it.
[[nodiscard]] bool matches(const std::string& pattern, const std::string& url);

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
