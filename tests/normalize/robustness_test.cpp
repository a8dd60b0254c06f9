// Every normalizer on random bytes and random mixes of Swedish fragments: no crash, spans in range.
#include <gtest/gtest.h>

#include <random>

#include "bidrag/normalize/amounts.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"

namespace bidrag::normalize {
namespace {

// Pieces that put the scanners on their edge paths, glued at random.
const char* const kFragments[] = {
    "den ", "12", " maj", " 2023", "–", "-", "/", ":a ", "kl. ", "23.59", "tid kvar ", "dagar", "en ", "månad",
    " kr", ":-", ",-", ",", ".", "1 234", "\u00a0", "\u202f", "\u2212", "mnkr", "tkr", "075-247 41 28", "+46 (0)",
    "@", "(at)", "[dot]", "example", ".se", "mailto:", "Malmö", " kommun", "Stad", "¹", "*", " 1)", "Ã¶", "\xff",
    "\xc3", "\n", "-\n", "\u00ad", "2021", "februari", "30", "förste", "sept.", "måndag ",
};

std::string random_text(std::mt19937& rng) {
  std::string s;
  const int pieces = std::uniform_int_distribution<int>(0, 12)(rng);
  for (int k = 0; k < pieces; ++k) {
    if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) {
      s += static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    } else {
      s += kFragments[std::uniform_int_distribution<std::size_t>(0, std::size(kFragments) - 1)(rng)];
    }
  }
  return s;
}

TEST(Robustness, RandomInputNeverCrashesAndSpansStayInRange) {
  std::mt19937 rng(20231118);
  DateContext ctx;
  ctx.document_year = 2023;
  ctx.reference = Date{2023, 11, 1};
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_text(rng);
    for (const DateMatch& m : find_dates(s, ctx)) {
      ASSERT_LE(m.end_offset, s.size()) << s;
      ASSERT_LE(m.begin, m.end_offset);
      ASSERT_EQ(s.substr(m.begin, m.end_offset - m.begin), m.text);
      if (m.date) {
        ASSERT_TRUE(m.date->valid()) << s;
      }
    }
    const DateResult d = parse_date(s, ctx);
    ASSERT_TRUE(d.match.has_value() != d.error.has_value()) << s;
    for (const AmountMatch& a : find_amounts(s)) ASSERT_EQ(s.substr(a.begin, a.end - a.begin), a.text) << s;
    const AmountResult a = parse_amount(s);
    ASSERT_TRUE(a.match.has_value() != a.error.has_value()) << s;
    (void)parse_amount_cell(s, Unit::tkr);
    for (const PhoneMatch& p : find_phones(s)) ASSERT_LE(p.end, s.size()) << s;
    for (const EmailMatch& e : find_emails(s)) ASSERT_EQ(s.substr(e.begin, e.end - e.begin), e.display) << s;
    (void)email_from_mailto(s);
    const MunicipalityMatch m = Registry::instance().resolve(s);
    ASSERT_TRUE((m.municipality != nullptr) != m.error.has_value()) << s;
    (void)decode_to_utf8(s);
    (void)join_hyphenated_lines(s);
    (void)repair_mojibake(s);
    (void)find_ci(s, "maj");
    ASSERT_EQ(fold_spaces(fold_spaces(s)), fold_spaces(s));
  }
}

}  // namespace
}  // namespace bidrag::normalize
