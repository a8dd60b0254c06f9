// parse_html and sniff_format: chrome left out, blocks (headings, facts, steps, tables, links),
// links resolved as a browser would.
#include <gtest/gtest.h>

#include "bidrag/parse/parse.h"
#include "support/support.h"

namespace bidrag {
namespace {

using test::PrintTo;

using doc::BlockKind;

doc::Document html(const std::string& body, const std::string& url = "https://example.se/a/b/page.html") {
  return parse::parse_html(make_snapshot(url, "<!doctype html><html><head><title>T</title></head><body>" + body +
                                                  "</body></html>"));
}

std::string all_text(const doc::Document& d) {
  std::string s;
  for (const auto& b : d.blocks) s += b.text + " " + b.value + "\n";
  return s;
}

TEST(HtmlParser, CorpusPageLeavesOutSiteChrome) {
  const auto d = parse::parse_html(make_snapshot("https://statsbidrag.socialstyrelsen.se/statsbidrag/x/",
                                                 test::read_fixture("corpus/sociala-insatser-2023/announcement-open.html")));
  const std::string text = all_text(d);
  for (const char* chrome : {"Gå direkt till innehållet", "kakor", "Startsida", "Sök statsbidrag", "075-247 30 00",
                             "socialstyrelsen@socialstyrelsen.se", "Senast ändrad", "Skriv ut sidan", "gtag",
                             "Rålambsvägen", ":root"})
    EXPECT_EQ(text.find(chrome), std::string::npos) << chrome;
  ASSERT_FALSE(d.blocks.empty());
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.blocks[0].text, "Sociala insatser i utsatta områden 2023");
  EXPECT_EQ(d.blocks[0].where.xpath, "/html/body/div[2]/main/article/h1");
  EXPECT_EQ(d.meta.at("canonical"), "https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2023/");
  EXPECT_EQ(d.meta.at("lang"), "sv");
  // The facts box: <dl> pairs, entity &nbsp; folded.
  EXPECT_EQ(d.blocks[2].kind, BlockKind::fact);
  EXPECT_EQ(d.blocks[2].text, "Utlysningsdatum");
  EXPECT_EQ(d.blocks[2].value, "2023-01-18");
  EXPECT_EQ(d.blocks[4].text, "Tid kvar att ansöka");
  EXPECT_EQ(d.blocks[4].value, "77 dagar");
  int steps = 0;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::list_item && b.ordinal > 0) ++steps;
  EXPECT_EQ(steps, 2);
}

struct BlockCase {
  const char* name;
  const char* body;
  BlockKind kind;
  const char* text;
  const char* value;
  int ordinal;
};

class HtmlBlocks : public ::testing::TestWithParam<BlockCase> {};

TEST_P(HtmlBlocks, FirstBlock) {
  const auto& c = GetParam();
  const auto d = html(c.body);
  ASSERT_FALSE(d.blocks.empty()) << c.body;
  EXPECT_EQ(d.blocks[0].kind, c.kind);
  EXPECT_EQ(d.blocks[0].text, c.text);
  EXPECT_EQ(d.blocks[0].value, c.value);
  EXPECT_EQ(d.blocks[0].ordinal, c.ordinal);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlBlocks,
    ::testing::Values(
        BlockCase{"label_value", "<main><p><span>E-post:</span>a@b.se</p></main>", BlockKind::fact, "E-post", "a@b.se", 0},
        BlockCase{"sentence_with_colon", "<p>Följ punkterna nedan stegvis:</p>", BlockKind::paragraph,
                  "Följ punkterna nedan stegvis:", "", 0},
        BlockCase{"ordered_start", "<ol start=\"3\"><li><p>Tre</p></li></ol>", BlockKind::list_item, "Tre", "", 3},
        BlockCase{"bullet", "<ul><li>Punkt &amp; mer</li></ul>", BlockKind::list_item, "Punkt & mer", "", 0},
        BlockCase{"lone_link", "<p><a href=\"x.pdf\">Anvisningar</a></p>", BlockKind::link, "Anvisningar", "", 0},
        BlockCase{"broken_markup", "<p>Ett <b>fett<p>Två", BlockKind::paragraph, "Ett fett", "", 0},
        BlockCase{"cookie_and_nav_skipped",
                  "<div class=\"cookie-banner\"><p>Kakor</p></div><nav><p>Meny</p></nav><p>Innehåll</p>",
                  BlockKind::paragraph, "Innehåll", "", 0},
        BlockCase{"br_splits_card", "<p><strong>Anna Berg</strong><br>Telefon: 010-1</p>", BlockKind::paragraph,
                  "Anna Berg", "", 0},
        // A calendar widget's bold label over a date is a fact; over anything else two lines.
        BlockCase{"bold_label_over_date", "<p><strong>Sista ansökningsdag</strong><br>fredag, nov 1</p>", BlockKind::fact,
                  "Sista ansökningsdag", "fredag, nov 1", 0},
        BlockCase{"bold_label_over_iso_date", "<p><b>Beslut:</b> <br> 2025-06-12</p>", BlockKind::fact, "Beslut",
                  "2025-06-12", 0},
        BlockCase{"bold_name_over_phone", "<p><strong>Anna Berg</strong><br>010-123 45 67</p>", BlockKind::paragraph,
                  "Anna Berg", "", 0},
        BlockCase{"bold_word_then_date_in_text", "<p><strong>Obs</strong> läs detta<br>15 mars 2025</p>",
                  BlockKind::paragraph, "Obs läs detta", "", 0}),
    [](const ::testing::TestParamInfo<BlockCase>& p) { return std::string(p.param.name); });

TEST(HtmlParser, TableBecomesATableBlockWithHeaderRow) {
  const auto d = html(
      "<main><h1>Fördelning</h1><table><thead><tr><th>Kommun</th><th>Belopp (kr)</th></tr></thead>"
      "<tbody><tr><td>Botkyrka</td><td>1&nbsp;234&nbsp;567</td></tr><tr><td>Malmö</td><td>89 000</td></tr></tbody>"
      "</table><p>Summa enligt ovan i tabellen nedan.</p></main>");
  const doc::Block* table = nullptr;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::table) table = &b;
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->table.rows.size(), 3u);
  EXPECT_EQ(table->table.rows[0][1].text, "Belopp (kr)");
  EXPECT_EQ(table->table.rows[1][0].text, "Botkyrka");
  EXPECT_EQ(table->table.rows[1][1].text, "1 234 567");
  EXPECT_EQ(table->where.xpath, "/html/body/main/table");
}

TEST(HtmlParser, LinksResolveAgainstBaseAndKeepAltText) {
  const auto d = html("<main><base href=\"https://cdn.example.se/docs/\"><p>Läs <a href=\"../r.pdf\">rapporten</a> "
                      "och <a href=\"mailto:a@b.se\">a@b.se</a>.</p><div><a href=\"//x.se/y\"><img alt=\"Omslag\"></a>"
                      "</div><p><a href=\"javascript:void(0)\">Skriv ut</a> <a href=\"#top\">Upp</a></p></main>");
  ASSERT_GE(d.blocks.size(), 2u);
  ASSERT_EQ(d.blocks[0].links.size(), 2u);
  EXPECT_EQ(d.blocks[0].links[0].text, "rapporten");
  EXPECT_EQ(d.blocks[0].links[0].href, "https://cdn.example.se/r.pdf");
  EXPECT_EQ(d.blocks[0].links[1].href, "mailto:a@b.se");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::link);
  EXPECT_EQ(d.blocks[1].text, "Omslag");
  EXPECT_EQ(d.blocks[1].href, "https://x.se/y");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[2].text, "Skriv ut Upp");
  EXPECT_TRUE(d.blocks[2].links.empty());
}

TEST(SniffFormat, ContentThenDeclaredTypeThenExtension) {
  struct Case {
    std::string bytes, type, url;
    doc::Format want;
  };
  const std::vector<Case> cases{
      {"%PDF-1.7\n...", "text/html", "x.html", doc::Format::pdf},
      {"\xef\xbb\xbf  <!DOCTYPE html><html>", "", "x.txt", doc::Format::html},
      {"Rubrik\n\nText.", "text/html; charset=utf-8", "x", doc::Format::html},
      {"Rubrik\n\nText.", "", "https://x.se/a.pdf?download=1", doc::Format::pdf},
      {"Rubrik\n\nText.", "", "x.txt", doc::Format::text},
      {"<p>Ett</p><div>två</div>", "", "x", doc::Format::html},
      // A page's copied text named by the page's .html address is text; a fragment with a tag is html.
      {"Rubrik\n\nAnsökan stänger 5 maj 2017.", "", "https://www.lansstyrelsen.se/x/bidrag.html", doc::Format::text},
      {"Rubrik <b>fet</b> text", "", "https://x.se/a.html", doc::Format::html},
      // The text of an .html page copied from the browser, given with the page's address.
      {"Rubrik 2025\n\nSista ansökningsdag\t2025-03-01", "", "https://x.se/bidrag/rubrik.html", doc::Format::text},
      {"Rubrik\n<p>Text</p>", "", "https://x.se/a.html", doc::Format::html}};
  for (const auto& c : cases) EXPECT_EQ(parse::sniff_format(make_snapshot(c.url, c.bytes, c.type)), c.want) << c.bytes;
}

}  // namespace

std::vector<std::vector<std::string>> table_texts(const doc::Table& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : t.rows) {
    out.emplace_back();
    for (const auto& c : r) out.back().push_back(c.text);
  }
  return out;
}

TEST(HtmlTables, CorpusListCaptionTfootAndNbspGroups) {
  const auto d = parse::parse(make_snapshot("https://www.lansstyrelsen.se/kalmar/x.html",
                                            test::read_fixture("corpus/allocation-lists-2025/lansstyrelsen-kalmar-integration-2025.html")));
  const doc::Block* table = nullptr;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::table) table = &b;
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->table.caption, "Medel per kommun 2025 (tusental kronor)");
  const auto rows = table_texts(table->table);
  ASSERT_EQ(rows.size(), 14u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Kommun", "Belopp (tkr)"}));
  EXPECT_EQ(rows[5], (std::vector<std::string>{"Kalmar", "2 071,9 tkr"}));
  EXPECT_EQ(rows[13], (std::vector<std::string>{"Totalt", "8 420,0 tkr"}));
  ASSERT_EQ(table->table.row_where.size(), 14u);
  EXPECT_EQ(table->table.row_where[13].xpath, "/html/body/main/table/tfoot/tr");
}

TEST(HtmlTables, DisplayOrderSpansAndNbsp) {
  // tfoot written before tbody (allowed in HTML 4) still comes last; a rowspan and a colspan
  // give their text to every row and column they cover.
  const auto d = html(
      "<main><table><caption>Bidrag per l\u00e4n</caption>"
      "<thead><tr><th rowspan=\"2\">L\u00e4n</th><th rowspan=\"2\">Kommun</th><th colspan=\"2\">Bidrag</th></tr>"
      "<tr><th>2024</th><th>2025</th></tr></thead>"
      "<tfoot><tr><td colspan=\"2\">Summa</td><td>3&nbsp;500&nbsp;000 kr</td><td>3&nbsp;700&nbsp;000 kr</td></tr></tfoot>"
      "<tbody><tr><td rowspan=\"2\">Stockholms l\u00e4n</td><td>Botkyrka</td><td>1&nbsp;234&nbsp;500 kr</td><td>1 300 000 kr</td></tr>"
      "<tr><td>Huddinge</td><td>2&nbsp;265&nbsp;500 kr</td><td>2 400 000 kr</td></tr></tbody></table></main>");
  const doc::Block* table = nullptr;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::table) table = &b;
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table_texts(table->table),
            (std::vector<std::vector<std::string>>{
                {"L\u00e4n", "Kommun", "Bidrag", "Bidrag"},
                {"L\u00e4n", "Kommun", "2024", "2025"},
                {"Stockholms l\u00e4n", "Botkyrka", "1 234 500 kr", "1 300 000 kr"},
                {"Stockholms l\u00e4n", "Huddinge", "2 265 500 kr", "2 400 000 kr"},
                {"Summa", "Summa", "3 500 000 kr", "3 700 000 kr"}}));
  EXPECT_EQ(table->table.caption, "Bidrag per l\u00e4n");
  EXPECT_EQ(table->table.row_where[4].xpath, "/html/body/main/table/tfoot/tr");
}

}  // namespace bidrag
