// The record model of RECORDS.md (the record contract, version 2): one struct per record type.
// Amounts are integer öre; dates are civil dates; nothing here uses binary floating point
// except PDF box coordinates.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bidrag/common/date.h"
#include "bidrag/document/document.h"
#include "bidrag/record/kinds.h"

namespace bidrag::record {

// An exact amount of money. Written as a JSON number of kronor: 1234567 or 1234567.50.
struct Amount {
  std::int64_t ore = 0;
  std::string currency = "SEK";

  [[nodiscard]] static Amount kronor(std::int64_t kr) { return Amount{kr * 100, "SEK"}; }
  [[nodiscard]] std::string json_number() const;  // "1234567", "1234567.50", "-12.05"
  bool operator==(const Amount&) const = default;
};

struct Source {
  std::string url;
  std::string sha256;
  std::optional<std::string> fetched_at;  // RFC 3339 UTC
  doc::Format format = doc::Format::text;
  doc::Locator locator;  // Kind::none writes no locator
};

// Fields every record has.
struct Common {
  std::string id;
  std::string call_id;  // empty for call and error records; empty (written null) for an
                        // allocation list, and its ceilings, that no call names or links
  Source source;
  std::vector<std::string> warnings;
};

struct Reporting {
  std::optional<Date> request_sent;
  std::optional<Date> due;
  std::optional<bool> signed_original_required;
  std::optional<std::string> method;  // informative, e.g. "webbaserat återrapporteringsformulär"
};

struct Call : Common {
  std::string title;
  std::string funder;
  std::string series;
  std::optional<int> year;
  std::optional<std::array<int, 2>> program_years;
  std::optional<Date> published;
  std::optional<Date> application_open;
  std::optional<Date> application_close;
  std::optional<std::string> application_close_time;  // "HH:MM" where printed
  std::optional<CallStatus> status;                   // open, closed, upcoming
  std::optional<Date> as_of;
  std::optional<int> days_left;
  std::optional<std::string> purpose;
  std::optional<std::string> eligibility;
  std::vector<std::string> applicant_types;
  std::vector<std::string> conditions;
  std::optional<Date> funds_usable_from;
  std::optional<Date> funds_usable_until;
  std::optional<std::string> decision_expected;  // "YYYY-MM-DD" or "YYYY-MM"
  std::vector<std::string> steps;
  Reporting reporting;
  std::optional<std::string> application_type;     // rekvisition, ansökan
  std::optional<std::string> application_channel;  // e-tjänst
  std::optional<Amount> total_budget;
  std::optional<Amount> max_amount;
  std::optional<std::string> max_amount_per;
  std::string language = "sv";
};

struct Deadline : Common {
  DeadlineKind kind = DeadlineKind::other;  // written as its contract name (kinds.h)
  Date date;
  std::optional<std::string> time;  // "HH:MM" where printed
  std::string text;                 // the sentence it was read from
};

struct Contact : Common {
  std::optional<std::string> name;
  std::string role;  // kontaktperson, or the printed label ("SSPF-nätverket")
  std::optional<std::string> organisation;
  std::optional<std::string> title;  // job title where printed
  std::optional<std::string> email;
  std::optional<std::string> email_display;  // only when the visible text differs from the mailto target
  std::optional<std::string> phone;          // E.164
  std::optional<std::string> phone_display;  // as printed
  bool primary = false;                      // the call's named contact persons
};

struct DocumentRef : Common {
  DocumentRole role = DocumentRole::other;  // written as its contract name (kinds.h)
  std::string title;
  std::string url;
};

struct Municipality {
  std::optional<std::string> name;  // canonical (SCB) name; null when unresolved
  std::string name_as_printed;
  std::optional<std::string> code;         // "0181"
  std::optional<std::string> county_code;  // "01"
  std::optional<std::string> county;       // "Stockholms län"
};

// The kinds of recipient of RECORDS.md v2, in the order of the schema's enum
// (definitions/ceiling/properties/recipient/properties/kind), which also gives their names.
enum class RecipientKind { kommun, region, lansstyrelse, lan, organisation };
// The contract's name of a kind, read from the embedded schema.
[[nodiscard]] const std::string& to_string(RecipientKind kind);
// The kind a contract name stands for; nullopt for any other text.
[[nodiscard]] std::optional<RecipientKind> recipient_kind_named(std::string_view name);

// Who a ceiling goes to (RECORDS.md v2).
struct Recipient {
  RecipientKind kind = RecipientKind::kommun;
  std::optional<std::string> name;  // official name; null when the printed name matches none
  std::string name_as_printed;
  std::optional<std::string> code;         // kommunkod, county code, or organisation number
  std::optional<std::string> county_code;  // "01"; null for organisations
};

// A named part of a ceiling's amount ("Grundbelopp", "Tillägg").
struct AmountPart {
  std::string header;  // the column header as printed
  Amount amount;
  std::string amount_as_printed;
};

struct Ceiling : Common {
  Recipient recipient;
  Municipality municipality;  // written for kommun recipients only (as in version 1)
  Amount amount;
  std::optional<int> year;  // the year the amount is for (several years, or the list's year)
  std::vector<AmountPart> parts;
  std::string amount_as_printed;        // ASCII spaces as digit-group separators
  std::vector<std::string> cells;       // the raw cell texts of the row
  std::vector<std::string> name_lines;  // only for a name broken over several lines
};

struct Subtotal {
  std::string label;  // "Summa Stockholms län"
  std::optional<std::string> county_code;
  Amount amount;
  std::string amount_as_printed;
};

struct Funder {
  std::string name;
  std::optional<std::string> org_number;
};

struct AllocationList : Common {
  std::optional<std::string> title;
  std::optional<Funder> funder;  // null when the list names no publisher
  std::optional<int> year;
  RecipientKind recipient_kind = RecipientKind::kommun;
  std::string unit = "kr";  // kr, tkr or mnkr, as printed
  int rows = 0;
  std::optional<Amount> total_stated;
  Amount total_computed;
  SumCheck sum_check = SumCheck::no_total;  // written as its contract name (kinds.h)
  std::optional<std::string> reference;  // "dnr 3.6-41238/2022"
  std::optional<Date> document_date;
  std::vector<Subtotal> subtotals;
};

struct ErrorRecord : Common {
  std::string url;
  ErrorStage stage = ErrorStage::extract;  // written as its contract name (kinds.h)
  std::string message;
  doc::Locator locator;  // where known
};

using Record = std::variant<Call, Deadline, Contact, DocumentRef, Ceiling, AllocationList, ErrorRecord>;

// The one way to make an error record (extract, run and the CLI all use it): its id is stable
// per URL and stage; `source` is the capture when there is one (else just its URL and time).
[[nodiscard]] ErrorRecord make_error(std::string url, ErrorStage stage, std::string message, Source source = {},
                                     doc::Locator where = {});

// "call", "deadline", "contact", "document", "ceiling", "allocation_list", "error".
[[nodiscard]] const char* type_name(const Record& r) noexcept;
[[nodiscard]] const Common& common(const Record& r) noexcept;
[[nodiscard]] Common& common(Record& r) noexcept;

// One record as one line of compact JSON (no trailing newline), fields in contract order.
[[nodiscard]] std::string to_json(const Record& r);

}  // namespace bidrag::record
