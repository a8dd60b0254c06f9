// Loading and grouping the records of one side of a diff.
#include "bidrag/diff/record_set.h"

#include <stdexcept>

#include "bidrag/common/error.h"
#include "bidrag/common/file.h"
#include "bidrag/common/log.h"
#include "bidrag/record/ids.h"
#include "bidrag/record/schema.h"

namespace bidrag::diff {

const Item* CallGroup::find(const std::string& key) const noexcept {
  const auto it = index.find(key);
  return it == index.end() ? nullptr : &items[it->second];
}

const CallGroup* RecordSet::find(std::string_view series) const noexcept {
  for (const auto& c : calls)
    if (c.series == series) return &c;
  return nullptr;
}

void add_record(RecordSet& set, Value record) {
  const std::string type(record.str("type"));
  const std::string id(record.str("id"));
  if (type.empty() || id.empty()) throw std::runtime_error("a record needs a type and an id");
  if (type == "error") return;
  std::string series, key;
  if (type == "call") {
    series = record.str("series");
    if (series.empty()) series = record::series_of(id);
    key = "call";
  } else {
    std::string call_id(record.str("call_id"));
    if (call_id.empty()) {
      // An allocation list that no call names, and its ceilings (RECORDS.md v2): the list key
      // ("<funder>:<title>:<year>") stands for the call id at the front of their ids.
      const std::string marker = type == "allocation_list" ? ":allocation_list" : type == "ceiling" ? ":ceiling:" : "";
      const std::size_t at = marker.empty() ? std::string::npos : id.rfind(marker);
      if (at == std::string::npos || at == 0) throw std::runtime_error(type + " record " + id + " has no call_id");
      call_id = id.substr(0, at);
    }
    series = record::series_of(call_id);
    // The id without its call-id prefix, so the 2022 and 2023 editions share keys.
    key = id.starts_with(call_id + ":") ? id.substr(call_id.size() + 1) : type + ":" + id;
  }
  CallGroup* group = nullptr;
  for (auto& c : set.calls)
    if (c.series == series) group = &c;
  if (!group) group = &set.calls.emplace_back(CallGroup{series, {}, {}});
  if (const auto it = group->index.find(key); it != group->index.end()) {
    log::debug(set.source + ": " + id + " appears again; the later record is used");
    group->items[it->second].json = std::move(record);
    return;
  }
  group->index.emplace(key, group->items.size());
  group->items.push_back(Item{type, std::move(key), std::move(record)});
}

RecordSet load_jsonl(std::string_view text, std::string source) {
  RecordSet set;
  set.source = std::move(source);
  std::size_t start = 0, line = 0;
  while (start < text.size()) {
    ++line;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view one = text.substr(start, end - start);
    start = end + 1;
    if (!one.empty() && one.back() == '\r') one.remove_suffix(1);
    if (one.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string place = std::to_string(line);  // "file:17: reason", as compilers print it
    Value v;
    try {
      v = parse_json(one);
    } catch (const std::runtime_error& e) {
      throw Error(set.source, place, std::string("not JSON: ") + e.what());
    }
    if (auto err = record::validate_record(one)) throw Error(set.source, place, *err);
    try {
      add_record(set, std::move(v));
    } catch (const std::runtime_error& e) {
      throw Error(set.source, place, e.what());
    }
  }
  return set;
}

RecordSet load_jsonl_file(const std::string& path) { return load_jsonl(read_file(path), path); }

}  // namespace bidrag::diff
