// Phone numbers (libphonenumber, region SE) and e-mail addresses in Swedish text.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::normalize {

struct PhoneMatch {
  std::string e164;     // "+46752474128"
  std::string display;  // as printed: "075-247 41 28"
  std::size_t begin = 0, end = 0;
};
// The phone number in `text` ("Telefonnummer: 075-247 41 28", "tel. 075-247 41 28 (växel)");
// nullopt when there is none or it is not a valid number.
[[nodiscard]] std::optional<PhoneMatch> parse_phone(std::string_view text);
[[nodiscard]] std::vector<PhoneMatch> find_phones(std::string_view text);

struct EmailMatch {
  std::string email;    // domain lower-cased
  std::string display;  // as printed
  std::size_t begin = 0, end = 0;
};
// E-mails in text, including "E-post:namn@example.se", "namn(at)example.se",
// "namn [at] example [dot] se"; trailing punctuation dropped.
[[nodiscard]] std::vector<EmailMatch> find_emails(std::string_view text);
// The address of a "mailto:" href (query dropped, percent-decoded); nullopt for other hrefs.
[[nodiscard]] std::optional<std::string> email_from_mailto(std::string_view href);

}  // namespace bidrag::normalize
