// What the three renderings of a report share: section titles and the words for changes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "bidrag/report/report.h"

namespace bidrag::report {

// "moved" for a changed deadline, "added"/"removed" otherwise.
[[nodiscard]] std::string deadline_change(const DeadlineChange& d);
// "opened", "closed", "upcoming" or "status not stated", from the new status.
[[nodiscard]] std::string status_change(const StatusChange& s);
// Kronor for people ("17 603 816"), "" for none.
[[nodiscard]] std::string kronor(const std::optional<std::int64_t>& ore);
// "+1 000", "-250 000": the sign always shown.
[[nodiscard]] std::string signed_kronor(std::int64_t ore);
// "2023-12-01T10:00:00Z" → "2023-12-01 10:00 UTC".
[[nodiscard]] std::string when(const std::string& rfc3339);

}  // namespace bidrag::report
