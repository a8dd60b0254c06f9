// Allocation lists: what the text around the table says — title, funder, reference (dnr),
// date, deadlines — and the call id derived from them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/common/date.h"
#include "bidrag/document/document.h"
#include "bidrag/extract/extract.h"

namespace bidrag::extract::alloc {

struct DeadlineHit {
  std::string kind;  // requisition_close, application_close, report_due, funds_usable_until
  Date date;
  std::optional<std::string> time;
  std::string text;  // the sentence, white space folded
  doc::Locator where;
};

struct ListMeta {
  std::optional<std::string> title;      // the list's title as printed
  std::optional<std::string> funder;     // the publishing agency
  std::optional<std::string> reference;  // "dnr 3.6-41238/2022"
  std::optional<Date> date;              // the date printed on the list
  std::optional<int> year;               // the grant year from the title
  std::vector<DeadlineHit> deadlines;    // one per kind, in document order
};

// Reads the text blocks; `table_block` is the first block of the list's table.
[[nodiscard]] ListMeta read_meta(const doc::Document& document, std::size_t table_block);

// The call's title from the list's title: "Fördelning av statsbidrag för sociala insatser i
// utsatta områden 2023" → "Sociala insatser i utsatta områden" (no year).
[[nodiscard]] std::string call_title_of(std::string_view list_title);

// The call id: the context's when given, else funder + call title + year. Warnings say what
// the document did not state.
[[nodiscard]] std::string call_id_of(const ListMeta& meta, const Context& context, std::vector<std::string>& warnings);

// The sentences of a paragraph (split after . ! ? before a capital letter).
[[nodiscard]] std::vector<std::string> sentences_of(std::string_view text);

}  // namespace bidrag::extract::alloc
