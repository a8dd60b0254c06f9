// Call series across years: every call a store has seen is an edition of its series (the call id
// without its year, the call's `series`), and each edition is linked to the previous edition of
// the same series in the store (the latest earlier year it holds). Stores keep the links as they
// load records, whatever order the editions arrive in, so a reader never has to guess which
// call is "last year's".
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace bidrag::store {

struct Edition {
  std::string call_id;     // "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023"
  std::string series;      // "socialstyrelsen:sociala-insatser-i-utsatta-omraden"
  std::optional<int> year;  // the call's `year`; an edition without one is never linked
  std::string previous;    // call id of the previous edition in the store, "" for the first
  std::string first_seen;  // RFC 3339 UTC: when the store first stored this call
  std::string title;       // of the call's current version, "" when no version is current
};

class SeriesIndex {
 public:
  virtual ~SeriesIndex() = default;
  // Every series with at least one edition, sorted.
  [[nodiscard]] virtual std::vector<std::string> series_ids() = 0;
  // The editions of `series`, oldest year first (editions without a year last); empty for a
  // series the store does not know.
  [[nodiscard]] virtual std::vector<Edition> editions(const std::string& series) = 0;
  // One edition by call id, or nullopt.
  [[nodiscard]] virtual std::optional<Edition> edition(const std::string& call_id) = 0;
  // The edition `call_id` is linked to (last year's, or the latest earlier one the store
  // holds), or nullopt for a first edition or an unknown call.
  [[nodiscard]] virtual std::optional<Edition> previous_edition(const std::string& call_id) = 0;
  // The current records (valid_to null) of a call: the call and every record whose call_id is
  // `call_id`, as JSON lines with `source`, ordered by type and id.
  [[nodiscard]] virtual std::vector<std::string> edition_records(const std::string& call_id) = 0;
};

}  // namespace bidrag::store
