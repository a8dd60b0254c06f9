// Stable record ids (RECORDS.md, "Ids"): the same logical thing gets the same id in every
// capture and every run.
#pragma once
#include <string>
#include <optional>
#include <string_view>

namespace bidrag::record {

// "<funder-slug>:<title-slug-without-year>" — the call id without its year.
[[nodiscard]] std::string series_id(std::string_view funder, std::string_view title_without_year);
// "<series>:<year>".
[[nodiscard]] std::string call_id(std::string_view funder, std::string_view title_without_year, int year);
// The series of a call id (everything before the last ':').
[[nodiscard]] std::string series_of(std::string_view call_id);

[[nodiscard]] std::string deadline_id(std::string_view call_id, std::string_view kind);
// name_or_role: the contact's name, or its role when no name is printed.
[[nodiscard]] std::string contact_id(std::string_view call_id, std::string_view name_or_role);
[[nodiscard]] std::string document_id(std::string_view call_id, std::string_view url);
// code_or_name: the SCB code, or the printed name when unresolved (slugged).
[[nodiscard]] std::string ceiling_id(std::string_view call_id, std::string_view code_or_name);
// RECORDS.md v2: "<key>:ceiling:<code or slug>" for a kommun, "<key>:ceiling:<kind>-<code or
// slug>" for other recipients, ":<year>" appended when the list gives several years. `key` is
// the call id, or the list key of a list that no call names.
enum class RecipientKind;
[[nodiscard]] std::string ceiling_id(std::string_view key, RecipientKind kind, std::string_view code_or_name,
                                     std::optional<int> year);
[[nodiscard]] std::string allocation_list_id(std::string_view call_id);
// Errors have no contract id; this one is stable per source and stage.
enum class ErrorStage;
[[nodiscard]] std::string error_id(std::string_view url, ErrorStage stage);

}  // namespace bidrag::record
