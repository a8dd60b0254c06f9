// Allocation lists: recognising a recipient table's header by its vocabulary (Kommun, Region,
// Organisation, Län, Kommunkod, Organisationsnummer, Belopp (tkr), Grundbelopp | Totalt,
// Bidrag 2024 | Bidrag 2025 …; data/vocabulary.tsv, sets list_column_*) and splitting
// side-by-side column groups.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/document/document.h"
#include "bidrag/normalize/amounts.h"
#include "bidrag/record/record.h"

namespace bidrag::extract::alloc {

// What a column holds, from its header text alone.
enum class Role { other, name, county, code, county_code, org_number, amount };
struct ColumnRole {
  Role role = Role::other;
  // name: kommun, region, lansstyrelse, organisation, any; county: lan;
  // amount: paid, sum (a total column), granted, amount.
  std::string meaning;
};
[[nodiscard]] ColumnRole column_role(std::string_view header);
[[nodiscard]] inline Role role_of(std::string_view header) { return column_role(header).role; }

// One amount column of a group.
struct AmountColumn {
  std::size_t column = 0;
  std::string header;  // as printed, white space folded
  std::string meaning;  // paid, sum, granted, amount
  normalize::Unit unit = normalize::Unit::kr;
  std::optional<int> year;  // a year printed in the header ("Bidrag 2025")
};

// One column group: the columns of one "Kommun … Belopp" run.
struct Group {
  std::size_t first = 0, last = 0;  // column range [first, last]
  std::size_t name = 0;             // the recipient-name column
  std::size_t amount = 0;           // the ceiling's amount column (the first year column)
  std::optional<std::size_t> county, code, org_number;
  normalize::Unit unit = normalize::Unit::kr;  // the unit the amount header states (kr when none)
  // The recipient column's kind; nullopt for a column of any recipients ("Mottagare").
  std::optional<record::RecipientKind> recipient_kind = record::RecipientKind::kommun;
  // Year columns ("Bidrag 2024 | Bidrag 2025"): one ceiling per recipient and column.
  std::vector<AmountColumn> years;
  // Parts of the amount ("Grundbelopp | Tillägg" beside "Totalt"): kept on the ceiling.
  std::vector<AmountColumn> parts;
};

struct Header {
  std::size_t row = 0;    // index of the (last) header row in the table
  std::size_t width = 0;  // number of columns the header spans
  std::vector<Group> groups;
  std::vector<std::string> texts;  // header text per column (rows of a two-line header joined)
};

// The first header of a recipient table in `table`: a row (or two rows read together)
// naming a recipient column and an amount column. nullopt when there is none.
[[nodiscard]] std::optional<Header> find_header(const doc::Table& table);

// Whether a row repeats the header (a page's repeated header inside a merged table).
[[nodiscard]] bool repeats_header(const std::vector<doc::Cell>& row, const Header& header);

// Text of a cell or "" when the row is shorter.
[[nodiscard]] const std::string& cell_text(const std::vector<doc::Cell>& row, std::size_t column);

}  // namespace bidrag::extract::alloc
