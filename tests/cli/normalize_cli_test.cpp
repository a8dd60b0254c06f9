// Golden tests of `bidrag normalize`: the real binary, exact JSON lines, exit codes.
#include <gtest/gtest.h>

#include "support/support.h"

namespace bidrag {
namespace {

using test::run_bidrag;

struct Golden {
  std::vector<std::string> args;
  std::string out;
  int exit_code;
};

TEST(NormalizeCli, PrintsOneJsonObjectPerText) {
  const Golden cases[] = {
      {{"normalize", "date", "--ref", "2024-01-10", "senast den 15 februari 2024", "2024-03-15 kl. 23.59",
        "Tid kvar att ansöka: 77 dagar", "en månad", "2021–2023", "1 februari–15 mars 2024", "den 11 december"},
       "{\"input\":\"senast den 15 februari 2024\",\"date\":\"2024-02-15\",\"text\":\"den 15 februari 2024\"}\n"
       "{\"input\":\"2024-03-15 kl. 23.59\",\"date\":\"2024-03-15\",\"time\":\"23:59\",\"text\":\"2024-03-15 kl. 23.59\"}\n"
       "{\"input\":\"Tid kvar att ansöka: 77 dagar\",\"date\":null,\"days_left\":77,\"text\":\"Tid kvar att ansöka: 77 dagar\"}\n"
       "{\"input\":\"en månad\",\"date\":null,\"duration\":\"P1M\",\"text\":\"en månad\"}\n"
       "{\"input\":\"2021–2023\",\"date\":null,\"year_from\":2021,\"year_to\":2023,\"text\":\"2021–2023\"}\n"
       "{\"input\":\"1 februari–15 mars 2024\",\"date\":\"2024-02-01\",\"end\":\"2024-03-15\",\"text\":\"1 februari–15 mars 2024\"}\n"
       "{\"input\":\"den 11 december\",\"date\":\"2024-12-11\",\"year_inferred\":true,\"text\":\"den 11 december\"}\n",
       0},
      {{"normalize", "date", "--year", "2023", "den förste mars"},
       "{\"input\":\"den förste mars\",\"date\":\"2023-03-01\",\"year_inferred\":true,\"text\":\"den förste mars\"}\n", 0},
      {{"normalize", "date", "--year", "2019", "3/3/2015", "05-04-2023 kl. 14:00", "14april 2015", "måndag, feb 18",
        "feb. 18, 2019", "075-247 30 00"},
       "{\"input\":\"3/3/2015\",\"date\":\"2015-03-03\",\"text\":\"3/3/2015\"}\n"
       "{\"input\":\"05-04-2023 kl. 14:00\",\"date\":\"2023-04-05\",\"time\":\"14:00\",\"text\":\"05-04-2023 kl. 14:00\"}\n"
       "{\"input\":\"14april 2015\",\"date\":\"2015-04-14\",\"text\":\"14april 2015\"}\n"
       "{\"input\":\"måndag, feb 18\",\"date\":\"2019-02-18\",\"year_inferred\":true,\"text\":\"måndag, feb 18\"}\n"
       "{\"input\":\"feb. 18, 2019\",\"date\":\"2019-02-18\",\"text\":\"feb. 18, 2019\"}\n"
       "{\"input\":\"075-247 30 00\",\"date\":null,\"error\":\"no date found\"}\n",
       1},
      {{"normalize", "date", "30 februari 2023"},
       "{\"input\":\"30 februari 2023\",\"date\":null,\"error\":\"30 februari 2023 is not a date\"}\n", 1},
      {{"normalize", "amount", "12,5 mnkr", "1 234 567:-", "1 234 567,50 kr", "2,3 miljarder kronor"},
       "{\"input\":\"12,5 mnkr\",\"value\":12500000,\"currency\":\"SEK\",\"text\":\"12,5 mnkr\"}\n"
       "{\"input\":\"1 234 567:-\",\"value\":1234567,\"currency\":\"SEK\",\"text\":\"1 234 567:-\"}\n"
       "{\"input\":\"1 234 567,50 kr\",\"value\":1234567.50,\"currency\":\"SEK\",\"text\":\"1 234 567,50 kr\"}\n"
       "{\"input\":\"2,3 miljarder kronor\",\"value\":2300000000,\"currency\":\"SEK\",\"text\":\"2,3 miljarder kronor\"}\n",
       0},
      {{"normalize", "amount", "--unit", "tkr", "--", "-2 500"},
       "{\"input\":\"-2 500\",\"value\":-2500000,\"currency\":\"SEK\",\"text\":\"-2 500\"}\n", 0},
      {{"normalize", "amount", "99 kr 99"},
       "{\"input\":\"99 kr 99\",\"value\":null,\"error\":\"more than one number in '99 kr 99'\"}\n", 1},
      {{"normalize", "phone", "Telefonnummer: 075-247 41 28", "+46 (0)75-247 30 00", "nej"},
       "{\"input\":\"Telefonnummer: 075-247 41 28\",\"e164\":\"+46752474128\",\"display\":\"075-247 41 28\"}\n"
       "{\"input\":\"+46 (0)75-247 30 00\",\"e164\":\"+46752473000\",\"display\":\"+46 (0)75-247 30 00\"}\n"
       "{\"input\":\"nej\",\"e164\":null,\"error\":\"no valid phone number\"}\n",
       1},
      {{"normalize", "email", "E-post:emilia.strom@socialstyrelsen.se", "mailto:christina.soderberg@bra.se",
        "namn [at] Example [dot] SE"},
       "{\"input\":\"E-post:emilia.strom@socialstyrelsen.se\",\"email\":\"emilia.strom@socialstyrelsen.se\","
       "\"display\":\"emilia.strom@socialstyrelsen.se\"}\n"
       "{\"input\":\"mailto:christina.soderberg@bra.se\",\"email\":\"christina.soderberg@bra.se\"}\n"
       "{\"input\":\"namn [at] Example [dot] SE\",\"email\":\"namn@example.se\",\"display\":\"namn [at] Example [dot] SE\"}\n",
       0},
      {{"normalize", "municipality", "Göteborgs Stad", "Malmo", "Atlantis"},
       "{\"input\":\"Göteborgs Stad\",\"name\":\"Göteborg\",\"code\":\"1480\",\"county_code\":\"14\",\"county\":\"Västra "
       "Götalands län\"}\n"
       "{\"input\":\"Malmo\",\"name\":\"Malmö\",\"code\":\"1280\",\"county_code\":\"12\",\"county\":\"Skåne "
       "län\",\"warnings\":[\"'Malmo' read as 'Malmö' (missing å/ä/ö)\"]}\n"
       "{\"input\":\"Atlantis\",\"name\":null,\"code\":null,\"county_code\":null,\"error\":\"no municipality named "
       "'Atlantis'\"}\n",
       1},
      {{"normalize", "agency", "Brås", "https://statsbidrag.socialstyrelsen.se/kommuner/", "lansstyrelsen.se/kalmar/x.html",
        "Beslut av Forskningsrådet för hälsa, arbetsliv och välfärd i mars", "Region Skåne", "Socialdepartementet"},
       "{\"input\":\"Brås\",\"name\":\"Brottsförebyggande rådet\",\"slug\":\"brottsforebyggande-radet\","
       "\"org_number\":\"202100-0068\",\"kind\":\"myndighet\",\"found_by\":\"name\"}\n"
       "{\"input\":\"https://statsbidrag.socialstyrelsen.se/kommuner/\",\"name\":\"Socialstyrelsen\","
       "\"slug\":\"socialstyrelsen\",\"org_number\":\"202100-0555\",\"kind\":\"myndighet\",\"found_by\":\"url\"}\n"
       "{\"input\":\"lansstyrelsen.se/kalmar/x.html\",\"name\":\"Länsstyrelsen i Kalmar län\","
       "\"slug\":\"lansstyrelsen-i-kalmar-lan\",\"org_number\":\"202100-2304\",\"kind\":\"lansstyrelse\",\"county_code\":\"08\","
       "\"found_by\":\"url\"}\n"
       "{\"input\":\"Beslut av Forskningsrådet för hälsa, arbetsliv och välfärd i mars\",\"name\":\"Forte\","
       "\"slug\":\"forte\",\"org_number\":\"202100-5240\",\"kind\":\"myndighet\",\"found_by\":\"text\"}\n"
       "{\"input\":\"Region Skåne\",\"name\":\"Region Skåne\",\"slug\":\"region-skane\",\"org_number\":\"232100-0255\","
       "\"kind\":\"region\",\"county_code\":\"12\",\"found_by\":\"name\"}\n"
       "{\"input\":\"Socialdepartementet\",\"name\":null,\"slug\":null,\"error\":\"no agency, region or county "
       "administrative board named in 'Socialdepartementet'\"}\n",
       1},
      {{"normalize", "text", "SÃ¶dertÃ¤lje", "rekvi-\nrera\u00a0nu"},
       "{\"input\":\"SÃ¶dertÃ¤lje\",\"text\":\"Södertälje\"}\n"
       "{\"input\":\"rekvi-\\nrera\u00a0nu\",\"text\":\"rekvirera nu\"}\n",
       0},
  };
  for (const Golden& g : cases) {
    const test::RunResult r = run_bidrag(g.args);
    EXPECT_EQ(r.out, g.out) << g.args[1] << " " << g.args[2];
    EXPECT_EQ(r.exit_code, g.exit_code) << g.args[1] << " " << g.args[2];
    EXPECT_EQ(r.err, "") << g.args[2];
  }
}

TEST(NormalizeCli, ReadsStandardInputLineByLine) {
  const std::string input = "Södertälje*\r\nStockholm¹\n\nMalmö 1)\n";
  const test::RunResult r = run_bidrag({"normalize", "municipality"}, &input);
  EXPECT_EQ(r.out,
            "{\"input\":\"Södertälje*\",\"name\":\"Södertälje\",\"code\":\"0181\",\"county_code\":\"01\",\"county\":"
            "\"Stockholms län\"}\n"
            "{\"input\":\"Stockholm¹\",\"name\":\"Stockholm\",\"code\":\"0180\",\"county_code\":\"01\",\"county\":"
            "\"Stockholms län\"}\n"
            "{\"input\":\"\",\"name\":null,\"code\":null,\"county_code\":null,\"error\":\"no municipality name given\"}\n"
            "{\"input\":\"Malmö 1)\",\"name\":\"Malmö\",\"code\":\"1280\",\"county_code\":\"12\",\"county\":\"Skåne "
            "län\"}\n");
  EXPECT_EQ(r.exit_code, 1);
}

TEST(NormalizeCli, BadInputStaysValidJsonAndBadArgumentsAreUsageErrors) {
  const std::string invalid = "\xff\xfe 2023-05-12\n";
  const test::RunResult r = run_bidrag({"normalize", "date"}, &invalid);
  EXPECT_EQ(r.out, "{\"input\":\"\xef\xbf\xbd\xef\xbf\xbd 2023-05-12\",\"date\":\"2023-05-12\",\"text\":\"2023-05-12\"}\n");
  EXPECT_EQ(r.exit_code, 0);

  const std::string digits(1 << 20, '7');
  const test::RunResult big = run_bidrag({"normalize", "amount"}, &digits);
  EXPECT_EQ(big.exit_code, 1);
  EXPECT_NE(big.out.find("\"error\":\"the amount '"), std::string::npos);

  const test::RunResult bad_kind = run_bidrag({"normalize", "bogus"});
  EXPECT_EQ(bad_kind.exit_code, 2);
  EXPECT_EQ(bad_kind.out, "");
  const test::RunResult bad_ref = run_bidrag({"normalize", "date", "--ref", "2023-02-30", "x"});
  EXPECT_EQ(bad_ref.exit_code, 2);
  EXPECT_EQ(bad_ref.err, "bidrag: error: --ref: '2023-02-30' is not a date (expected YYYY-MM-DD)\n");
  const test::RunResult help = run_bidrag({"normalize", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("bidrag normalize amount '12,5 mnkr'"), std::string::npos);
}

}  // namespace
}  // namespace bidrag
