// Dates of a grant page: facts ("Sista ansökningsdag: …", a label/value table row), dated
// obligations in the running text ("kan användas till och med den 31 december 2023"), the
// publication date, the stated status and the day counter. One deadline per kind: the first
// statement in document order, unless a later one gives the same day with its time.
// Every Swedish cue comes from the vocabulary (data/vocabulary.tsv).
#include <algorithm>
#include <cctype>
#include <map>

#include "bidrag/normalize/dates.h"
#include "bidrag/vocab/vocab.h"
#include "extract/call_parts.h"
#include "extract/deadline_classify.h"

namespace bidrag::extract {
namespace {

using record::DeadlineKind;

// "77 dagar" → 77 when the date normalizer did not read it as a counter.
std::optional<int> leading_number(std::string_view s) {
  int value = 0;
  bool any = false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      value = value * 10 + (c - '0');
      any = true;
      if (value > 100000) return std::nullopt;
    } else if (any) {
      break;
    }
  }
  if (any) return value;
  return std::nullopt;
}

// A status badge or sentence at the start of `text`: "Öppen för ansökan · 41 dagar kvar",
// "Stängd", "Kommande utlysning", "Ansökningsperioden är stängd." A one-word badge ("Öppen",
// "Beslutade") counts only as a short line or before a capital, digit or mark, so that
// "Beslutade medel ska …" says nothing about the call's status.
std::optional<record::CallStatus> stated_status(std::string_view text) {
  const auto m = vocab::set("status").starts(text);
  if (!m) {
    if (const auto p = vocab::set("status_phrase").find(text)) return record::parse_call_status(p->meaning());
    if (const auto lead = vocab::set("status_lead").starts(text);
        lead && vocab::set("deadline_topic").in("application", text))
      return record::parse_call_status(lead->meaning());
    return std::nullopt;
  }
  if (m->entry->phrase.find(' ') == std::string::npos) {
    std::string_view rest = text;
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    // Offsets of folded and printed text agree at the start for a badge word (Swedish
    // letters keep their byte length when folded).
    std::size_t k = m->entry->folded.size();
    while (k < rest.size() && rest[k] == ' ') ++k;
    if (k < rest.size() && std::islower(static_cast<unsigned char>(rest[k]))) return std::nullopt;
    // "Kommande aktiviteter", "Öppen för alla": a lower-case word after it (ASCII or å ä ö).
    if (k + 1 < rest.size() && static_cast<unsigned char>(rest[k]) == 0xC3 &&
        static_cast<unsigned char>(rest[k + 1]) >= 0xA0)
      return std::nullopt;
  }
  return record::parse_call_status(m->meaning());
}

bool deadline_heading(std::string_view text) {
  const std::string folded = vocab::fold(text);
  return vocab::set("deadline_topic").in(folded) && vocab::set("date_side").in(folded);
}

class Finder {
 public:
  Finder(const Page& page, std::optional<int> year) : page_(page) { ctx_.document_year = year; }

  Dates run() {
    for (const auto& st : page_.statements()) {
      published(st);
      status(st);
      // A heading dates nothing, unless it is a deadline set as a heading: a topic and a side
      // cue around its date ("Ansök senast 2 mars 2026" over a facts box).
      const bool heading = !st.labelled && page_.blocks()[st.block].kind == doc::BlockKind::heading;
      if (heading && !deadline_heading(st.text)) continue;
      // A heading says it as briefly as a facts line: a sentence on the same day says it more fully.
      for (const auto& hit : classify_dates(st.text, context_for(st.block), st.labelled)) take(hit, st, st.labelled || heading);
    }
    // The page footer's "Sidan publicerades …", when the content says nothing.
    if (!out_.published) {
      if (const auto it = page_.document().meta.find("footer_published"); it != page_.document().meta.end()) {
        Statement footer;
        footer.text = it->second;
        published(footer);
      }
    }
    program_years();
    std::stable_sort(out_.deadlines.begin(), out_.deadlines.end(),
                     [](const auto& a, const auto& b) { return a.kind < b.kind; });
    return std::move(out_);
  }

 private:
  void take(const DateHit& hit, const Statement& st, bool brief) {
    switch (hit.role) {
      case DateHit::Role::funds_from:
        if (!out_.funds_usable_from) out_.funds_usable_from = hit.date;
        return;
      case DateHit::Role::decision_month:
        if (!out_.decision_month) out_.decision_month = hit.month;
        return;
      case DateHit::Role::deadline: break;
    }
    for (auto& d : out_.deadlines) {
      if (d.kind != hit.kind) continue;
      // The same day again, said more fully: with its time ("… klockan 23.59"), or in a
      // sentence where the first statement was a facts-box line. The first date stays.
      const bool timed = !d.time && hit.time;
      const bool sentence = d.labelled && !brief && (hit.time || !d.time);
      if (d.date == hit.date && (timed || sentence)) {
        if (hit.time) d.time = hit.time;
        d.text = st.text;
        d.block = st.block;
        d.labelled = brief;
      }
      return;
    }
    out_.deadlines.push_back({hit.kind, hit.date, hit.time, st.text, st.block, brief});
  }

  // Read once per block: a block of many statements would otherwise be scanned once for each.
  const normalize::DateContext& context_for(std::size_t block) {
    auto it = contexts_.find(block);
    if (it != contexts_.end()) return it->second;
    normalize::DateContext ctx = ctx_;
    // Fully printed dates of the same block help place a year-less one ("den 11 december").
    for (const auto& m : normalize::find_dates(page_.text_of(block), ctx_))
      if (m.date && !m.year_inferred) ctx.neighbours.push_back(*m.date);
    return contexts_.emplace(block, std::move(ctx)).first->second;
  }
  std::map<std::size_t, normalize::DateContext> contexts_;

  // "Publicerad 1 april 2025 · Senast uppdaterad 12 maj 2025": the date after a publication
  // label, before the next label. Labels earlier in the vocabulary win ("Utlysningsdatum").
  void published(const Statement& st) {
    const std::string folded = vocab::fold(st.text);
    const auto labels = vocab::set("published_label").all(folded);
    for (std::size_t k = 0; k < labels.size(); ++k) {
      const auto& m = labels[k];
      if (m.meaning() != "published") continue;
      if (best_published_line_ && *best_published_line_ <= m.entry->line) continue;
      const std::size_t until = k + 1 < labels.size() ? labels[k + 1].begin : folded.size();
      if (until <= m.end) continue;
      for (const auto& d : normalize::find_dates(std::string_view(folded).substr(m.end, until - m.end), ctx_)) {
        if (!d.date || d.year_inferred) continue;
        out_.published = d.date;
        best_published_line_ = m.entry->line;
        break;
      }
    }
  }

  void status(const Statement& st) {
    // "Tid kvar att ansöka: 77 dagar" / "Tid kvar: Stängt för ansökan".
    if (st.labelled && vocab::set("days_left_label").in(st.label)) {
      if (auto s = stated_status(st.value); s && *s == record::CallStatus::closed) {
        if (!out_.status) out_.status = s;
      } else if (!out_.days_left) {
        std::optional<int> n;
        for (const auto& x : normalize::find_dates(st.text, ctx_))
          if (x.days_left) n = x.days_left;
        out_.days_left = n ? n : leading_number(st.value);
      }
      return;
    }
    // "Status: Stängd": a facts-box value that is a badge.
    if (st.labelled) {
      if (!out_.status) out_.status = stated_status(st.value);
      return;
    }
    // A label is not a badge: "Ansökan öppnar: 1 februari 2024" in a dates box.
    if (!out_.status) out_.status = stated_status(st.text);
    if (!out_.days_left) {
      for (const auto& x : normalize::find_dates(st.text, ctx_))
        if (x.days_left) {
          out_.days_left = x.days_left;
          break;
        }
    }
  }

  // "under åren 2021–2023", "Projektperiod: 2025–2026": the program's years, from the first
  // year range in a sentence that names a period.
  void program_years() {
    for (const auto& st : page_.statements()) {
      if (!vocab::set("program_period").in(st.labelled ? st.label : st.text)) continue;
      for (const auto& m : normalize::find_dates(st.labelled ? st.value : st.text, ctx_)) {
        if (!m.date && m.year_from && m.year_to && *m.year_from < *m.year_to) {
          out_.program_from = m.year_from;
          out_.program_to = m.year_to;
          return;
        }
      }
    }
  }

  const Page& page_;
  normalize::DateContext ctx_;
  Dates out_;
  std::optional<int> best_published_line_;
};

}  // namespace

const FoundDeadline* Dates::find(record::DeadlineKind kind) const {
  for (const auto& d : deadlines)
    if (d.kind == kind) return &d;
  return nullptr;
}

Dates find_dates(const Page& page, std::optional<int> year) { return Finder(page, year).run(); }

}  // namespace bidrag::extract
