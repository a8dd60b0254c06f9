// Terminal-browser dumps (lynx -dump and the like): link texts carry "[N]" markers and the
// targets are listed by number under "References" at the end. This reads such a dump into
// lines without the markers, each with its indentation and the links whose text it starts.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "bidrag/document/document.h"

namespace bidrag::parse::text {

struct DumpLine {
  std::string text;  // the line without its markers and leading spaces
  int indent = 0;    // leading spaces of the raw line
  int number = 0;    // 1-based line number in the file
  std::string raw;   // the line as printed, indentation included
  std::vector<doc::Link> links;
  // A row of a table the browser laid out in columns ("Vem kan söka   Kommuner"): the label and
  // the value, split where the table's value column starts (set for every row of such a table).
  std::optional<std::pair<std::string, std::string>> row;
};

// The lines before the reference list, or nullopt when `utf8` is no such dump (no reference
// list of numbered URLs, or no marker in the text that points into it).
[[nodiscard]] std::optional<std::vector<DumpLine>> read_dump(std::string_view utf8);

}  // namespace bidrag::parse::text
