// extract_call: assembles the call record and its deadline, contact and document records.
#include <algorithm>
#include <cctype>
#include <set>

#include "bidrag/extract/extract.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/text.h"
#include "bidrag/record/ids.h"
#include "bidrag/vocab/vocab.h"
#include "extract/call_parts.h"
#include "extract/deadline_record.h"
#include "extract/title_year.h"

namespace bidrag::extract {
namespace {

using normalize::word_count;

std::optional<Date> fetch_date(const Snapshot& s) {
  if (!s.fetched_at || s.fetched_at->size() < 10) return std::nullopt;
  return Date::parse_iso(std::string_view(*s.fetched_at).substr(0, 10));
}

// A news item: a news badge before the title ("Nyhet · Publicerad …"), or a news folder in the
// page's own address ("/nyheter/…", "/pressmeddelanden/…").
bool is_news(const Page& page, std::size_t title_at) {
  const auto& news = vocab::set("news_cue");
  for (std::size_t i = 0; i < title_at; ++i) {
    const std::string& t = page.blocks()[i].text;
    if (word_count(t) <= 8 && news.starts(t)) return true;
  }
  const std::string path = host_and_path(own_url(page.document())).path;
  std::size_t i = 0;
  while (i < path.size()) {
    auto slash = path.find('/', i);
    std::string segment = path.substr(i, slash == std::string::npos ? std::string::npos : slash - i);
    for (char& c : segment)
      if (c == '-' || c == '_') c = ' ';
    if (!segment.empty() && news.starts(segment)) return true;
    if (slash == std::string::npos) break;
    i = slash + 1;
  }
  return false;
}

// A listing of calls: three or more links to pages below this page's own address (one card
// per call), as a call page links at most a page or two of its own (questions and answers);
// in a copy without addresses, three or more status chips.
bool is_listing(const Page& page, std::size_t title_at) {
  const HostPath own = host_and_path(own_url(page.document()));
  if (own.host.empty()) return false;
  std::string dir = own.path;
  if (const auto dot = dir.rfind('.'); dot != std::string::npos && dot > dir.rfind('/')) dir.erase(dot);
  if (dir.empty() || dir.back() != '/') dir.push_back('/');
  std::set<std::string> children;
  for (std::size_t i = title_at; i < page.blocks().size(); ++i) {
    for (const auto& l : page.blocks()[i].links) {
      const HostPath hp = host_and_path(l.href);
      if (hp.host == own.host && hp.path.size() > dir.size() && hp.path.rfind(dir, 0) == 0) children.insert(hp.path);
    }
  }
  if (children.size() >= 3) return true;
  // Cards whose headings link each to a page of the same site (a calendar of grants).
  std::set<std::string> card_links;
  for (std::size_t i = title_at + 1; i < page.blocks().size(); ++i) {
    const auto& b = page.blocks()[i];
    if (b.kind != doc::BlockKind::heading || b.links.size() != 1 || b.links[0].text != b.text) continue;
    const HostPath hp = host_and_path(b.links[0].href);
    if (hp.host == own.host && hp.path != own.path) card_links.insert(hp.path);
  }
  if (card_links.size() >= 3) return true;
  // A copied listing has no addresses, but a status chip per card ("Stänger 30 juni 2025").
  int chips = 0;
  for (std::size_t i = title_at + 1; i < page.blocks().size(); ++i) {
    const auto& b = page.blocks()[i];
    if (b.kind == doc::BlockKind::fact || b.kind == doc::BlockKind::table || word_count(b.text) > 6) continue;
    if (vocab::set("listing_chip").starts(b.text)) ++chips;
  }
  return chips >= 3;
}

// A status badge or chip: a short block that starts with a status phrase ("Stängd", "Öppen för
// ansökan", "Kommande utlysning").
bool has_status_badge(const Page& page) {
  for (const auto& b : page.blocks()) {
    if (b.kind == doc::BlockKind::table || word_count(b.text) > 8) continue;
    if (vocab::set("status").starts(b.text)) return true;
  }
  return false;
}

// A page is a grant call when it has a main heading, speaks of money to apply for, and is
// neither a news item nor a listing of calls; and it shows what only a call has: a status badge,
// a who-may-apply or how-to-apply section, an application link, or application dates. A single
// application date read from running text ("ansökningsperioden, som stängde den 17 mars") is
// what a news item on a decision also says: it makes a call only with more of one (a stated
// status, a counter, both ends of the window, a facts-box date, or a who-may-apply section).
bool is_call(const Page& page, std::size_t title_at, const Dates& dates, const Texts& texts) {
  const auto documents = find_documents(page);
  const bool apply_link = std::any_of(documents.begin(), documents.end(),
                                      [](const FoundDocument& d) { return d.role == record::DocumentRole::application; });
  if (!apply_link && is_listing(page, title_at)) return false;
  const bool badge = has_status_badge(page);
  // A news item is no call, unless it is a call published as news: a counter, a status badge,
  // a call-only section ("Vem kan söka?"), an application link, or a statement that applying is
  // open or about to open ("Nu kan du söka …" under "NYHETER 2025-09-29").
  bool call_section = false;
  for (const auto& b : page.blocks())
    call_section = call_section || (b.kind == doc::BlockKind::heading && vocab::set("call_heading").starts(b.text));
  const bool open_now = dates.status == record::CallStatus::open || dates.status == record::CallStatus::upcoming;
  if (is_news(page, title_at) && !dates.days_left && !badge && !call_section && !apply_link && !open_now) return false;
  bool grant = false;
  for (std::size_t i = 0; i < page.blocks().size() && !grant; ++i) grant = vocab::set("call_cue").in(page.text_of(i));
  if (!grant) return false;
  using record::DeadlineKind;
  const auto* open = dates.find(DeadlineKind::application_open);
  const auto* close = dates.find(DeadlineKind::application_close);
  const auto* requisition = dates.find(DeadlineKind::requisition_close);
  const bool dated = open || close || requisition || dates.days_left || dates.status == record::CallStatus::closed;
  const bool labelled = (open && open->labelled) || (close && close->labelled) || (requisition && requisition->labelled);
  const bool more = dates.status || dates.days_left || (open && close) || labelled || texts.eligibility;
  if ((dated && more) || badge) return true;
  // "Om statsbidrag", "Frågor och svar om …": a general page about grants.
  if (vocab::set("info_title").starts(page.blocks()[title_at].text)) return false;
  // A sentence that dates applying ("Sista ansökningsdag: 15 mars 2025").
  for (const auto& sentence : page.sentences()) {
    if (!vocab::set("call_phrase").in(sentence.text)) continue;
    for (const auto& m : normalize::find_dates(sentence.text))
      if (m.date && !m.year_inferred) return true;
  }
  return call_section || apply_link;
}

// The status the dates give on `day`: closed after the close, upcoming before the opening,
// else open; nothing without a date to compare.
std::optional<record::CallStatus> status_on(const record::Call& call, const Date& day) {
  if (call.application_close && day > *call.application_close) return record::CallStatus::closed;
  if (call.application_open && day < *call.application_open) return record::CallStatus::upcoming;
  if (call.application_close || call.application_open) return record::CallStatus::open;
  return std::nullopt;
}

}  // namespace

std::vector<record::Record> extract_call(const doc::Document& document, const Snapshot& snapshot,
                                         const Context& context) {
  (void)context;
  const Page page(document);
  const auto title_at = page.title_block();
  const auto title = page.title();
  if (!title_at || !title) return {};
  record::Call call;
  call.title = *title;
  const TitleYear title_and_year = title_year(call.title, TitleForm::call_page);
  const std::string& bare_title = title_and_year.bare;
  std::optional<int> year = title_and_year.year;
  Dates dates = find_dates(page, year);
  Texts texts = find_texts(page);
  if (!is_call(page, *title_at, dates, texts)) return {};
  // No year in the title: the grant year is the year applying closes, else of publication.
  if (!year) {
    if (const auto* close = dates.find(record::DeadlineKind::application_close)) year = close->date.year;
    else if (dates.published) year = dates.published->year;
    if (year) dates = find_dates(page, year);
  }
  call.year = year;
  call.funder = find_funder(page);
  if (call.funder.empty()) call.warnings.push_back("no funder named on the page");
  call.series = record::series_id(call.funder, bare_title);
  call.id = year ? record::call_id(call.funder, bare_title, *year) : call.series;
  if (!year) call.warnings.push_back("no grant year found; the call id has no year");
  call.source = source_of(snapshot, document.format, document.blocks[*title_at].where);

  if (dates.program_from && dates.program_to) call.program_years = std::array<int, 2>{*dates.program_from, *dates.program_to};
  call.published = dates.published;
  using record::DeadlineKind;
  if (const auto* d = dates.find(DeadlineKind::application_open)) call.application_open = d->date;
  if (const auto* d = dates.find(DeadlineKind::application_close)) {
    call.application_close = d->date;
    call.application_close_time = d->time;
  }
  if (const auto* d = dates.find(DeadlineKind::funds_usable_until)) call.funds_usable_until = d->date;
  call.funds_usable_from = dates.funds_usable_from;
  if (const auto* d = dates.find(DeadlineKind::decision)) call.decision_expected = d->date.iso();
  else call.decision_expected = dates.decision_month;
  if (const auto* d = dates.find(DeadlineKind::report_request_sent)) call.reporting.request_sent = d->date;
  if (const auto* d = dates.find(DeadlineKind::report_due)) call.reporting.due = d->date;

  // Status: as the page states it (a badge, "Stängt för ansökan", a running counter), else
  // from the dates on the capture day (the fetch, else a print's date). A stated status the
  // dates contradict is kept and warned about.
  const auto fetched = fetch_date(snapshot);
  std::optional<Date> printed;
  if (document.meta.count("printed_at")) printed = Date::parse_iso(document.meta.at("printed_at"));
  const std::optional<Date> captured = fetched ? fetched : printed;
  call.days_left = dates.days_left;
  std::optional<record::CallStatus> status = dates.status;
  if (!status && dates.days_left) status = record::CallStatus::open;
  const auto derived = captured ? status_on(call, *captured) : std::nullopt;
  if (status && derived && *status != *derived) {
    call.warnings.push_back("status " + std::string(record::to_string(*status)) + " stated on the page, but the dates say " +
                            std::string(record::to_string(*derived)) + " as of " + captured->iso());
  }
  if (fetched) {
    call.as_of = fetched;
    if (!status) status = derived;
    if (dates.days_left && call.application_close &&
        call.application_close->plus_days(-*dates.days_left) != *fetched) {
      call.warnings.push_back("days_left " + std::to_string(*dates.days_left) + " does not match application_close " +
                              call.application_close->iso() + " as of " + fetched->iso() + " (" +
                              std::to_string(days_between(*fetched, *call.application_close)) + " days)");
    }
  } else if (dates.days_left && call.application_close) {
    call.as_of = call.application_close->plus_days(-*dates.days_left);
  } else if (!status && printed) {
    call.as_of = printed;
    status = derived;
  }
  call.status = status;

  call.purpose = texts.purpose;
  call.eligibility = texts.eligibility;
  call.applicant_types = texts.applicant_types;
  call.conditions = texts.conditions;
  call.steps = texts.steps;
  call.reporting.signed_original_required = texts.signed_original_required;
  call.reporting.method = texts.reporting_method;
  call.application_type = texts.application_type;
  call.application_channel = texts.application_channel;
  call.total_budget = texts.total_budget;
  call.max_amount = texts.max_amount;
  call.max_amount_per = texts.max_amount_per;

  std::vector<record::Record> out;
  out.emplace_back(call);
  for (const auto& d : dates.deadlines)
    out.emplace_back(deadline_record(call.id, d.kind, d.date, d.time, d.text,
                                     source_of(snapshot, document.format, document.blocks[d.block].where)));
  for (auto& found : find_contacts(page)) {
    record::Contact r = found.contact;
    r.id = record::contact_id(call.id, r.name ? *r.name : r.role);
    r.call_id = call.id;
    r.source = source_of(snapshot, document.format, document.blocks[found.block].where);
    out.emplace_back(std::move(r));
  }
  for (const auto& found : find_documents(page)) {
    record::DocumentRef r;
    r.id = record::document_id(call.id, found.url);
    r.call_id = call.id;
    r.source = source_of(snapshot, document.format, found.where);
    r.role = found.role;
    r.title = found.title;
    r.url = found.url;
    out.emplace_back(std::move(r));
  }
  return out;
}

}  // namespace bidrag::extract
