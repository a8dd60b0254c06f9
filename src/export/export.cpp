// Flattening records to one table per type.
#include "bidrag/export/export.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>

#include "bidrag/common/error.h"
#include "bidrag/diff/store_input.h"

namespace bidrag::exports {
namespace {

using diff::Value;

void leaves(const std::string& name, const Value& v, std::vector<std::pair<std::string, const Value*>>& out) {
  if (v.is_object()) {
    for (const auto& [k, m] : v.members) leaves(name.empty() ? k : name + "." + k, m, out);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.items.size(); ++i) leaves(name + "." + std::to_string(i + 1), v.items[i], out);
  } else if (!v.is_null()) {
    out.emplace_back(name, &v);
  }
}

// Columns of every row in one order: the first row's, each name only in a later row placed
// right after the name that precedes it there.
void merge_columns(std::vector<std::string>& columns, const std::vector<std::pair<std::string, const Value*>>& row) {
  std::size_t at = 0;  // insert position for a name not seen yet
  for (const auto& [name, v] : row) {
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it != columns.end()) {
      at = static_cast<std::size_t>(it - columns.begin()) + 1;
      continue;
    }
    columns.insert(columns.begin() + static_cast<std::ptrdiff_t>(at), name);
    ++at;
  }
}

std::string plain_cell(const Value& v) {
  if (v.kind == Value::Kind::boolean) return v.boolean ? "true" : "false";
  return v.text;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string csv(const std::vector<Value>& records, bool excel) {
  std::vector<std::vector<std::pair<std::string, const Value*>>> rows;
  std::vector<std::string> columns;
  for (const auto& r : records) {
    rows.push_back(flatten(r));
    merge_columns(columns, rows.back());
  }
  const char sep = excel ? ';' : ',';
  std::string out = excel ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? std::string(1, sep) : "") + csv_field(columns[i], sep);
  out += "\r\n";
  for (const auto& row : rows) {
    std::map<std::string_view, const Value*> cells;
    for (const auto& [name, v] : row) cells.emplace(name, v);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) out += sep;
      const auto it = cells.find(columns[i]);
      if (it == cells.end()) continue;
      out += csv_field(excel ? excel_cell(*it->second) : plain_cell(*it->second), sep);
    }
    out += "\r\n";
  }
  return out;
}

std::string jsonl(const std::vector<Value>& records) {
  std::string out;
  for (const auto& r : records) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    for (const auto& [name, v] : flatten(r)) {
      w.Key(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
      diff::write_json(w, *v);
    }
    w.EndObject();
    out.append(buf.GetString(), buf.GetSize());
    out += '\n';
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, const Value*>> flatten(const Value& record) {
  std::vector<std::pair<std::string, const Value*>> out;
  leaves("", record, out);
  return out;
}

std::string csv_field(std::string_view text, char separator) {
  const bool quote = text.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string excel_cell(const Value& v) {
  if (v.kind == Value::Kind::number) {
    std::string s = v.text;
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
  }
  const std::string s = plain_cell(v);
  if (v.kind != Value::Kind::string || s.empty()) return s;
  // Digits Excel would turn into a number and so lose: a leading zero (kommun and county codes),
  // a leading plus (E.164 phones), or more digits than a double holds.
  const std::string_view digits = s.front() == '+' ? std::string_view(s).substr(1) : std::string_view(s);
  if (all_digits(digits) && (s.front() == '+' || (s.front() == '0' && s.size() > 1) || digits.size() > 15))
    return "=\"" + s + "\"";
  // A text Excel would run as a formula.
  if (s.front() == '=' || s.front() == '+' || s.front() == '-' || s.front() == '@') return "'" + s;
  return s;
}

std::string export_records(store::SqliteStore& db, const Options& o) {
  if (o.excel && o.format != Format::csv) throw UsageError("export: --excel applies to --format csv only");
  std::vector<Value> records;
  for (auto& r : diff::current_values(db))
    if (r.str("type") == o.type) records.push_back(std::move(r));
  return o.format == Format::csv ? csv(records, o.excel) : jsonl(records);
}

}  // namespace bidrag::exports
