// parse_text: headings by shape, facts, numbered steps, bullets, and URL lines attached to the
// lines they name.
#include <gtest/gtest.h>

#include "bidrag/parse/parse.h"
#include "support/support.h"

namespace bidrag {
namespace {

using doc::BlockKind;

const doc::Block* find(const doc::Document& d, BlockKind kind, const std::string& text) {
  for (const auto& b : d.blocks)
    if (b.kind == kind && b.text == text) return &b;
  return nullptr;
}

TEST(TextParser, PdfPrintSeedAttachesUrlLinesToTheLinesTheyName) {
  const auto d = parse::parse_text(make_snapshot("seed.txt", test::read_fixture("seeds/001_99e31430945983a0.txt")));
  ASSERT_FALSE(d.blocks.empty());
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.title, "Sociala insatser i utsatta områden 2023");
  const auto* close = find(d, BlockKind::fact, "Sista ansökningsdag");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->value, "2023-05-12");
  EXPECT_EQ(close->where.line, 6);
  EXPECT_NE(find(d, BlockKind::heading, "Vilka som kan rekvirera"), nullptr);
  // A paragraph whose first line is short is not a heading.
  EXPECT_EQ(find(d, BlockKind::heading, "Medlen fördelas efter rekvisition till de kommuner som omfattas av"), nullptr);
  const auto* apply = find(d, BlockKind::link, "Rekvirera nu");
  ASSERT_NE(apply, nullptr);
  EXPECT_EQ(apply->href, "https://statsbidrag.socialstyrelsen.se/inloggning/?returnUri=/minsida/?utlysningsid=2cc867dd-d970-471a-861c-d05532f72c4e");
  const auto* more = find(d, BlockKind::link, "Läs mer om ombudsansökan");
  ASSERT_NE(more, nullptr);
  EXPECT_EQ(more->href, "https://statsbidrag.socialstyrelsen.se/om-statsbidrag/om-ansokningsprocessen/");
  const auto* sspf = find(d, BlockKind::fact, "SSPF-nätverket");
  ASSERT_NE(sspf, nullptr);
  ASSERT_EQ(sspf->links.size(), 1u);
  EXPECT_EQ(sspf->links[0].text, "soderberg@bra.se");
  EXPECT_EQ(sspf->links[0].href, "mailto:christina.soderberg@bra.se");
  int steps = 0;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::list_item && b.ordinal > 0) ++steps;
  EXPECT_EQ(steps, 2);
}

TEST(TextParser, ShapesAndMarkers) {
  const std::string text =
      "Bidrag till föreningar 2024\n\nSista dag att ansöka: 15 mars 2024\n\nSå här ansöker du\n"
      "1. Läs riktlinjerna och\nfyll i blanketten.\n2. Skicka in.\n\n- en punkt\n• en till\n\n"
      "Ett stycke som börjar här och\nfortsätter på nästa rad.\n";
  const auto d = parse::parse_text(make_snapshot("x.txt", text));
  ASSERT_EQ(d.blocks.size(), 8u);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::fact);
  EXPECT_EQ(d.blocks[1].value, "15 mars 2024");
  EXPECT_EQ(d.blocks[2].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[3].text, "Läs riktlinjerna och fyll i blanketten.");
  EXPECT_EQ(d.blocks[3].ordinal, 1);
  EXPECT_EQ(d.blocks[4].ordinal, 2);
  EXPECT_EQ(d.blocks[5].ordinal, 0);
  EXPECT_EQ(d.blocks[5].text, "en punkt");
  EXPECT_EQ(d.blocks[6].text, "en till");
  EXPECT_EQ(d.blocks[7].kind, BlockKind::paragraph);
  EXPECT_EQ(d.blocks[7].text, "Ett stycke som börjar här och fortsätter på nästa rad.");
}


// Whole-page browser copies (innerText): the chrome above the main heading is not the title.
struct PageCopyCase {
  std::string name, url, text;
  std::string title;             // the level-1 heading
  std::vector<std::string> kept;  // blocks before it (badges, dates), in order
};

std::ostream& operator<<(std::ostream& os, const PageCopyCase& c) { return os << c.name; }

class PageCopy : public ::testing::TestWithParam<PageCopyCase> {};

TEST_P(PageCopy, MainHeadingAfterChrome) {
  const auto& c = GetParam();
  const auto d = parse::parse_text(make_snapshot(c.url, c.text));
  EXPECT_EQ(d.title, c.title);
  std::vector<std::string> before;
  std::string heading;
  for (const auto& b : d.blocks) {
    if (b.kind == BlockKind::heading && b.level == 1) {
      heading = b.text;
      break;
    }
    before.push_back(b.text);
  }
  EXPECT_EQ(heading, c.title);
  EXPECT_EQ(before, c.kept);
}

INSTANTIATE_TEST_SUITE_P(
    TextParser, PageCopy,
    ::testing::Values(
        PageCopyCase{"SkipLinkCookieMenuBreadcrumb", "https://www.mucf.se/bidrag/unga-i-foreningslivet",
                     "Hoppa till huvudinnehåll\nVi använder kakor. Godkänn alla\nMUCF\nBidrag\nKunskap\nOm oss\n"
                     "Start /\nBidrag /\nUnga i föreningslivet 2025\n\nNu kan föreningar söka bidrag för att fler unga "
                     "ska engagera sig i föreningslivet under året.\n",
                     "Unga i föreningslivet 2025", {}},
        PageCopyCase{"TwoSkipLinksOnOneLineAndACategoryLabel", "https://www.kulturradet.se/sok-bidrag/korlitteratur",
                     "Till navigation Till innehåll\n\nKulturrådet\nSök bidrag\nOm oss\nStart /\nSök bidrag /\n\n"
                     "Musik\n\nBidrag till körlitteratur 2026\n\nKörer kan söka bidrag för att köpa in noter till "
                     "nyskriven svensk körmusik under året.\n",
                     "Bidrag till körlitteratur 2026", {}},
        PageCopyCase{"BrowserNoticeFirstAndNoBreadcrumb", "",
                     "Vår webbplats fungerar inte med Internet Explorer. Använd en nyare webbläsare.\n\nSkip\n"
                     "Lekplatsstöd 2027\n\nKommuner kan söka stöd för att rusta upp lekplatser i områden med "
                     "många barn och unga.\n",
                     "Lekplatsstöd 2027", {}},
        PageCopyCase{"ChipLineAboveTheHeadingIsKept", "https://www.vinnova.se/e/ai/sprak-och-ai-2025-00123/",
                     "Till innehållet\nVinnova använder kakor. Okej\nVinnova\nSök finansiering\nOm oss\nStart /\n"
                     "Sök finansiering /\n\nUtlysning Stängd\n\nSpråk och AI 2025\n\nErbjudandet riktade sig till "
                     "företag som ville utveckla språkmodeller för svenska myndigheter.\n",
                     "Språk och AI 2025", {"Utlysning Stängd"}},
        PageCopyCase{"DateLinesAboveTheHeadingAreKeptNotTaken", "",
                     "Till huvudinnehåll\nStart /\nUtlysningar /\n\nPublicerad den 12 januari 2025\nUppdaterad den "
                     "3 mars 2025\n\nProjektbidrag för klimatforskning 2025\n\nÖppen\n\nBidraget ska ge forskare "
                     "möjlighet att studera hur klimatet förändras i norra Sverige.\n",
                     "Projektbidrag för klimatforskning 2025",
                     {"Publicerad den 12 januari 2025", "Uppdaterad den 3 mars 2025"}},
        PageCopyCase{"HeadingThatNamesTheUrlWinsOverAnEarlierBlock",
                     "https://www.energimyndigheten.se/utlysningar/solceller-pa-skolor-2026/",
                     "Gå direkt till innehållet\nEnergimyndigheten\nUtlysningar\nOm oss\nStart /\nUtlysningar /\n\n"
                     "Utlysning\n\nSolceller på skolor 2026\n\nÖppen\n\nKommuner kan söka stöd för solceller på "
                     "skolornas tak under hela året.\n",
                     "Solceller på skolor 2026", {}},
        PageCopyCase{"SiteNameFirstThenTheHeadingThatNamesTheUrl", "https://www.boverket.se/sv/bidrag/stod-till-utemiljoer/",
                     "Boverket\n\nStöd till utemiljöer 2026\n\nKommuner kan söka stöd för att rusta upp "
                     "utemiljöer i bostadsområden under året.\n",
                     "Stöd till utemiljöer 2026", {}},
        PageCopyCase{"NoBlankLinesInTheCopyHeadingAfterTheBreadcrumb", "",
                     "Till innehållet\nStart /\nBidrag /\nStöd till föreningar 2026\nFöreningar kan söka stöd "
                     "för verksamhet som riktar sig till unga under året.\n",
                     "Stöd till föreningar 2026", {}},
        PageCopyCase{"TerminalBrowserDumpWithLinkMarkersAndANumberedBreadcrumb",
                     "https://www.mucf.se/bidrag/motesplatser-unga-landsbygd",
                     "   [1]Hoppa till huvudinnehåll\n\n   Vi använder kakor. (BUTTON) Godkänn alla\n\n   [2]MUCF\n"
                     "     * [3]Bidrag\n     * [4]Om MUCF\n\n    1. [7]Start /\n    2. [8]Bidrag /\n"
                     "    3. Mötesplatser för unga på landsbygden 2024\n\n"
                     "          Mötesplatser för unga på landsbygden 2024\n\n   Ansökan är stängd\n",
                     "Mötesplatser för unga på landsbygden 2024", {}},
        PageCopyCase{"ArticleCopyWithoutChromeKeepsTheFirstLine", "https://www.forte.se/utlysning/arbetsliv-2025/",
                     "Arbetsliv och hälsa 2025\n\nForte utlyser medel för forskning om arbetsliv.\n\nÖppen\n",
                     "Arbetsliv och hälsa 2025", {}}),
    [](const ::testing::TestParamInfo<PageCopyCase>& i) { return i.param.name; });

// Shapes of a browser copy: table rows with a TAB, <dl> entries on two lines, question headings.
struct CopyShapeCase {
  std::string name, text;
  BlockKind kind;
  std::string block_text, value;  // the block expected (value for facts)
  int ordinal = 0;                 // list items: the step number
};

std::ostream& operator<<(std::ostream& os, const CopyShapeCase& c) { return os << c.name; }

class CopyShape : public ::testing::TestWithParam<CopyShapeCase> {};

TEST_P(CopyShape, GivesTheBlock) {
  const auto& c = GetParam();
  const auto d = parse::parse_text(make_snapshot("x.txt", c.text));
  const doc::Block* b = find(d, c.kind, c.block_text);
  ASSERT_NE(b, nullptr) << c.block_text;
  for (const auto& other : d.blocks) {
    EXPECT_NE(other.text.rfind("https://", 0), 0u) << other.text;
    EXPECT_NE(other.text, "Lyssna");
  }
  EXPECT_EQ(b->value, c.value);
  EXPECT_EQ(b->ordinal, c.ordinal);
}

INSTANTIATE_TEST_SUITE_P(
    TextParser, CopyShape,
    ::testing::Values(
        CopyShapeCase{"TableRowWithTabIsAFact",
                      "Bidrag 2024\n\nKort om statsbidraget\nRekvirera\t1 februari–15 mars 2024\nRedovisa senast\t2025-09-30\n",
                      BlockKind::fact, "Rekvirera", "1 februari–15 mars 2024"},
        CopyShapeCase{"TableRowLabelWithColon", "Bidrag 2024\n\nSista ansökningsdag:\t2025-03-25 kl. 14.00\n",
                      BlockKind::fact, "Sista ansökningsdag", "2025-03-25 kl. 14.00"},
        CopyShapeCase{"DefinitionListEntryOnTwoLines", "Bidrag 2025\n\nÖppen\n\nÖppnar\n2025-02-18\nSista ansökningsdag\n2025-03-25 kl. 14.00\n",
                      BlockKind::fact, "Sista ansökningsdag", "2025-03-25 kl. 14.00"},
        CopyShapeCase{"NumberedStepUnderAHeadingIsNoValue", "Bidrag 2025\n\nSå ansöker du\n1. Logga in i e-tjänsten.\n",
                      BlockKind::heading, "Så ansöker du", ""},
        CopyShapeCase{"QuestionAloneIsAHeading",
                      "Bidrag 2025\n\nVem kan söka?\n\nKommuner och regioner kan söka stödet.\n", BlockKind::heading,
                      "Vem kan söka?", ""},
        CopyShapeCase{"QuestionAfterAListIsAHeading",
                      "Bidrag 2025\n\nVillkor\nProjektet ska ha medfinansiering.\nHur mycket pengar finns?\n\n"
                      "Det finns 4 miljoner kronor.\n",
                      BlockKind::heading, "Hur mycket pengar finns?", ""},
        CopyShapeCase{"DefinitionListValueWithANumberInWords", "Bidrag 2025\n\nÖppen\n\nBelopp\nHögst 1,5 miljoner kronor per år\n",
                      BlockKind::fact, "Belopp", "Högst 1,5 miljoner kronor per år"},
        CopyShapeCase{"UnnumberedStepsUnderAProcessHeading",
                      "Bidrag 2025\n\nProcess för att söka och få stödet\nKontrollera villkoren.\nLogga in i e-tjänsten.\n"
                      "Redovisning\n",
                      BlockKind::list_item, "Logga in i e-tjänsten.", "", 2},
        CopyShapeCase{"UnnumberedStepsAfterAnIntroducingLine",
                      "Bidrag 2025\n\nRekvisition görs i e-tjänsten. Följ punkterna nedan stegvis:\n\n"
                      "Se till att ni har ett ombud.\nRekvirera bidraget i webbformuläret.\n",
                      BlockKind::list_item, "Se till att ni har ett ombud.", "", 1},
        CopyShapeCase{"ConditionLinesAreNoSteps",
                      "Bidrag 2025\n\nVillkor\nProjektet ska ha medfinansiering.\nProjektet ska pågå i två år.\n",
                      BlockKind::paragraph, "Projektet ska ha medfinansiering. Projektet ska pågå i två år.", ""},
        CopyShapeCase{"TimelineItemsAreParagraphsOfTheirOwn",
                      "Bidrag 2025\n\nViktiga datum\nÖppnar 4 februari 2025\nSista ansökningsdag 10 april 2025 14:00\n"
                      "Villkor\nStödet ges enligt villkoren.\n",
                      BlockKind::paragraph, "Sista ansökningsdag 10 april 2025 14:00", ""},
        CopyShapeCase{"TimelineItemsApartByBlankLines",
                      "Bidrag 2024\n\nViktiga datum\n\nÖppnade 5 mars 2024\n\nSista ansökningsdag 16 maj 2024 14:00\n\n"
                      "Beslutsdatum 27 augusti 2024\n\nKontakt\n",
                      BlockKind::paragraph, "Sista ansökningsdag 16 maj 2024 14:00", ""},
        CopyShapeCase{"DatedBoxHeadingAloneStaysAHeading",
                      "Bidrag 2025\n\nAnsök senast 30 september 2025\n\nNu är ansökningsomgången öppen.\n",
                      BlockKind::heading, "Ansök senast 30 september 2025", ""},
        CopyShapeCase{"LayoutTableRowWithADateIsNoTimelineItem",
                      "Bidrag 2025\n\n   Att fördela    25 miljoner kronor\n      Beslut      Senast 30 september 2025\n",
                      BlockKind::heading, "Beslut Senast 30 september 2025", ""},
        CopyShapeCase{"ContactCardNameLineIsNoHeading",
                      "Bidrag 2025\n\nKontakt\n\nEmma Wikström, forskningssekreterare\n08-775 40 83\nemma.wikstrom@forte.se\n",
                      BlockKind::paragraph, "Emma Wikström, forskningssekreterare", ""},
        CopyShapeCase{"ContactCardPhoneLine",
                      "Bidrag 2025\n\nKontakt\n\nJohan Berg\n08-527 58 400 (växel)\njohan.berg@bra.se\n",
                      BlockKind::paragraph, "08-527 58 400 (växel)", ""},
        CopyShapeCase{"EmailLineUnderANameLineIsNoContinuation",
                      "Bidrag 2025\n\nKontakt\n\nGustav Lind, handläggare – frågor om ansökan\n"
                      "gustav.lind@naturvardsverket.se, 010-698 16 05\n",
                      BlockKind::paragraph, "gustav.lind@naturvardsverket.se, 010-698 16 05", ""},
        CopyShapeCase{"ReferencesListOfADumpIsNoList",
                      "Bidrag 2025\n\nSå ansöker du\n\nReferences\n\n   1. https://www.mucf.se/\n   2. https://www.mucf.se/bidrag\n",
                      BlockKind::heading, "References", ""},
        CopyShapeCase{"ListenButtonUnderAHeadingIsDropped",
                      "Bidrag 2025\n\nVem kan söka?\n\nLyssna\n\nIdeella organisationer kan söka bidraget.\n",
                      BlockKind::paragraph, "Ideella organisationer kan söka bidraget.", ""},
        CopyShapeCase{"QuestionInsideAParagraphStays",
                      "Bidrag 2025\n\nFöljer ni upp ert arbete? Då kan ni söka stöd för en utvärdering.\n",
                      BlockKind::paragraph, "Följer ni upp ert arbete? Då kan ni söka stöd för en utvärdering.", ""}),
    [](const ::testing::TestParamInfo<CopyShapeCase>& i) { return i.param.name; });

}  // namespace
}  // namespace bidrag
