// A record's versioned content: its JSON minus the `source` object (fetch time and hash
// change on every capture without the record changing).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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

}  // namespace bidrag::store
