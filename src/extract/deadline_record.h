// The deadline record both extractors write for a call (an announcement's dates, a list's
// requisition and report sentences): its id from the call and the kind, the rest as found.
#pragma once
#include <optional>
#include <string>

#include "bidrag/common/date.h"
#include "bidrag/record/record.h"

namespace bidrag::extract {

[[nodiscard]] record::Deadline deadline_record(const std::string& call_id, record::DeadlineKind kind, const Date& date,
                                               const std::optional<std::string>& time, const std::string& text,
                                               record::Source source);

}  // namespace bidrag::extract
