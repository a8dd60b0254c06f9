// Table-driven tests of the municipality registry and printed-name resolution.
#include "bidrag/normalize/municipality.h"

#include <gtest/gtest.h>

#include <set>

namespace bidrag::normalize {
namespace {

const Registry& reg() { return Registry::instance(); }

TEST(Municipality, RegistryHoldsAll290WithUniqueCodes) {
  ASSERT_EQ(reg().all().size(), 290u);
  std::set<std::string> codes, names;
  for (const auto& m : reg().all()) {
    codes.insert(m.code);
    names.insert(m.name);
  }
  EXPECT_EQ(codes.size(), 290u);
  EXPECT_EQ(names.size(), 290u);
}

TEST(Municipality, EveryNameRoundTripsThroughItsCode) {
  for (const auto& m : reg().all()) {
    const MunicipalityMatch r = reg().resolve(m.name);
    ASSERT_NE(r.municipality, nullptr) << m.name;
    EXPECT_TRUE(r.warnings.empty()) << m.name;
    EXPECT_EQ(r.municipality->code, m.code) << m.name;
    const Municipality* back = reg().by_code(r.municipality->code);
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(back->name, m.name);
    // Upper-case, with "kommun" and as footnoted, the same municipality.
    EXPECT_EQ(reg().resolve(m.name + " kommun").municipality, back) << m.name;
    EXPECT_EQ(reg().resolve(m.name + "*").municipality, back) << m.name;
  }
}

struct Case {
  const char* printed;
  const char* code;  // nullptr: unresolved
  const char* warning = nullptr;
};

const Case kCases[] = {
    {"Södertälje", "0181"},
    {"Upplands Bro", "0139"},
    {"UPPLANDS-BRO", "0139"},
    {"upplands-bro", "0139"},
    {"Upplands\u00a0Väsby", "0114"},
    {"Upplands–Väsby", "0114"},
    {"  Stockholm  ", "0180"},
    {"Malmö stad", "1280"},
    {"Göteborgs Stad", "1480"},
    {"Göteborgs stad", "1480"},
    {"Stockholms stad", "0180"},
    {"Botkyrka kommun", "0127"},
    {"Falu kommun", "2080"},
    {"Region Gotland", "0980"},
    {"Gotlands kommun", "0980"},
    {"Gotland", "0980"},
    {"Södertälje*", "0181"},
    {"Stockholm¹", "0180"},
    {"Malmö 1)", "1280"},
    {"Malmö (2)", "1280"},
    {"Botkyrka²", "0127"},
    {"Mönsterås", "0861"},
    {"Mönsterås kommun", "0861"},
    {"Västerås", "1980"},
    {"Västerås stad", "1980"},
    {"Borås Stad", "1490"},
    {"Borås", "1490"},
    {"Grästorp", "1444"},
    {"Alingsås kommun", "1489"},
    {"Örebro kommun", "1880"},
    {"Örebros kommun", "1880"},
    {"Dals-Ed", "1438"},
    {"Dals Ed", "1438"},
    {"Malung-Sälen", "2023"},
    {"Lilla Edet", "1462"},
    {"Malung-sälen", "2023"},
    {"Malung Sälen kommun", "2023"},
    {"Region Gotland*", "0980"},
    {"Göteborgs Stad²", "1480"},
    {"Östra Göinge kommun", "1256"},
    {"ÖSTRA GÖINGE", "1256"},
    {"Härjedalens kommun", "2361"},
    {"Umeå kommun", "2480"},
    {"Ale", "1440"},
    {"Mark", "1463"},
    {"Markaryd", "0767"},
    {"Berg", "2326"},
    {"Malmo", "1280", "'Malmo' read as 'Malmö' (missing å/ä/ö)"},
    {"Goteborg", "1480", "'Goteborg' read as 'Göteborg' (missing å/ä/ö)"},
    {"Orebro kommun", "1880", "'Orebro kommun' read as 'Örebro' (missing å/ä/ö)"},
    {"Stokholm", "0180", "'Stokholm' read as 'Stockholm' (misspelled)"},
    {"Sodertalje", "0181", "'Sodertalje' read as 'Södertälje' (missing å/ä/ö)"},
    {"Helsingbrog", "1283", "'Helsingbrog' read as 'Helsingborg' (misspelled)"},
    {"Eskilstuan", "0484", "'Eskilstuan' read as 'Eskilstuna' (misspelled)"},
    {"Atlantis", nullptr},
    {"Kalix stad och Luleå", nullptr},
    {"Sverige", nullptr},
};

TEST(Municipality, ResolvesPrintedVariants) {
  for (const Case& c : kCases) {
    const MunicipalityMatch r = reg().resolve(c.printed);
    if (c.code == nullptr) {
      EXPECT_EQ(r.municipality, nullptr) << c.printed;
      EXPECT_EQ(r.error.value_or(""), std::string("no municipality named '") + c.printed + "'");
      continue;
    }
    ASSERT_NE(r.municipality, nullptr) << c.printed << ": " << r.error.value_or("");
    EXPECT_EQ(r.municipality->code, c.code) << c.printed;
    EXPECT_FALSE(r.error.has_value());
    if (c.warning != nullptr) {
      ASSERT_EQ(r.warnings.size(), 1u) << c.printed;
      EXPECT_EQ(r.warnings[0], c.warning);
    } else {
      EXPECT_TRUE(r.warnings.empty()) << c.printed << ": " << (r.warnings.empty() ? "" : r.warnings[0]);
    }
  }
}

TEST(Municipality, AmbiguousMisspellingStaysUnresolved) {
  // "Mora"/"Nora" and "Kalix"/"Kalmar" are near to several names: nothing is picked.
  EXPECT_EQ(reg().resolve("Lora").municipality, nullptr);
  EXPECT_EQ(reg().resolve("Lora").error.value_or(""), "no municipality named 'Lora'");
}

TEST(Municipality, BadInputIsAnErrorNotACrash) {
  EXPECT_EQ(reg().resolve("").error.value_or(""), "no municipality name given");
  EXPECT_EQ(reg().resolve("***").error.value_or(""), "no municipality name given");
  EXPECT_EQ(reg().resolve("\xff\xfe").municipality, nullptr);
  EXPECT_EQ(reg().resolve(std::string(100000, '7')).municipality, nullptr);
}

TEST(Municipality, Counties) {
  ASSERT_NE(reg().county_code("Stockholms län"), nullptr);
  EXPECT_EQ(*reg().county_code("Stockholms län"), "01");
  EXPECT_EQ(*reg().county_code("Stockholm län"), "01");
  EXPECT_EQ(*reg().county_code("VÄSTRA GÖTALANDS LÄN"), "14");
  EXPECT_EQ(*reg().county_code("Skåne län"), "12");
  EXPECT_EQ(*reg().county_code("Region Skåne"), "12");
  EXPECT_EQ(*reg().county_code("Norrbottens län"), "25");
  EXPECT_EQ(reg().county_code("Narnia län"), nullptr);
  ASSERT_NE(reg().county_name("20"), nullptr);
  EXPECT_EQ(*reg().county_name("20"), "Dalarnas län");
  EXPECT_EQ(reg().county_name("99"), nullptr);
  const Municipality* m = reg().by_code("0181");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "Södertälje");
  EXPECT_EQ(m->county_code, "01");
  EXPECT_EQ(m->county, "Stockholms län");
  EXPECT_EQ(reg().by_code("9999"), nullptr);
}

}  // namespace
}  // namespace bidrag::normalize
