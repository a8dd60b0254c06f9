// parse_csv: decode (normalize::decode_to_utf8: BOM, UTF-8, else Windows-1252 as Swedish Excel
// writes it), split into RFC 4180 records with the separator that gives the most records of one
// width, and hand the records to the grid as rows (a table block, prose lines as paragraphs).
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

#include "bidrag/common/error.h"
#include "bidrag/normalize/text.h"
#include "bidrag/parse/parse.h"
#include "parse/grid/grid.h"

namespace bidrag::parse {
namespace {

struct Record {
  int line = 0;  // where it starts, 1-based
  std::vector<std::string> fields;
};

// RFC 4180 with the usual leniency: CRLF, LF or CR line ends; a quote inside an unquoted field
// is text; text after a closing quote is kept.
std::vector<Record> split(const std::string& text, char sep, const std::string& source) {
  std::vector<Record> out;
  std::size_t i = 0;
  int line = 1;
  const std::size_t n = text.size();
  auto at_line_end = [&](std::size_t k) { return k < n && (text[k] == '\n' || text[k] == '\r'); };
  auto skip_line_end = [&](std::size_t& k) {
    if (text[k] == '\r' && k + 1 < n && text[k + 1] == '\n') ++k;
    ++k;
    ++line;
  };
  while (i < n) {
    Record r;
    r.line = line;
    while (true) {
      std::string field;
      if (i < n && text[i] == '"') {
        const int opened = line;
        ++i;
        while (true) {
          if (i >= n) throw Error(source, "line " + std::to_string(opened), "quoted field is not closed");
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) ++line;
          field += text[i++];
        }
      }
      while (i < n && text[i] != sep && !at_line_end(i)) field += text[i++];
      r.fields.push_back(std::move(field));
      if (i < n && text[i] == sep) {
        ++i;
        continue;
      }
      break;
    }
    if (i < n) skip_line_end(i);
    out.push_back(std::move(r));
  }
  return out;
}

// The separator that gives the most records of one width (two fields or more); ties go to tab,
// then semicolon, then comma (commas are common inside Swedish numbers and text).
char detect_separator(const std::string& text, const std::string& source) {
  const std::string head = text.substr(0, 65536);
  char best = ',';
  std::size_t best_score = 0;
  for (char sep : std::array<char, 3>{'\t', ';', ','}) {
    std::vector<Record> records;
    try {
      records = split(head, sep, source);
    } catch (const Error&) {
      continue;  // a quoted field cut by the 64 KiB window
    }
    std::map<std::size_t, std::size_t> widths;
    for (const auto& r : records)
      if (r.fields.size() >= 2) ++widths[r.fields.size()];
    std::size_t score = 0;
    for (const auto& [width, count] : widths) score = std::max(score, count);
    if (score > best_score) {
      best = sep;
      best_score = score;
    }
  }
  return best;
}

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

bool declares_charset(std::string_view type) { return type.find("charset") != std::string_view::npos; }

}  // namespace

doc::Document parse_csv(const Snapshot& s) {
  doc::Document d;
  d.url = s.url;
  d.format = doc::Format::csv;
  // Without a BOM or a declared charset, bytes that are not UTF-8 are Windows-1252 (what Excel
  // writes for "CSV (semikolonavgränsad)" on a Swedish Windows), not left to statistics.
  const bool bom = s.bytes.starts_with("\xEF\xBB\xBF") || s.bytes.starts_with("\xFF\xFE") || s.bytes.starts_with("\xFE\xFF");
  const std::string declared =
      declares_charset(s.content_type) || bom || valid_utf8(s.bytes) ? s.content_type : "text/csv; charset=windows-1252";
  const std::string text = normalize::decode_to_utf8(s.bytes, declared);
  const char sep = detect_separator(text, s.url);
  const std::vector<Record> records = split(text, sep, s.url);

  grid::Grid g;
  int position = 0;
  for (const auto& r : records) {
    grid::GridRow row;
    row.position = ++position;
    row.where = doc::Locator::text(r.line);
    int column = 0;
    for (const auto& f : r.fields) {
      ++column;
      std::string cell = normalize::fold_spaces(f);
      if (cell.empty()) continue;
      grid::GridCell c;
      c.column = column;
      c.text = std::move(cell);
      row.cells.push_back(std::move(c));
    }
    g.rows.push_back(std::move(row));
  }
  d.blocks = grid::blocks_of(g);
  for (const auto& b : d.blocks) {
    if (b.kind == doc::BlockKind::table) break;
    d.title = b.text;
    break;
  }
  return d;
}

}  // namespace bidrag::parse
