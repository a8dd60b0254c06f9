// Terminal-browser dumps (lynx -dump): markers resolved into links, the layout read as blocks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bidrag/parse/parse.h"

namespace bidrag {
namespace {

constexpr const char* kDump =
    "   Vi använder kakor på webbplatsen.\n\n   [1]EXEMPELVERKET\n     * [2]Bidrag\n\n"
    "      Bidrag till lokala projekt 2025\n\n   CAPTION: Kort om bidraget\n\n"
    "     Vem kan söka   Kommuner\n   Ansökningsperiod 7 april–2 juni 2025\n        Beslut      Senast 30 september 2025\n\n"
    "Kontakt\n\n   Eva Berg, handläggare\n   [3]eva.berg@exempelverket.se, 010-698 14 72\n"
    "     * [4]Anvisningar för ansökan om bidrag till lokala\n       projekt (pdf)\n\n"
    "References\n\n   1. https://www.exempelverket.se/\n   2. https://www.exempelverket.se/bidrag/\n"
    "   3. mailto:eva.berg@exempelverket.se\n   4. https://www.exempelverket.se/dokument/anvisningar.pdf\n";

std::string shape(const doc::Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    out += std::string(doc::to_string(b.kind)) + (b.level ? std::to_string(b.level) : "") + ":" + b.text;
    if (!b.value.empty()) out += "=" + b.value;
    for (const auto& l : b.links) out += " [" + l.text + " -> " + l.href + "]";
    out += "\n";
  }
  return out;
}

TEST(LynxDump, MarkersBecomeLinksAndTheLayoutBlocks) {
  const auto d = parse::parse(make_snapshot("https://www.exempelverket.se/bidrag/lokala-projekt-2025/", kDump, "text/plain"));
  EXPECT_EQ(d.title, "Bidrag till lokala projekt 2025");
  EXPECT_EQ(shape(d),
            "paragraph:Vi använder kakor på webbplatsen.\n"
            "link:EXEMPELVERKET [EXEMPELVERKET -> https://www.exempelverket.se/]\n"
            "list_item:Bidrag [Bidrag -> https://www.exempelverket.se/bidrag/]\n"
            "heading1:Bidrag till lokala projekt 2025\n"
            "fact:CAPTION=Kort om bidraget\n"
            "fact:Vem kan söka=Kommuner\n"
            "fact:Ansökningsperiod=7 april–2 juni 2025\n"
            "fact:Beslut=Senast 30 september 2025\n"
            "heading2:Kontakt\n"
            "paragraph:Eva Berg, handläggare eva.berg@exempelverket.se, 010-698 14 72"
            " [eva.berg@exempelverket.se -> mailto:eva.berg@exempelverket.se]\n"
            "list_item:Anvisningar för ansökan om bidrag till lokala projekt (pdf)"
            " [Anvisningar för ansökan om bidrag till lokala projekt (pdf) -> https://www.exempelverket.se/dokument/anvisningar.pdf]\n");
}

TEST(LynxDump, TextWithoutAReferenceListIsPlainText) {
  const auto d = parse::parse(make_snapshot("https://x.se/a/", "Rubrik\n\n   [1]Inte en markör\n", "text/plain"));
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_TRUE(d.blocks[1].links.empty());
  EXPECT_EQ(d.blocks[1].text, "[1]Inte en markör");
}

}  // namespace
}  // namespace bidrag
