#include "bidrag/record/ids.h"

#include "bidrag/common/slug.h"
#include "bidrag/record/record.h"

namespace bidrag::record {

std::string series_id(std::string_view funder, std::string_view title_without_year) {
  return slugify(funder) + ":" + slugify(title_without_year);
}

std::string call_id(std::string_view funder, std::string_view title_without_year, int year) {
  return series_id(funder, title_without_year) + ":" + std::to_string(year);
}

std::string series_of(std::string_view id) {
  const auto pos = id.rfind(':');
  return std::string(pos == std::string_view::npos ? id : id.substr(0, pos));
}

std::string deadline_id(std::string_view call, std::string_view kind) {
  return std::string(call) + ":deadline:" + std::string(kind);
}

std::string contact_id(std::string_view call, std::string_view name_or_role) {
  return std::string(call) + ":contact:" + slugify(name_or_role);
}

std::string document_id(std::string_view call, std::string_view url) {
  return std::string(call) + ":document:" + sha1_hex(url);
}

std::string ceiling_id(std::string_view call, std::string_view code_or_name) {
  return std::string(call) + ":ceiling:" + slugify(code_or_name);
}

std::string ceiling_id(std::string_view call, RecipientKind kind, std::string_view code_or_name,
                       std::optional<int> year) {
  std::string id = std::string(call) + ":ceiling:";
  if (kind != RecipientKind::kommun) id += to_string(kind) + "-";
  id += slugify(code_or_name);
  if (year) id += ":" + std::to_string(*year);
  return id;
}

std::string allocation_list_id(std::string_view call) { return std::string(call) + ":allocation_list"; }

std::string error_id(std::string_view url, ErrorStage stage) {
  return "error:" + sha1_hex(url) + ":" + std::string(to_string(stage));
}

}  // namespace bidrag::record
