// sniff_format and the parser dispatcher: the format comes from the bytes, then the declared
// type, then the URL's extension.
#include "bidrag/parse/parse.h"

#include "parse/csv/csv.h"

#include <algorithm>
#include <cctype>
#include <string>

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

doc::Document parse(const Snapshot& s) {
  switch (sniff_format(s)) {
    case doc::Format::pdf:
      return parse_pdf(s);
    case doc::Format::html:
      return parse_html(s);
    case doc::Format::xlsx:
      return parse_xlsx(s);
    case doc::Format::csv:
      return parse_csv(s);
    case doc::Format::text:
      break;
  }
  return parse_text(s);
}

}  // namespace bidrag::parse
