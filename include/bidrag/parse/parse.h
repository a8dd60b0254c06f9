// Parsing: a snapshot's bytes to the common document model. Parsers are chosen by name
// from the content (%PDF-, markup) and the declared type, not from the file name alone.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bidrag/common/snapshot.h"
#include "bidrag/document/document.h"

namespace bidrag::parse {

// Decides the format from the bytes first (%PDF-, an XLSX zip, markup), then the declared content
// type, then the URL's extension (.xlsx, .csv, ...). Never fails: plain text is the fallback.
[[nodiscard]] doc::Format sniff_format(const Snapshot& s);

// Parses with the parser for sniff_format(s). Throws bidrag::Error naming the source and the
// place (page, line) when the document cannot be read (encrypted, truncated, no text layer).
[[nodiscard]] doc::Document parse(const Snapshot& s);

// Sets up what the parsers otherwise set up on first use (Poppler's global parameters): for a
// process that forks a worker per document (extract::warm_up).
void warm_up();

[[nodiscard]] doc::Document parse_html(const Snapshot& s);
[[nodiscard]] doc::Document parse_text(const Snapshot& s);
[[nodiscard]] doc::Document parse_pdf(const Snapshot& s);

// What an XLSX workbook may unpack to before it is refused as too large (a zip bomb): the
// defaults are far above any real allocation list (a 10 000-row list is about 2 MiB of XML).
struct SpreadsheetLimits {
  std::uint64_t max_part_bytes = std::uint64_t{64} << 20;    // one part, uncompressed: 64 MiB
  std::uint64_t max_total_bytes = std::uint64_t{256} << 20;  // all parts read: 256 MiB
  std::size_t max_cells = 1'000'000;                        // cells (<c>) over all sheets
};

// XLSX (Office Open XML workbook): every visible worksheet in workbook order; per sheet its
// tables (cells as their number formats display them, with the exact stored number in
// Cell::number) and its prose lines as paragraphs or headings, each located by sheet and row.
// A broken zip, a missing or malformed part, or a limit exceeded throws bidrag::Error naming
// the part ("book.xlsx:xl/worksheets/sheet2.xml: missing from the workbook").
[[nodiscard]] doc::Document parse_xlsx(const Snapshot& s, const SpreadsheetLimits& limits = {});

// CSV: separator (comma, semicolon, tab) and encoding (UTF-8 with or without BOM,
// Windows-1252) detected; RFC 4180 quoting; the table as a table block, the lines around it
// as paragraphs, each located by the line its record starts on.
[[nodiscard]] doc::Document parse_csv(const Snapshot& s);

}  // namespace bidrag::parse
