// A record's versioned content: its JSON minus the `source` object (fetch time and hash
// change on every capture without the record changing); a stored link read back.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "bidrag/store/memory.h"
#include "bidrag/store/sink.h"

namespace bidrag::store {

std::string content_json(const record::Record& r) {
  const std::string json = record::to_json(r);
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  d.RemoveMember("source");
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  d.Accept(w);
  return {sb.GetString(), sb.GetSize()};
}

std::optional<record::DocumentRef> stored_link(std::string id, std::string call_id, std::string_view role,
                                               std::string title, std::string url, std::string source_url) {
  const auto r = record::parse_document_role(role);
  if (!r) return std::nullopt;
  record::DocumentRef d;
  d.id = std::move(id);
  d.call_id = std::move(call_id);
  d.source.url = std::move(source_url);
  d.role = *r;
  d.title = std::move(title);
  d.url = std::move(url);
  return d;
}

}  // namespace bidrag::store
