// Table-driven tests of the PDF parser's small rules: print dates, page numbers, facts,
// line-end hyphenation, and the table finder's leader dots and right-to-left lines.
#include <gtest/gtest.h>

#include "parse/pdf/blocks.h"
#include "parse/pdf/print_chrome.h"
#include "parse/pdf/table_layout.h"

namespace bidrag::parse::pdf {
namespace {

// A word at x0..x1 on the line y = 100..110, 10 pt type.
Word word(std::string text, double x0, double x1) {
  Word w;
  w.text = std::move(text);
  w.box = {x0, 100, x1, 110};
  w.font_size = 10;
  return w;
}

std::vector<std::string> segment_texts(const std::vector<Word>& words) {
  const auto lines = layout::build_lines(words, {});
  std::vector<std::string> out;
  for (const auto& l : lines) {
    for (const auto& s : l.segments) out.push_back(s.text);
  }
  return out;
}

TEST(TableLines, LeaderDotsPartLabelAndAmount) {
  // \dotfill: one word per dot, closer together than a word space.
  std::vector<Word> dotted{word("Lokalhyra", 0, 40)};
  for (int k = 0; k < 12; ++k) dotted.push_back(word(".", 43 + 3.0 * k, 44.5 + 3.0 * k));
  dotted.push_back(word("186", 81, 96));
  dotted.push_back(word("500", 98, 113));
  EXPECT_EQ(segment_texts(dotted), (std::vector<std::string>{"Lokalhyra", "186 500"}));
  // Dots stuck to the label, then the amount a word space away.
  EXPECT_EQ(segment_texts({word("Summa.........", 0, 60), word("1", 62, 67), word("653", 69, 84)}),
            (std::vector<std::string>{"Summa", "1 653"}));
  // ".." (no data) and an ellipsis closing a phrase stay text.
  EXPECT_EQ(segment_texts({word("Kultur", 0, 30), word("..", 120, 126)}), (std::vector<std::string>{"Kultur", ".."}));
  EXPECT_EQ(segment_texts({word("med", 0, 18), word("mera...", 21, 50)}), (std::vector<std::string>{"med mera..."}));
}

TEST(TableLines, RightToLeftInLogicalOrder) {
  // Poppler's words as they stand on the page: the digit groups of "12 500" swapped by the
  // bidi algorithm, a Hebrew word with its letters left to right (חיפה as הפיח).
  const auto texts = segment_texts({word("500", 10, 25), word("12", 28, 38), word("\u05d4\u05e4\u05d9\u05d7", 100, 130),
                                    word("\u05e2\u05d1\u05e9", 170, 190), word("\u05e8\u05d0\u05d1", 193, 213)});
  // באר שבע: two words, read right to left.
  EXPECT_EQ(texts, (std::vector<std::string>{"12 500", "\u05d7\u05d9\u05e4\u05d4", "\u05d1\u05d0\u05e8 \u05e9\u05d1\u05e2"}));
  // A left-to-right line is left alone.
  EXPECT_EQ(segment_texts({word("12", 10, 20), word("500", 23, 38)}), (std::vector<std::string>{"12 500"}));
}

TEST(PrintDate, BrowserHeaderFormats) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2023-02-24 14:03", "2023-02-24"},      // Chromium and Firefox, Swedish locale
      {"2/24/23, 2:03 PM", "2023-02-24"},      // Chromium, US English
      {"11/23/26, 3:01 PM", "2026-11-23"},     // (the fixture's own header)
      {"24/02/2023, 14:03", "2023-02-24"},     // British English: day first
      {"24.02.2023 14:03", "2023-02-24"},      // German, Finnish
      {"2023-02-24", ""},                      // a date without a time is content, not a print stamp
      {"Datum: 2023-01-18", ""},
      {"13/13/23, 1:00 PM", ""},               // no such month
      {"Sida 1 av 5", ""},
      {"2023-02-24, 14.03:07", "2023-02-24"},  // a comma, a dot in the time, seconds
      {"2/24/2023, 2:03:59 pm", "2023-02-24"},
      {"2023-02-24 14:035", ""},               // three minute digits
      {"24.02.202 14:03", ""},                 // a three-digit year
      {"24.02.2023 14:03 x", ""},
      {"2023-02-2414:03", ""},                 // no space before the time
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(print_date(in), out) << in;
}

TEST(PageNumber, Patterns) {
  for (const char* yes : {"1/5", "12 / 14", "Sida 2 av 7", "sida 2 av 7", "Sida 1 (1)", "3 (4)", "Page 1 of 3", "- 2 -", "12", "s. 4",
                          "\u2013 2 \u2013", "Sid. 3", "PAGE 1 OF 3", "sida3", "2av7"}) {
    EXPECT_TRUE(is_page_number(yes)) << yes;
  }
  for (const char* no : {"Statsbidragsenheten", "2023-02-24 14:03", "1/5 av budgeten", "Sida", "3.6-41238/2022", "12345",
                         "Sida 2 av", "3 (4", "- 2", "sidan 2", "1 / 5 / 7", ""}) {
    EXPECT_FALSE(is_page_number(no)) << no;
  }
}

TEST(SplitFact, LabelAndValue) {
  struct Case {
    std::string line, label, value;
  };
  const std::vector<Case> facts = {
      {"Utlysningsdatum: 2023-01-18", "Utlysningsdatum", "2023-01-18"},
      {"Sista ansökningsdag: 2023-05-12", "Sista ansökningsdag", "2023-05-12"},
      {"E-post:emilia.strom@example.se", "E-post", "emilia.strom@example.se"},
      {"Telefon (växel): 075-247 30 00", "Telefon (växel)", "075-247 30 00"},
      {"Tid kvar att ansöka: 77 dagar", "Tid kvar att ansöka", "77 dagar"},
      {"Öppnar: 2024-02-01", "Öppnar", "2024-02-01"},
  };
  for (const Case& c : facts) {
    const auto f = split_fact(c.line);
    ASSERT_TRUE(f.has_value()) << c.line;
    EXPECT_EQ(f->first, c.label);
    EXPECT_EQ(f->second, c.value);
  }
  for (const char* prose : {"Följ punkterna nedan stegvis:", "https://example.se/sida", "kl. 10:00 samlas vi",
                            "Rekvisition görs via e-tjänsten, se nedan: punkt ett och punkt två här",
                            "Möte 14:00: lokal A", "individbaserade arbetet och innehåller: något"}) {
    EXPECT_FALSE(split_fact(prose).has_value()) << prose;
  }
}

TEST(JoinLines, Hyphenation) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"kan rekvi-", "rera medel"}, "kan rekvirera medel"},
      {{"i Upplands-", "Bro kommun"}, "i Upplands-Bro kommun"},
      {{"via statsbidragets e-", "tjänst."}, "via statsbidragets e-tjänst."},
      {{"kan rekvi\u2010", "rera"}, "kan rekvirera"},
      {{"hälso-", "och sjukvård"}, "hälso- och sjukvård"},
      {{"åren 2021-", "2023"}, "åren 2021-2023"},
      {{"en rad", "och en till"}, "en rad och en till"},
  };
  for (const auto& [lines, out] : cases) EXPECT_EQ(join_lines(lines), out) << lines.front();
}

// Synthetic pages for remove_chrome: A4, lines at the given heights.
struct Placed {
  double y;
  std::string text;
};

std::vector<std::vector<Line>> lines_of(const std::vector<std::vector<Placed>>& pages) {
  std::vector<std::vector<Line>> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    out.emplace_back();
    for (const Placed& pl : pages[p]) {
      Line l;
      l.page = static_cast<int>(p) + 1;
      l.box = {40, pl.y, 300, pl.y + 9};
      l.size = 8;
      l.text = pl.text;
      out.back().push_back(l);
    }
  }
  return out;
}

std::vector<std::vector<std::string>> texts_of(const std::vector<std::vector<Line>>& pages) {
  std::vector<std::vector<std::string>> out;
  for (const auto& p : pages) {
    out.emplace_back();
    for (const Line& l : p) out.back().push_back(l.text);
  }
  return out;
}

std::vector<Page> a4(std::size_t n) {
  std::vector<Page> pages(n);
  for (std::size_t i = 0; i < n; ++i) pages[i] = Page{static_cast<int>(i) + 1, 595, 842, {}, {}, {}};
  return pages;
}

TEST(RemoveChrome, FirefoxStylePrint) {
  // Firefox: title (cut short) and address at the top, "N of M" and the date at the bottom.
  auto pages = lines_of({
      {{20, "Bidrag till lokala föreningar 2024 - Exempelmyndig…"}, {20, "https://www.example.se/bidrag/lokala/"},
       {100, "Bidrag till lokala föreningar 2024"}, {820, "1 of 2"}, {820, "24/02/2023, 14:03"}},
      {{20, "Bidrag till lokala föreningar 2024 - Exempelmyndig…"}, {20, "https://www.example.se/bidrag/lokala/"},
       {100, "Kontakt"}, {820, "2 of 2"}, {820, "24/02/2023, 14:03"}},
  });
  const Chrome c = remove_chrome(pages, a4(2), "Bidrag till lokala föreningar 2024 - Exempelmyndigheten");
  EXPECT_EQ(texts_of(pages), (std::vector<std::vector<std::string>>{{"Bidrag till lokala föreningar 2024"}, {"Kontakt"}}));
  EXPECT_EQ(c.printed_at, "2023-02-24");
  EXPECT_EQ(c.printed_url, "https://www.example.se/bidrag/lokala/");
}

TEST(RemoveChrome, OfficeRunningHeaderIsContentOnceOnly) {
  auto pages = lines_of({
      {{30, "Myndigheten Datum: 2024-01-15"}, {100, "Fördelning 2024"}, {800, "Sida 1 av 2"}},
      {{30, "Myndigheten Datum: 2024-01-15"}, {100, "Kommun Belopp"}, {800, "Sida 2 av 2"}},
  });
  const Chrome c = remove_chrome(pages, a4(2), "Fördelning 2024");
  EXPECT_EQ(texts_of(pages), (std::vector<std::vector<std::string>>{
                                 {"Myndigheten Datum: 2024-01-15", "Fördelning 2024"}, {"Kommun Belopp"}}));
  EXPECT_EQ(c.printed_at, "");
  EXPECT_EQ(c.printed_url, "");
}

TEST(RemoveChrome, MarginTextOfOnePageStays) {
  // Text near the edge that does not repeat and is no stamp is content (a one-page letterhead).
  auto pages = lines_of({{{30, "Socialstyrelsen"}, {100, "Rubrik"}, {800, "Statsbidragsenheten"}, {800, "Sida 1 (1)"}}});
  (void)remove_chrome(pages, a4(1), "");
  EXPECT_EQ(texts_of(pages), (std::vector<std::vector<std::string>>{{"Socialstyrelsen", "Rubrik", "Statsbidragsenheten"}}));
}

}  // namespace
}  // namespace bidrag::parse::pdf
