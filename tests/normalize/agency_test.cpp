// Table-driven tests of the funder registry (data/myndigheter.csv): names, short forms,
// genitives, hosts, regions, länsstyrelser and mentions in running text.
#include "bidrag/normalize/agency.h"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>

#include "bidrag/common/slug.h"
#include "bidrag/normalize/municipality.h"

namespace bidrag::normalize {
namespace {

// ---- the table itself -------------------------------------------------------------------

TEST(AgencyTable, HoldsAll21RegionsAnd21LansstyrelserWithDistinctCountyCodes) {
  std::set<std::string> region_codes, lan_codes;
  std::size_t myndigheter = 0;
  for (const Agency& a : all_agencies()) {
    if (a.kind == AgencyKind::region) region_codes.insert(*a.county_code);
    if (a.kind == AgencyKind::lansstyrelse) lan_codes.insert(*a.county_code);
    if (a.kind == AgencyKind::myndighet) {
      ++myndigheter;
      EXPECT_FALSE(a.county_code) << a.name;
    }
  }
  EXPECT_EQ(region_codes.size(), 21u);
  EXPECT_EQ(lan_codes.size(), 21u);
  EXPECT_EQ(region_codes, lan_codes);
  EXPECT_GE(myndigheter, 40u);
  // Every county code is one of the kommun table's counties.
  for (const auto& code : region_codes) EXPECT_NE(Registry::instance().county_name(code), nullptr) << code;
}

TEST(AgencyTable, SlugsFollowTheRecordRulesAndAreUnique) {
  std::set<std::string> slugs, names;
  for (const Agency& a : all_agencies()) {
    EXPECT_EQ(a.slug, slugify(a.name)) << a.name;
    EXPECT_TRUE(slugs.insert(a.slug).second) << "duplicate slug " << a.slug;
    EXPECT_TRUE(names.insert(a.name).second) << "duplicate name " << a.name;
  }
}

TEST(AgencyTable, OrgNumbersHaveTheirFormAndAreUnique) {
  const std::regex form(R"(\d{6}-\d{4})");
  std::set<std::string> seen;
  for (const Agency& a : all_agencies()) {
    if (!a.org_number) continue;
    EXPECT_TRUE(std::regex_match(*a.org_number, form)) << a.name << ": " << *a.org_number;
    EXPECT_TRUE(seen.insert(*a.org_number).second) << a.name << ": " << *a.org_number;
  }
}

TEST(AgencyTable, EveryNameShortFormAndHostLeadsBackToItsRow) {
  for (const Agency& a : all_agencies()) {
    EXPECT_EQ(find_agency(a.name), &a) << a.name;
    if (!a.legal_name.empty()) {
      EXPECT_EQ(find_agency(a.legal_name), &a) << a.legal_name;
    }
    for (const auto& s : a.short_forms) EXPECT_EQ(find_agency(s), &a) << s;
    for (const auto& h : a.hosts) EXPECT_EQ(agency_for_url("https://" + h + "/"), &a) << h;
    EXPECT_EQ(find_agency(a.name + "s"), &a) << a.name << "s (genitive)";
  }
}

TEST(AgencyTable, EveryRegionAndLansstyrelseResolvesByNameAndCountyCode) {
  for (const Agency& a : all_agencies()) {
    if (a.kind == AgencyKind::region) {
      EXPECT_EQ(find_region(a.name), &a) << a.name;
      EXPECT_EQ(find_region(*a.county_code), &a) << *a.county_code;
      EXPECT_EQ(find_region(*Registry::instance().county_name(*a.county_code)), &a) << *a.county_code;
    } else if (a.kind == AgencyKind::lansstyrelse) {
      EXPECT_EQ(find_lansstyrelse(a.name), &a) << a.name;
      EXPECT_EQ(find_lansstyrelse(*a.county_code), &a) << *a.county_code;
      EXPECT_EQ(find_lansstyrelse(*Registry::instance().county_name(*a.county_code)), &a) << *a.county_code;
    }
  }
}

// ---- find_agency --------------------------------------------------------------------------

struct NameCase {
  const char* id;
  const char* printed;
  const char* name;  // expected Agency::name; nullptr: no agency
  const char* slug = nullptr;
  const char* org_number = nullptr;
};

std::ostream& operator<<(std::ostream& os, const NameCase& c) { return os << c.id; }

const NameCase kNames[] = {
    {"FullName", "Socialstyrelsen", "Socialstyrelsen", "socialstyrelsen", "202100-0555"},
    {"Genitive", "Socialstyrelsens", "Socialstyrelsen"},
    {"UpperCase", "SOCIALSTYRELSEN", "Socialstyrelsen"},
    {"TrailingPunctuation", "Socialstyrelsen.", "Socialstyrelsen"},
    {"BraShortForm", "Brå", "Brottsförebyggande rådet", "brottsforebyggande-radet", "202100-0068"},
    {"BraGenitive", "Brås", "Brottsförebyggande rådet"},
    {"BraLongName", "Brottsförebyggande  rådet", "Brottsförebyggande rådet"},
    {"MucfAcronym", "MUCF", "Myndigheten för ungdoms- och civilsamhällesfrågor"},
    {"MucfColonGenitive", "MUCF:s", "Myndigheten för ungdoms- och civilsamhällesfrågor"},
    {"MucfLongNameNoSpaceAfterDash", "Myndigheten för ungdoms-och civilsamhällesfrågor",
     "Myndigheten för ungdoms- och civilsamhällesfrågor"},
    {"FhmShortForm", "FHM", "Folkhälsomyndigheten", "folkhalsomyndigheten", "202100-6545"},
    {"FortesLegalName", "Forskningsrådet för hälsa, arbetsliv och välfärd", "Forte", "forte", "202100-5240"},
    {"FormasName", "Formas", "Formas", "formas"},
    {"KulturradetShortForm", "Kulturrådet", "Statens kulturråd", "statens-kulturrad", "202100-1280"},
    {"ArvsfondenLegalName", "Allmänna arvsfonden", "Arvsfonden", "arvsfonden"},
    {"EnergimyndighetenLegalName", "Statens energimyndighet", "Energimyndigheten", "energimyndigheten", "202100-5000"},
    {"VinnovaGenitive", "Vinnovas", "Vinnova"},
    {"LansstyrelseFullName", "Länsstyrelsen i Kalmar län", "Länsstyrelsen i Kalmar län", "lansstyrelsen-i-kalmar-lan"},
    {"LansstyrelseShortForm", "Länsstyrelsen Skåne", "Länsstyrelsen i Skåne län", "lansstyrelsen-i-skane-lan"},
    {"LansstyrelseIWithoutLan", "Länsstyrelsen i Skåne", "Länsstyrelsen i Skåne län"},
    {"LansstyrelseGenitiveCounty", "Länsstyrelsen i Stockholms län", "Länsstyrelsen i Stockholms län"},
    {"LansstyrelseIShortPlace", "Länsstyrelsen i Stockholm", "Länsstyrelsen i Stockholms län"},
    {"LansstyrelseTwoWordCounty", "Länsstyrelsen Västra Götaland", "Länsstyrelsen i Västra Götalands län"},
    {"LansstyrelseGenitive", "Länsstyrelsen i Kalmar läns", "Länsstyrelsen i Kalmar län"},
    {"RegionName", "Region Skåne", "Region Skåne", "region-skane", "232100-0255"},
    {"RegionGenitive", "Region Skånes", "Region Skåne"},
    {"VgrAcronym", "VGR", "Västra Götalandsregionen", "vastra-gotalandsregionen"},
    {"FormerCountyCouncil", "Stockholms läns landsting", "Region Stockholm"},
    {"RegionWithoutLan", "Region Kalmar", "Region Kalmar län", "region-kalmar-lan", "232100-0073"},
    {"BareCountyIsNoAgency", "Skåne", nullptr},
    {"BareCountyLanIsNoAgency", "Kalmar län", nullptr},
    {"MinistryIsNoAgency", "Socialdepartementet", nullptr},
    {"KommunIsNoAgency", "Malmö stad", nullptr},
    {"EmptyIsNoAgency", "", nullptr},
    {"PartOfNameIsNoAgency", "Brottsförebyggande", nullptr},
};

class FindAgency : public ::testing::TestWithParam<NameCase> {};

TEST_P(FindAgency, Resolves) {
  const NameCase& c = GetParam();
  const Agency* a = find_agency(c.printed);
  if (!c.name) {
    EXPECT_EQ(a, nullptr) << c.printed << " → " << (a ? a->name : "");
    return;
  }
  ASSERT_NE(a, nullptr) << c.printed;
  EXPECT_EQ(a->name, c.name);
  if (c.slug) {
    EXPECT_EQ(a->slug, c.slug);
  }
  if (c.org_number) {
    ASSERT_TRUE(a->org_number);
    EXPECT_EQ(*a->org_number, c.org_number);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, FindAgency, ::testing::ValuesIn(kNames),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

// ---- agency_for_url -----------------------------------------------------------------------

struct UrlCase {
  const char* id;
  const char* url;
  const char* name;  // nullptr: none
};

std::ostream& operator<<(std::ostream& os, const UrlCase& c) { return os << c.id; }

const UrlCase kUrls[] = {
    {"PlainHost", "https://bra.se/om-bra.html", "Brottsförebyggande rådet"},
    {"WwwStripped", "https://www.mucf.se/bidrag", "Myndigheten för ungdoms- och civilsamhällesfrågor"},
    {"SubdomainToParent", "https://statsbidrag.socialstyrelsen.se/kommuner/x/", "Socialstyrelsen"},
    {"UpperCaseHost", "HTTPS://WWW.FORTE.SE/", "Forte"},
    {"NoScheme", "boverket.se/sv/bidrag/", "Boverket"},
    {"HttpWithPort", "http://www.vinnova.se:80/e/x", "Vinnova"},
    {"LansstyrelsePath", "https://www.lansstyrelsen.se/kalmar/samhalle/bidrag.html", "Länsstyrelsen i Kalmar län"},
    {"LansstyrelseTwoWordPath", "https://www.lansstyrelsen.se/vastra-gotaland/x.html",
     "Länsstyrelsen i Västra Götalands län"},
    {"LansstyrelseWithoutCounty", "https://www.lansstyrelsen.se/", nullptr},
    {"LansstyrelseUnknownPath", "https://www.lansstyrelsen.se/om-oss/", nullptr},
    {"RegionHost", "https://www.vgregion.se/regional-utveckling/", "Västra Götalandsregionen"},
    {"LookalikeHostIsNotParent", "https://notbra.se/", nullptr},
    {"UnknownHost", "https://example.org/bra.se", nullptr},
    {"NotAUrl", "::::", nullptr},
};

class AgencyForUrl : public ::testing::TestWithParam<UrlCase> {};

TEST_P(AgencyForUrl, Resolves) {
  const UrlCase& c = GetParam();
  const Agency* a = agency_for_url(c.url);
  if (!c.name) {
    EXPECT_EQ(a, nullptr) << c.url << " → " << (a ? a->name : "");
    return;
  }
  ASSERT_NE(a, nullptr) << c.url;
  EXPECT_EQ(a->name, c.name);
}

INSTANTIATE_TEST_SUITE_P(Cases, AgencyForUrl, ::testing::ValuesIn(kUrls),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

// ---- find_region / find_lansstyrelse -------------------------------------------------------

struct PrintedCase {
  const char* id;
  const char* printed;
  const char* county_code;  // nullptr: none
};

std::ostream& operator<<(std::ostream& os, const PrintedCase& c) { return os << c.id; }

const PrintedCase kRegions[] = {
    {"BareCounty", "Stockholm", "01"},
    {"CountyWithLan", "Kalmar län", "08"},
    {"GenitiveCountyWithLan", "Stockholms län", "01"},
    {"TwoWordCounty", "Västra Götaland", "14"},
    {"VgrName", "Västra Götalandsregionen", "14"},
    {"RegionPrefix", "Region Skåne", "12"},
    {"RegionPrefixUpperCase", "REGION SKÅNE", "12"},
    {"RegionNameWithLan", "Region Jönköpings län", "06"},
    {"RegionNameWithoutRegion", "Sörmland", "04"},
    {"RegionTwoPartName", "Jämtland Härjedalen", "23"},
    {"CountyCode", "25", "25"},
    {"FormerCountyCouncil", "Stockholms läns landsting", "01"},
    {"Gotland", "Gotland", "09"},
    {"AKommunIsNoRegion", "Södertälje", nullptr},
    {"StateAgencyIsNoRegion", "Socialstyrelsen", nullptr},
    {"NoSuchCountyCode", "02", nullptr},
};

class FindRegion : public ::testing::TestWithParam<PrintedCase> {};

TEST_P(FindRegion, Resolves) {
  const PrintedCase& c = GetParam();
  const Agency* a = find_region(c.printed);
  if (!c.county_code) {
    EXPECT_EQ(a, nullptr) << c.printed << " → " << (a ? a->name : "");
    return;
  }
  ASSERT_NE(a, nullptr) << c.printed;
  EXPECT_EQ(a->kind, AgencyKind::region);
  EXPECT_EQ(*a->county_code, c.county_code);
}

INSTANTIATE_TEST_SUITE_P(Cases, FindRegion, ::testing::ValuesIn(kRegions),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

const PrintedCase kLansstyrelser[] = {
    {"FullName", "Länsstyrelsen i Skåne län", "12"},
    {"ShortForm", "Länsstyrelsen Skåne", "12"},
    {"WithoutLan", "Länsstyrelsen i Skåne", "12"},
    {"CountyWithLan", "Skåne län", "12"},
    {"BareCounty", "Skåne", "12"},
    {"GenitiveCounty", "Västerbottens län", "24"},
    {"LowerCase", "länsstyrelsen i norrbottens län", "25"},
    {"CountyCode", "01", "01"},
    {"ShortFormOfOtherCounty", "Länsstyrelsen Dalarna", "20"},
    {"RegionIsNoLansstyrelse", "Region Skåne", nullptr},
    {"UnknownPlace", "Länsstyrelsen i Atlantis", nullptr},
};

class FindLansstyrelse : public ::testing::TestWithParam<PrintedCase> {};

TEST_P(FindLansstyrelse, Resolves) {
  const PrintedCase& c = GetParam();
  const Agency* a = find_lansstyrelse(c.printed);
  if (!c.county_code) {
    EXPECT_EQ(a, nullptr) << c.printed << " → " << (a ? a->name : "");
    return;
  }
  ASSERT_NE(a, nullptr) << c.printed;
  EXPECT_EQ(a->kind, AgencyKind::lansstyrelse);
  EXPECT_EQ(*a->county_code, c.county_code);
}

INSTANTIATE_TEST_SUITE_P(Cases, FindLansstyrelse, ::testing::ValuesIn(kLansstyrelser),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

// ---- find_agencies_in ----------------------------------------------------------------------

struct TextCase {
  const char* id;
  const char* text;
  std::vector<std::string> mentions;  // the printed mentions, in order
  std::vector<std::string> names;     // their agencies
};

std::ostream& operator<<(std::ostream& os, const TextCase& c) { return os << c.id; }

const TextCase kTexts[] = {
    {"OneName", "Ansök hos Boverket senast i maj.", {"Boverket"}, {"Boverket"}},
    {"LongestMatchFirst",
     "Beslut av Länsstyrelsen i Skåne län den 3 mars.",
     {"Länsstyrelsen i Skåne län"},
     {"Länsstyrelsen i Skåne län"}},
    {"GenitiveIncluded",
     "Enligt Socialstyrelsens föreskrifter och Brås rapport.",
     {"Socialstyrelsens", "Brås"},
     {"Socialstyrelsen", "Brottsförebyggande rådet"}},
    {"AcronymColonGenitive", "Se MUCF:s webbplats.", {"MUCF:s"}, {"Myndigheten för ungdoms- och civilsamhällesfrågor"}},
    {"AcronymOnlyAsWritten", "mucf och Mucf är inga förkortningar här.", {}, {}},
    {"LowerCaseVerbIsNoName", "Arbetet ska formas av deltagarna.", {}, {}},
    {"WordBoundary", "Boverkets och Boverketsson", {"Boverkets"}, {"Boverket"}},
    {"NameWithLineBreakInside",
     "Beslut av Brottsförebyggande\nrådet i år",
     {"Brottsförebyggande\nrådet"},
     {"Brottsförebyggande rådet"}},
    {"LegalNameWithComma",
     "Forskningsrådet för hälsa, arbetsliv och välfärd (Forte) fördelar medel.",
     {"Forskningsrådet för hälsa, arbetsliv och välfärd", "Forte"},
     {"Forte", "Forte"}},
    {"RegionShortFormInText", "Region Örebros beslut", {"Region Örebros"}, {"Region Örebro län"}},
    {"RegionAndAgency",
     "Region Skåne och Vinnova samarbetar.",
     {"Region Skåne", "Vinnova"},
     {"Region Skåne", "Vinnova"}},
    {"NoAgency", "Kommunen fördelar medel till föreningar.", {}, {}},
};

class FindAgenciesIn : public ::testing::TestWithParam<TextCase> {};

TEST_P(FindAgenciesIn, FindsEveryMention) {
  const TextCase& c = GetParam();
  const std::string text = c.text;
  const auto found = find_agencies_in(text);
  std::vector<std::string> mentions, names;
  for (const auto& m : found) {
    ASSERT_LE(m.begin, m.end);
    ASSERT_LE(m.end, text.size());
    mentions.push_back(text.substr(m.begin, m.end - m.begin));
    names.push_back(m.agency->name);
  }
  EXPECT_EQ(mentions, c.mentions);
  EXPECT_EQ(names, c.names);
}

INSTANTIATE_TEST_SUITE_P(Cases, FindAgenciesIn, ::testing::ValuesIn(kTexts),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

TEST(FindAgenciesIn, OffsetsPointIntoTheOriginalText) {
  const std::string text = "Text\u00a0av  Statens kulturråd.";
  const auto found = find_agencies_in(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, text.find("Statens"));
  EXPECT_EQ(found[0].end, text.find('.'));
}

TEST(FindAgenciesIn, InvalidUtf8AroundANameKeepsItsOffsets) {
  const std::string text = "\xff\xfe Boverket \xc3";
  const auto found = find_agencies_in(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Boverket");
  EXPECT_EQ(find_agency("\xff\xfe"), nullptr);
  EXPECT_EQ(find_region("\xc3"), nullptr);
  EXPECT_EQ(find_lansstyrelse(""), nullptr);
  EXPECT_EQ(agency_for_url(""), nullptr);
  EXPECT_EQ(agency_for_url("https://"), nullptr);
}

TEST(FindAgenciesIn, HugeInputIsLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Medel från Socialstyrelsen och Länsstyrelsen i Skåne län, ";
  const auto start = std::chrono::steady_clock::now();
  const auto found = find_agencies_in(text);
  EXPECT_EQ(found.size(), 40000u);
  EXPECT_EQ(found.back().agency->name, "Länsstyrelsen i Skåne län");
  // Generous for a loaded machine; a quadratic scan takes minutes at this size (1.2 MB).
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace bidrag::normalize
