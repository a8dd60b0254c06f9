// Allocation lists: reading the rows of municipality tables into entries (municipalities,
// county subtotals, the grand total), across pages and side-by-side column groups.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/document/document.h"
#include "bidrag/normalize/amounts.h"

namespace bidrag::extract::alloc {

struct Entry {
  enum class Kind { municipality, subtotal, total };
  Kind kind = Kind::municipality;
  std::string label;                    // the name as printed (lines joined), or the total's label
  std::vector<std::string> name_lines;  // the printed lines of a wrapped name
  std::string amount_as_printed;        // white space folded to ASCII spaces
  std::int64_t ore = 0;
  std::optional<std::string> amount_error;  // the cell held no amount (the entry is then skipped)
  std::optional<std::string> county_code;   // subtotal: the county it sums
  std::vector<std::string> cells;           // the row's raw cell texts (of its column group)
  doc::Locator where;
};

struct Reading {
  bool found = false;  // a municipality table was found
  std::vector<Entry> entries;  // in reading order
  normalize::Unit unit = normalize::Unit::kr;
  std::size_t first_block = 0, last_block = 0;  // the table blocks the list was read from
  std::vector<std::string> warnings;
};

// Reads every municipality table of the document as one list.
[[nodiscard]] Reading read_list(const doc::Document& document);

// A grand-total label: "Totalt", "Summa", "Totalsumma", "Riket", "Summa totalt" …
[[nodiscard]] bool is_total_label(std::string_view label);
// A subtotal label ("Summa Stockholms län", "Delsumma"): its county code when it names one.
[[nodiscard]] bool is_subtotal_label(std::string_view label, std::optional<std::string>& county_code);
// Joins the printed lines of a wrapped name: "Upplands" + "Väsby", "Upplands-" + "Bro".
[[nodiscard]] std::string join_lines(const std::vector<std::string>& lines);

}  // namespace bidrag::extract::alloc
