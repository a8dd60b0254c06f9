// Semantic differences between two record sets: what changed in substance between two
// captures of a call or two yearly editions. The rules (also in docs/readme/diff.md):
// - Calls pair up by `series`; the records of a call by their id without the call-id prefix
//   (deadlines by kind, ceilings by municipality code, contacts by name, documents by URL).
// - Never compared: `type`, `id`, `call_id`, `source`, `warnings` (provenance and extraction
//   notes), the call's `series` (the pairing key) and `as_of` (the capture date), and how an
//   amount or a name was printed (`amount_as_printed`, `cells`, `name_as_printed`, `name_lines`).
// - null, an absent field and an empty list mean the same: not stated.
// - Texts compare with white space folded; a changed text carries a word diff.
// - Dates carry the shift in days, amounts the exact delta and the percentage of the old amount.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/diff/json_value.h"
#include "bidrag/diff/record_set.h"
#include "bidrag/diff/words.h"

namespace bidrag::diff {

struct Change {
  enum class Kind { added, removed, changed };
  std::string series;  // the call series the change belongs to
  std::string path;    // "call.reporting.due", "ceiling[0181].amount", "contact[emilia-strom].email"
  Kind kind = Kind::changed;
  Value old_value;  // null when added
  Value new_value;  // null when removed
  std::string label;  // who or what, for people: "Nacka", "Emilia Ström", a document's title
  std::optional<std::int64_t> days;        // dates: new − old
  std::optional<std::int64_t> delta_ore;   // amounts: new − old (a removed amount counts as 0)
  std::optional<std::string> percent;      // amounts: 100 · delta / old, two decimals; none from 0
  std::vector<WordRun> words;              // texts of several words: the word diff
  bool is_amount = false;                  // old/new are kronor numbers
};

[[nodiscard]] const char* to_string(Change::Kind k) noexcept;

// Every change from `older` to `newer`, grouped by call series (in the older set's order, then
// series only in the newer), inside a call: the call's fields, then deadlines, contacts,
// documents, the allocation list and ceilings.
[[nodiscard]] std::vector<Change> diff(const RecordSet& older, const RecordSet& newer);

}  // namespace bidrag::diff
