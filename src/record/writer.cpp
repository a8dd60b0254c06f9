// Records to JSON with RapidJSON's SAX writer: fields in contract order, explicit nulls for
// what a document does not state, amounts as raw exact numbers.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>
#include <type_traits>

#include "bidrag/record/record.h"
#include "bidrag/record/ids.h"

namespace bidrag::record {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

class Out {
 public:
  explicit Out(Writer& w) : w_(w) {}

  void key(const char* k) { w_.Key(k); }
  void str(const std::string& s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void field(const char* k, const std::string& v) { key(k), str(v); }
  void field(const char* k, const char* v) { key(k), w_.String(v); }
  // A closed set's value as its contract name (kinds.h).
  template <NamedSet E>
  void field(const char* k, E v) {
    const std::string_view name = to_string(v);
    key(k), w_.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  }
  void field(const char* k, int v) { key(k), w_.Int(v); }
  void field(const char* k, bool v) { key(k), w_.Bool(v); }
  void field(const char* k, const Date& d) { field(k, d.iso()); }
  void field(const char* k, const Amount& a) {
    key(k);
    amount(a);
  }
  void field(const char* k, const std::vector<std::string>& v) {
    key(k);
    w_.StartArray();
    for (const auto& s : v) str(s);
    w_.EndArray();
  }
  template <typename T>
  void field(const char* k, const std::optional<T>& v) {
    if (v) {
      field(k, *v);
    } else {
      key(k);
      w_.Null();
    }
  }
  void amount(const Amount& a) {
    w_.StartObject();
    key("value");
    const std::string n = a.json_number();
    w_.RawValue(n.data(), n.size(), rapidjson::kNumberType);
    field("currency", a.currency);
    w_.EndObject();
  }
  void locator(const doc::Locator& l) {
    w_.StartObject();
    switch (l.kind) {
      case doc::Locator::Kind::pdf:
        field("page", l.page);
        key("bbox");
        w_.StartArray();
        for (double v : {l.bbox.x0, l.bbox.y0, l.bbox.x1, l.bbox.y1}) {
          // Boxes are measurements, not money: two decimals are plenty and keep output stable.
          // std::to_chars rounds exactly as printf's "%.2f" does, at a tenth of its cost; the
          // buffer holds the longest double so written. JSON has no NaN or infinity.
          char buf[400];
          const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::isfinite(v) ? v : 0.0, std::chars_format::fixed, 2);
          w_.RawValue(buf, ec == std::errc{} ? static_cast<std::size_t>(end - buf) : 0, rapidjson::kNumberType);
        }
        w_.EndArray();
        break;
      case doc::Locator::Kind::html: field("xpath", l.xpath); break;
      case doc::Locator::Kind::text: field("line", l.line); break;
      case doc::Locator::Kind::sheet:
        field("sheet", l.sheet);
        field("row", l.row);
        if (l.column > 0) field("cell", doc::cell_reference(l.row, l.column));
        break;
      case doc::Locator::Kind::none: break;
    }
    w_.EndObject();
  }
  Writer& raw() { return w_; }

 private:
  Writer& w_;
};

void head(Out& o, const char* type, const Common& c, bool with_call_id) {
  o.field("type", type);
  o.field("id", c.id);
  if (with_call_id) o.field("call_id", c.call_id.empty() ? std::nullopt : std::optional<std::string>(c.call_id));
}

void tail(Out& o, const Common& c) {
  o.key("source");
  o.raw().StartObject();
  o.field("url", c.source.url);
  o.field("sha256", c.source.sha256);
  o.field("fetched_at", c.source.fetched_at);
  o.field("format", doc::to_string(c.source.format));
  if (c.source.locator.kind != doc::Locator::Kind::none) {
    o.key("locator");
    o.locator(c.source.locator);
  }
  o.raw().EndObject();
  if (!c.warnings.empty()) o.field("warnings", c.warnings);
}

void body(Out& o, const Call& c) {
  head(o, "call", c, false);
  o.field("title", c.title);
  o.key("funder");
  o.raw().StartObject();
  o.field("name", c.funder);
  o.raw().EndObject();
  o.field("series", c.series);
  o.field("year", c.year);
  o.key("program_years");
  if (c.program_years) {
    o.raw().StartArray();
    o.raw().Int((*c.program_years)[0]);
    o.raw().Int((*c.program_years)[1]);
    o.raw().EndArray();
  } else {
    o.raw().Null();
  }
  o.field("published", c.published);
  o.field("application_open", c.application_open);
  o.field("application_close", c.application_close);
  o.field("application_close_time", c.application_close_time);
  if (c.status) o.field("status", *c.status);
  else o.field("status", std::optional<std::string>{});
  o.field("as_of", c.as_of);
  o.field("days_left", c.days_left);
  o.field("purpose", c.purpose);
  o.field("eligibility", c.eligibility);
  o.field("applicant_types", c.applicant_types);
  o.field("conditions", c.conditions);
  o.field("funds_usable_from", c.funds_usable_from);
  o.field("funds_usable_until", c.funds_usable_until);
  o.field("decision_expected", c.decision_expected);
  o.field("steps", c.steps);
  o.key("reporting");
  o.raw().StartObject();
  o.field("request_sent", c.reporting.request_sent);
  o.field("due", c.reporting.due);
  o.field("signed_original_required", c.reporting.signed_original_required);
  o.field("method", c.reporting.method);
  o.raw().EndObject();
  o.field("application_type", c.application_type);
  o.field("application_channel", c.application_channel);
  o.field("total_budget", c.total_budget);
  o.field("max_amount", c.max_amount);
  o.field("max_amount_per", c.max_amount_per);
  o.field("language", c.language);
  tail(o, c);
}

void body(Out& o, const Deadline& d) {
  head(o, "deadline", d, true);
  o.field("kind", d.kind);
  o.field("date", d.date);
  o.field("time", d.time);
  o.field("text", d.text);
  tail(o, d);
}

void body(Out& o, const Contact& c) {
  head(o, "contact", c, true);
  o.field("name", c.name);
  o.field("role", c.role);
  o.field("organisation", c.organisation);
  o.field("title", c.title);
  o.field("email", c.email);
  if (c.email_display) o.field("email_display", *c.email_display);
  o.field("phone", c.phone);
  o.field("phone_display", c.phone_display);
  o.field("primary", c.primary);
  tail(o, c);
}

void body(Out& o, const DocumentRef& d) {
  head(o, "document", d, true);
  o.field("role", d.role);
  o.field("title", d.title);
  o.field("url", d.url);
  tail(o, d);
}

void body(Out& o, const Ceiling& c) {
  head(o, "ceiling", c, true);
  // A ceiling built the version-1 way (municipality only) has the same recipient.
  Recipient r = c.recipient;
  if (r.kind == RecipientKind::kommun && r.name_as_printed.empty()) {
    r.name = c.municipality.name;
    r.name_as_printed = c.municipality.name_as_printed;
    r.code = c.municipality.code;
    r.county_code = c.municipality.county_code;
  }
  o.key("recipient");
  o.raw().StartObject();
  o.field("kind", to_string(r.kind));
  o.field("name", r.name);
  o.field("name_as_printed", r.name_as_printed);
  o.field("code", r.code);
  o.field("county_code", r.county_code);
  o.raw().EndObject();
  if (c.recipient.kind == RecipientKind::kommun) {
    o.key("municipality");
    o.raw().StartObject();
    o.field("name", c.municipality.name);
    o.field("name_as_printed", c.municipality.name_as_printed);
    o.field("code", c.municipality.code);
    o.field("county_code", c.municipality.county_code);
    o.field("county", c.municipality.county);
    o.raw().EndObject();
  }
  o.field("amount", c.amount);
  o.field("year", c.year);
  if (!c.parts.empty()) {
    o.key("parts");
    o.raw().StartObject();
    for (const auto& p : c.parts) o.field(p.header.c_str(), p.amount);
    o.raw().EndObject();
  }
  o.field("amount_as_printed", c.amount_as_printed);
  o.field("cells", c.cells);
  if (!c.name_lines.empty()) o.field("name_lines", c.name_lines);
  tail(o, c);
}

void body(Out& o, const AllocationList& a) {
  head(o, "allocation_list", a, true);
  o.field("title", a.title);
  o.key("funder");
  if (a.funder) {
    o.raw().StartObject();
    o.field("name", a.funder->name);
    o.field("org_number", a.funder->org_number);
    o.raw().EndObject();
  } else {
    o.raw().Null();
  }
  o.field("year", a.year);
  o.field("recipient_kind", to_string(a.recipient_kind));
  o.field("unit", a.unit);
  o.field("rows", a.rows);
  o.field("total_stated", a.total_stated);
  o.field("total_computed", a.total_computed);
  o.field("sum_check", a.sum_check);
  o.field("reference", a.reference);
  o.field("document_date", a.document_date);
  o.key("subtotals");
  o.raw().StartArray();
  for (const auto& s : a.subtotals) {
    o.raw().StartObject();
    o.field("label", s.label);
    o.field("county_code", s.county_code);
    o.field("amount", s.amount);
    o.field("amount_as_printed", s.amount_as_printed);
    o.raw().EndObject();
  }
  o.raw().EndArray();
  tail(o, a);
}

void body(Out& o, const ErrorRecord& e) {
  head(o, "error", e, false);
  o.field("url", e.url);
  o.field("stage", e.stage);
  o.field("message", e.message);
  o.key("locator");
  if (e.locator.kind == doc::Locator::Kind::none) {
    o.raw().Null();
  } else {
    o.locator(e.locator);
  }
  tail(o, e);
}

}  // namespace

std::string Amount::json_number() const {
  const bool negative = ore < 0;
  // Magnitude as unsigned so INT64_MIN cannot overflow.
  const std::uint64_t mag = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
  std::string s = negative ? "-" : "";
  s += std::to_string(mag / 100);
  if (const auto frac = mag % 100; frac != 0) {
    s += '.';
    s += static_cast<char>('0' + frac / 10);
    s += static_cast<char>('0' + frac % 10);
  }
  return s;
}

ErrorRecord make_error(std::string url, ErrorStage stage, std::string message, Source source, doc::Locator where) {
  ErrorRecord e;
  e.id = error_id(url, stage);
  if (source.url.empty()) source.url = url;
  e.source = std::move(source);
  e.url = std::move(url);
  e.stage = stage;
  e.message = std::move(message);
  e.locator = std::move(where);
  return e;
}

const char* type_name(const Record& r) noexcept {
  static constexpr const char* kNames[] = {"call", "deadline", "contact", "document", "ceiling", "allocation_list", "error"};
  return kNames[r.index()];
}

const Common& common(const Record& r) noexcept {
  return std::visit([](const auto& v) -> const Common& { return v; }, r);
}
Common& common(Record& r) noexcept {
  return std::visit([](auto& v) -> Common& { return v; }, r);
}

std::string to_json(const Record& r) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  Out o(w);
  w.StartObject();
  std::visit([&](const auto& v) { body(o, v); }, r);
  w.EndObject();
  return {buf.GetString(), buf.GetSize()};
}

}  // namespace bidrag::record
