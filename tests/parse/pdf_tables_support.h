// Helpers for the table-finder tests: read a fixture PDF's tables, and its rows as text.
#pragma once
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/parse/pdf_tables.h"
#include "support/support.h"

namespace bidrag::test {

inline std::vector<parse::pdf::Page> pdf_pages(const std::string& relative) {
  const Snapshot s = make_snapshot(fixture(relative), read_fixture(relative), "application/pdf");
  return parse::pdf::load_words(s);  // words and ruling lines
}

inline std::vector<doc::Table> pdf_tables(const std::string& relative, const parse::pdf::TableOptions& o = {}) {
  return parse::pdf::find_tables(pdf_pages(relative), o);
}

inline std::vector<std::string> texts(const std::vector<doc::Cell>& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(c.text);
  return out;
}

// "a | b | c" per row, for readable failure messages.
inline std::string dump(const doc::Table& t) {
  std::string out;
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out += (c ? " | " : "") + row[c].text;
    out += '\n';
  }
  return out;
}

}  // namespace bidrag::test
