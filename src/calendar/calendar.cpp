// Writing the iCalendar feed from the store's current records.
#include "bidrag/calendar/calendar.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "bidrag/common/date.h"
#include "bidrag/common/error.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/diff/json_value.h"
#include "bidrag/diff/store_input.h"

namespace bidrag::calendar {
namespace {

using diff::Value;

struct CallInfo {
  std::string title, url, status;
};

struct Event {
  std::string date;  // "2023-05-12"
  std::string id;    // the deadline's record id
  std::string call_id, kind, time, text, stamp;
};

const char* kind_label(const std::string& kind) {
  static const std::map<std::string, const char*> labels = {
      {"application_open", "Applications open"},  {"application_close", "Application deadline"},
      {"requisition_close", "Requisition deadline"}, {"funds_usable_until", "Funds usable until"},
      {"report_request_sent", "Report request sent"}, {"report_due", "Report due"},
      {"decision", "Decision expected"},
  };
  const auto it = labels.find(kind);
  return it == labels.end() ? "Deadline" : it->second;
}

// "2023-12-01T10:34:00Z" → "20231201T103400Z".
std::string basic_time(const std::string& rfc3339) {
  std::string out;
  for (const char c : rfc3339)
    if (c != '-' && c != ':') out += c;
  return out;
}

std::string basic_date(const std::string& iso) {
  std::string out;
  for (const char c : iso)
    if (c != '-') out += c;
  return out;
}

std::string day_after(const std::string& iso) {
  const auto d = Date::parse_iso(iso);
  return d ? basic_date(d->plus_days(1).iso()) : basic_date(iso);
}

std::string fetched_at(const Value& r) {
  const Value* s = r.find("source");
  return s ? std::string(s->str("fetched_at")) : std::string();
}

std::string source_url(const Value& r) {
  const Value* s = r.find("source");
  return s ? std::string(s->str("url")) : std::string();
}

}  // namespace

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

std::string content_line(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on this physical line, the leading space included
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    // The length of the UTF-8 sequence starting here: never split it.
    const auto lead = static_cast<unsigned char>(line[i]);
    std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    n = std::min(n, line.size() - i);
    if (used + n > limit) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, n));
    used += n;
    i += n;
  }
  return out + "\r\n";
}

std::string feed(store::SqliteStore& db, const Options& options) {
  std::map<std::string, CallInfo> calls;
  std::vector<Value> deadlines;
  for (auto& r : diff::current_values(db)) {
    const std::string type(r.str("type"));
    if (type == "call") {
      // The first capture of a call (in the store's order) names it.
      calls.try_emplace(std::string(r.str("id")),
                        CallInfo{std::string(r.str("title")), source_url(r), std::string(r.str("status"))});
    } else if (type == "deadline") {
      deadlines.push_back(std::move(r));
    }
  }

  std::set<std::string> wanted;
  for (const auto& id : options.calls) {
    if (!calls.count(id)) throw UsageError("calendar: " + db.path() + " holds no current call " + id);
    wanted.insert(id);
  }
  if (options.calls.empty()) {
    for (const auto& [id, c] : calls)
      if (c.status == "open" || c.status == "upcoming") wanted.insert(id);
  }

  const std::string now = options.now.empty() ? now_rfc3339() : options.now;
  std::vector<Event> events;
  std::map<std::string, std::size_t> by_id;  // deadline id → its event
  for (const auto& d : deadlines) {
    const std::string call_id(d.str("call_id")), id(d.str("id")), date(d.str("date"));
    if (!wanted.count(call_id) || date.empty() || !Date::parse_iso(date)) continue;
    const std::string at = fetched_at(d);
    Event e{date, id, call_id, std::string(d.str("kind")), std::string(d.str("time")), std::string(d.str("text")),
            at.empty() ? now : at};
    // The same deadline stated by a second document (a call page and its list): the call's own
    // page says it, else the first document in the store's order.
    const auto [it, fresh] = by_id.try_emplace(id, events.size());
    if (fresh) events.push_back(std::move(e));
    else if (source_url(d) == calls.at(call_id).url) events[it->second] = std::move(e);
  }
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });

  std::string out;
  out += content_line("BEGIN:VCALENDAR");
  out += content_line("VERSION:2.0");
  out += content_line("PRODID:-//bidrag//deadlines//EN");
  out += content_line("CALSCALE:GREGORIAN");
  out += content_line("METHOD:PUBLISH");
  out += content_line("X-WR-CALNAME:" + escape_text("bidrag: grant deadlines"));
  for (const auto& e : events) {
    const CallInfo& call = calls.at(e.call_id);
    std::string summary = std::string(kind_label(e.kind)) + ": " + (call.title.empty() ? e.call_id : call.title);
    if (!e.time.empty()) summary += " (" + e.time + ")";
    std::string description = e.text;
    if (!call.url.empty()) description += (description.empty() ? "" : "\n") + call.url;
    description += (description.empty() ? "" : "\n") + e.call_id;
    out += content_line("BEGIN:VEVENT");
    out += content_line("UID:" + escape_text(e.id) + "@bidrag");
    out += content_line("DTSTAMP:" + basic_time(e.stamp));
    out += content_line("DTSTART;VALUE=DATE:" + basic_date(e.date));
    out += content_line("DTEND;VALUE=DATE:" + day_after(e.date));
    out += content_line("SUMMARY:" + escape_text(summary));
    out += content_line("DESCRIPTION:" + escape_text(description));
    if (!call.url.empty()) out += content_line("URL:" + call.url);
    out += content_line("CATEGORIES:" + escape_text(e.kind));
    out += content_line("TRANSP:TRANSPARENT");
    out += content_line("END:VEVENT");
  }
  out += content_line("END:VCALENDAR");
  return out;
}

}  // namespace bidrag::calendar
