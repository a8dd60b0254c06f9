// What the dates of one sentence or one "Label: value" line mean: the deadline kind, the start
// of the money's use, or a decision month. Shared by every reader of call dates; the Swedish
// cues are data (vocabulary sets deadline_topic and date_side).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/common/date.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/record/kinds.h"

namespace bidrag::extract {

struct DateHit {
  enum class Role {
    deadline,        // `kind` on `date` (with `time` where printed)
    funds_from,      // the money may be used from `date` (a call field, not a deadline)
    decision_month,  // a decision announced for a month only: `month` ("2025-09")
  };
  Role role = Role::deadline;
  record::DeadlineKind kind = record::DeadlineKind::other;
  Date date;
  std::optional<std::string> time;
  std::string month;
};

// The dates of `text` (one sentence, or "Label: value" when `labelled`) in the order printed.
// Each date takes its topic (application, decision, report, …) from the words before it since
// the previous date, else from the previous date, else from the whole text; and its side
// (start or end of a period) from the nearest cue before it ("från", "till och med", "senast").
// A labelled line may also state a bare date ("Beslut: 9 april 2025", "Slutrapport: 31 mars").
[[nodiscard]] std::vector<DateHit> classify_dates(std::string_view text, const normalize::DateContext& context,
                                                  bool labelled = false);

}  // namespace bidrag::extract
