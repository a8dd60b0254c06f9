// Closed sets of the record contract as enums, each with one name table (to_string / parse):
// the deadline kinds and a call's status. The names are the contract's JSON strings.
#pragma once
#include <array>
#include <optional>
#include <string_view>

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

namespace detail {
inline constexpr std::array<std::string_view, 8> kDeadlineKindNames{
    "application_open", "application_close", "requisition_close", "funds_usable_until",
    "report_request_sent", "report_due", "decision", "other"};
inline constexpr std::array<std::string_view, 3> kCallStatusNames{"open", "closed", "upcoming"};

template <typename E, std::size_t N>
constexpr std::optional<E> parse_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}
}  // namespace detail

[[nodiscard]] constexpr std::string_view to_string(DeadlineKind k) {
  return detail::kDeadlineKindNames[static_cast<std::size_t>(k)];
}
[[nodiscard]] constexpr std::string_view to_string(CallStatus s) {
  return detail::kCallStatusNames[static_cast<std::size_t>(s)];
}
// nullopt for a name outside the set.
[[nodiscard]] constexpr std::optional<DeadlineKind> parse_deadline_kind(std::string_view s) {
  return detail::parse_name<DeadlineKind>(detail::kDeadlineKindNames, s);
}
[[nodiscard]] constexpr std::optional<CallStatus> parse_call_status(std::string_view s) {
  return detail::parse_name<CallStatus>(detail::kCallStatusNames, s);
}

}  // namespace bidrag::record
