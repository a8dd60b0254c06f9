// Dates of a grant page: header facts ("Sista ansökningsdag: …") and dated obligations in the
// running text ("kan användas till och med den 31 december 2023"), one deadline per kind.
#include <algorithm>
#include <array>
#include <cctype>

#include "bidrag/normalize/dates.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

// The contract's kind order; records come out in this order.
constexpr std::array<std::string_view, 8> kKinds{"application_open",    "application_close", "requisition_close",
                                                 "funds_usable_until",  "report_request_sent", "report_due",
                                                 "decision",            "other"};

std::optional<normalize::DateMatch> first_date(std::string_view text, const normalize::DateContext& ctx,
                                               std::string_view after = {}) {
  const auto matches = normalize::find_dates(text, ctx);
  std::size_t from = 0;
  if (!after.empty()) {
    const std::string folded = fold(text);
    // fold() keeps byte lengths for Swedish text closely enough to order by position.
    const auto at = folded.find(after);
    if (at != std::string::npos) from = at;
  }
  for (const auto& m : matches)
    if (m.date && m.begin >= from) return m;
  for (const auto& m : matches)
    if (m.date) return m;
  return std::nullopt;
}

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

class Finder {
 public:
  Finder(const Page& page, std::optional<int> year) : page_(page) { ctx_.document_year = year; }

  Dates run() {
    facts();
    sentences();
    program_years();
    std::sort(out_.deadlines.begin(), out_.deadlines.end(), [](const auto& a, const auto& b) {
      return std::find(kKinds.begin(), kKinds.end(), a.kind) < std::find(kKinds.begin(), kKinds.end(), b.kind);
    });
    return std::move(out_);
  }

 private:
  void add(std::string_view kind, const normalize::DateMatch& m, std::string text, std::size_t block, bool use_end) {
    if (out_.find(kind) || !m.date) return;
    const Date d = use_end && m.end ? *m.end : *m.date;
    out_.deadlines.push_back({std::string(kind), d, m.time, std::move(text), block});
  }

  normalize::DateContext context_for(std::size_t block) const {
    normalize::DateContext ctx = ctx_;
    // Fully printed dates of the same block help place a year-less one ("den 11 december").
    for (const auto& m : normalize::find_dates(page_.text_of(block), ctx_))
      if (m.date && !m.year_inferred) ctx.neighbours.push_back(*m.date);
    return ctx;
  }

  void facts() {
    const auto& blocks = page_.blocks();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].kind != doc::BlockKind::fact) continue;
      const std::string label = fold(blocks[i].text);
      const std::string& value = blocks[i].value;
      const std::string text = page_.text_of(i);
      if (has_any(label, {"tid kvar"})) {
        const std::string v = fold(value);
        if (has_any(v, {"stängt", "stängd", "avslutad"})) {
          out_.closed_stated = true;
        } else if (!out_.days_left) {
          const auto m = normalize::find_dates(text, ctx_);
          std::optional<int> n;
          for (const auto& x : m)
            if (x.days_left) n = x.days_left;
          out_.days_left = n ? n : leading_number(value);
        }
        continue;
      }
      if (label == "status") {
        if (has_any(fold(value), {"stängt", "stängd"})) out_.closed_stated = true;
        continue;
      }
      const auto m = first_date(value, context_for(i));
      if (!m) continue;
      if (has_any(label, {"utlysningsdatum", "publicerad", "publiceringsdatum", "utlyst"})) {
        if (!out_.published) out_.published = m->date;
      } else if (has_any(label, {"ansökningsperiod", "ansökningstid", "period för ansökan"})) {
        if (m->end) add("application_close", *m, text, i, true);
        add("application_open", *m, text, i, false);
      } else if (has_any(label, {"sista ansökningsdag", "sista dag att ansöka", "sista dag för ansökan", "stänger",
                                 "ansök senast", "sista ansökningsdatum", "ansökan ska vara inne"})) {
        add("application_close", *m, text, i, false);
      } else if (has_any(label, {"öppnar", "öppen från", "ansök från", "första ansökningsdag", "öppningsdatum"})) {
        add("application_open", *m, text, i, false);
      } else if (has_any(label, {"rekvirera", "rekvisition"})) {
        add("requisition_close", *m, text, i, false);
      } else if (has_any(label, {"beslut"})) {
        add("decision", *m, text, i, false);
      } else if (has_any(label, {"redovis", "återrapport", "slutrapport"})) {
        add("report_due", *m, text, i, false);
      }
    }
  }

  void sentences() {
    for (const auto& s : page_.sentences()) {
      if (page_.blocks()[s.block].kind == doc::BlockKind::fact) continue;
      const std::string f = fold(s.text);
      const auto ctx = context_for(s.block);
      const auto m = first_date(s.text, ctx);
      if (!m) continue;
      const bool until = has_any(f, {"till och med", "t.o.m.", "senast", "fram till", "sista dag"});
      if (has_any(f, {"användas", "förbrukas", "nyttjas"}) && until) {
        add("funds_usable_until", *m, s.text, s.block, true);
        if (has_any(f, {"från och med", "fr.o.m."}) && m->end && !out_.funds_usable_from) out_.funds_usable_from = m->date;
      } else if (has_any(f, {"rekvir"}) && until) {
        add("requisition_close", *m, s.text, s.block, false);
      } else if (has_any(f, {"återrapport", "redovisning", "redovisa", "slutrapport"}) &&
                 has_any(f, {"skickat", "skickar ut", "begäran"}) && !has_any(f, {"senast"})) {
        add("report_request_sent", *m, s.text, s.block, false);
      } else if (has_any(f, {"återrapport", "redovis", "slutrapport"}) &&
                 has_any(f, {"senast", "ska ha kommit in", "ska vara inne", "ska lämnas"})) {
        if (auto due = first_date(s.text, ctx, "senast")) add("report_due", *due, s.text, s.block, false);
      } else if (has_any(f, {"ansök", "ansökan"}) && has_any(f, {"öppnar", "kan ansöka från", "från och med"}) && !until) {
        add("application_open", *m, s.text, s.block, false);
      } else if (has_any(f, {"ansök", "ansökan"}) && until) {
        add("application_close", *m, s.text, s.block, false);
      } else if (has_any(f, {"beslut"}) && has_any(f, {"meddelas", "fattas", "väntas", "beräknas", "lämnas", "fattar"})) {
        add("decision", *m, s.text, s.block, false);
      }
    }
  }

  // "under åren 2021–2023": the program's years, from the first year range in the text.
  void program_years() {
    for (const auto& s : page_.sentences()) {
      if (page_.blocks()[s.block].kind == doc::BlockKind::fact) continue;
      if (!has_any(fold(s.text), {"åren", "perioden", "period"})) continue;
      for (const auto& m : normalize::find_dates(s.text, ctx_)) {
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
};

}  // namespace

const FoundDeadline* Dates::find(std::string_view kind) const {
  for (const auto& d : deadlines)
    if (d.kind == kind) return &d;
  return nullptr;
}

Dates find_dates(const Page& page, std::optional<int> year) { return Finder(page, year).run(); }

}  // namespace bidrag::extract
