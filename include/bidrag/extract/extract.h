// Extraction: from a snapshot to records. Parses, then finds what kind of document it is
// (an announcement, an allocation list) and runs that extractor.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bidrag/common/date.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/document/document.h"
#include "bidrag/record/record.h"

namespace bidrag::extract {

struct Context {
  // Set when the document was reached from an announcement: its records belong to that call.
  std::optional<std::string> call_id;
  // The call's title/funder/year when known from the announcement (allocation lists).
  std::optional<std::string> call_title;
};

// Never throws for a document's own problems: a document that cannot be parsed or holds no
// grant call yields one error record naming the source, the stage and the place.
[[nodiscard]] std::vector<record::Record> extract(const Snapshot& snapshot, const Context& context = {});

// Builds the tables every extraction uses and that are otherwise made on first use
// (libphonenumber's metadata and patterns, the vocabulary, the municipality registry, the
// agency table, ICU's normalizer, Poppler's global parameters): called once by a process
// that forks a worker per document, so that each worker inherits them instead of building
// them again.
void warm_up();

// Whether `records` (extract()'s result for `url`) say only that the document holds no grant
// call: how a discovered page that is not a call (a news item, an index page) is told apart
// from one that failed.
[[nodiscard]] bool holds_no_call(const std::vector<record::Record>& records, const std::string& url);

// The announcement extractor (call, deadlines, contacts, documents); empty when the document
// is not a grant announcement.
[[nodiscard]] std::vector<record::Record> extract_call(const doc::Document& document, const Snapshot& snapshot,
                                                       const Context& context);

// The allocation-list extractor (ceilings and one allocation_list); nullopt when the document
// holds no municipality table.
[[nodiscard]] std::optional<std::vector<record::Record>> extract_allocation_list(const doc::Document& document,
                                                                                 const Snapshot& snapshot,
                                                                                 const Context& context);

// The record source for a block of a document.
[[nodiscard]] record::Source source_of(const Snapshot& snapshot, doc::Format format, const doc::Locator& where = {});

}  // namespace bidrag::extract
