// The allocation-list extractor: a municipality table → one ceiling per municipality and one
// allocation_list with its totals checked, plus the list's deadline sentences.
#include <algorithm>
#include <map>

#include "allocation_list_header.h"
#include "allocation_list_meta.h"
#include "allocation_list_pdf.h"
#include "allocation_list_rows.h"
#include "extract/deadline_record.h"
#include "bidrag/extract/extract.h"
#include "allocation_list_recipient.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"
#include "bidrag/record/ids.h"
#include "bidrag/vocab/vocab.h"

namespace bidrag::extract {
namespace {

using alloc::Entry;

// "243 500 000 kr", "1 234,50 kr": a figure for a warning, exact.
std::string sek(std::int64_t ore) {
  const bool negative = ore < 0;
  std::uint64_t v = static_cast<std::uint64_t>(negative ? -ore : ore);
  std::string digits = std::to_string(v / 100);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ' ';
    grouped += digits[i];
  }
  if (v % 100 != 0) {
    const auto frac = v % 100;
    grouped += ',' + std::string(frac < 10 ? "0" : "") + std::to_string(frac);
  }
  return (negative ? "-" : "") + grouped + " kr";
}

// The records are built in place, so that a long list's ceilings are not held twice: the
// first is the list's own record (filled in last), then one ceiling per row.
struct Built {
  std::vector<record::Record> records;
  std::size_t rows() const { return records.size() - 1; }
  record::Ceiling& ceiling(std::size_t i) { return std::get<record::Ceiling>(records[i + 1]); }
  const record::Ceiling& ceiling(std::size_t i) const { return std::get<record::Ceiling>(records[i + 1]); }
  std::vector<record::Subtotal> subtotals;
  std::vector<const Entry*> totals;  // the grand total (one per year column)
  std::vector<std::string> warnings;
};

// Takes each row's printed cells and name lines out of `reading` (the rest of its entries stay).
// `extra`: the records that will follow the ceilings (room is kept for them).
Built build_rows(alloc::Reading& reading, const std::string& key, std::optional<int> list_year,
                 const Snapshot& s, doc::Format format, std::size_t extra) {
  Built out;
  out.records.reserve(reading.entries.size() + 1 + extra);
  out.records.emplace_back(record::AllocationList{});
  std::map<std::string, std::string> seen;  // kind, code and year → name as printed
  std::map<std::optional<int>, std::int64_t> since_subtotal;
  for (const Entry& e : reading.entries) {
    if (e.amount_error) {
      out.warnings.push_back("'" + normalize::excerpt(e.label) + "': '" + normalize::excerpt(e.amount_as_printed) +
                             "' is not an amount (" + *e.amount_error + ")");
      continue;
    }
    if (e.kind == Entry::Kind::total) {
      out.totals.push_back(&e);
      continue;
    }
    if (e.kind == Entry::Kind::subtotal) {
      record::Subtotal st{e.label, e.county_code, record::Amount{e.ore, "SEK"}, e.amount_as_printed};
      std::int64_t rows = since_subtotal[e.year];
      if (e.county_code) {
        rows = 0;
        for (std::size_t i = 0; i < out.rows(); ++i) {
          const record::Ceiling& c = out.ceiling(i);
          if (c.recipient.county_code == e.county_code && c.year == (e.year ? e.year : c.year)) rows += c.amount.ore;
        }
      }
      if (rows != e.ore) {
        out.warnings.push_back("subtotal '" + normalize::excerpt(e.label) + "' " + sek(e.ore) + " differs from the sum of its rows " + sek(rows));
      }
      out.subtotals.push_back(std::move(st));
      since_subtotal[e.year] = 0;
      continue;
    }
    record::Ceiling c;
    c.call_id = key;
    auto r = alloc::resolve_recipient(e.recipient_kind, e.label, e.org_number);
    c.recipient = std::move(r.recipient);
    c.municipality = std::move(r.municipality);
    c.warnings = std::move(r.warnings);
    if (r.found && c.recipient.code) {
      const std::string k = record::to_string(c.recipient.kind) + ":" + *c.recipient.code + ":" + (e.year ? std::to_string(*e.year) : "");
      auto [it, fresh] = seen.emplace(k, e.label);
      if (!fresh) {
        const std::string w = "'" + normalize::excerpt(e.label) + "' (" + *c.recipient.code + ") is listed twice (also as '" +
                              normalize::excerpt(it->second) + "')";
        c.warnings.push_back(w);
        out.warnings.push_back(w);
      }
    } else if (!r.found) {
      out.warnings.push_back("'" + normalize::excerpt(e.label) + "' matches no " +
                             (c.recipient.kind == record::RecipientKind::kommun ? std::string("municipality")
                                                                                : record::to_string(c.recipient.kind)));
    }
    c.id = record::ceiling_id(key, c.recipient.kind, c.recipient.code.value_or(e.label),
                              reading.several_years ? e.year : std::nullopt);
    c.amount = record::Amount{e.ore, "SEK"};
    c.year = e.year ? e.year : list_year;
    for (const auto& p : e.parts) c.parts.push_back({p.header, record::Amount{p.ore, "SEK"}, p.amount_as_printed});
    c.amount_as_printed = e.amount_as_printed;
    c.cells = std::move(e.cells);
    c.name_lines = std::move(e.name_lines);
    c.source = source_of(s, format, e.where);
    since_subtotal[e.year] += e.ore;
    out.records.emplace_back(std::move(c));
  }
  return out;
}

// The unit the list prints: the header's, else the one in the amount cells ("344,3 tkr").
std::string unit_of(const alloc::Reading& reading) {
  if (reading.unit != normalize::Unit::kr) return normalize::to_string(reading.unit);
  for (const Entry& e : reading.entries) {
    if (e.kind != Entry::Kind::municipality || e.amount_error) continue;
    if (auto m = vocab::set("unit").find(e.amount_as_printed)) return m->meaning();
    break;
  }
  return "kr";
}

}  // namespace

std::optional<std::vector<record::Record>> extract_allocation_list(const doc::Document& document,
                                                                   const Snapshot& snapshot, const Context& context) {
  alloc::Reading reading = alloc::read_list(document);
  if (!reading.found) return std::nullopt;
  alloc::ListMeta meta = alloc::read_meta(document, reading.first_block, snapshot);
  // A PDF's printed words give what the blocks merged.
  std::optional<doc::Document> completed;
  if (document.format == doc::Format::pdf && document.printed) {
    if (alloc::has_tall_cells(document)) {
      completed = document;
      alloc::split_tall_cells(*completed);
    }
    if (document.pages >= 2 && (!meta.funder || !meta.date)) {
      if (!completed) completed = document;
      const double top = document.blocks[reading.first_block].table.bbox.y0;
      auto head = alloc::running_header(document, top);
      completed->blocks.insert(completed->blocks.begin(), head.begin(), head.end());
    }
    if (completed) {
      reading = alloc::read_list(*completed);
      meta = alloc::read_meta(*completed, reading.first_block, snapshot);
    }
  }
  const doc::Document& d = completed ? *completed : document;
  std::vector<std::string> list_warnings = reading.warnings;
  const std::string call_id = alloc::call_id_of(meta, context, list_warnings);
  // A list that names and links no call stands on its own: its ids start with its list key.
  const std::string key = call_id.empty() ? alloc::list_key_of(meta, snapshot.url, list_warnings) : call_id;

  const std::size_t deadlines = call_id.empty() ? 0 : meta.deadlines.size();
  Built rows = build_rows(reading, key, meta.year, snapshot, d.format, deadlines);
  bool any_resolved = false;
  for (std::size_t i = 0; i < rows.rows(); ++i) {
    const record::Ceiling& c = rows.ceiling(i);
    any_resolved = any_resolved || c.recipient.code.has_value() || c.recipient.kind == record::RecipientKind::organisation;
  }
  if (!any_resolved) return std::nullopt;  // a table with a "Kommun" column but no municipalities
  for (std::size_t i = 0; i < rows.rows(); ++i) rows.ceiling(i).call_id = call_id;

  record::AllocationList list;
  list.id = record::allocation_list_id(key);
  list.call_id = call_id;
  list.source = source_of(snapshot, d.format, d.blocks[reading.first_block].where);
  list.title = meta.title;
  list.funder = meta.funder;
  list.year = meta.year;
  if (rows.rows() > 0) list.recipient_kind = rows.ceiling(0).recipient.kind;
  list.unit = unit_of(reading);
  list.rows = static_cast<int>(rows.rows());
  for (std::size_t i = 0; i < rows.rows(); ++i) list.total_computed.ore += rows.ceiling(i).amount.ore;
  if (!rows.totals.empty()) {
    list.total_stated = record::Amount{0, "SEK"};
    for (const Entry* t : rows.totals) list.total_stated->ore += t->ore;
    if (list.total_stated->ore == list.total_computed.ore) {
      list.sum_check = record::SumCheck::ok;
    } else {
      list.sum_check = record::SumCheck::mismatch;
      list_warnings.push_back("stated total " + sek(list.total_stated->ore) + " differs from the sum of the rows " +
                              sek(list.total_computed.ore));
    }
  }
  list.reference = meta.reference;
  list.document_date = meta.date;
  list.subtotals = std::move(rows.subtotals);
  for (auto& w : rows.warnings) list_warnings.push_back(std::move(w));
  list.warnings = std::move(list_warnings);

  std::vector<record::Record> out = std::move(rows.records);
  out.front() = std::move(list);
  // Deadlines belong to a call; a list that names none gives none.
  if (call_id.empty()) return out;
  for (const auto& h : meta.deadlines)
    out.emplace_back(deadline_record(call_id, h.kind, h.date, h.time, h.text, source_of(snapshot, d.format, h.where)));
  return out;
}

}  // namespace bidrag::extract
