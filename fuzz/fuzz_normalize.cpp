// libFuzzer target for every normalizer: dates, amounts, phone numbers, e-mails, municipalities
// and text (the same bytes through each).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bidrag/normalize/amounts.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bidrag::normalize;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)find_dates(text);
  (void)parse_date(text);
  (void)parse_amount(text);
  (void)parse_amount_cell(text, Unit::tkr);
  (void)find_amounts(text);
  (void)parse_phone(text);
  (void)find_phones(text);
  (void)find_emails(text);
  (void)email_from_mailto(text);
  (void)Registry::instance().resolve(text);
  (void)Registry::instance().county_code(text);
  (void)decode_to_utf8(text);
  const std::string utf8 = decode_to_utf8(text, "text/plain; charset=utf-8");
  (void)nfc(utf8);
  (void)repair_mojibake(utf8);
  (void)fold_spaces(utf8);
  (void)join_hyphenated_lines(utf8);
  (void)fold_case(utf8);
  return 0;
}
