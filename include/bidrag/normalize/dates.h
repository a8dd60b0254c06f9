// Swedish dates, times, ranges, durations and day counters in running text.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/common/date.h"

namespace bidrag::normalize {

// What a year-less date takes its year from.
struct DateContext {
  std::optional<int> document_year;  // the document's own year (the call's year)
  std::optional<Date> reference;     // e.g. the fetch date; for "the next occurrence on or after"
  std::vector<Date> neighbours;      // dates stated nearby (e.g. in the same paragraph)
};

struct DateMatch {
  std::optional<Date> date;          // the (first) date
  std::optional<std::string> time;   // "23:59" when a time was printed
  std::optional<Date> end;           // ranges: the last day ("1 februari–15 mars 2024")
  std::optional<int> year_from, year_to;  // year ranges ("2021–2023") and bare years
  std::optional<std::string> duration;  // ISO 8601 ("P1M", "P2W", "P30D")
  std::optional<int> days_left;      // "Tid kvar att ansöka: 77 dagar"
  bool year_inferred = false;        // the year was not printed
  std::string text;                  // the matched text, as printed
  std::size_t begin = 0, end_offset = 0;  // byte span in the input
};

// Every date-like expression in running text, in order. Impossible dates ("30 februari 2023")
// are not returned as dates (see parse_date for the error).
[[nodiscard]] std::vector<DateMatch> find_dates(std::string_view text, const DateContext& context = {});

struct DateResult {
  std::optional<DateMatch> match;
  std::optional<std::string> error;  // "no date found", "30 februari 2023 is not a date"
};
// The one date expression in `text` (the first when there are several).
[[nodiscard]] DateResult parse_date(std::string_view text, const DateContext& context = {});

}  // namespace bidrag::normalize
