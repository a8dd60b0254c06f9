// sniff_format and the parser dispatcher: the format comes from the bytes, then the declared
// type, then the URL's extension.
#include "bidrag/parse/parse.h"

#include "parse/csv/csv.h"
#include "parse/pdf/reader.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "bidrag/common/error.h"
#include "bidrag/parse/limits.h"

namespace bidrag::parse {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Markup at the start of the document (after a BOM, white space and comments).
bool looks_like_html(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 2048));
  std::size_t i = 0;
  if (head.rfind("\xef\xbb\xbf", 0) == 0) i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  const std::string_view start = std::string_view(head).substr(i);
  if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0 || start.rfind("<?xml", 0) == 0 ||
      start.rfind("<!--", 0) == 0 || start.rfind("<head", 0) == 0 || start.rfind("<body", 0) == 0)
    return true;
  // A fragment: several of the common tags near the top.
  int tags = 0;
  for (const char* tag : {"<p>", "<p ", "<div", "<h1", "<h2", "<ul", "<table", "<a href", "<br"})
    if (head.find(tag) != std::string::npos) ++tags;
  return tags >= 2;
}

// An Office Open XML workbook: a zip archive (local file header first) whose part names include
// the workbook's ("xl/workbook.xml", "xl/worksheets/…"); names are stored uncompressed.
bool looks_like_xlsx(std::string_view bytes) {
  if (!bytes.starts_with("PK\x03\x04")) return false;
  return bytes.find("xl/workbook") != std::string_view::npos || bytes.find("xl/worksheets/") != std::string_view::npos;
}

// Any tag at all ("<p", "</div", "<!--"): a page's text copied from the browser has none.
bool has_markup(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 65536);
  for (auto at = head.find('<'); at != std::string_view::npos && at + 1 < head.size(); at = head.find('<', at + 1)) {
    const auto c = static_cast<unsigned char>(head[at + 1]);
    if ((std::isalpha(c) || c == '/' || c == '!') && head.find('>', at) != std::string_view::npos) return true;
  }
  return false;
}

// Cuts a parsed document at the limits on blocks, links and table cells, with a warning each.
void bound(doc::Document& d) {
  if (d.blocks.size() > limits::kMaxBlocks) {
    d.warnings.push_back("document has " + std::to_string(d.blocks.size()) + " blocks; only the first " +
                         std::to_string(limits::kMaxBlocks) + " were read (limit)");
    d.blocks.resize(limits::kMaxBlocks);
  }
  std::size_t links = 0, dropped_links = 0, dropped_rows = 0;
  for (auto& b : d.blocks) {
    const std::size_t room = links >= limits::kMaxLinks ? 0 : limits::kMaxLinks - links;
    if (b.links.size() > room) {
      dropped_links += b.links.size() - room;
      b.links.resize(room);
    }
    links += b.links.size();
    std::size_t cells = 0, keep = 0;
    for (; keep < b.table.rows.size(); ++keep) {
      cells += b.table.rows[keep].size();
      if (cells > limits::kMaxTableCells) break;
    }
    if (keep < b.table.rows.size()) {
      dropped_rows += b.table.rows.size() - keep;
      b.table.rows.resize(keep);
      if (b.table.row_where.size() > keep) b.table.row_where.resize(keep);
    }
  }
  if (dropped_links > 0)
    d.warnings.push_back(std::to_string(dropped_links) + " links beyond the first " +
                         std::to_string(limits::kMaxLinks) + " were not read (limit)");
  if (dropped_rows > 0)
    d.warnings.push_back(std::to_string(dropped_rows) + " table rows beyond " + std::to_string(limits::kMaxTableCells) +
                         " cells were not read (limit)");
}

}  // namespace

doc::Format sniff_format(const Snapshot& s) {
  const std::string_view bytes = s.bytes;
  const auto pdf = bytes.substr(0, 1024).find("%PDF-");
  if (pdf != std::string_view::npos) return doc::Format::pdf;
  if (looks_like_xlsx(bytes)) return doc::Format::xlsx;
  if (looks_like_html(bytes)) return doc::Format::html;
  const std::string type = lower(s.content_type);
  if (type.find("application/pdf") != std::string::npos) return doc::Format::pdf;
  if (type.find("spreadsheetml.sheet") != std::string::npos) return doc::Format::xlsx;
  if (type.find("text/csv") != std::string::npos || type.find("text/comma-separated-values") != std::string::npos ||
      type.find("application/csv") != std::string::npos)
    return doc::Format::csv;
  if (type.find("html") != std::string::npos) return doc::Format::html;
  std::string path = lower(s.url);
  path = path.substr(0, std::min(path.find('?'), path.find('#')));
  // Servers often call a CSV file text/plain and a workbook application/octet-stream: the
  // extension of these two decides before a generic declared type.
  if (ends_with(path, ".xlsx")) return doc::Format::xlsx;
  if (ends_with(path, ".csv")) return doc::Format::csv;
  if (type.find("text/plain") != std::string::npos) return doc::Format::text;
  if (ends_with(path, ".pdf")) return doc::Format::pdf;
  // The page's address ends in .html, but a copy of its text (--url names the page) is text.
  if ((ends_with(path, ".html") || ends_with(path, ".htm")) && has_markup(bytes)) return doc::Format::html;
  // Nothing declared and no telling extension: records of one width are CSV.
  if ((type.empty() || type.find("octet-stream") != std::string::npos) && !ends_with(path, ".txt") &&
      !ends_with(path, ".html") && !ends_with(path, ".htm") && csv::looks_like_csv(bytes))
    return doc::Format::csv;
  return doc::Format::text;
}

void warm_up() { pdf::init_poppler(); }

doc::Document parse(const Snapshot& s) {
  const doc::Format format = sniff_format(s);
  // A PDF or a workbook is compressed binary; markup and text are read as they are.
  const bool binary = format == doc::Format::pdf || format == doc::Format::xlsx;
  const std::size_t max_bytes = binary ? limits::kMaxPdfBytes : limits::kMaxMarkupBytes;
  if (s.bytes.size() > max_bytes)
    throw Error(s.url, "", "document of " + std::to_string(s.bytes.size()) + " bytes is larger than the limit of " +
                               std::to_string(max_bytes) + " bytes");
  doc::Document d;
  switch (format) {
    case doc::Format::pdf:
      d = parse_pdf(s);
      break;
    case doc::Format::html:
      d = parse_html(s);
      break;
    case doc::Format::xlsx:
      d = parse_xlsx(s);
      break;
    case doc::Format::csv:
      d = parse_csv(s);
      break;
    case doc::Format::text:
      d = parse_text(s);
      break;
  }
  bound(d);
  return d;
}

}  // namespace bidrag::parse
