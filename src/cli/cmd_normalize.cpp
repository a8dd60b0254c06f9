// `bidrag normalize KIND [--ref DATE] [TEXT...]`: one normalizer on each TEXT (or each stdin
// line), one JSON object per input on stdout, for checking values by hand and for other tools.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bidrag/common/date.h"
#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/normalize/agency.h"
#include "bidrag/normalize/amounts.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"
#include "bidrag/record/record.h"
#include "cli/commands.h"

namespace bidrag::cli {
namespace {

namespace nz = bidrag::normalize;

struct Options {
  std::string kind;
  std::string ref;
  int year = 0;
  std::string unit = nz::to_string(nz::Unit::kr);
  std::vector<std::string> texts;
};

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void key(Writer& w, const char* k) { w.Key(k); }
void str(Writer& w, const char* k, const std::string& v) {
  w.Key(k);
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
}
void null(Writer& w, const char* k) {
  w.Key(k);
  w.Null();
}

struct Run {
  const Options& o;
  nz::DateContext context;
  nz::Unit unit = nz::Unit::kr;

  // Writes the fields of one input; returns false when nothing valid was found.
  bool date(Writer& w, const std::string& in) const {
    const nz::DateResult r = nz::parse_date(in, context);
    if (!r.match) {
      null(w, "date");
      str(w, "error", *r.error);
      return false;
    }
    const nz::DateMatch& m = *r.match;
    if (m.date) str(w, "date", m.date->iso());
    else null(w, "date");
    if (m.time) str(w, "time", *m.time);
    if (m.end) str(w, "end", m.end->iso());
    if (m.year_from) key(w, "year_from"), w.Int(*m.year_from);
    if (m.year_to) key(w, "year_to"), w.Int(*m.year_to);
    if (m.duration) str(w, "duration", *m.duration);
    if (m.days_left) key(w, "days_left"), w.Int(*m.days_left);
    if (m.year_inferred) key(w, "year_inferred"), w.Bool(true);
    str(w, "text", m.text);
    return true;
  }

  bool amount(Writer& w, const std::string& in) const {
    const nz::AmountResult r = nz::parse_amount(in, unit);
    if (!r.match) {
      null(w, "value");
      str(w, "error", *r.error);
      return false;
    }
    const std::string number = record::Amount{r.match->ore, r.match->currency}.json_number();
    key(w, "value");
    w.RawValue(number.data(), number.size(), rapidjson::kNumberType);
    str(w, "currency", r.match->currency);
    str(w, "text", r.match->text);
    return true;
  }

  static bool phone(Writer& w, const std::string& in) {
    const auto p = nz::parse_phone(in);
    if (!p) {
      null(w, "e164");
      str(w, "error", "no valid phone number");
      return false;
    }
    str(w, "e164", p->e164);
    str(w, "display", p->display);
    return true;
  }

  static bool email(Writer& w, const std::string& in) {
    // A mailto: link's target is the address, whatever text the link shows.
    if (auto target = nz::email_from_mailto(in)) {
      str(w, "email", *target);
      return true;
    }
    const auto found = nz::find_emails(in);
    if (found.empty()) {
      null(w, "email");
      str(w, "error", "no e-mail address");
      return false;
    }
    str(w, "email", found.front().email);
    str(w, "display", found.front().display);
    return true;
  }

  static bool municipality(Writer& w, const std::string& in) {
    const nz::MunicipalityMatch m = nz::Registry::instance().resolve(in);
    if (!m.municipality) {
      null(w, "name");
      null(w, "code");
      null(w, "county_code");
      str(w, "error", m.error.value_or("unresolved"));
      return false;
    }
    str(w, "name", m.municipality->name);
    str(w, "code", m.municipality->code);
    str(w, "county_code", m.municipality->county_code);
    str(w, "county", m.municipality->county);
    if (!m.warnings.empty()) {
      key(w, "warnings");
      w.StartArray();
      for (const auto& s : m.warnings) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      w.EndArray();
    }
    return true;
  }

  // A whole name or short form, else a URL's host, else the first agency the text mentions.
  static bool agency(Writer& w, const std::string& in) {
    const nz::Agency* a = nz::find_agency(in);
    const char* found_by = "name";
    if (!a && in.find(' ') == std::string::npos && in.find('.') != std::string::npos) {
      a = nz::agency_for_url(in);
      found_by = "url";
    }
    if (!a) {
      if (const auto mentions = nz::find_agencies_in(in); !mentions.empty()) {
        a = mentions.front().agency;
        found_by = "text";
      }
    }
    if (!a) {
      null(w, "name");
      null(w, "slug");
      str(w, "error", "no agency, region or county administrative board named in '" + nz::fold_spaces(in) + "'");
      return false;
    }
    str(w, "name", a->name);
    str(w, "slug", a->slug);
    if (a->org_number) str(w, "org_number", *a->org_number);
    else null(w, "org_number");
    str(w, "kind", std::string(nz::to_string(a->kind)));
    if (a->county_code) str(w, "county_code", *a->county_code);
    str(w, "found_by", found_by);
    return true;
  }

  static bool text(Writer& w, const std::string& in) {
    str(w, "text", nz::fold_spaces(nz::join_hyphenated_lines(nz::repair_mojibake(nz::nfc(in)))));
    return true;
  }

  // One JSON line for one input.
  bool line(const std::string& raw, std::ostream& out) const {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    str(w, "input", nz::nfc(raw));  // invalid UTF-8 shows as U+FFFD: the output stays valid JSON
    bool ok = false;
    if (o.kind == "date") ok = date(w, raw);
    else if (o.kind == "amount") ok = amount(w, raw);
    else if (o.kind == "phone") ok = phone(w, raw);
    else if (o.kind == "email") ok = email(w, raw);
    else if (o.kind == "municipality") ok = municipality(w, raw);
    else if (o.kind == "agency") ok = agency(w, raw);
    else ok = text(w, raw);
    w.EndObject();
    out << buf.GetString() << '\n';
    return ok;
  }
};

int run(const Options& o) {
  Run r{o, {}, nz::Unit::kr};
  if (!o.ref.empty()) {
    r.context.reference = Date::parse_iso(o.ref);
    if (!r.context.reference) throw UsageError("--ref: '" + o.ref + "' is not a date (expected YYYY-MM-DD)");
  } else {
    r.context.reference = Date::today_utc();
  }
  if (o.year != 0) r.context.document_year = o.year;
  r.unit = nz::unit_from_name(o.unit).value_or(nz::Unit::kr);

  bool all_ok = true;
  if (!o.texts.empty()) {
    for (const auto& t : o.texts) all_ok = r.line(t, std::cout) && all_ok;
  } else {
    std::string input;
    while (std::getline(std::cin, input)) {
      if (!input.empty() && input.back() == '\r') input.pop_back();
      all_ok = r.line(input, std::cout) && all_ok;
    }
  }
  std::cout.flush();
  if (!std::cout) throw IoError("cannot write to standard output");
  return static_cast<int>(all_ok ? ExitCode::ok : ExitCode::documents_failed);
}

}  // namespace

Runner setup_normalize(CLI::App& app, const Globals&) {
  auto o = std::make_shared<Options>();
  app.description(
      "Normalize one kind of value in each TEXT (or, without TEXT, each line of standard input) and print one "
      "JSON object per input: date, amount, phone, email, municipality, agency or text.");
  app.add_option("kind", o->kind, "What to normalize: date, amount, phone, email, municipality, agency, text")
      ->required()
      ->check(CLI::IsMember({"date", "amount", "phone", "email", "municipality", "agency", "text"}));
  app.add_option("text", o->texts, "Values to normalize (default: the lines of standard input)");
  app.add_option("--ref", o->ref, "Reference date YYYY-MM-DD for dates without a year (default: today, UTC)");
  app.add_option("--year", o->year, "The document's own year, for dates printed without one")
      ->check(CLI::Range(1900, 2100));
  const auto names = nz::unit_names();
  const std::vector<std::string> unit_names(names.begin(), names.end());
  app.add_option("--unit", o->unit, "Unit of bare numbers in amounts, as a table column states it")
      ->check(CLI::IsMember(unit_names));
  // vocab-scan: off (help text: the fields, and example inputs in Swedish)
  app.footer(std::string(
                 "\nFields per KIND (plus \"input\", and \"error\" when nothing valid was found):\n"
                 "  date          date (ISO or null), time, end, year_from, year_to, duration, days_left, text\n"
                 "  amount        value (exact kronor), currency, text\n"
                 "  phone         e164, display\n"
                 "  email         email, display\n"
                 "  municipality  name, code, county_code, county, warnings\n"
                 "  agency        name (the funder name of records), slug, org_number, kind (myndighet, region,\n"
                 "                lansstyrelse), county_code, found_by (name, url or text)\n"
                 "  text          text (NFC, mojibake repaired, hyphenation joined, spaces folded)\n"
                 "\nExamples:\n"
                 "  bidrag normalize date 'senast den 15 februari 2024'\n"
                 "  bidrag normalize date --ref 2023-11-01 'den 11 december'\n"
                 "  bidrag normalize amount '12,5 mnkr' '1 234 567:-'\n"
                 "  bidrag normalize amount --unit tkr -- '-2 500'\n"
                 "  bidrag normalize phone 'Telefonnummer: 075-247 41 28'\n"
                 "  bidrag normalize municipality < names.txt\n"
                 "  bidrag normalize agency MUCF https://www.lansstyrelsen.se/kalmar/\n\n") +
             kExitCodeHelp + "  (exit code 1 here: some inputs gave no valid value)\n");
  // vocab-scan: on
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
