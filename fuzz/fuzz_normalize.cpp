// libFuzzer target for every normalizer: dates (with and without a context to take a year
// from), amounts and units, phone numbers, e-mails, municipalities and counties, agencies
// (names, URLs, mentions in running text, regions, länsstyrelser) and text (the same bytes
// through each).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bidrag/normalize/agency.h"
#include "bidrag/normalize/amounts.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bidrag::normalize;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const DateContext context{2024, bidrag::Date{2024, 3, 15}, {bidrag::Date{2024, 5, 12}}};
  (void)find_dates(text);
  (void)find_dates(text, context);
  (void)parse_date(text);
  (void)parse_date(text, context);
  (void)unit_from_header(text);
  (void)parse_amount(text);
  (void)parse_amount_cell(text, Unit::tkr);
  (void)find_amounts(text);
  (void)parse_phone(text);
  (void)find_phones(text);
  (void)find_emails(text);
  (void)email_from_mailto(text);
  const Registry& registry = Registry::instance();
  (void)registry.resolve(text);
  (void)registry.by_code(text);
  (void)registry.county_code(text);
  (void)registry.county_name(text);
  (void)find_agency(text);
  (void)agency_for_url(text);
  (void)find_agencies_in(text);
  (void)find_region(text);
  (void)find_lansstyrelse(text);
  (void)decode_to_utf8(text);
  const std::string utf8 = decode_to_utf8(text, "text/plain; charset=utf-8");
  (void)nfc(utf8);
  (void)repair_mojibake(utf8);
  (void)fold_spaces(utf8);
  (void)join_hyphenated_lines(utf8);
  (void)fold_case(utf8);
  const auto half = utf8.size() / 2;
  (void)equals_ci(std::string_view(utf8).substr(0, half), std::string_view(utf8).substr(half));
  (void)find_ci(utf8, std::string_view(utf8).substr(half));
  return 0;
}
