// parse_pdf on real producers' PDFs: a Chromium print of a grant page (the corpus), a
// Chromium print with a US-English header and two columns, a LibreOffice Writer export, and
// a LibreOffice Calc allocation list with its table.
#include <gtest/gtest.h>

#include <algorithm>

#include "bidrag/parse/parse.h"
#include "support/support.h"

namespace bidrag {
namespace {

using doc::BlockKind;

doc::Document parse_fixture(const std::string& relative) {
  return parse::parse_pdf(make_snapshot("fixtures/" + relative, test::read_fixture(relative), "application/pdf"));
}

const doc::Block* find(const doc::Document& d, BlockKind kind, const std::string& text) {
  for (const doc::Block& b : d.blocks) {
    if (b.kind == kind && b.text == text) return &b;
  }
  return nullptr;
}

std::size_t index_of(const doc::Document& d, const std::string& prefix) {
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    if (d.blocks[i].text.rfind(prefix, 0) == 0) return i;
  }
  return d.blocks.size();
}

bool any_text_contains(const doc::Document& d, const std::string& needle) {
  return std::any_of(d.blocks.begin(), d.blocks.end(), [&](const doc::Block& b) {
    return b.text.find(needle) != std::string::npos || b.value.find(needle) != std::string::npos;
  });
}

class CorpusPrint : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { d = new doc::Document(parse_fixture("corpus/sociala-insatser-2023/announcement-open.pdf")); }
  static void TearDownTestSuite() { delete d; }
  static doc::Document* d;
};
doc::Document* CorpusPrint::d = nullptr;

TEST_F(CorpusPrint, TitleMetaAndPages) {
  EXPECT_EQ(d->format, doc::Format::pdf);
  EXPECT_EQ(d->pages, 5);
  EXPECT_EQ(d->title, "Sociala insatser i utsatta områden 2023");
  EXPECT_EQ(d->meta.at("printed_at"), "2023-02-24");
  EXPECT_EQ(d->meta.at("printed_url"), "http://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2023/");
  EXPECT_EQ(d->meta.at("pdf_producer"), "Skia/PDF m156");
}

TEST_F(CorpusPrint, PrintHeaderAndFooterAreGone) {
  for (const char* chrome : {"14:03", "1/5", "5/5", "- Statsbidrag - Socialstyrelsen", "http://statsbidrag.socialstyrelsen.se/statsbidrag/"}) {
    EXPECT_FALSE(any_text_contains(*d, chrome)) << chrome;
  }
}

TEST_F(CorpusPrint, HeadingsByLevel) {
  const std::vector<std::pair<std::string, int>> headings = {
      {"Sociala insatser i utsatta områden 2023", 1}, {"Syfte med statsbidraget", 2}, {"Villkor för rekvisition", 2},
      {"Kontakt", 2}, {"Mer information", 3}, {"Vägledning om SIG: Risk, Behov och Mottaglighet (RBM)", 3}};
  for (const auto& [text, level] : headings) {
    const doc::Block* b = find(*d, BlockKind::heading, text);
    ASSERT_NE(b, nullptr) << text;
    EXPECT_EQ(b->level, level) << text;
  }
  // The lead paragraph is larger than the body but not bold: a paragraph, not a heading.
  EXPECT_NE(find(*d, BlockKind::paragraph,
                 "Socialstyrelsen har fått i uppdrag att genomföra en satsning på sociala insatser för barn och unga i "
                 "utsatta områden under åren 2021–2023."),
            nullptr);
}

TEST_F(CorpusPrint, FactsIncludingLabelsWithoutSpace) {
  const std::vector<std::pair<std::string, std::string>> facts = {
      {"Utlysningsdatum", "2023-01-18"}, {"Sista ansökningsdag", "2023-05-12"}, {"Tid kvar att ansöka", "77 dagar"},
      {"E-post", "emilia.strom@socialstyrelsen.se"}, {"Telefonnummer", "075-247 41 28"}};
  for (const auto& [label, value] : facts) {
    const doc::Block* b = find(*d, BlockKind::fact, label);
    ASSERT_NE(b, nullptr) << label;
    EXPECT_EQ(b->value, value);
  }
}

TEST_F(CorpusPrint, NumberedStepsOverAPageBreakAndHyphenation) {
  const std::size_t first = index_of(*d, "Innan ni rekvirerar bidraget");
  ASSERT_LT(first + 1, d->blocks.size());
  const doc::Block& one = d->blocks[first];
  const doc::Block& two = d->blocks[first + 1];
  EXPECT_EQ(one.kind, BlockKind::list_item);
  EXPECT_EQ(one.ordinal, 1);
  EXPECT_EQ(two.kind, BlockKind::list_item);
  EXPECT_EQ(two.ordinal, 2);
  EXPECT_EQ(one.where.page, 2);
  ASSERT_EQ(one.links.size(), 1U);
  EXPECT_EQ(one.links[0].text, "Läs mer om ombudsansökan");
  EXPECT_EQ(one.links[0].href, "https://statsbidrag.socialstyrelsen.se/om-statsbidrag/om-ansokningsprocessen/");
  // "e-" at a line end and "tjänst" below: a compound, the hyphen stays.
  EXPECT_NE(two.text.find("via statsbidragets e-tjänst. Ni rekvirerar"), std::string::npos) << two.text;
  EXPECT_NE(two.text.find("det specifika bidra-get som"), std::string::npos) << two.text;
}

TEST_F(CorpusPrint, LinksKeepTheirTargets) {
  const doc::Block* net = find(*d, BlockKind::fact, "SSPF-nätverket");
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->value, "soderberg@bra.se");
  ASSERT_EQ(net->links.size(), 1U);
  EXPECT_EQ(net->links[0].href, "mailto:christina.soderberg@bra.se");
  EXPECT_EQ(net->links[0].text, "soderberg@bra.se");

  const doc::Block* strategy =
      find(*d, BlockKind::paragraph, "Regeringens långsiktiga strategi för att minska och motverka segregation.");
  ASSERT_NE(strategy, nullptr);
  ASSERT_EQ(strategy->links.size(), 1U);
  // The full stop after the link is not part of the link's text.
  EXPECT_EQ(strategy->links[0].text, "Regeringens långsiktiga strategi för att minska och motverka segregation");

  std::size_t links = 0;
  for (const doc::Block& b : d->blocks) links += b.links.size();
  // pdfinfo -url lists 22 annotations; 11 lie on text of the article (the logo's, the
  // breadcrumb's and the site footer's are chrome, the cover image's covers no text).
  EXPECT_EQ(links, 11U);
}

TEST_F(CorpusPrint, OnlyTheTaggedArticleIsKept) {
  // Chromium tags the page's <article> as Art: logo, breadcrumb, sidebar and site footer are
  // outside it, as they are outside what the HTML parser keeps.
  ASSERT_FALSE(d->blocks.empty());
  EXPECT_EQ(d->blocks.front().kind, BlockKind::heading);
  EXPECT_EQ(d->blocks.front().text, "Sociala insatser i utsatta områden 2023");
  EXPECT_EQ(d->blocks.back().kind, BlockKind::fact);
  EXPECT_EQ(d->blocks.back().text, "Telefonnummer");
  for (const char* chrome : {"Startsida", "Postadress", "Om webbplatsen", "Senast ändrad", "Kakor", "© Socialstyrelsen"}) {
    EXPECT_FALSE(any_text_contains(*d, chrome)) << chrome;
  }
}

TEST_F(CorpusPrint, EveryBlockHasAPdfLocator) {
  for (const doc::Block& b : d->blocks) {
    EXPECT_EQ(b.where.kind, doc::Locator::Kind::pdf) << b.text;
    EXPECT_GE(b.where.page, 1);
    EXPECT_LE(b.where.page, 5);
    EXPECT_GT(b.where.bbox.width(), 0) << b.text;
    EXPECT_GT(b.where.bbox.height(), 0) << b.text;
  }
  const doc::Block* h1 = find(*d, BlockKind::heading, "Sociala insatser i utsatta områden 2023");
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->where.page, 1);
  EXPECT_NEAR(h1->where.bbox.x0, 45.7, 0.2);
  EXPECT_NEAR(h1->where.bbox.y0, 134.6, 0.2);
  EXPECT_NEAR(h1->where.bbox.y1, 197.0, 0.2);  // two lines
}

TEST(PdfParse, ChromiumUsEnglishPrintTwoColumnsAndHyphens) {
  const doc::Document d = parse_fixture("pdf/browser-print.pdf");
  EXPECT_EQ(d.pages, 2);
  EXPECT_EQ(d.title, "Bidrag till lokala föreningar 2024");
  EXPECT_EQ(d.meta.at("printed_at"), "2026-11-23");  // "11/23/26, 3:01 PM"
  // The fixture was printed from a local file; only the path's tail is the project's.
  EXPECT_TRUE(d.meta.at("printed_url").starts_with("file:///")) << d.meta.at("printed_url");
  EXPECT_TRUE(d.meta.at("printed_url").ends_with("/fixtures/pdf/src/browser-print.html")) << d.meta.at("printed_url");
  EXPECT_FALSE(any_text_contains(d, "3:01 PM"));
  EXPECT_FALSE(any_text_contains(d, "Exempelmyndigheten"));

  // Two columns: the left one is read to its end before the right one.
  const std::size_t l1 = index_of(d, "Vänster spalt börjar"), l2 = index_of(d, "Vänster spalt slutar"),
                    r1 = index_of(d, "Höger spalt börjar"), r2 = index_of(d, "Höger spalt slutar");
  ASSERT_LT(r2, d.blocks.size());
  EXPECT_LT(l1, l2);
  EXPECT_LT(l2, r1);
  EXPECT_LT(r1, r2);
  EXPECT_EQ(d.blocks[l2].text,
            "Vänster spalt slutar här med ännu en mening som är lång nog att brytas över några rader i spalten innan "
            "den högra börjar.");

  EXPECT_NE(find(d, BlockKind::paragraph, "Föreningar i Upplands-Bro kommun kan rekvirera medel via e-tjänsten."), nullptr);

  const doc::Block* step2 = find(d, BlockKind::list_item, "Fyll i formuläret och skicka in ansökan innan sista dag.");
  ASSERT_NE(step2, nullptr);
  EXPECT_EQ(step2->ordinal, 2);

  const doc::Block* mail = find(d, BlockKind::fact, "E-post");
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->value, "karin.exempel@example.se");
  ASSERT_EQ(mail->links.size(), 1U);
  EXPECT_EQ(mail->links[0].text, "karin.exempel@example.se");
  EXPECT_EQ(mail->links[0].href, "mailto:karin.exempel@example.se");

  const doc::Block* more = find(d, BlockKind::paragraph, "Läs mer i anvisningarna för lokala föreningar 2024.");
  ASSERT_NE(more, nullptr);
  ASSERT_EQ(more->links.size(), 1U);
  EXPECT_EQ(more->links[0].text, "anvisningarna för lokala föreningar 2024");
  EXPECT_EQ(more->links[0].href, "https://www.example.se/bidrag/anvisningar-for-lokala-foreningar-2024.pdf");

  const doc::Block* page2 = find(d, BlockKind::heading, "Frågor och svar");
  ASSERT_NE(page2, nullptr);
  EXPECT_EQ(page2->where.page, 2);
  EXPECT_EQ(page2->level, 2);
}

TEST(PdfParse, LibreOfficeWriterExport) {
  const doc::Document d = parse_fixture("pdf/office-report.pdf");
  struct Expect {
    BlockKind kind;
    std::string text;
    int level_or_ordinal;
  };
  const std::vector<Expect> want = {
      {BlockKind::heading, "Rapport om bidrag", 1},
      {BlockKind::fact, "Diarienummer", 0},
      {BlockKind::heading, "Bakgrund", 2},
      {BlockKind::paragraph, "Myndigheten har fördelat medel till kommuner enligt de villkor som gäller för bidraget.", 0},
      {BlockKind::list_item, "Medlen ska användas under året.", 0},
      {BlockKind::list_item, "Redovisning sker senast den 28 februari.", 0},
      {BlockKind::heading, "Nästa steg", 2},
      {BlockKind::list_item, "Kommunen rekvirerar medel.", 1},
      {BlockKind::list_item, "Myndigheten betalar ut medlen.", 2},
  };
  ASSERT_EQ(d.blocks.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(d.blocks[i].kind, want[i].kind) << i;
    EXPECT_EQ(d.blocks[i].text, want[i].text) << i;
    EXPECT_EQ(want[i].kind == BlockKind::heading ? d.blocks[i].level : d.blocks[i].ordinal, want[i].level_or_ordinal) << i;
  }
  EXPECT_EQ(d.blocks[1].value, "1.2-3456/2024");
  EXPECT_EQ(d.meta.count("printed_at"), 0U);
  EXPECT_EQ(d.meta.at("pdf_producer"), "LibreOffice 7.4");
}

TEST(PdfParse, AllocationListTableAndItsText) {
  const doc::Document d = parse_fixture("corpus/sociala-insatser-2023/fordelningslista.pdf");
  EXPECT_EQ(d.title, "Fördelning av statsbidrag för sociala insatser i utsatta områden 2023");
  const doc::Block* date = find(d, BlockKind::fact, "Datum");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->value, "2023-01-18");
  const std::size_t dnr = index_of(d, "Bilaga till anvisningar, dnr 3.6-41238/2022");
  ASSERT_LT(dnr + 1, d.blocks.size());
  const doc::Block& table = d.blocks[dnr + 1];
  ASSERT_EQ(table.kind, BlockKind::table);
  EXPECT_EQ(table.where.page, 1);
  ASSERT_EQ(table.table.rows.size(), 30U);  // header, 28 municipalities, total
  ASSERT_EQ(table.table.rows.front().size(), 3U);
  EXPECT_EQ(table.table.rows.front()[2].text, "Belopp (kr)");
  EXPECT_EQ(table.table.rows[1][1].text, "Botkyrka");
  EXPECT_EQ(table.table.rows[1][2].text, "17 603 816");
  EXPECT_EQ(table.table.rows.back()[0].text, "Totalt");
  EXPECT_EQ(table.table.rows.back()[2].text, "243 500 000");
  // The table's words are in the table only.
  EXPECT_FALSE(any_text_contains(d, "Botkyrka"));
  EXPECT_FALSE(any_text_contains(d, "243 500 000"));
  const doc::Block& note1 = d.blocks[dnr + 2];
  EXPECT_EQ(note1.kind, BlockKind::paragraph);
  EXPECT_EQ(note1.text,
            "Beloppen anger det högsta belopp som respektive kommun kan rekvirera för 2023. Rekvisition görs i "
            "Socialstyrelsens e-tjänst senast den 12 maj 2023.");
  EXPECT_EQ(d.blocks[dnr + 3].text,
            "Fördelningen grundar sig på antalet utsatta områden, riskområden och särskilt utsatta områden i kommunen "
            "enligt Polismyndighetens lägesbild 2021.");
  // The page number is furniture; the single page's header and footer text is content.
  EXPECT_FALSE(any_text_contains(d, "Sida 1 (1)"));
  EXPECT_NE(find(d, BlockKind::paragraph, "Statsbidragsenheten"), nullptr);
}

TEST(PdfParse, MultiPageListKeepsItsFirstRunningHeader) {
  const doc::Document d = parse_fixture("allocation-lists/multi-page.pdf");
  EXPECT_EQ(d.pages, 8);
  // "Socialstyrelsen … Datum: 2024-01-15" heads every page: content once, on page 1.
  std::size_t dates = 0;
  for (const doc::Block& b : d.blocks) {
    if (b.kind == BlockKind::fact && b.text == "Datum") {
      ++dates;
      EXPECT_EQ(b.value, "2024-01-15");
      EXPECT_EQ(b.where.page, 1);
    }
  }
  EXPECT_EQ(dates, 1U);
  EXPECT_FALSE(any_text_contains(d, "Sida 2 av 8"));
  EXPECT_FALSE(any_text_contains(d, "Sida 1 av 8"));
  std::size_t tables = 0;
  for (const doc::Block& b : d.blocks) tables += b.kind == BlockKind::table ? 1 : 0;
  EXPECT_EQ(tables, 6U);  // one per page the table runs over
  EXPECT_EQ(d.title, "Fördelning av statsbidrag för förebyggande arbete mot våld i nära relationer 2024");
}

}  // namespace
}  // namespace bidrag
