// The pieces of the announcement extractor, each reading a Page. extract_call (call.cpp)
// assembles them into records.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bidrag/common/date.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/record/kinds.h"
#include "bidrag/record/record.h"
#include "extract/page.h"

namespace bidrag::extract {

// A dated obligation found in the page.
struct FoundDeadline {
  record::DeadlineKind kind = record::DeadlineKind::other;
  Date date;
  std::optional<std::string> time;
  std::string text;
  std::size_t block = 0;
  bool labelled = false;  // read from a "Label: value" line rather than a sentence
};

// What the header facts and the running text say about dates and status.
struct Dates {
  std::optional<Date> published;
  std::vector<FoundDeadline> deadlines;  // in the contract's kind order, one per kind
  std::optional<int> days_left;
  std::optional<record::CallStatus> status;  // as the page states it (a badge, "Stängt för ansökan")
  std::optional<int> program_from, program_to;
  std::optional<std::string> decision_month;  // "2025-09": a decision announced for a month only
  std::optional<Date> funds_usable_from;
  [[nodiscard]] const FoundDeadline* find(record::DeadlineKind kind) const;
};
// `year` is the call's year, used for dates printed without one ("den 11 december").
[[nodiscard]] Dates find_dates(const Page& page, std::optional<int> year);

struct Texts {
  std::optional<std::string> purpose, eligibility;
  std::vector<std::string> applicant_types, conditions, steps;
  std::optional<bool> signed_original_required;
  std::optional<std::string> reporting_method, application_type, application_channel;
  std::optional<record::Amount> total_budget, max_amount;
  std::optional<std::string> max_amount_per;
};
[[nodiscard]] Texts find_texts(const Page& page);

// The funder's name (funder.cpp): the agency the page names as giving the money, else the
// owner in the page title, else the agency of the page's web host (the registry's names);
// an unknown body as printed, else the host's name. Empty only when nothing names anyone.
[[nodiscard]] std::string find_funder(const Page& page);

struct FoundContact {
  record::Contact contact;  // without id/call_id/source
  std::size_t block = 0;
};
[[nodiscard]] std::vector<FoundContact> find_contacts(const Page& page);

struct FoundDocument {
  record::DocumentRole role = record::DocumentRole::other;
  std::string title, url;
  doc::Locator where;
};
[[nodiscard]] std::vector<FoundDocument> find_documents(const Page& page);
// The role of a linked document from its visible title and URL.
[[nodiscard]] record::DocumentRole document_role(std::string_view title, std::string_view url);

}  // namespace bidrag::extract
