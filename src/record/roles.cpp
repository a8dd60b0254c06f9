// Name tables of the record contract's closed sets.
#include <array>
#include <utility>

#include "bidrag/record/record.h"

namespace bidrag::record {
namespace {

constexpr std::array<std::pair<DocumentRole, std::string_view>, 8> kDocumentRoles{{
    {DocumentRole::instructions, "instructions"},
    {DocumentRole::allocation_list, "allocation_list"},
    {DocumentRole::decision, "decision"},
    {DocumentRole::assignment, "assignment"},
    {DocumentRole::report, "report"},
    {DocumentRole::guidance, "guidance"},
    {DocumentRole::application, "application"},
    {DocumentRole::other, "other"},
}};

}  // namespace

std::string_view to_string(DocumentRole role) noexcept {
  for (const auto& [r, name] : kDocumentRoles)
    if (r == role) return name;
  return "other";
}

std::optional<DocumentRole> parse_document_role(std::string_view name) noexcept {
  for (const auto& [r, n] : kDocumentRoles)
    if (n == name) return r;
  return std::nullopt;
}

}  // namespace bidrag::record
