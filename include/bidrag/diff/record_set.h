// The records one side of a diff holds, grouped by call series so that captures and yearly
// editions of a call pair up, each record keyed by its id without the call-id prefix.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bidrag/diff/json_value.h"

namespace bidrag::diff {

struct Item {
  std::string type;  // "call", "deadline", "contact", "document", "ceiling", "allocation_list"
  std::string key;   // "call", "deadline:report_due", "ceiling:0181", "contact:emilia-strom"
  Value json;        // the whole record
};

struct CallGroup {
  std::string series;       // "socialstyrelsen:sociala-insatser-i-utsatta-omraden"
  std::vector<Item> items;  // first-seen order; a later record with the same key replaces it
  std::unordered_map<std::string, std::size_t> index;  // key → position in items
  [[nodiscard]] const Item* find(const std::string& key) const noexcept;
};

struct RecordSet {
  std::string source;            // file name or store selection, for messages
  std::vector<CallGroup> calls;  // in order of first appearance
  [[nodiscard]] const CallGroup* find(std::string_view series) const noexcept;
};

// Adds one record. Error records are skipped (they describe failed documents, not calls).
// Throws std::runtime_error when the record lacks the fields that place it.
void add_record(RecordSet& set, Value record);

// Reads JSON Lines of records (as `bidrag extract` writes them). Every line must be a record
// valid against the schema; otherwise throws bidrag::Error(source, line number, reason).
[[nodiscard]] RecordSet load_jsonl(std::string_view text, std::string source);
// load_jsonl on a file's contents; a file that cannot be read throws IoError.
[[nodiscard]] RecordSet load_jsonl_file(const std::string& path);

}  // namespace bidrag::diff
