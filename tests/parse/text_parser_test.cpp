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

}  // namespace
}  // namespace bidrag
