// The comparison rules of diff.h: pairing calls and records, then a field-by-field walk that
// knows dates, amounts, texts and lists.
#include <algorithm>
#include <array>
#include <string_view>

#include "bidrag/common/date.h"
#include "bidrag/diff/diff.h"
#include "bidrag/diff/money.h"

namespace bidrag::diff {
namespace {

struct Ignored {
  std::string_view type;  // "*" for every type
  std::string_view field;  // dotted path inside the record; list items have no index
};

// What is not a change of substance (see diff.h and docs/readme/diff.md for why).
constexpr std::array kIgnored = {
    Ignored{"*", "type"},
    Ignored{"*", "id"},
    Ignored{"*", "call_id"},
    Ignored{"*", "source"},
    Ignored{"*", "warnings"},
    Ignored{"call", "series"},
    Ignored{"call", "as_of"},
    Ignored{"ceiling", "amount_as_printed"},
    Ignored{"ceiling", "cells"},
    Ignored{"ceiling", "name_lines"},
    Ignored{"ceiling", "municipality.name_as_printed"},
    Ignored{"ceiling", "recipient.name_as_printed"},
    Ignored{"allocation_list", "subtotals.amount_as_printed"},
};

bool is_ignored(std::string_view type, std::string_view field) {
  return std::any_of(kIgnored.begin(), kIgnored.end(),
                     [&](const Ignored& i) { return (i.type == "*" || i.type == type) && i.field == field; });
}

// Lists of objects matched by a member rather than by position.
struct KeyedList {
  std::string_view type;
  std::string_view field;
  std::array<std::string_view, 2> keys;  // the first stated one names the item
};
constexpr std::array kKeyedLists = {KeyedList{"allocation_list", "subtotals", {"county_code", "label"}}};

const KeyedList* keyed_list(std::string_view type, std::string_view field) {
  for (const auto& k : kKeyedLists)
    if (k.type == type && k.field == field) return &k;
  return nullptr;
}

// Order of record types inside a call.
constexpr std::array<std::string_view, 6> kTypeOrder = {"call", "deadline", "contact", "document", "allocation_list",
                                                       "ceiling"};

std::size_t type_rank(std::string_view type) {
  const auto it = std::find(kTypeOrder.begin(), kTypeOrder.end(), type);
  return static_cast<std::size_t>(it - kTypeOrder.begin());
}

std::string join(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  return std::string(a) + "." + std::string(b);
}

// An amount object of the record contract: {"value": <number>, "currency": "SEK"}.
std::optional<std::int64_t> amount_ore(const Value& v) {
  if (!v.is_object()) return std::nullopt;
  const Value* value = v.find("value");
  if (!value || value->kind != Value::Kind::number || !v.find("currency")) return std::nullopt;
  return parse_ore(value->text);
}

bool is_string_list(const Value* v) {
  return v && v->is_array() && std::all_of(v->items.begin(), v->items.end(), [](const Value& i) { return i.is_string(); });
}

bool several_words(const Value& v) {
  return v.is_string() && v.text.find_first_of(" \t\n") != std::string::npos;
}

// The record (or a part of it) without what is never compared, for whole added/removed items.
Value strip(std::string_view type, std::string_view field, const Value& v) {
  if (v.is_array()) {
    Value out = v;
    for (auto& i : out.items) i = strip(type, field, i);
    return out;
  }
  if (!v.is_object()) return v;
  Value out = Value::object();
  for (const auto& [k, m] : v.members) {
    const std::string sub = join(field, k);
    if (!is_ignored(type, sub)) out.members.push_back(Member{k, strip(type, sub, m)});
  }
  return out;
}

std::string label_of(const Item& item) {
  const Value& j = item.json;
  if (item.type == "ceiling") {
    // RECORDS.md v2: the recipient of any kind; a version-1 record has only the municipality.
    const Value* m = j.find("recipient");
    if (!m) m = j.find("municipality");
    if (m) {
      if (!m->str("name").empty()) return std::string(m->str("name"));
      return std::string(m->str("name_as_printed"));
    }
  }
  if (item.type == "contact") return std::string(!j.str("name").empty() ? j.str("name") : j.str("role"));
  if (item.type == "document") return std::string(j.str("title"));
  return {};
}

// "ceiling:0181" → "ceiling[0181]"; "allocation_list" and "call" stay as they are.
std::string prefix_of(const std::string& key) {
  const auto colon = key.find(':');
  if (colon == std::string::npos) return key;
  return key.substr(0, colon) + "[" + key.substr(colon + 1) + "]";
}

class Differ {
 public:
  Differ(std::string series, std::vector<Change>& out) : series_(std::move(series)), out_(out) {}

  void item(const Item* a, const Item* b) {
    const Item& any = b ? *b : *a;
    type_ = any.type;
    label_ = any.type == "call" ? std::string() : label_of(any);
    prefix_ = prefix_of(any.key);
    if (a && b) {
      object_members(prefix_, "", a->json, b->json);
      return;
    }
    Change c = make(prefix_, a ? Change::Kind::removed : Change::Kind::added);
    if (any.type == "ceiling") {
      // The delta of a whole ceiling, so that ceiling deltas add up to the change of the total.
      if (const Value* amount = any.json.find("amount")) amounts(c, a ? amount : nullptr, a ? nullptr : amount);
      c.is_amount = false;
    }
    (a ? c.old_value : c.new_value) = strip(type_, "", any.json);
    out_.push_back(std::move(c));
  }

 private:
  Change make(std::string path, Change::Kind kind) const {
    Change c;
    c.series = series_;
    c.path = std::move(path);
    c.kind = kind;
    c.label = label_;
    return c;
  }

  // Old and new as kronor numbers, the delta (a missing amount counts as 0) and the percentage.
  static void amounts(Change& c, const Value* a, const Value* b) {
    const auto oa = a ? amount_ore(*a) : std::optional<std::int64_t>();
    const auto ob = b ? amount_ore(*b) : std::optional<std::int64_t>();
    if ((a && !oa) || (b && !ob)) return;
    c.is_amount = true;
    c.old_value = oa ? Value::number(kronor_number(*oa)) : Value{};
    c.new_value = ob ? Value::number(kronor_number(*ob)) : Value{};
    c.delta_ore = ob.value_or(0) - oa.value_or(0);
    if (oa) c.percent = percent(*c.delta_ore, *oa);
  }

  void object_members(const std::string& path, const std::string& field, const Value& a, const Value& b) {
    for (const auto& [k, v] : a.members) compare(join(path, k), join(field, k), &v, b.find(k));
    for (const auto& [k, v] : b.members)
      if (!a.find(k)) compare(join(path, k), join(field, k), nullptr, &v);
  }

  void compare(const std::string& path, const std::string& field, const Value* a, const Value* b) {
    if (is_ignored(type_, field)) return;
    const bool sa = stated(a), sb = stated(b);
    if (!sa && !sb) return;
    if (is_string_list(sa ? a : nullptr) || is_string_list(sb ? b : nullptr)) {
      if ((!sa || is_string_list(a)) && (!sb || is_string_list(b))) {
        string_list(path, sa ? a->items : std::vector<Value>{}, sb ? b->items : std::vector<Value>{});
        return;
      }
    }
    if (const KeyedList* kl = keyed_list(type_, field)) {
      if ((!sa || a->is_array()) && (!sb || b->is_array())) {
        keyed(path, field, *kl, sa ? a->items : std::vector<Value>{}, sb ? b->items : std::vector<Value>{});
        return;
      }
    }
    if (!sa || !sb) {
      Change c = make(path, sa ? Change::Kind::removed : Change::Kind::added);
      (sa ? c.old_value : c.new_value) = strip(type_, field, sa ? *a : *b);
      amounts(c, sa ? a : nullptr, sb ? b : nullptr);
      out_.push_back(std::move(c));
      return;
    }
    const auto oa = amount_ore(*a), ob = amount_ore(*b);
    if (oa && ob && a->str("currency") == b->str("currency")) {
      if (*oa != *ob) {
        Change c = make(path, Change::Kind::changed);
        amounts(c, a, b);
        out_.push_back(std::move(c));
      }
      return;
    }
    if (a->is_object() && b->is_object()) {
      object_members(path, field, *a, *b);
      return;
    }
    if (a->is_string() && b->is_string() ? same_text(a->text, b->text) : same(*a, *b)) return;
    Change c = make(path, Change::Kind::changed);
    c.old_value = strip(type_, field, *a);
    c.new_value = strip(type_, field, *b);
    if (a->is_string() && b->is_string()) {
      const auto da = Date::parse_iso(a->text), db = Date::parse_iso(b->text);
      if (da && db) {
        c.days = days_between(*da, *db);
      } else if (several_words(*a) || several_words(*b)) {
        c.words = word_diff(a->text, b->text);
      }
    }
    out_.push_back(std::move(c));
  }

  // Lists of texts (conditions, steps): items equal after folding white space are matched by
  // a longest common subsequence; in between, items pair up as changed, the rest are added or
  // removed. Paths number items from 1, as steps are printed.
  void string_list(const std::string& path, const std::vector<Value>& a, const std::vector<Value>& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = same_text(a[i].text, b[j].text) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    std::vector<std::size_t> gone, come;
    const auto flush = [&] {
      const std::size_t pairs = std::min(gone.size(), come.size());
      for (std::size_t k = 0; k < pairs; ++k) compare_text(path, a[gone[k]], b[come[k]], come[k]);
      for (std::size_t k = pairs; k < gone.size(); ++k) {
        Change c = make(path + "[" + std::to_string(gone[k] + 1) + "]", Change::Kind::removed);
        c.old_value = a[gone[k]];
        out_.push_back(std::move(c));
      }
      for (std::size_t k = pairs; k < come.size(); ++k) {
        Change c = make(path + "[" + std::to_string(come[k] + 1) + "]", Change::Kind::added);
        c.new_value = b[come[k]];
        out_.push_back(std::move(c));
      }
      gone.clear();
      come.clear();
    };
    while (i < n || j < m) {
      if (i < n && j < m && same_text(a[i].text, b[j].text)) {
        flush();
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        come.push_back(j++);
      } else {
        gone.push_back(i++);
      }
    }
    flush();
  }

  void compare_text(const std::string& path, const Value& a, const Value& b, std::size_t new_index) {
    Change c = make(path + "[" + std::to_string(new_index + 1) + "]", Change::Kind::changed);
    c.old_value = a;
    c.new_value = b;
    c.words = word_diff(a.text, b.text);
    out_.push_back(std::move(c));
  }

  static std::string item_key(const KeyedList& kl, const Value& v) {
    for (auto k : kl.keys)
      if (const Value* m = v.find(k); m && m->is_string() && !m->text.empty()) return m->text;
    return to_json(v);
  }

  void keyed(const std::string& path, const std::string& field, const KeyedList& kl, const std::vector<Value>& a,
             const std::vector<Value>& b) {
    for (const auto& va : a) {
      const std::string key = item_key(kl, va);
      const auto it = std::find_if(b.begin(), b.end(), [&](const Value& vb) { return item_key(kl, vb) == key; });
      compare(path + "[" + key + "]", field, &va, it == b.end() ? nullptr : &*it);
    }
    for (const auto& vb : b) {
      const std::string key = item_key(kl, vb);
      if (std::none_of(a.begin(), a.end(), [&](const Value& va) { return item_key(kl, va) == key; }))
        compare(path + "[" + key + "]", field, nullptr, &vb);
    }
  }

  std::string series_;
  std::vector<Change>& out_;
  std::string type_, label_, prefix_;
};

// Keys of both sides in one order: the older side's order, each key only in the newer side
// placed after the key that precedes it there.
std::vector<std::string> merged_keys(const CallGroup* a, const CallGroup* b) {
  std::vector<std::string> keys;
  if (a)
    for (const auto& i : a->items) keys.push_back(i.key);
  if (!b) return keys;
  // Keys only in b, each under the position (in a) of the key before it in b.
  std::vector<std::vector<std::string>> after(keys.size() + 1);
  std::size_t anchor = 0;  // 0: before everything; k: after keys[k - 1]
  for (const auto& i : b->items) {
    if (a) {
      if (const auto it = a->index.find(i.key); it != a->index.end()) {
        anchor = it->second + 1;
        continue;
      }
    }
    after[anchor].push_back(i.key);
  }
  std::vector<std::string> merged(after[0]);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    merged.push_back(keys[k]);
    merged.insert(merged.end(), after[k + 1].begin(), after[k + 1].end());
  }
  return merged;
}

void diff_call(const std::string& series, const CallGroup* a, const CallGroup* b, std::vector<Change>& out) {
  std::vector<std::pair<const Item*, const Item*>> pairs;
  for (const auto& key : merged_keys(a, b)) pairs.emplace_back(a ? a->find(key) : nullptr, b ? b->find(key) : nullptr);
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
    const Item& ix = x.second ? *x.second : *x.first;
    const Item& iy = y.second ? *y.second : *y.first;
    return type_rank(ix.type) < type_rank(iy.type);
  });
  Differ d(series, out);
  for (const auto& [ia, ib] : pairs) d.item(ia, ib);
}

}  // namespace

const char* to_string(Change::Kind k) noexcept {
  switch (k) {
    case Change::Kind::added: return "added";
    case Change::Kind::removed: return "removed";
    case Change::Kind::changed: return "changed";
  }
  return "changed";
}

std::vector<Change> diff(const RecordSet& older, const RecordSet& newer) {
  std::vector<Change> out;
  for (const auto& g : older.calls) diff_call(g.series, &g, newer.find(g.series), out);
  for (const auto& g : newer.calls)
    if (!older.find(g.series)) diff_call(g.series, nullptr, &g, out);
  return out;
}

}  // namespace bidrag::diff
