// Which page is a call, and its title, funder and id: one row per page shape (text captures
// with chrome first, a badge before the title, short forms of agency names, the web host,
// news items, listings and information pages that are no call).
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <variant>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"

namespace bidrag {
namespace {

struct PageCase {
  const char* name;
  const char* url;
  const char* content_type;
  const char* page;
  const char* want;  // "title|funder|call id", or "no call"
};
void PrintTo(const PageCase& c, std::ostream* os) { *os << c.name; }

std::string outcome(const std::vector<record::Record>& records) {
  for (const auto& r : records)
    if (const auto* c = std::get_if<record::Call>(&r)) return c->title + "|" + c->funder + "|" + c->id;
  for (const auto& r : records)
    if (const auto* e = std::get_if<record::ErrorRecord>(&r); e && e->message.find("no grant call found") != std::string::npos)
      return "no call";
  return "?";
}

class CallPage : public ::testing::TestWithParam<PageCase> {};

TEST_P(CallPage, IsReadAsExpected) {
  const auto& c = GetParam();
  EXPECT_EQ(outcome(extract::extract(make_snapshot(c.url, c.page, c.content_type))), c.want);
}

constexpr const char* kChromeFirst =
    "Hoppa till huvudinnehåll\nMeny\nSök\nStart / Bidrag / Stöd till föreningar\n\nStöd till föreningar 2025\n\nLyssna\n\n"
    "Föreningar kan söka stöd för sin verksamhet. Sista ansökningsdag: 15 mars 2025\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, CallPage,
    ::testing::Values(
        PageCase{"text_capture_whose_first_lines_are_chrome", "https://www.formas.se/bidrag/stod-till-foreningar-2025/", "",
                 kChromeFirst, "Stöd till föreningar 2025|Formas|formas:stod-till-foreningar:2025"},
        PageCase{"text_copied_from_an_html_address_is_text", "https://www.formas.se/bidrag/stodtillforeningar.html", "",
                 kChromeFirst, "Stöd till föreningar 2025|Formas|formas:stod-till-foreningar:2025"},
        PageCase{"status_badge_and_logo_are_not_the_title", "https://bidrag.exempel.org/x/9", "text/plain",
                 "Beslutade\n\nBrottsförebyggande rådet\n\nBidrag till trygga skolvägar 2024\n\n"
                 "Brå beviljar bidrag till kommuner. Ansökan stängde den 1 mars 2024.\n",
                 "Bidrag till trygga skolvägar 2024|Brottsförebyggande rådet|brottsforebyggande-radet:bidrag-till-trygga-skolvagar:2024"},
        PageCase{"capture_that_starts_below_the_title_takes_it_from_the_address",
                 "https://statsbidrag.socialstyrelsen.se/kommuner/stod-till-halsosamtal-for-aldre/", "text/plain",
                 "Utlysningsdatum: 2023-03-30\nSista ansökningsdag: 2023-06-01\nSyfte med statsbidraget\n"
                 "Kommunerna kan rekvirera medel för hälsosamtal.\n",
                 "Stod till halsosamtal for aldre|Socialstyrelsen|socialstyrelsen:stod-till-halsosamtal-for-aldre:2023"},
        PageCase{"registry_name_with_small_words_as_subject", "https://bidrag.exempel.org/kultur/", "text/plain",
                 "Bidrag till läsfrämjande insatser 2025\n\nÖppen för ansökan\n\nStatens kulturråd fördelar bidrag till "
                 "bibliotek. Förra året beviljade vi 300 projekt.\n",
                 "Bidrag till läsfrämjande insatser 2025|Statens kulturråd|statens-kulturrad:bidrag-till-lasframjande-insatser:2025"},
        PageCase{"funder_from_the_web_host", "https://www.naturvardsverket.se/bidrag/vatmarker-2025/", "text/plain",
                 "Bidrag till våtmarker 2025\n\nÖppen för ansökan\n\nKommuner kan söka bidraget för att anlägga våtmarker.\n",
                 "Bidrag till våtmarker 2025|Naturvårdsverket|naturvardsverket:bidrag-till-vatmarker:2025"},
        PageCase{"unknown_body_named_by_its_host", "https://www.bygdefonden-exempel.se/stod/", "text/plain",
                 "Stöd till bygdegårdar 2025\n\nVem kan söka?\n\nFöreningar som driver en bygdegård kan söka stöd.\n",
                 "Stöd till bygdegårdar 2025|Bygdefonden-exempel|bygdefonden-exempel:stod-till-bygdegardar:2025"},
        PageCase{"news_item_on_a_decision_is_no_call", "https://www.formas.se/nyheter/2025/beslut-om-stod/", "text/plain",
                 "Nyhet\n\n30 projekt får stöd\n\nFormas har beslutat om stöd till 30 projekt. Ansökan stängde den 1 mars 2025.\n",
                 "no call"},
        PageCase{"information_page_about_grants_is_no_call", "https://www.formas.se/om-bidrag/", "text/plain",
                 "Om statsbidrag\n\nStatsbidrag är pengar som staten fördelar till organisationer.\n\nOlika bidrag\n\n"
                 "Projektbidrag är till för avgränsade projekt.\n",
                 "no call"},
        PageCase{"general_page_with_a_who_may_apply_heading_is_no_call", "https://www.formas.se/om-statsbidrag/", "text/plain",
                 "Om statsbidrag\n\nStatsbidrag fördelas till organisationer.\n\nVem kan söka statsbidrag?\n\n"
                 "Föreningar och kommuner kan söka.\n",
                 "no call"},
        PageCase{"copied_listing_with_a_chip_per_card_is_no_call", "https://www.formas.se/utlysningar.html", "",
                 "Utlysningar\n\nStöd A\nProjekt som stärker föreningar.\nStänger 1 maj 2025\n\nStöd B\n"
                 "Projekt för unga.\nÖppnar 2 september 2025\n\nStöd C\nProjekt för äldre.\nStängd 4 februari 2025\n",
                 "no call"},
        PageCase{"listing_of_calls_is_no_call", "https://www.formas.se/utlysningar.html", "text/html",
                 "<main><h1>Utlysningar</h1><ul><li><a href='/utlysningar/a-2025.html'>Stöd A</a> Stänger 1 maj 2025</li>"
                 "<li><a href='/utlysningar/b-2025.html'>Stöd B</a> Stänger 2 maj 2025</li>"
                 "<li><a href='/utlysningar/c-2025.html'>Stöd C</a> Stängd</li></ul></main>",
                 "no call"}),
    [](const ::testing::TestParamInfo<PageCase>& p) { return std::string(p.param.name); });

// A terminal-browser dump: the [N] markers become the call's documents, the menu's and the
// footer's links do not.
TEST(CallPageDump, MarkersBecomeTheCallsDocuments) {
  const std::string dump =
      "   [1]EXEMPELVERKET\n     * [2]Bidrag\n\n      Bidrag till lokala projekt 2025\n\n   Öppen för ansökan\n\n"
      "Så ansöker du\n\n   [3]Till e-tjänsten\n     * [4]Anvisningar för ansökan om bidrag till lokala\n       projekt (pdf)\n\n"
      "   [5]Om webbplatsen · [6]Kakor\n\nReferences\n\n   1. https://www.formas.se/\n   2. https://www.formas.se/bidrag/\n"
      "   3. https://e.formas.se/ansok\n   4. https://www.formas.se/dokument/anvisningar-2025.pdf\n"
      "   5. https://www.formas.se/om-webbplatsen/\n   6. https://www.formas.se/om-webbplatsen/kakor/\n";
  const auto records = extract::extract(make_snapshot("https://www.formas.se/bidrag/lokala-projekt-2025/", dump, "text/plain"));
  std::vector<std::string> got;
  for (const auto& r : records)
    if (const auto* d = std::get_if<record::DocumentRef>(&r)) got.push_back(std::string(record::to_string(d->role)) + "|" + d->title + "|" + d->url);
  EXPECT_EQ(outcome(records), "Bidrag till lokala projekt 2025|Formas|formas:bidrag-till-lokala-projekt:2025");
  EXPECT_EQ(got, (std::vector<std::string>{
                     "application|Till e-tjänsten|https://e.formas.se/ansok",
                     "instructions|Anvisningar för ansökan om bidrag till lokala projekt (pdf)|https://www.formas.se/dokument/anvisningar-2025.pdf"}));
}

}  // namespace
}  // namespace bidrag
