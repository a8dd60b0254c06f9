// Collecting a report: the store's records as they stood just before `since` and as they are
// now, grouped per call (not per series, so two editions never pair up here), compared with the
// diff engine, and its changes sorted into the report's sections.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "bidrag/common/date.h"
#include "bidrag/common/error.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/diff/money.h"
#include "bidrag/diff/store_input.h"
#include "bidrag/record/ids.h"
#include "bidrag/report/report.h"

namespace bidrag::report {
namespace {

using diff::Change;
using diff::Value;

// The call a record belongs to: a call's own id, a record's call_id, or for an allocation list
// that no call names (and its ceilings) the list key in front of its id (RECORDS.md v2).
std::string call_key(const Value& r) {
  const std::string type(r.str("type"));
  const std::string id(r.str("id"));
  if (type == "call" || type == "error") return id;
  if (!r.str("call_id").empty()) return std::string(r.str("call_id"));
  const std::string marker = type == "allocation_list" ? ":allocation_list" : ":ceiling:";
  const auto at = id.rfind(marker);
  return at == std::string::npos ? id : id.substr(0, at);
}

struct Side {
  std::map<std::string, diff::RecordSet> calls;  // call key → its records
  std::vector<std::string> order;                // call keys in store order
  std::set<std::string> errors;                  // error records, as JSON
  std::vector<Value> error_values;               // error records, in store order
};

Side load(const std::vector<std::string>& lines, const std::string& source) {
  Side side;
  std::size_t n = 0;
  for (const auto& line : lines) {
    ++n;
    try {
      Value v = diff::parse_json(line);
      if (v.str("type") == "error") {
        if (side.errors.insert(diff::to_json(v)).second) side.error_values.push_back(std::move(v));
        continue;
      }
      const std::string key = call_key(v);
      auto [it, fresh] = side.calls.try_emplace(key);
      if (fresh) {
        it->second.source = source;
        side.order.push_back(key);
      }
      diff::add_record(it->second, std::move(v));
    } catch (const std::runtime_error& e) {
      throw Error(source, "record " + std::to_string(n), e.what());
    }
  }
  return side;
}

const Value* call_record(const diff::RecordSet& set) {
  for (const auto& g : set.calls)
    if (const auto* item = g.find("call")) return &item->json;
  return nullptr;
}

std::string source_url(const Value& r) {
  const Value* s = r.find("source");
  return s ? std::string(s->str("url")) : std::string();
}

std::optional<std::int64_t> ore_of(const Value* amount) {
  if (!amount || !amount->is_object()) return std::nullopt;
  const Value* v = amount->find("value");
  if (!v || v->kind != Value::Kind::number) return std::nullopt;
  return diff::parse_ore(v->text);
}

std::optional<std::int64_t> ore_of_number(const Value& v) {
  if (v.kind != Value::Kind::number) return std::nullopt;
  return diff::parse_ore(v.text);
}

NewCall new_call(const std::string& key, const diff::RecordSet& set) {
  NewCall c;
  c.call_id = key;
  if (const Value* call = call_record(set)) {
    c.title = call->str("title");
    if (const Value* f = call->find("funder")) c.funder = f->str("name");
    c.url = source_url(*call);
    c.status = call->str("status");
    c.application_close = call->str("application_close");
  }
  for (const auto& g : set.calls) {
    for (const auto& item : g.items) {
      if (item.type == "allocation_list" && c.title.empty()) {
        c.title = item.json.str("title");
        c.url = source_url(item.json);
      }
      if (item.type != "ceiling") continue;
      ++c.ceilings;
      if (const auto ore = ore_of(item.json.find("amount"))) c.ceilings_total_ore = c.ceilings_total_ore.value_or(0) + *ore;
    }
  }
  return c;
}

// "deadline[report_due].date" → ("deadline", "report_due", "date"); "call.status" → ("call", "", "status").
struct Path {
  std::string head, key, rest;
};
Path split_path(const std::string& p) {
  Path out;
  const auto open = p.find('[');
  const auto dot = p.find('.');
  if (open != std::string::npos && (dot == std::string::npos || open < dot)) {
    const auto close = p.find(']', open);
    out.head = p.substr(0, open);
    out.key = p.substr(open + 1, close - open - 1);
    if (close + 1 < p.size()) out.rest = p.substr(close + 2);
    return out;
  }
  out.head = p.substr(0, dot);
  if (dot != std::string::npos) out.rest = p.substr(dot + 1);
  return out;
}

void sort_changes(Report& r, const std::string& key, const diff::RecordSet& newer, const std::vector<Change>& changes) {
  const Value* call = call_record(newer);
  const std::string title = call ? std::string(call->str("title")) : std::string();
  const std::string url = call ? source_url(*call) : std::string();
  for (const auto& c : changes) {
    const Path p = split_path(c.path);
    if (p.head == "call" && p.rest == "status") {
      r.status_changes.push_back(StatusChange{key, title, url, c.old_value.text, c.new_value.text});
    } else if (p.head == "deadline" && (p.rest.empty() || p.rest == "date")) {
      DeadlineChange d{key, title, p.key, c.kind, {}, {}, c.days};
      if (p.rest == "date") {
        d.old_date = c.old_value.text;
        d.new_date = c.new_value.text;
      } else {
        d.old_date = c.old_value.str("date");
        d.new_date = c.new_value.str("date");
      }
      r.deadlines.push_back(std::move(d));
    } else if (p.head == "ceiling" && (p.rest.empty() || p.rest == "amount") && c.delta_ore) {
      CeilingChange cc{key, c.label, p.key, c.kind, {}, {}, *c.delta_ore, c.percent};
      if (p.rest == "amount") {
        cc.old_ore = ore_of_number(c.old_value);
        cc.new_ore = ore_of_number(c.new_value);
      } else {
        cc.old_ore = ore_of(c.old_value.find("amount"));
        cc.new_ore = ore_of(c.new_value.find("amount"));
      }
      r.ceilings.push_back(std::move(cc));
    } else if (p.head == "document" && p.rest.empty()) {
      const Value& v = c.kind == Change::Kind::removed ? c.old_value : c.new_value;
      r.documents.push_back(DocumentChange{key, c.kind, std::string(v.str("title")), std::string(v.str("role")),
                                           std::string(v.str("url"))});
    }
  }
}

int year_of(const std::string& call_id) {
  const auto colon = call_id.rfind(':');
  if (colon == std::string::npos) return 0;
  const std::string y = call_id.substr(colon + 1);
  return diff::is_year(y) ? std::stoi(y) : 0;
}

}  // namespace

std::optional<std::string> previous_edition_linked(store::SqliteStore& db, const std::string& call_id) {
  if (auto previous = db.previous_edition(call_id)) return previous->call_id;
  return std::nullopt;
}

std::optional<std::string> parse_since(const std::string& text) {
  if (Date::parse_iso(text)) return text + "T00:00:00Z";
  if (text.size() == 20 && text[10] == 'T' && text.back() == 'Z' && Date::parse_iso(text.substr(0, 10))) {
    const auto digits = [&](std::size_t at) { return std::isdigit(static_cast<unsigned char>(text[at])) != 0; };
    if (digits(11) && digits(12) && text[13] == ':' && digits(14) && digits(15) && text[16] == ':' && digits(17) &&
        digits(18))
      return text;
  }
  return std::nullopt;
}

Report collect(store::SqliteStore& db, const Options& o) {
  Report r;
  r.store = db.path();
  r.since = o.since;
  r.until = o.until.empty() ? now_rfc3339() : o.until;
  r.runs = db.runs_since(o.since);
  const Side before = load(db.records_before(o.since), db.path() + " (before " + o.since + ")");
  const Side now = load(db.current_records(), db.path() + " (now)");

  for (const auto& key : now.order) {
    const auto& newer = now.calls.at(key);
    const auto old = before.calls.find(key);
    if (old == before.calls.end()) {
      r.new_calls.push_back(new_call(key, newer));
      if (!call_record(newer) || !o.previous_edition) continue;
      if (const auto previous = o.previous_edition(db, key)) {
        const std::string series = record::series_of(key);
        const auto older = diff::load_store(db, series, std::to_string(year_of(*previous)));
        const auto latest = diff::load_store(db, series, std::to_string(year_of(key)));
        r.editions.push_back(EditionDiff{key, *previous, diff::diff(older, latest)});
      }
      continue;
    }
    sort_changes(r, key, newer, diff::diff(old->second, newer));
  }
  for (const auto& e : now.error_values) {
    if (before.errors.count(diff::to_json(e))) continue;
    r.errors.push_back(ErrorEntry{std::string(e.str("url")), std::string(e.str("stage")), std::string(e.str("message"))});
  }
  // Largest changes first; then by call and recipient, so the order never depends on the store's.
  std::stable_sort(r.ceilings.begin(), r.ceilings.end(), [](const CeilingChange& a, const CeilingChange& b) {
    const auto ma = a.delta_ore < 0 ? -a.delta_ore : a.delta_ore, mb = b.delta_ore < 0 ? -b.delta_ore : b.delta_ore;
    if (ma != mb) return ma > mb;
    return std::tie(a.call_id, a.recipient) < std::tie(b.call_id, b.recipient);
  });
  return r;
}

}  // namespace bidrag::report
