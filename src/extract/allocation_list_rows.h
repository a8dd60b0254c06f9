// Allocation lists: reading the rows of municipality tables into entries (municipalities,
// county subtotals, the grand total), across pages and side-by-side column groups.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/document/document.h"
#include "bidrag/normalize/amounts.h"
#include "bidrag/record/record.h"

namespace bidrag::extract::alloc {

// A part of a row's amount, from a part column ("Grundbelopp").
struct EntryPart {
  std::string header;
  std::string amount_as_printed;
  std::int64_t ore = 0;
};

struct Entry {
  enum class Kind { municipality, subtotal, total };  // municipality: any recipient row
  Kind kind = Kind::municipality;
  std::string label;                    // the name as printed (lines joined), or the total's label
  std::vector<std::string> name_lines;  // the printed lines of a wrapped name
  std::string amount_as_printed;        // white space folded to ASCII spaces
  std::int64_t ore = 0;
  std::optional<std::string> amount_error;  // the cell held no amount (the entry is then skipped)
  std::optional<std::string> county_code;   // subtotal: the county it sums
  std::vector<std::string> cells;           // the row's raw cell texts (of its column group)
  std::optional<int> year;                  // the year column the amount is from
  std::vector<EntryPart> parts;             // the part columns' amounts
  std::string org_number;                   // the organisation-number cell, as printed
  std::optional<record::RecipientKind> recipient_kind;  // the group's recipient column (nullopt: any)
  doc::Locator where;
};

struct Reading {
  bool found = false;  // a recipient table was found
  std::optional<record::RecipientKind> recipient_kind;  // of the first group's recipient column
  bool several_years = false;             // the list gives an amount per year (year columns)
  std::vector<Entry> entries;  // in reading order
  normalize::Unit unit = normalize::Unit::kr;
  std::size_t first_block = 0, last_block = 0;  // the table blocks the list was read from
  std::vector<std::string> warnings;
};

// Reads every municipality table of the document as one list.
[[nodiscard]] Reading read_list(const doc::Document& document);

// Whether a printed name resolves to a known recipient of `kind` (kommun, region,
// lansstyrelse, lan; organisations and "any" resolve by a non-empty name).
[[nodiscard]] bool resolves(std::optional<record::RecipientKind> kind, std::string_view name);

// A grand-total label: "Totalt", "Summa", "Totalsumma", "Riket", "Summa totalt" …
[[nodiscard]] bool is_total_label(std::string_view label);
// A subtotal label ("Summa Stockholms län", "Delsumma"): its county code when it names one.
[[nodiscard]] bool is_subtotal_label(std::string_view label, std::optional<std::string>& county_code);
// Joins the printed lines of a wrapped name: "Upplands" + "Väsby", "Upplands-" + "Bro".
[[nodiscard]] std::string join_lines(const std::vector<std::string>& lines);

}  // namespace bidrag::extract::alloc
