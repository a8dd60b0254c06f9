// The exact-number JSON tree: built by RapidJSON's SAX reader with numbers kept as text.
#include "bidrag/diff/json_value.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <stdexcept>

namespace bidrag::diff {

Value Value::string(std::string s) {
  Value v;
  v.kind = Kind::string;
  v.text = std::move(s);
  return v;
}

Value Value::object() {
  Value v;
  v.kind = Kind::object;
  return v;
}

Value Value::number(std::string raw) {
  Value v;
  v.kind = Kind::number;
  v.text = std::move(raw);
  return v;
}

const Value* Value::find(std::string_view key) const noexcept {
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

std::string_view Value::str(std::string_view key) const noexcept {
  const Value* v = find(key);
  return v && v->is_string() ? std::string_view(v->text) : std::string_view();
}

void Value::set(std::string key, Value v) {
  for (auto& [k, old] : members) {
    if (k == key) {
      old = std::move(v);
      return;
    }
  }
  members.push_back(Member{std::move(key), std::move(v)});
}

bool stated(const Value* v) noexcept {
  return v != nullptr && !v->is_null() && !(v->is_array() && v->items.empty());
}

bool same(const Value& a, const Value& b) noexcept {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::null: return true;
    case Value::Kind::boolean: return a.boolean == b.boolean;
    case Value::Kind::number:
    case Value::Kind::string: return a.text == b.text;
    case Value::Kind::array:
      if (a.items.size() != b.items.size()) return false;
      for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!same(a.items[i], b.items[i])) return false;
      return true;
    case Value::Kind::object:
      if (a.members.size() != b.members.size()) return false;
      for (const auto& [k, v] : a.members) {
        const Value* o = b.find(k);
        if (!o || !same(v, *o)) return false;
      }
      return true;
  }
  return false;
}

namespace {

// SAX handler that builds the tree; a stack of open containers, keys pending per object.
class Builder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Builder> {
 public:
  bool Null() { return put(Value{}); }
  bool Bool(bool b) {
    Value v;
    v.kind = Value::Kind::boolean;
    v.boolean = b;
    return put(std::move(v));
  }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return put(Value::number(std::string(s, n))); }
  bool String(const char* s, rapidjson::SizeType n, bool) { return put(Value::string(std::string(s, n))); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    keys_.emplace_back(s, n);
    return true;
  }
  bool StartObject() {
    stack_.push_back(Value::object());
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() {
    Value v;
    v.kind = Value::Kind::array;
    stack_.push_back(std::move(v));
    return true;
  }
  bool EndArray(rapidjson::SizeType) { return close(); }

  Value root;

 private:
  bool close() {
    Value v = std::move(stack_.back());
    stack_.pop_back();
    return put(std::move(v));
  }
  bool put(Value v) {
    if (stack_.empty()) {
      root = std::move(v);
    } else if (stack_.back().is_array()) {
      stack_.back().items.push_back(std::move(v));
    } else {
      stack_.back().members.push_back(Member{std::move(keys_.back()), std::move(v)});
      keys_.pop_back();
    }
    return true;
  }
  std::vector<Value> stack_;
  std::vector<std::string> keys_;
};

}  // namespace

Value parse_json(std::string_view text) {
  Builder builder;
  rapidjson::Reader reader;
  rapidjson::MemoryStream ms(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(ms);
  const auto ok = reader.Parse<rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag |
                               rapidjson::kParseStopWhenDoneFlag>(in, builder);
  if (ok.IsError())
    throw std::runtime_error(std::string(rapidjson::GetParseError_En(ok.Code())) + " at column " +
                             std::to_string(ok.Offset() + 1));
  // Anything but white space after the value is an error, as in a strict JSON Lines reader.
  for (std::size_t i = in.Tell(); i < text.size(); ++i) {
    const char c = text[i];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
      throw std::runtime_error("unexpected text after the JSON value at column " + std::to_string(i + 1));
  }
  return std::move(builder.root);
}

void write_json(JsonWriter& w, const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: w.Null(); break;
    case Value::Kind::boolean: w.Bool(v.boolean); break;
    case Value::Kind::number: w.RawValue(v.text.data(), v.text.size(), rapidjson::kNumberType); break;
    case Value::Kind::string: w.String(v.text.data(), static_cast<rapidjson::SizeType>(v.text.size())); break;
    case Value::Kind::array:
      w.StartArray();
      for (const auto& i : v.items) write_json(w, i);
      w.EndArray();
      break;
    case Value::Kind::object:
      w.StartObject();
      for (const auto& [k, m] : v.members) {
        w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
        write_json(w, m);
      }
      w.EndObject();
      break;
  }
}

std::string to_json(const Value& v) {
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  write_json(w, v);
  return {sb.GetString(), sb.GetSize()};
}

}  // namespace bidrag::diff
