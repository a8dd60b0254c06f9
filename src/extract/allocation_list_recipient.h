// Allocation lists: who a row's money goes to. A printed name (and, for organisations, the
// printed organisation number) resolved to a recipient of the list's kind: a municipality (SCB
// kommunkod), a region or a länsstyrelse (agency table, by SCB county code), a county (län), or
// an organisation (organisationsnummer with a valid Luhn check digit).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/record/record.h"

namespace bidrag::extract::alloc {

struct ResolvedRecipient {
  record::Recipient recipient;
  record::Municipality municipality;  // kommun recipients only
  std::vector<std::string> warnings;  // on the ceiling
  bool found = false;                 // the name matched a known recipient (organisations: always)
};

// `kind`: the list's recipient kind, or nullopt for any (each row decides: a municipality, a
// region or länsstyrelse the agency table knows, else an organisation).
[[nodiscard]] ResolvedRecipient resolve_recipient(std::optional<record::RecipientKind> kind, std::string_view printed,
                                                  std::string_view org_number_cell);

// Whether `text` is an organisation number NNNNNN-NNNN (or ten digits) with a valid Luhn
// check digit; the normalised form "NNNNNN-NNNN" when it is.
[[nodiscard]] std::optional<std::string> org_number(std::string_view text);

}  // namespace bidrag::extract::alloc
