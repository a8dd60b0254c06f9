// Content sniffing of fetched bytes against the declared Content-Type.
#include "fetch/sniff.h"

#include <algorithm>
#include <cctype>

namespace bidrag::fetch::detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && lower(text.substr(0, prefix.size())) == prefix;
}

// "Text/HTML; charset=utf-8" → "text/html".
std::string base_type(std::string_view declared) {
  declared = declared.substr(0, declared.find(';'));
  while (!declared.empty() && std::isspace(static_cast<unsigned char>(declared.back())) != 0) declared.remove_suffix(1);
  while (!declared.empty() && std::isspace(static_cast<unsigned char>(declared.front())) != 0) declared.remove_prefix(1);
  return lower(declared);
}

bool html_family(std::string_view type) { return type == "text/html" || type == "application/xhtml+xml"; }

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace

std::string sniff_media_type(std::string_view bytes) {
  // PDF readers accept the header anywhere in the first KiB (ISO 32000-1, 7.5.2 note).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return "application/pdf";
  // An XLSX workbook: a zip archive whose part names (stored as plain text) include the workbook's.
  if (bytes.starts_with("PK\x03\x04") &&
      (bytes.find("xl/workbook") != std::string_view::npos || bytes.find("xl/worksheets/") != std::string_view::npos))
    return kXlsx;
  std::string_view head = bytes.substr(0, 1024);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);  // UTF-8 BOM
  while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front())) != 0) head.remove_prefix(1);
  if (starts_with_ci(head, "<!doctype html") || starts_with_ci(head, "<html")) return "text/html";
  return {};
}

TypeCheck check_content_type(std::string_view declared, std::string_view bytes) {
  const std::string sniffed = sniff_media_type(bytes);
  const std::string base = base_type(declared);
  if (base.empty()) return {sniffed, std::nullopt};
  if (sniffed.empty() || sniffed == base || (sniffed == "text/html" && html_family(base))) {
    return {std::string(declared), std::nullopt};
  }
  return {sniffed, "declared " + base + " but the bytes are " + sniffed};
}

std::string media_type_of_path(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  const std::string ext = lower(path.substr(dot + 1));
  if (ext == "pdf") return "application/pdf";
  if (ext == "html" || ext == "htm") return "text/html";
  if (ext == "txt") return "text/plain";
  if (ext == "xlsx") return kXlsx;
  if (ext == "csv") return "text/csv";
  return {};
}

}  // namespace bidrag::fetch::detail
