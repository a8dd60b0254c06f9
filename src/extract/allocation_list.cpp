// The allocation-list extractor: a municipality table → one ceiling per municipality and one
// allocation_list with its totals checked, plus the list's deadline sentences.
#include <algorithm>
#include <map>

#include "allocation_list_header.h"
#include "allocation_list_meta.h"
#include "allocation_list_pdf.h"
#include "allocation_list_rows.h"
#include "bidrag/extract/extract.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/record/ids.h"

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

struct Built {
  std::vector<record::Ceiling> ceilings;
  std::vector<record::Subtotal> subtotals;
  std::optional<const Entry*> total;
  std::vector<std::string> warnings;
};

Built build_rows(const alloc::Reading& reading, const std::string& call_id, const Snapshot& s, doc::Format format) {
  const auto& registry = normalize::Registry::instance();
  Built out;
  std::map<std::string, std::string> seen;  // code → name as printed
  std::int64_t since_subtotal = 0;
  for (const Entry& e : reading.entries) {
    if (e.amount_error) {
      out.warnings.push_back("'" + e.label + "': '" + e.amount_as_printed + "' is not an amount (" + *e.amount_error + ")");
      continue;
    }
    if (e.kind == Entry::Kind::total) {
      if (!out.total) out.total = &e;
      continue;
    }
    if (e.kind == Entry::Kind::subtotal) {
      record::Subtotal st{e.label, e.county_code, record::Amount{e.ore, "SEK"}, e.amount_as_printed};
      std::int64_t rows = since_subtotal;
      if (e.county_code) {
        rows = 0;
        for (const auto& c : out.ceilings) {
          if (c.municipality.county_code == e.county_code) rows += c.amount.ore;
        }
      }
      if (rows != e.ore) {
        out.warnings.push_back("subtotal '" + e.label + "' " + sek(e.ore) + " differs from the sum of its rows " + sek(rows));
      }
      out.subtotals.push_back(std::move(st));
      since_subtotal = 0;
      continue;
    }
    record::Ceiling c;
    c.call_id = call_id;
    c.municipality.name_as_printed = e.label;
    const auto match = registry.resolve(e.label);
    if (match.municipality) {
      const auto& m = *match.municipality;
      c.municipality.name = m.name;
      c.municipality.code = m.code;
      c.municipality.county_code = m.county_code;
      c.municipality.county = m.county;
      c.warnings = match.warnings;
      auto [it, fresh] = seen.emplace(m.code, e.label);
      if (!fresh) {
        const std::string w = "'" + e.label + "' (" + m.code + ") is listed twice (also as '" + it->second + "')";
        c.warnings.push_back(w);
        out.warnings.push_back(w);
      }
    } else {
      c.warnings.push_back(match.error.value_or("no municipality named '" + e.label + "'"));
      out.warnings.push_back("'" + e.label + "' matches no municipality");
    }
    c.id = record::ceiling_id(call_id, c.municipality.code.value_or(e.label));
    c.amount = record::Amount{e.ore, "SEK"};
    c.amount_as_printed = e.amount_as_printed;
    c.cells = e.cells;
    c.name_lines = e.name_lines;
    c.source = source_of(s, format, e.where);
    since_subtotal += e.ore;
    out.ceilings.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::optional<std::vector<record::Record>> extract_allocation_list(const doc::Document& document,
                                                                   const Snapshot& snapshot, const Context& context) {
  alloc::Reading reading = alloc::read_list(document);
  if (!reading.found) return std::nullopt;
  alloc::ListMeta meta = alloc::read_meta(document, reading.first_block);
  // A PDF's word boxes are read again only for what the document model lost.
  std::optional<doc::Document> completed;
  if (document.format == doc::Format::pdf) {
    alloc::PdfWords words(snapshot);
    if (alloc::has_tall_cells(document)) {
      completed = document;
      alloc::split_tall_cells(*completed, words);
    }
    if (document.pages >= 2 && (!meta.funder || !meta.date)) {
      if (!completed) completed = document;
      const double top = document.blocks[reading.first_block].table.bbox.y0;
      auto head = alloc::running_header(words, top);
      completed->blocks.insert(completed->blocks.begin(), head.begin(), head.end());
    }
    if (completed) {
      reading = alloc::read_list(*completed);
      meta = alloc::read_meta(*completed, reading.first_block);
    }
  }
  const doc::Document& d = completed ? *completed : document;
  std::vector<std::string> list_warnings = reading.warnings;
  const std::string call_id = alloc::call_id_of(meta, context, list_warnings);

  Built rows = build_rows(reading, call_id, snapshot, d.format);
  const bool any_resolved = std::any_of(rows.ceilings.begin(), rows.ceilings.end(),
                                        [](const record::Ceiling& c) { return c.municipality.code.has_value(); });
  if (!any_resolved) return std::nullopt;  // a table with a "Kommun" column but no municipalities

  record::AllocationList list;
  list.id = record::allocation_list_id(call_id);
  list.call_id = call_id;
  list.source = source_of(snapshot, d.format, d.blocks[reading.first_block].where);
  list.title = meta.title;
  list.unit = normalize::to_string(reading.unit);
  list.rows = static_cast<int>(rows.ceilings.size());
  for (const auto& c : rows.ceilings) list.total_computed.ore += c.amount.ore;
  if (rows.total) {
    list.total_stated = record::Amount{(*rows.total)->ore, "SEK"};
    if (list.total_stated->ore == list.total_computed.ore) {
      list.sum_check = "ok";
    } else {
      list.sum_check = "mismatch";
      list_warnings.push_back("stated total " + sek(list.total_stated->ore) + " differs from the sum of the rows " +
                              sek(list.total_computed.ore));
    }
  }
  list.reference = meta.reference;
  list.document_date = meta.date;
  list.subtotals = std::move(rows.subtotals);
  for (auto& w : rows.warnings) list_warnings.push_back(std::move(w));
  list.warnings = std::move(list_warnings);

  std::vector<record::Record> out;
  out.reserve(rows.ceilings.size() + 1 + meta.deadlines.size());
  out.emplace_back(std::move(list));
  for (auto& c : rows.ceilings) out.emplace_back(std::move(c));
  for (const auto& h : meta.deadlines) {
    record::Deadline dl;
    dl.id = record::deadline_id(call_id, h.kind);
    dl.call_id = call_id;
    dl.source = source_of(snapshot, d.format, h.where);
    dl.kind = record::parse_deadline_kind(h.kind).value_or(record::DeadlineKind::other);
    dl.date = h.date;
    dl.time = h.time;
    dl.text = h.text;
    out.emplace_back(std::move(dl));
  }
  return out;
}

}  // namespace bidrag::extract
