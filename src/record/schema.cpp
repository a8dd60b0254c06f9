// Validation selects the sub-schema by the record's "type" first, so a message names the
// field that is wrong rather than saying only that no branch of a oneOf matched.
#include "bidrag/record/schema.h"

#include "bidrag/record/record.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>
#include <stdexcept>

namespace bidrag::embedded {
extern const std::string_view records_schema;
}

namespace bidrag::record {
namespace {

struct Schemas {
  rapidjson::Document root;
  std::map<std::string, std::unique_ptr<rapidjson::SchemaDocument>> by_type;
  std::map<std::string, rapidjson::Document> sources;  // the per-type schema documents
};

const Schemas& schemas() {
  static const std::unique_ptr<Schemas> s = [] {
    auto out = std::make_unique<Schemas>();
    const auto text = embedded::records_schema;
    out->root.Parse(text.data(), text.size());
    if (out->root.HasParseError()) throw std::logic_error("embedded records schema does not parse");
    const auto& defs = out->root["definitions"];
    for (auto it = defs.MemberBegin(); it != defs.MemberEnd(); ++it) {
      const auto& def = it->value;
      if (!def.IsObject() || !def.HasMember("properties") || !def["properties"].HasMember("type")) continue;
      // The type's schema as a root of its own, with the shared definitions beside it so
      // "#/definitions/..." references resolve.
      rapidjson::Document d;
      d.CopyFrom(def, d.GetAllocator());
      rapidjson::Value defs_copy;
      defs_copy.CopyFrom(defs, d.GetAllocator());
      d.AddMember("definitions", defs_copy, d.GetAllocator());
      const std::string name = it->name.GetString();
      auto& stored = out->sources[name];
      stored.Swap(d);
      out->by_type[name] = std::make_unique<rapidjson::SchemaDocument>(stored);
    }
    return out;
  }();
  return *s;
}

std::string pointer_text(const rapidjson::Pointer& p) {
  rapidjson::StringBuffer sb;
  p.StringifyUriFragment(sb);
  std::string s = sb.GetString();
  if (!s.empty() && s[0] == '#') s.erase(0, 1);
  return s.empty() ? "/" : s;
}

}  // namespace

std::string_view schema_text() noexcept { return embedded::records_schema; }

std::optional<std::string> validate_record(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return "not JSON at offset " + std::to_string(doc.GetErrorOffset()) + ": " +
           rapidjson::GetParseError_En(doc.GetParseError());
  }
  if (!doc.IsObject() || !doc.HasMember("type") || !doc["type"].IsString()) return "/type: missing or not a string";
  const std::string type = doc["type"].GetString();
  const auto& all = schemas();
  const auto found = all.by_type.find(type);
  if (found == all.by_type.end()) return "/type: unknown record type \"" + type + "\"";

  rapidjson::SchemaValidator validator(*found->second);
  if (doc.Accept(validator)) return std::nullopt;

  const std::string keyword = validator.GetInvalidSchemaKeyword();
  std::string where = pointer_text(validator.GetInvalidDocumentPointer());
  std::string what = "fails \"" + keyword + "\"";
  // Say which field is missing: RapidJSON 1.1 reports only the keyword for "required".
  const rapidjson::Value* schema_at = validator.GetInvalidSchemaPointer().Get(all.sources.at(type));
  const rapidjson::Value* doc_at = validator.GetInvalidDocumentPointer().Get(doc);
  if (keyword == "required" && schema_at && schema_at->HasMember("required") && doc_at && doc_at->IsObject()) {
    for (const auto& name : (*schema_at)["required"].GetArray()) {
      if (!doc_at->HasMember(name)) {
        where = (where == "/" ? "" : where) + "/" + name.GetString();
        what = "required field is missing";
        break;
      }
    }
  } else if (keyword == "additionalProperties") {
    // RapidJSON points at the offending member itself.
    what = "field is not in the contract";
  } else if (keyword == "pattern" && schema_at && schema_at->HasMember("pattern")) {
    what = std::string("does not match the pattern ") + (*schema_at)["pattern"].GetString();
  } else if (keyword == "type" || keyword == "oneOf" || keyword == "enum") {
    what = "has the wrong type or value (" + keyword + ")";
  }
  return type + " record: " + where + ": " + what;
}

namespace {

// The recipient kinds' names from the schema's enum, in RecipientKind order.
const std::vector<std::string>& recipient_kind_names() {
  static const std::vector<std::string> names = [] {
    const auto& root = schemas().root;
    const rapidjson::Value* kinds =
        rapidjson::Pointer("/definitions/ceiling/properties/recipient/properties/kind/enum").Get(root);
    if (!kinds || !kinds->IsArray() || kinds->Size() != 5) {
      throw std::logic_error("embedded records schema: ceiling recipient kind must list 5 kinds");
    }
    std::vector<std::string> out;
    for (const auto& k : kinds->GetArray()) out.emplace_back(k.GetString());
    return out;
  }();
  return names;
}

}  // namespace

const std::string& to_string(RecipientKind kind) {
  return recipient_kind_names().at(static_cast<std::size_t>(kind));
}

std::optional<RecipientKind> recipient_kind_named(std::string_view name) {
  const auto& names = recipient_kind_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<RecipientKind>(i);
  }
  return std::nullopt;
}

}  // namespace bidrag::record
