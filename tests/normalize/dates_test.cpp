// Table-driven tests of Swedish date parsing: forms, ranges, durations, counters, year inference.
#include "bidrag/normalize/dates.h"

#include <gtest/gtest.h>

#include <chrono>

#include "support/support.h"

namespace bidrag::normalize {
namespace {

// One canonical line per result, so each case states every field it expects.
std::string dump(const DateMatch& m) {
  std::string s;
  if (m.date) s += "date=" + m.date->iso();
  if (m.time) s += " time=" + *m.time;
  if (m.end) s += " end=" + m.end->iso();
  if (m.year_from) s += " years=" + std::to_string(*m.year_from) + ".." + std::to_string(m.year_to.value_or(0));
  if (m.duration) s += " duration=" + *m.duration;
  if (m.days_left) s += " days_left=" + std::to_string(*m.days_left);
  if (m.year_inferred) s += " inferred";
  s += " text='" + m.text + "'";
  return s[0] == ' ' ? s.substr(1) : s;
}

std::string dump(const DateResult& r) { return r.match ? dump(*r.match) : "error: " + r.error.value_or("?"); }

DateContext ref(const char* iso) {
  DateContext c;
  c.reference = Date::parse_iso(iso);
  return c;
}
DateContext year(int y) {
  DateContext c;
  c.document_year = y;
  return c;
}

struct Case {
  const char* text;
  DateContext context;
  const char* expected;
};

const Case kCases[] = {
    {"2023-01-18", {}, "date=2023-01-18 text='2023-01-18'"},
    {"Utlysningsdatum: 2023-01-18", {}, "date=2023-01-18 text='2023-01-18'"},
    {"Sista ansökningsdag: 2023-05-12", {}, "date=2023-05-12 text='2023-05-12'"},
    {"12 maj 2023", {}, "date=2023-05-12 text='12 maj 2023'"},
    {"den 12 maj 2023", {}, "date=2023-05-12 text='den 12 maj 2023'"},
    {"kan göra det till och med den 12 maj\n2023.", {}, "date=2023-05-12 text='den 12 maj\n2023'"},
    {"måndag den 15 maj 2023", {}, "date=2023-05-15 text='måndag den 15 maj 2023'"},
    {"Måndag den 15 maj 2023", {}, "date=2023-05-15 text='Måndag den 15 maj 2023'"},
    {"DEN 1 JANUARI 2024", {}, "date=2024-01-01 text='DEN 1 JANUARI 2024'"},
    {"1:a mars", year(2024), "date=2024-03-01 inferred text='1:a mars'"},
    {"den 3:e april 2024", {}, "date=2024-04-03 text='den 3:e april 2024'"},
    {"den förste mars", year(2024), "date=2024-03-01 inferred text='den förste mars'"},
    {"den första mars 2025", {}, "date=2025-03-01 text='den första mars 2025'"},
    {"den tjugoförsta juni 2024", {}, "date=2024-06-21 text='den tjugoförsta juni 2024'"},
    {"15 jan. 2024", {}, "date=2024-01-15 text='15 jan. 2024'"},
    {"3 sept 2024", {}, "date=2024-09-03 text='3 sept 2024'"},
    {"3 Sept. 2024", {}, "date=2024-09-03 text='3 Sept. 2024'"},
    {"28 feb 2023", {}, "date=2023-02-28 text='28 feb 2023'"},
    {"1 okt 2023", {}, "date=2023-10-01 text='1 okt 2023'"},
    {"15/3 2024", {}, "date=2024-03-15 text='15/3 2024'"},
    {"15/3", ref("2024-01-10"), "date=2024-03-15 inferred text='15/3'"},
    {"15/3", ref("2024-04-01"), "date=2025-03-15 inferred text='15/3'"},
    {"2024-03-15 kl. 23.59", {}, "date=2024-03-15 time=23:59 text='2024-03-15 kl. 23.59'"},
    {"2024-03-15 kl 12", {}, "date=2024-03-15 time=12:00 text='2024-03-15 kl 12'"},
    {"2024-03-15 23:59", {}, "date=2024-03-15 time=23:59 text='2024-03-15 23:59'"},
    {"2023-05-12T23:59:00+02:00", {}, "date=2023-05-12 time=23:59 text='2023-05-12T23:59:00+02:00'"},
    {"<time datetime=\"2023-01-18T00:00:00Z\">", {}, "date=2023-01-18 time=00:00 text='2023-01-18T00:00:00Z'"},
    {"15 mars 2024 klockan 9.00", {}, "date=2024-03-15 time=09:00 text='15 mars 2024 klockan 9.00'"},
    {"till och med den 31 december 2023", {}, "date=2023-12-31 text='den 31 december 2023'"},
    {"senast den 15 februari 2024", {}, "date=2024-02-15 text='den 15 februari 2024'"},
    {"fr.o.m. den 1 februari", year(2024), "date=2024-02-01 inferred text='den 1 februari'"},
    {"fr.o.m. den 1 februari", ref("2023-11-20"), "date=2024-02-01 inferred text='den 1 februari'"},
    {"under åren 2021–2023", {}, "years=2021..2023 text='2021–2023'"},
    {"2021-2023", {}, "years=2021..2023 text='2021-2023'"},
    {"1 februari–15 mars 2024", {}, "date=2024-02-01 end=2024-03-15 text='1 februari–15 mars 2024'"},
    {"1 december – 15 januari 2024", {}, "date=2023-12-01 end=2024-01-15 text='1 december – 15 januari 2024'"},
    {"1–15 mars 2024", {}, "date=2024-03-01 end=2024-03-15 text='1–15 mars 2024'"},
    {"2024-02-01–2024-03-15", {}, "date=2024-02-01 end=2024-03-15 text='2024-02-01–2024-03-15'"},
    {"Beräknad handläggningstid är en månad.", {}, "duration=P1M text='en månad'"},
    {"två veckor", {}, "duration=P2W text='två veckor'"},
    {"30 dagar", {}, "duration=P30D text='30 dagar'"},
    {"14 kalenderdagar", {}, "duration=P14D text='14 kalenderdagar'"},
    {"inom tre månader", {}, "duration=P3M text='tre månader'"},
    {"ett år", {}, "duration=P1Y text='ett år'"},
    {"Tid kvar att ansöka: 77 dagar", {}, "days_left=77 text='Tid kvar att ansöka: 77 dagar'"},
    {"77 dagar kvar", {}, "days_left=77 text='77 dagar kvar'"},
    {"Beslut om fördelning för 2023", {}, "years=2023..2023 text='2023'"},
    {"29 februari 2024", {}, "date=2024-02-29 text='29 februari 2024'"},
    {"den 11 december", ref("2024-01-10"), "date=2024-12-11 inferred text='den 11 december'"},
    {"har den 11 december skickat", ref("2024-01-10"), "date=2023-12-11 inferred text='den 11 december'"},
    {"Socialstyrelsen har den 11 december skickat en begäran om återrapportering till de kommuner som har "
     "tagit emot statsbidrag för 2023. Mottagarna ska redovisa hur medlen har använts i ett webbaserat "
     "återrapporteringsformulär, senast den 15 februari 2024.",
     year(2023), "date=2023-12-11 inferred text='den 11 december'"},
    // The same sentence with no document year: the later stated date alone decides.
    {"Socialstyrelsen har den 11 december skickat en begäran, senast den 15 februari 2024.", {},
     "date=2023-12-11 inferred text='den 11 december'"},
};

TEST(Dates, ParsesEveryForm) {
  for (const Case& c : kCases) EXPECT_EQ(dump(parse_date(c.text, c.context)), c.expected) << c.text;
}

TEST(Dates, ImpossibleDatesAreErrors) {
  const std::pair<const char*, const char*> bad[] = {
      {"30 februari 2023", "error: 30 februari 2023 is not a date"},
      {"2023-02-30", "error: 2023-02-30 is not a date"},
      {"2023-13-01", "error: 2023-13-01 is not a date"},
      {"29 februari 2023", "error: 29 februari 2023 is not a date"},
      {"31 april", "error: 31 april is not a date"},
      {"den 15 mars", "error: den 15 mars has no year and nothing to take it from"},
      {"", "error: no date found"},
      {"Stängt för ansökan", "error: no date found"},
      {"Tid kvar att ansöka: Stängt för ansökan", "error: no date found"},
      {"\xff\xfe\x80 maj", "error: no date found"},
  };
  for (const auto& [text, expected] : bad) EXPECT_EQ(dump(parse_date(text)), expected) << text;
  EXPECT_TRUE(find_dates("30 februari 2023").empty());
}

TEST(Dates, SeedPagesYieldTheirDates) {
  const std::string page = test::read_fixture("seeds/001_99e31430945983a0.txt");
  DateContext ctx;
  ctx.document_year = 2023;
  std::vector<std::string> got;
  for (const DateMatch& m : find_dates(page, ctx)) got.push_back(dump(m));
  const std::vector<std::string> expected = {
      "years=2023..2023 text='2023'",
      "years=2021..2023 text='2021–2023'",
      "date=2023-01-18 text='2023-01-18'",
      "date=2023-05-12 text='2023-05-12'",
      "days_left=77 text='Tid kvar att ansöka: 77 dagar'",
      "years=2023..2023 text='2023'",
      "date=2023-12-31 text='den \n31 december 2023'",
      "duration=P1M text='en månad'",
      "years=2023..2023 text='2023'",  // ".../statsbidrag-anvisningar-sociala-insatser-2023.pdf"
      "years=2023..2023 text='2023'",  // "Beslut om fördelning för 2023"
      "date=2023-05-12 text='den 12 maj \n2023'",
      "years=2023..2023 text='2023'",
      "years=2023..2023 text='2023'",
      "years=2021..2021 text='2021'",
      "date=2022-04-06 text='2022-04-06'",  // dated publication URLs
      "date=2022-04-06 text='2022-04-06'",
      "date=2022-04-06 text='2022-04-06'",
  };
  EXPECT_EQ(got, expected);

  const std::string closed = test::read_fixture("seeds/000_d553f5c2ffd202c7.txt");
  std::vector<std::string> dated;
  for (const DateMatch& m : find_dates(closed, ctx))
    if (m.date) dated.push_back(dump(m));
  EXPECT_EQ(dated, (std::vector<std::string>{
                       "date=2023-01-18 text='2023-01-18'",
                       "date=2023-05-12 text='2023-05-12'",
                       "date=2023-12-31 text='den 31 december 2023'",
                       "date=2023-05-12 text='den 12 maj 2023'",
                       "date=2023-12-11 inferred text='den 11 december'",
                       "date=2024-02-15 text='den 15 februari 2024'",
                   }));
}

// The forms people write besides the Swedish long form and ISO (issue 12, item 8).
struct FormCase {
  const char* id;
  const char* text;
  DateContext context;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const FormCase& c) { return os << c.id; }

const FormCase kWrittenForms[] = {
    {"SlashDayFirstWithYear", "3/3/2015", {}, "date=2015-03-03 text='3/3/2015'"},
    {"SlashTwoDigitDayAndMonth", "Ansökan senast 03/11/2015.", {}, "date=2015-11-03 text='03/11/2015'"},
    {"SlashDayMonthDashYear", "Inkommen 3/3-2015", {}, "date=2015-03-03 text='3/3-2015'"},
    {"DashDayFirst", "03-03-2015", {}, "date=2015-03-03 text='03-03-2015'"},
    {"DashDayFirstDayAbove12", "Beslut 24-06-2019", {}, "date=2019-06-24 text='24-06-2019'"},
    {"DotDayFirst", "3.3.2015", {}, "date=2015-03-03 text='3.3.2015'"},
    {"DotDayFirstAtSentenceEnd", "Sista dag är 31.12.2024.", {}, "date=2024-12-31 text='31.12.2024'"},
    {"DotDayFirstWithTime", "15.3.2024 kl. 12.00", {}, "date=2024-03-15 time=12:00 text='15.3.2024 kl. 12.00'"},
    {"IsoWithoutLeadingZeros", "2015-3-3", {}, "date=2015-03-03 text='2015-3-3'"},
    {"IsoOneLeadingZeroMissing", "Publicerad 2019-11-5", {}, "date=2019-11-05 text='2019-11-5'"},
    {"DayGluedToMonth", "14april 2015", {}, "date=2015-04-14 text='14april 2015'"},
    {"DayGluedToAbbreviatedMonth", "senast 3sept. 2024", {}, "date=2024-09-03 text='3sept. 2024'"},
    {"DayGluedToMonthYearInferred", "den 14april", year(2016), "date=2016-04-14 inferred text='den 14april'"},
    {"WeekdayThenMonthFirst", "måndag, feb 18", year(2019), "date=2019-02-18 inferred text='måndag, feb 18'"},
    {"WeekdayThenMonthFirstCapitalised", "Fredag, mars 8", ref("2024-01-10"),
     "date=2024-03-08 inferred text='Fredag, mars 8'"},
    // A printed weekday picks the year among the inferred one and its neighbours: 16 September
    // was a Monday in 2024, not in 2025 (the grant year the page is about).
    {"TimeBeforeTheDate", "till och med kl. 12.00 den 14 november 2025", {},
     "date=2025-11-14 time=12:00 text='den 14 november 2025'"},
    {"ColonTimeAfterAWrittenDate", "Sista ansökningsdag 10 april 2025 14:00", {},
     "date=2025-04-10 time=14:00 text='10 april 2025 14:00'"},
    {"DotNumberAfterAWrittenDateIsNoTime", "10 april 2025 14.00", {}, "date=2025-04-10 text='10 april 2025'"},
    {"DayRangeWithTill", "från 1 till 31 mars 2025", {}, "date=2025-03-01 end=2025-03-31 text='1 till 31 mars 2025'"},
    {"DayRangeBetweenAnd", "mellan den 1 och den 31 mars 2025", {},
     "date=2025-03-01 end=2025-03-31 text='1 och den 31 mars 2025'"},
    {"TwoDaysWithOchAreNoRange", "den 2 och 3 mars 2025", {}, "date=2025-03-03 text='3 mars 2025'"},
    {"IsoRangeWithDoubleHyphen", "öppen 2025-09-29--2025-12-14.", {},
     "date=2025-09-29 end=2025-12-14 text='2025-09-29--2025-12-14'"},
    {"WeekdaySettlesTheYearBefore", "måndag, sep 16", year(2025), "date=2024-09-16 inferred text='måndag, sep 16'"},
    {"WeekdaySettlesTheYearAfter", "fredag den 2 januari", year(2025),
     "date=2026-01-02 inferred text='fredag den 2 januari'"},
    {"WeekdayAgreeingKeepsTheYear", "onsdag den 1 oktober", year(2025),
     "date=2025-10-01 inferred text='onsdag den 1 oktober'"},
    {"WeekdayMatchingNoNearYearKeepsTheYear", "söndag den 1 oktober", year(2025),
     "date=2025-10-01 inferred text='söndag den 1 oktober'"},
    {"WeekdayDoesNotMoveAPrintedYear", "måndag den 16 september 2025", {},
     "date=2025-09-16 text='måndag den 16 september 2025'"},
    {"MonthFirstYearFromDocument", "februari 15", year(2020), "date=2020-02-15 inferred text='februari 15'"},
    {"MonthFirstYearFromReference", "Stänger: februari 15.", ref("2024-03-01"),
     "date=2025-02-15 inferred text='februari 15'"},
    {"MonthFirstYearFromFollowingDate",
     "februari 15, beslut den 1 april 2022",
     {},
     "date=2022-02-15 inferred text='februari 15'"},
    {"MonthFirstAbbreviatedWithCommaYear", "feb. 18, 2019", {}, "date=2019-02-18 text='feb. 18, 2019'"},
    {"MonthFirstWithYear", "Feb 18 2019", {}, "date=2019-02-18 text='Feb 18 2019'"},
    {"MonthFirstAtLineEnd", "Sista dag\njuni 30\nKontakt", year(2023), "date=2023-06-30 inferred text='juni 30'"},
    {"MonthFirstImpossibleDay", "februari 30, 2023", {}, "error: februari 30, 2023 is not a date"},
    {"DayFirstImpossibleDay", "31/4/2015", {}, "error: 31/4/2015 is not a date"},
};

class WrittenDateForms : public ::testing::TestWithParam<FormCase> {};

TEST_P(WrittenDateForms, Parse) {
  const FormCase& c = GetParam();
  EXPECT_EQ(dump(parse_date(c.text, c.context)), c.expected) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Cases, WrittenDateForms, ::testing::ValuesIn(kWrittenForms),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

// Numbers that look a little like dates and must not become one.
struct NotDateCase {
  const char* id;
  const char* text;
};

std::ostream& operator<<(std::ostream& os, const NotDateCase& c) { return os << c.id; }

const NotDateCase kNotDates[] = {
    {"PhoneNumberWithSpaces", "Telefon 075-247 30 00 (växel)"},
    {"PhoneNumberAreaCodeDash", "Ring 08-123 456 78 eller 010-223 10 00"},
    {"DiaryNumber", "Dnr 3.6-41238/2022"},
    {"DiaryNumberWithDatePart", "Dnr 12.3.2015-123"},
    {"AmountWithSpaces", "Totalt 1 234 567 kronor"},
    {"VersionNumber", "version 2.3.15 av formuläret"},
    {"IpAddress", "servern 192.168.1.1"},
    {"LongDottedNumber", "artikel 10.3.3.2015"},
    {"YearRange", "under åren 2021–2023"},
    {"TimeOfDay", "Webbinariet börjar 14.00"},
    {"MonthFirstFollowedByAWord", "Under mars 12 ansökningar kom in"},
    {"MonthFirstFollowedByAnAmount", "i april 15 000 kronor"},
    {"MonthYearNoDay", "Beslut i mars 2024"},
    {"OrganisationNumber", "Org.nr 202100-0555"},
    {"MonthBeforeATime", "feb 18:30"},
    {"DayAboveMonthRange", "41/12/2015"},
    {"MonthAbove12", "12/13/2015"},
    {"DotThenDash", "avsnitt 3.3-2015"},
};

class NotADate : public ::testing::TestWithParam<NotDateCase> {};

TEST_P(NotADate, GivesNoDate) {
  const NotDateCase& c = GetParam();
  for (const DateMatch& m : find_dates(c.text, year(2024))) EXPECT_FALSE(m.date) << c.text << " → " << dump(m);
}

INSTANTIATE_TEST_SUITE_P(Cases, NotADate, ::testing::ValuesIn(kNotDates),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

TEST(Dates, SpansPointIntoTheInput) {
  const std::string text = "Ansök senast den 15 februari 2024 kl. 12.00, beslut 2024-03-01.";
  const auto found = find_dates(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end_offset - found[0].begin), "den 15 februari 2024 kl. 12.00");
  EXPECT_EQ(*found[0].time, "12:00");
  EXPECT_EQ(found[1].date->iso(), "2024-03-01");
  EXPECT_EQ(found[1].begin, text.find("2024-03-01"));
}

TEST(Dates, NeighboursGiveTheYear) {
  DateContext ctx;
  ctx.neighbours = {Date{2024, 1, 20}};
  EXPECT_EQ(dump(parse_date("den 28 december", ctx)), "date=2023-12-28 inferred text='den 28 december'");
  EXPECT_EQ(dump(parse_date("den 2 februari", ctx)), "date=2024-02-02 inferred text='den 2 februari'");
}

TEST(Dates, HugeInputIsLinear) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(dump(parse_date(std::string(1 << 20, '7'))), "error: no date found");
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "den 12 maj ";
  EXPECT_EQ(find_dates(many, year(2023)).size(), 20000u);
  std::string words;
  for (int i = 0; i < 50000; ++i) words += "en den 1 - ";
  EXPECT_TRUE(find_dates(words).empty());
  // A guard against quadratic scans (minutes at this size), generous for a loaded machine.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace bidrag::normalize
