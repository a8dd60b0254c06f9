// Closed sets of the record contract as enums, each with one name table (to_string / parse):
// deadline kinds, a call's status, the role of a linked document, the stage an error record
// comes from, and an allocation list's sum check. The names are the contract's JSON strings;
// tests/record/kinds_test.cpp checks each table against the enum of schemas/records.schema.json.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

namespace bidrag::record {

// In the contract's order; deadline records of a call come out in this order.
enum class DeadlineKind {
  application_open,
  application_close,
  requisition_close,
  funds_usable_until,
  report_request_sent,
  report_due,
  decision,
  other,
};

enum class CallStatus { open, closed, upcoming };

// The role of a call's linked document (a `document` record).
enum class DocumentRole { instructions, allocation_list, decision, assignment, report, guidance, application, other };

// Where an error record comes from.
enum class ErrorStage { fetch, parse, extract, store };

// An allocation list's printed total against the sum of its rows.
enum class SumCheck { ok, mismatch, no_total };

// The name table of each closed set, in enum order: names[i] is the name of the i-th value.
template <typename E>
struct NameTable;
template <>
struct NameTable<DeadlineKind> {
  static constexpr std::array<std::string_view, 8> names{
      "application_open", "application_close", "requisition_close", "funds_usable_until",
      "report_request_sent", "report_due", "decision", "other"};
};
template <>
struct NameTable<CallStatus> {
  static constexpr std::array<std::string_view, 3> names{"open", "closed", "upcoming"};
};
template <>
struct NameTable<DocumentRole> {
  static constexpr std::array<std::string_view, 8> names{"instructions", "allocation_list", "decision", "assignment",
                                                         "report",       "guidance",        "application", "other"};
};
template <>
struct NameTable<ErrorStage> {
  static constexpr std::array<std::string_view, 4> names{"fetch", "parse", "extract", "store"};
};
template <>
struct NameTable<SumCheck> {
  static constexpr std::array<std::string_view, 3> names{"ok", "mismatch", "no_total"};
};

template <typename E>
concept NamedSet = std::is_enum_v<E> && requires { NameTable<E>::names; };

// Every name of the set, in enum order.
template <NamedSet E>
[[nodiscard]] constexpr std::span<const std::string_view> names_of() noexcept {
  return NameTable<E>::names;
}

// The contract's name of a value.
template <NamedSet E>
[[nodiscard]] constexpr std::string_view to_string(E value) noexcept {
  return NameTable<E>::names[static_cast<std::size_t>(value)];
}

// The value a name stands for; nullopt for a name outside the set.
template <NamedSet E>
[[nodiscard]] constexpr std::optional<E> from_name(std::string_view name) noexcept {
  const auto& names = NameTable<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

[[nodiscard]] constexpr std::optional<DeadlineKind> parse_deadline_kind(std::string_view s) noexcept {
  return from_name<DeadlineKind>(s);
}
[[nodiscard]] constexpr std::optional<CallStatus> parse_call_status(std::string_view s) noexcept {
  return from_name<CallStatus>(s);
}
[[nodiscard]] constexpr std::optional<DocumentRole> parse_document_role(std::string_view s) noexcept {
  return from_name<DocumentRole>(s);
}
[[nodiscard]] constexpr std::optional<ErrorStage> parse_error_stage(std::string_view s) noexcept {
  return from_name<ErrorStage>(s);
}
[[nodiscard]] constexpr std::optional<SumCheck> parse_sum_check(std::string_view s) noexcept {
  return from_name<SumCheck>(s);
}

}  // namespace bidrag::record
