// Allocation lists: what the text around the table says — title, funder, reference (dnr),
// date, deadlines — and the call id (or, for a list that names no call, the list key) derived
// from them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/common/date.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/document/document.h"
#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"

namespace bidrag::extract::alloc {

struct DeadlineHit {
  record::DeadlineKind kind = record::DeadlineKind::other;  // requisition_close, application_close, …
  Date date;
  std::optional<std::string> time;
  std::string text;  // the sentence, white space folded
  doc::Locator where;
};

struct ListMeta {
  std::optional<std::string> title;      // the list's title as printed
  std::optional<record::Funder> funder;  // the publishing agency (official name, org number)
  std::optional<std::string> reference;  // "dnr 3.6-41238/2022", or the bare number after "Diarienummer"
  std::optional<Date> date;              // the date printed on the list
  std::optional<int> year;               // the grant year from the title
  std::vector<DeadlineHit> deadlines;    // one per kind, in document order
  // The list names a grant (a call): its title says "statsbidrag för …", "stöd till …",
  // "bidrag inom …", or the text asks to requisition or apply for the money.
  bool names_call = false;
};

// Reads the text blocks; `table_block` is the first block of the list's table.
[[nodiscard]] ListMeta read_meta(const doc::Document& document, std::size_t table_block, const Snapshot& snapshot);

// The call's title from the list's title: "Fördelning av statsbidrag för sociala insatser i
// utsatta områden 2023" → "Sociala insatser i utsatta områden" (no year).
[[nodiscard]] std::string call_title_of(std::string_view list_title);

// The call id: the context's when given, else funder + call title + year when the list names
// a call; empty when it names none. Warnings say what the document did not state.
[[nodiscard]] std::string call_id_of(const ListMeta& meta, const Context& context, std::vector<std::string>& warnings);

// The list key of a list that names no call: "<funder-slug>:<title-slug-without-year>:<year>".
// `source_url`: where the list was read; its file name stands in for a title the list does not
// print ("…/fordelning-2025.csv" → "fordelning"), so that such lists keep distinct keys.
[[nodiscard]] std::string list_key_of(const ListMeta& meta, const std::string& source_url, std::vector<std::string>& warnings);

}  // namespace bidrag::extract::alloc
