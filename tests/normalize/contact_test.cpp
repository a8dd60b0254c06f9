// Table-driven tests of phone numbers (libphonenumber, SE) and e-mail addresses.
#include "bidrag/normalize/contact.h"

#include <gtest/gtest.h>

#include <chrono>

#include "support/support.h"

namespace bidrag::normalize {
namespace {

struct PhoneCase {
  const char* text;
  const char* e164;     // nullptr: no valid number
  const char* display;
};

const PhoneCase kPhones[] = {
    {"075-247 41 28", "+46752474128", "075-247 41 28"},
    {"08-555 123 45", "+46855512345", "08-555 123 45"},
    {"+46 (0)75-247 30 00", "+46752473000", "+46 (0)75-247 30 00"},
    {"0046 75 247 41 28", "+46752474128", "0046 75 247 41 28"},
    {"075 247 30 00", "+46752473000", "075 247 30 00"},
    {"075\u2013247 41 28", "+46752474128", "075\u2013247 41 28"},
    {"075\u2013247\u00a041\u00a028", "+46752474128", "075\u2013247\u00a041\u00a028"},
    {"Telefonnummer: 075-247 41 28", "+46752474128", "075-247 41 28"},
    {"Telefonnummer:075-247 41 28", "+46752474128", "075-247 41 28"},
    {"tel. 075-247 41 28 (växel)", "+46752474128", "075-247 41 28"},
    {"Tel: 075-247 30 00.", "+46752473000", "075-247 30 00"},
    {"+46 75 247 30 00", "+46752473000", "+46 75 247 30 00"},
    {"+46752473000", "+46752473000", "+46752473000"},
    {"0752473000", "+46752473000", "0752473000"},
    {"08-123 456 78", "+46812345678", "08-123 456 78"},
    {"070-123 45 67", "+46701234567", "070-123 45 67"},
    {"010-123 45 67", "+46101234567", "010-123 45 67"},
    {"031-123 45 67", "+46311234567", "031-123 45 67"},
    {"Ring 0771-11 11 11 för frågor", "+46771111111", "0771-11 11 11"},
    {"Mobil: 073 - 123 45 67", "+46731234567", "073 - 123 45 67"},
    {"+46 8 123 456 78", "+46812345678", "+46 8 123 456 78"},
    {"0046 (0)8-555 123 45", "+46855512345", "0046 (0)8-555 123 45"},
    {"046-222 00 00", "+46462220000", "046-222 00 00"},
    {"090-12 34 56", "+4690123456", "090-12 34 56"},
    {"08-12 34 56", "+468123456", "08-12 34 56"},
    {"+46 (0) 8 555 123 45", "+46855512345", "+46 (0) 8 555 123 45"},
    {"Tel 013-20 60 00", "+4613206000", "013-20 60 00"},
    {"telefon: 031-335 00 00, fax 031-335 00 01", "+46313350000", "031-335 00 00"},
    {"020-123 123", "+4620123123", "020-123 123"},
    {"0046-8-555 123 45", "+46855512345", "0046-8-555 123 45"},
    {"(08) 555 123 45", "+46855512345", "(08) 555 123 45"},
    {"+46-8-555 123 45", "+46855512345", "+46-8-555 123 45"},
    {"075 2474128", "+46752474128", "075 2474128"},
    {"Växel: 0498-26 90 00", "+46498269000", "0498-26 90 00"},
    {"+358 9 123 4567", "+35891234567", "+358 9 123 4567"},
    {"12345", nullptr, ""},
    {"000-000 00 00", nullptr, ""},
    {"", nullptr, ""},
    {"99 kr 99", nullptr, ""},
    {"2023-05-12", nullptr, ""},
    {"075-247", nullptr, ""},
    {"Ingen telefon", nullptr, ""},
    {"\xff\xfe 075-247 41 28", "+46752474128", "075-247 41 28"},
};

TEST(Phones, ParsesSwedishNumbers) {
  for (const PhoneCase& c : kPhones) {
    const auto p = parse_phone(c.text);
    if (c.e164 == nullptr) {
      EXPECT_FALSE(p.has_value()) << c.text << " → " << (p ? p->e164 : "");
      continue;
    }
    ASSERT_TRUE(p.has_value()) << c.text;
    EXPECT_EQ(p->e164, c.e164) << c.text;
    EXPECT_EQ(p->display, c.display) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(p->begin, p->end - p->begin), c.display);
  }
}

TEST(Phones, FindsSeveralAndTheSeedNumber) {
  const auto two = find_phones("Växel 075-247 30 00, direkt 075-247 41 28.");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].e164, "+46752473000");
  EXPECT_EQ(two[1].e164, "+46752474128");
  for (const char* seed : {"seeds/000_d553f5c2ffd202c7.txt", "seeds/001_99e31430945983a0.txt"}) {
    const auto found = find_phones(test::read_fixture(seed));
    ASSERT_EQ(found.size(), 1u) << seed;
    EXPECT_EQ(found[0].e164, "+46752474128");
    EXPECT_EQ(found[0].display, "075-247 41 28");
  }
}

TEST(Phones, HugeInputIsBounded) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(find_phones(std::string(1 << 20, '7')).empty());
  std::string spaced;
  for (int i = 0; i < 50000; ++i) spaced += "12 34 ";
  (void)find_phones(spaced);
  std::string text(200000, 'x');
  text += " 075-247 41 28";
  const auto found = find_phones(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 200001u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // quadratic would take minutes
}

struct EmailCase {
  const char* text;
  const char* email;  // nullptr: none
  const char* display;
};

const EmailCase kEmails[] = {
    {"emilia.strom@socialstyrelsen.se", "emilia.strom@socialstyrelsen.se", "emilia.strom@socialstyrelsen.se"},
    {"E-post:emilia.strom@socialstyrelsen.se", "emilia.strom@socialstyrelsen.se", "emilia.strom@socialstyrelsen.se"},
    {"SSPF-nätverket: soderberg@bra.se ", "soderberg@bra.se", "soderberg@bra.se"},
    {"SIG-nätverket: sjostrom@socialstyrelsen.se", "sjostrom@socialstyrelsen.se", "sjostrom@socialstyrelsen.se"},
    {"mailto:christina.soderberg@bra.se", "christina.soderberg@bra.se", "christina.soderberg@bra.se"},
    {"Skriv till namn@example.se.", "namn@example.se", "namn@example.se"},
    {"(namn@example.se)", "namn@example.se", "namn@example.se"},
    {"namn@example.se, eller", "namn@example.se", "namn@example.se"},
    {"namn@example.se;", "namn@example.se", "namn@example.se"},
    {"Namn.Efternamn@Example.SE", "Namn.Efternamn@example.se", "Namn.Efternamn@Example.SE"},
    {"namn(at)example.se", "namn@example.se", "namn(at)example.se"},
    {"namn (at) example.se", "namn@example.se", "namn (at) example.se"},
    {"namn [at] example [dot] se", "namn@example.se", "namn [at] example [dot] se"},
    {"namn[at]example[dot]se", "namn@example.se", "namn[at]example[dot]se"},
    {"namn {AT} example {DOT} se", "namn@example.se", "namn {AT} example {DOT} se"},
    {"namn@sub.example.se", "namn@sub.example.se", "namn@sub.example.se"},
    {"registrator@kommun-x.se", "registrator@kommun-x.se", "registrator@kommun-x.se"},
    {"first+tag@example.com", "first+tag@example.com", "first+tag@example.com"},
    {"<a.b_c@example.org>", "a.b_c@example.org", "a.b_c@example.org"},
    {"E-post: namn@example.se\u00a0", "namn@example.se", "namn@example.se"},
    {"namn@example", nullptr, ""},
    {"@example.se", nullptr, ""},
    {"namn@", nullptr, ""},
    {"namn@example.s", nullptr, ""},
    {"99 kr 99", nullptr, ""},
    {"", nullptr, ""},
    {"på Twitter @socialstyrelsen", nullptr, ""},
    {"namn@example.123", nullptr, ""},
};

TEST(Emails, FindsAddressesInText) {
  for (const EmailCase& c : kEmails) {
    const auto found = find_emails(c.text);
    if (c.email == nullptr) {
      EXPECT_TRUE(found.empty()) << c.text << " → " << (found.empty() ? "" : found[0].email);
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].email, c.email) << c.text;
    EXPECT_EQ(found[0].display, c.display) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(found[0].begin, found[0].end - found[0].begin), c.display);
  }
}

TEST(Emails, SeedPagesAndMailtoLinks) {
  std::vector<std::string> got;
  for (const auto& m : find_emails(test::read_fixture("seeds/001_99e31430945983a0.txt"))) got.push_back(m.email);
  EXPECT_EQ(got, (std::vector<std::string>{"soderberg@bra.se", "sjostrom@socialstyrelsen.se", "christina.soderberg@bra.se",
                                           "elisabet.sjostrom@socialstyrelsen.se", "emilia.strom@socialstyrelsen.se"}));

  EXPECT_EQ(email_from_mailto("mailto:christina.soderberg@bra.se"), "christina.soderberg@bra.se");
  EXPECT_EQ(email_from_mailto("MAILTO:Elisabet.Sjostrom@Socialstyrelsen.SE"), "Elisabet.Sjostrom@socialstyrelsen.se");
  EXPECT_EQ(email_from_mailto("mailto:namn@example.se?subject=Fr%C3%A5ga"), "namn@example.se");
  EXPECT_EQ(email_from_mailto("mailto:namn%40example.se"), "namn@example.se");
  EXPECT_EQ(email_from_mailto("mailto:a@example.se,b@example.se"), "a@example.se");
  EXPECT_EQ(email_from_mailto(" mailto:namn@example.se "), "namn@example.se");
  EXPECT_EQ(email_from_mailto("https://example.se/kontakt"), std::nullopt);
  EXPECT_EQ(email_from_mailto("mailto:"), std::nullopt);
  EXPECT_EQ(email_from_mailto("mailto:inte en adress"), std::nullopt);
}

TEST(Emails, HugeInputIsLinear) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(find_emails(std::string(1 << 20, '7')).empty());
  EXPECT_TRUE(find_emails(std::string(1 << 20, '@')).empty());
  std::string many(1 << 20, 'a');
  for (std::size_t i = 100; i < many.size(); i += 100) many[i] = '@';
  EXPECT_TRUE(find_emails(many).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // quadratic would take minutes
}

}  // namespace
}  // namespace bidrag::normalize
