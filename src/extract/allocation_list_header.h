// Allocation lists: recognising a municipality table's header by its vocabulary (Kommun, Län,
// Kommunkod, Belopp (tkr) …) and splitting side-by-side column groups.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/document/document.h"
#include "bidrag/normalize/amounts.h"

namespace bidrag::extract::alloc {

// What a column holds, from its header text alone.
enum class Role { other, name, county, code, county_code, amount };
[[nodiscard]] Role role_of(std::string_view header);

// One column group: the columns of one "Kommun … Belopp" run.
struct Group {
  std::size_t first = 0, last = 0;  // column range [first, last]
  std::size_t name = 0;             // the municipality-name column
  std::size_t amount = 0;           // the amount column
  std::optional<std::size_t> county, code;
  normalize::Unit unit = normalize::Unit::kr;  // the unit the amount header states (kr when none)
};

struct Header {
  std::size_t row = 0;    // index of the (last) header row in the table
  std::size_t width = 0;  // number of columns the header spans
  std::vector<Group> groups;
  std::vector<std::string> texts;  // header text per column (rows of a two-line header joined)
};

// The first header of a municipality table in `table`: a row (or two rows read together)
// naming a municipality column and an amount column. nullopt when there is none.
[[nodiscard]] std::optional<Header> find_header(const doc::Table& table);

// Whether a row repeats the header (a page's repeated header inside a merged table).
[[nodiscard]] bool repeats_header(const std::vector<doc::Cell>& row, const Header& header);

// Text of a cell or "" when the row is shorter.
[[nodiscard]] const std::string& cell_text(const std::vector<doc::Cell>& row, std::size_t column);

}  // namespace bidrag::extract::alloc
