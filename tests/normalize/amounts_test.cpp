// Table-driven tests of Swedish amount parsing: exact öre, units, cells, running text.
#include "bidrag/normalize/amounts.h"

#include <gtest/gtest.h>

#include <chrono>

namespace bidrag::normalize {
namespace {

struct Case {
  const char* text;
  std::int64_t ore;  // ignored when error is set
  const char* printed = nullptr;  // the matched text; nullptr: the whole input
  const char* currency = "SEK";
};

const Case kAmounts[] = {
    {"1 234 567 kr", 123456700},
    {"1\u00a0234\u00a0567 kr", 123456700},
    {"1\u202f234\u202f567 kr", 123456700},
    {"1\u2009234\u2009567 kr", 123456700},
    {"1 234 567 kronor", 123456700},
    {"1 234 567:-", 123456700},
    {"500,-", 50000},
    {"1.234.567 kr", 123456700},
    {"1 234 567,50 kr", 123456750},
    {"1 234 567,5 kr", 123456750},
    {"12,5 miljoner kronor", 1250000000},
    {"12,5 mnkr", 1250000000},
    {"150 mkr", 15000000000},
    {"150 Mkr", 15000000000},
    {"2,3 miljarder kronor", 230000000000},
    {"500 tkr", 50000000},
    {"500 TKR", 50000000},
    {"högst 2,5 mnkr", 250000000, "2,5 mnkr"},
    {"-2 500 kr", -250000},
    {"\u22122 500 kr", -250000},
    {"0 kr", 0},
    {"1 kr", 100},
    {"1 krona", 100},
    {"10 SEK", 1000},
    {"3 MSEK", 300000000},
    {"250 tusen kronor", 25000000},
    {"4 milj. kr", 400000000},
    {"12.50 kr", 1250},
    {"1 234 567,00 kr", 123456700},
    {"Totalt: 45 000 kr.", 4500000, "45 000 kr"},
    {"Bidraget är högst 300 000 kronor per kommun", 30000000, "300 000 kronor"},
    {"cirka 1,2 mdkr", 120000000000, "1,2 mdkr"},
    {"1 000 euro", 100000, nullptr, "EUR"},
    {"2 500 EUR", 250000, nullptr, "EUR"},
    {"0,5 mnkr", 50000000},
    {"999 999 999 kr", 99999999900},
};

TEST(Amounts, ParsesEveryForm) {
  for (const Case& c : kAmounts) {
    const AmountResult r = parse_amount(c.text);
    ASSERT_TRUE(r.match.has_value()) << c.text << ": " << r.error.value_or("");
    EXPECT_EQ(r.match->ore, c.ore) << c.text;
    EXPECT_EQ(r.match->currency, c.currency) << c.text;
    EXPECT_EQ(r.match->text, c.printed ? c.printed : c.text) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(r.match->begin, r.match->end - r.match->begin), r.match->text);
    EXPECT_FALSE(r.error.has_value());
  }
}

struct CellCase {
  const char* cell;
  Unit unit;
  std::int64_t ore;
};

const CellCase kCells[] = {
    {"1 234", Unit::kr, 123400},
    {"1 234", Unit::tkr, 123400000},
    {"1 234,5", Unit::tkr, 123450000},
    {"2,5", Unit::mnkr, 250000000},
    {"1.234.567", Unit::kr, 123456700},
    {"1\u00a0234\u00a0567", Unit::kr, 123456700},
    {"1\u202f234", Unit::kr, 123400},
    {"1\u2009234", Unit::kr, 123400},
    {"\u2013", Unit::kr, 0},
    {"-", Unit::tkr, 0},
    {" \u2014 ", Unit::kr, 0},
    {"1 234*", Unit::kr, 123400},
    {"1 234¹", Unit::kr, 123400},
    {"1 234 ²", Unit::kr, 123400},
    {"  567 890  ", Unit::kr, 56789000},
    {"\u22122 500", Unit::kr, -250000},
    {"-2 500", Unit::kr, -250000},
    {"500 kr", Unit::tkr, 50000},  // a printed unit beats the column's
    {"0", Unit::kr, 0},
};

TEST(Amounts, TableCellsTakeTheColumnUnit) {
  for (const CellCase& c : kCells) {
    const AmountResult r = parse_amount_cell(c.cell, c.unit);
    ASSERT_TRUE(r.match.has_value()) << c.cell << ": " << r.error.value_or("");
    EXPECT_EQ(r.match->ore, c.ore) << c.cell;
  }
}

TEST(Amounts, UnitFromHeader) {
  EXPECT_EQ(unit_from_header("Belopp (tkr)"), Unit::tkr);
  EXPECT_EQ(unit_from_header("Tusental kronor"), Unit::tkr);
  EXPECT_EQ(unit_from_header("Belopp (kr)"), Unit::kr);
  EXPECT_EQ(unit_from_header("Max belopp, kr"), Unit::kr);
  EXPECT_EQ(unit_from_header("Belopp, mnkr"), Unit::mnkr);
  EXPECT_EQ(unit_from_header("Miljoner kronor"), Unit::mnkr);
  EXPECT_EQ(unit_from_header("Belopp i kronor"), Unit::kr);
  EXPECT_EQ(unit_from_header("BELOPP (TKR)"), Unit::tkr);
  EXPECT_EQ(unit_from_header("Kommun"), std::nullopt);
  EXPECT_EQ(unit_from_header("Kronoberg"), std::nullopt);
  EXPECT_STREQ(to_string(Unit::tkr), "tkr");
  EXPECT_STREQ(to_string(Unit::mdkr), "mdkr");
}

TEST(Amounts, FindsAmountsInRunningText) {
  const std::string text =
      "Kommunen kan rekvirera högst 1 234 567 kr under 2023. Totalt fördelas 12,5 mnkr, varav 500 tkr till "
      "uppföljning. 77 dagar kvar.";
  const auto found = find_amounts(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].ore, 123456700);
  EXPECT_EQ(found[0].text, "1 234 567 kr");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "1 234 567 kr");
  EXPECT_EQ(found[1].ore, 1250000000);
  EXPECT_EQ(found[2].ore, 50000000);
  EXPECT_TRUE(find_amounts("Under åren 2021–2023 och 2024-03-15.").empty());
}

struct BadCase {
  const char* text;
  const char* error;
};

TEST(Amounts, BadInputIsAClearError) {
  const BadCase bad[] = {
      {"", "no amount found"},
      {"inga belopp här", "no amount found"},
      {"99 kr 99", "more than one number in '99 kr 99'"},
      {"1,234 kr", "'1,234 kr' is not a whole number of öre"},
      {"99999999999999999999 kr", "the amount '99999999999999999999 kr' is too large"},
      {"\xff\xfe kr", "no amount found"},
  };
  for (const BadCase& b : bad) {
    const AmountResult r = parse_amount(b.text);
    EXPECT_FALSE(r.match.has_value()) << b.text;
    EXPECT_EQ(r.error.value_or(""), b.error) << b.text;
  }
  EXPECT_EQ(parse_amount_cell("").error.value_or(""), "empty cell");
  EXPECT_EQ(parse_amount_cell("Stockholm").error.value_or(""), "not an amount: 'Stockholm'");
  EXPECT_EQ(parse_amount_cell("1 234 och 5").error.value_or(""), "not a single amount: '1 234 och 5'");
  EXPECT_EQ(parse_amount_cell("ca 1 234").error.value_or(""), "not a single amount: 'ca 1 234'");
}

TEST(Amounts, OneMegabyteOfDigitsIsFast) {
  const std::string digits(1 << 20, '7');
  const auto start = std::chrono::steady_clock::now();
  const AmountResult r = parse_amount(digits);
  EXPECT_FALSE(r.match.has_value());
  EXPECT_EQ(r.error.value_or("").substr(0, 12), "the amount '");
  EXPECT_TRUE(find_amounts(digits).empty());
  EXPECT_FALSE(parse_amount_cell(digits).match.has_value());
  std::string spaced;
  for (int i = 0; i < 200000; ++i) spaced += "123 ";
  EXPECT_FALSE(parse_amount(spaced).match.has_value());
  EXPECT_TRUE(find_amounts(spaced).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // quadratic would take minutes
}

}  // namespace
}  // namespace bidrag::normalize
