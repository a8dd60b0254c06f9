// The report as one JSON object (RapidJSON's writer): amounts as exact kronor numbers, dates as
// ISO strings, each new edition's changes in the diff engine's own JSON form.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "bidrag/diff/money.h"
#include "bidrag/diff/render.h"
#include "bidrag/report/report.h"
#include "report/words.h"

namespace bidrag::report {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void str(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  if (value.empty()) w.Null();
  else w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void count(Writer& w, const char* key, std::size_t n) {
  w.Key(key);
  w.Uint64(n);
}

// Exact kronor ("1234567.50") as a JSON number, or null.
void kronor_number(Writer& w, const char* key, const std::optional<std::int64_t>& ore) {
  w.Key(key);
  if (!ore) return void(w.Null());
  const std::string n = diff::kronor_number(*ore);
  w.RawValue(n.c_str(), n.size(), rapidjson::kNumberType);
}

template <class T, class F>
void array(Writer& w, const char* key, const std::vector<T>& items, F&& each) {
  w.Key(key);
  w.StartArray();
  for (const auto& item : items) {
    w.StartObject();
    each(item);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string render_json(const Report& r) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  str(w, "store", r.store);
  str(w, "since", r.since);
  str(w, "until", r.until);
  array(w, "runs", r.runs, [&](const store::SqliteStore::Run& run) {
    w.Key("id");
    w.Int64(run.id);
    str(w, "pipeline", run.pipeline);
    str(w, "started_at", run.started_at);
    str(w, "ended_at", run.ended_at);
    count(w, "documents", run.counts.documents);
    count(w, "changed", run.counts.changed);
    count(w, "unchanged", run.counts.unchanged);
    count(w, "failed", run.counts.failed);
    count(w, "records", run.counts.records);
  });
  array(w, "new_calls", r.new_calls, [&](const NewCall& c) {
    str(w, "call_id", c.call_id);
    str(w, "title", c.title);
    str(w, "funder", c.funder);
    str(w, "url", c.url);
    str(w, "status", c.status);
    str(w, "application_close", c.application_close);
    count(w, "ceilings", c.ceilings);
    kronor_number(w, "ceilings_total", c.ceilings_total_ore);
  });
  array(w, "status_changes", r.status_changes, [&](const StatusChange& s) {
    str(w, "call_id", s.call_id);
    str(w, "title", s.title);
    str(w, "url", s.url);
    str(w, "change", status_change(s));
    str(w, "old", s.from);
    str(w, "new", s.to);
  });
  array(w, "deadlines", r.deadlines, [&](const DeadlineChange& d) {
    str(w, "call_id", d.call_id);
    str(w, "kind", d.kind);
    str(w, "change", deadline_change(d));
    str(w, "old", d.old_date);
    str(w, "new", d.new_date);
    w.Key("days");
    if (d.days) w.Int64(*d.days);
    else w.Null();
  });
  array(w, "ceilings", r.ceilings, [&](const CeilingChange& c) {
    str(w, "call_id", c.call_id);
    str(w, "recipient", c.recipient);
    str(w, "key", c.key);
    str(w, "change", diff::to_string(c.change));
    kronor_number(w, "old", c.old_ore);
    kronor_number(w, "new", c.new_ore);
    kronor_number(w, "delta", c.delta_ore);
    w.Key("percent");
    if (c.percent) w.RawValue(c.percent->c_str(), c.percent->size(), rapidjson::kNumberType);
    else w.Null();
  });
  array(w, "documents", r.documents, [&](const DocumentChange& d) {
    str(w, "call_id", d.call_id);
    str(w, "change", diff::to_string(d.change));
    str(w, "title", d.title);
    str(w, "role", d.role);
    str(w, "url", d.url);
  });
  array(w, "errors", r.errors, [&](const ErrorEntry& e) {
    str(w, "url", e.url);
    str(w, "stage", e.stage);
    str(w, "message", e.message);
  });
  array(w, "editions", r.editions, [&](const EditionDiff& e) {
    str(w, "call_id", e.call_id);
    str(w, "previous_call_id", e.previous_call_id);
    w.Key("changes");
    const std::string changes = diff::render_json(e.changes);
    w.RawValue(changes.c_str(), changes.size(), rapidjson::kArrayType);
  });
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace bidrag::report
