// An iCalendar feed (RFC 5545) of the deadlines of open and upcoming calls, for a calendar
// application to subscribe to: one all-day event per deadline, titled with the deadline's kind
// and the call's title, linking the call's page, with a UID that stays the same from run to run
// (the deadline's record id), so a client updates an event instead of adding another.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/store/sqlite_store.h"

namespace bidrag::calendar {

struct Options {
  // Call ids to include whatever their status; empty: every call whose status is open or upcoming.
  std::vector<std::string> calls;
  // DTSTAMP of an event whose record has no capture time (RFC 3339 UTC; "" → now).
  std::string now;
};

// The feed: CRLF line ends, lines folded at 75 octets. Throws UsageError naming a requested call
// id the store does not hold, bidrag::Error when the store holds a line that is not a record.
[[nodiscard]] std::string feed(store::SqliteStore& db, const Options& options);

// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped.
[[nodiscard]] std::string escape_text(std::string_view text);
// One content line, folded (RFC 5545 3.1): at most 75 octets per physical line, never inside a
// UTF-8 sequence, continuation lines starting with a space; ends in CRLF.
[[nodiscard]] std::string content_line(std::string_view line);

}  // namespace bidrag::calendar
