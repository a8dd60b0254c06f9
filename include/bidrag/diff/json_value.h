// A small ordered JSON tree for diffing records: numbers keep their exact source text (amounts
// are exact decimals of kronor, never doubles), objects keep their key order.
#pragma once
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

namespace bidrag::diff {

struct Member;

struct Value {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  std::string text;  // the number's source text, or the string
  std::vector<Value> items;
  // An object's members in source order. A named struct declared ahead, not a std::pair: a
  // pair of the still incomplete Value is instantiated eagerly (its default-constructible
  // checks need Value), which clang 14 with libstdc++ 12 refuses; a vector of an incomplete
  // class is allowed (C++17) as long as nothing needs its size before Member is defined.
  std::vector<Member> members;

  [[nodiscard]] static Value string(std::string s);
  [[nodiscard]] static Value number(std::string raw);
  [[nodiscard]] static Value object();

  [[nodiscard]] bool is_null() const noexcept { return kind == Kind::null; }
  [[nodiscard]] bool is_string() const noexcept { return kind == Kind::string; }
  [[nodiscard]] bool is_object() const noexcept { return kind == Kind::object; }
  [[nodiscard]] bool is_array() const noexcept { return kind == Kind::array; }
  // A member by key, or nullptr.
  [[nodiscard]] const Value* find(std::string_view key) const noexcept;
  // The member's string, or "" when absent or not a string.
  [[nodiscard]] std::string_view str(std::string_view key) const noexcept;
  void set(std::string key, Value v);
};

struct Member {
  std::string key;
  Value value;
};

// Null, an absent member and an empty array all mean "the document does not state it"
// (RECORDS.md), so they compare equal.
[[nodiscard]] bool stated(const Value* v) noexcept;
// Exact structural equality (strings byte for byte, numbers by source text).
[[nodiscard]] bool same(const Value& a, const Value& b) noexcept;

// Parses one JSON text; throws std::runtime_error("<reason> at column N") when it is not JSON.
[[nodiscard]] Value parse_json(std::string_view text);

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
void write_json(JsonWriter& w, const Value& v);
// Compact JSON text.
[[nodiscard]] std::string to_json(const Value& v);

}  // namespace bidrag::diff
