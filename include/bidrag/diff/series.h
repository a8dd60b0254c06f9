// Comparing the editions of a call series from a store (`bidrag diff --series`): which two
// editions to compare, each edition's records as one side of a diff, and the list of a store's
// series and editions. Works on any store that keeps series (store/series.h).
#pragma once
#include <string>
#include <vector>

#include "bidrag/diff/record_set.h"
#include "bidrag/store/series.h"

namespace bidrag::diff {

struct EditionPair {
  store::Edition older;
  store::Edition newer;
};

// "2022,2023" → {2022, 2023} (older, newer), "2023" → {2023}, "" → {}. Throws UsageError for
// anything else (not four-digit years, more than two, the same year twice).
[[nodiscard]] std::vector<int> parse_years(const std::string& text);

// The editions of `series` to compare, from the store's links:
// - no year: the latest edition and the one it is linked to (the previous edition);
// - one year: that edition and its previous one;
// - two years: those two editions, in that order.
// Throws UsageError with a message naming `where` (the store) for an unknown series (saying
// when it was given a call id instead), a series with one edition, a first edition, and a year
// the store has no edition of (listing the years it has).
[[nodiscard]] EditionPair pick_editions(store::SeriesIndex& index, const std::string& series,
                                        const std::vector<int>& years, const std::string& where);

// One edition's current records as one side of a diff; source "WHERE (CALL_ID)". Throws
// bidrag::Error naming the record when the store holds a line that is not a record.
[[nodiscard]] RecordSet load_edition(store::SeriesIndex& index, const std::string& call_id, const std::string& where);

// The series (all, or only `series` when not empty) and their editions, oldest first:
// text, one block per series with a line per edition (year, call id, title, and the edition it
// links to), or JSON (`json` true), an array with one object per edition:
// {"series", "year", "call_id", "title", "previous", "first_seen"}.
// Throws UsageError for a given series the store does not know.
[[nodiscard]] std::string render_series_list(store::SeriesIndex& index, const std::string& series, bool json,
                                             const std::string& where);

}  // namespace bidrag::diff
