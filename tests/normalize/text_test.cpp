// Table-driven tests of text normalization: decoding, NFC, mojibake, spaces, hyphens, case.
#include "bidrag/normalize/text.h"

#include <gtest/gtest.h>

#include <chrono>

namespace bidrag::normalize {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(Text, FoldSpaces) {
  const Case cases[] = {
      {"1\u00a0234", "1 234"},
      {"1\u202f234", "1 234"},
      {"1\u2009234", "1 234"},
      {"a\t\tb\n\nc", "a b c"},
      {"  trimmed  ", "trimmed"},
      {"rekvi\u00adrera", "rekvirera"},
      {"zero\u200bwidth", "zerowidth"},
      {"\u2003em\u3000ideographic", "em ideographic"},
      {"", ""},
      {"\xff", "\xef\xbf\xbd"},
      {"a\x01" "b\x7f c", "a\x01" "b\x7f c"},  // control characters are kept, only spaces fold
      {"Malm\u00f6  stad\u00a0\u00a0kr", "Malm\u00f6 stad kr"},
      {"x\u00ad\u00a0y", "x y"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(fold_spaces(c.input), c.expected) << c.input;
    EXPECT_EQ(is_blank(c.input), std::string(c.expected).empty()) << c.input;
  }
  EXPECT_TRUE(is_blank(" \u00a0\u00ad\u200b\t\n"));
  EXPECT_FALSE(is_blank(" \u00a0x"));
}

TEST(Text, JoinHyphenatedLines) {
  const Case cases[] = {
      {"rekvi-\nrera", "rekvirera"},
      {"rekvi-\r\nrera", "rekvirera"},
      {"rekvi-\n  rera", "rekvirera"},
      {"Upplands-\nBro", "Upplands-Bro"},
      {"hälso-\noch sjukvård", "hälso- och sjukvård"},
      {"2021-\n2023", "2021-\n2023"},
      {"en rad\nnästa rad", "en rad\nnästa rad"},
      {"slut -\nnästa", "slut -\nnästa"},
      {"åter\u00ad\nrapportering", "återrapportering"},
      {"bidra-get", "bidra-get"},
  };
  for (const Case& c : cases) EXPECT_EQ(join_hyphenated_lines(c.input), c.expected) << c.input;
}

TEST(Text, NfcAndMojibake) {
  const Case nfc_cases[] = {
      {"So\u0308derta\u0308lje", "Södertälje"},
      {"A\u030angermanland", "Ångermanland"},
      {"Södertälje", "Södertälje"},
      {"bad \xff byte", "bad \xef\xbf\xbd byte"},
  };
  for (const Case& c : nfc_cases) EXPECT_EQ(nfc(c.input), c.expected) << c.input;
  const Case moji[] = {
      {"SÃ¶dertÃ¤lje", "Södertälje"},
      {"Ã…tvidaberg", "Åtvidaberg"},
      {"GÃ¶teborgs Stad", "Göteborgs Stad"},
      {"Ã–stra GÃ¶inge", "Östra Göinge"},
      {"bidrag â€“ 2023", "bidrag – 2023"},
      {"Södertälje", "Södertälje"},          // already right
      {"SÃ¶dertälje", "SÃ¶dertälje"},        // mixed: no unambiguous repair
      {"Ã", "Ã"},                            // a lone lead: not mojibake
      {"plain ascii", "plain ascii"},
  };
  for (const Case& c : moji) EXPECT_EQ(repair_mojibake(c.input), c.expected) << c.input;
}

TEST(Text, DecodeToUtf8) {
  // "Södertälje" in Latin-1 / Windows-1252, UTF-16 and UTF-8 forms.
  const std::string latin1 = "S\xf6" "dert\xe4lje \x96 2023";
  EXPECT_EQ(decode_to_utf8(latin1, "text/html; charset=ISO-8859-1"), "Södertälje – 2023");
  EXPECT_EQ(decode_to_utf8(latin1, "windows-1252"), "Södertälje – 2023");
  EXPECT_EQ(decode_to_utf8("<html><head><meta charset=\"iso-8859-1\"></head>" + latin1), "<html><head><meta charset=\"iso-8859-1\"></head>Södertälje – 2023");
  EXPECT_EQ(decode_to_utf8("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\xe5"),
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">å");
  EXPECT_EQ(decode_to_utf8("\xef\xbb\xbfSödertälje"), "Södertälje");
  EXPECT_EQ(decode_to_utf8(std::string("\xff\xfeS\0\xf6\0", 6)), "Sö");
  EXPECT_EQ(decode_to_utf8(std::string("\xfe\xff\0S\0\xf6", 6)), "Sö");
  EXPECT_EQ(decode_to_utf8("Södertälje"), "Södertälje");
  EXPECT_EQ(decode_to_utf8("So\u0308dertalje"), "Södertalje");
  EXPECT_EQ(decode_to_utf8("SÃ¶dertÃ¤lje"), "Södertälje");
  EXPECT_EQ(decode_to_utf8("Södertälje", "text/html; charset=utf-8"), "Södertälje");
  EXPECT_EQ(decode_to_utf8(""), "");
  // Undeclared, not UTF-8: ICU's detector decides.
  const std::string swedish_latin1 =
      "Socialstyrelsen har f\xe5tt i uppdrag att genomf\xf6ra en satsning p\xe5 sociala insatser f\xf6r barn och unga "
      "i utsatta omr\xe5" "den. Kommunerna ska redovisa hur medlen har anv\xe4" "nts.";
  EXPECT_EQ(decode_to_utf8(swedish_latin1),
            "Socialstyrelsen har fått i uppdrag att genomföra en satsning på sociala insatser för barn och unga i "
            "utsatta områden. Kommunerna ska redovisa hur medlen har använts.");
}

TEST(Text, SwedishCaseInsensitiveMatching) {
  const Case folds[] = {
      {"ÅÄÖ", "åäö"}, {"Södertälje", "södertälje"}, {"STOCKHOLMS LÄN", "stockholms län"}, {"ÉÜ", "éü"}, {"abc", "abc"},
  };
  for (const Case& c : folds) EXPECT_EQ(fold_case(c.input), c.expected) << c.input;
  EXPECT_TRUE(equals_ci("Upplands\u00a0Väsby", "UPPLANDS  VÄSBY"));
  EXPECT_TRUE(equals_ci("Ö", "ö"));
  EXPECT_TRUE(equals_ci("So\u0308dertälje", "SÖDERTÄLJE"));
  EXPECT_FALSE(equals_ci("Malmö", "Malmo"));  // ö is a letter of its own
  EXPECT_FALSE(equals_ci("Åre", "Are"));
  EXPECT_FALSE(equals_ci("ä", "a"));
  EXPECT_EQ(find_ci("Sista ansökningsdag: 2023-05-12", "ANSÖKNINGSDAG"), 6u);
  EXPECT_EQ(find_ci("Tid kvar att\u00a0ansöka", "att ansöka"), 9u);
  EXPECT_EQ(find_ci("Återrapportering", "återrapportering"), 0u);
  EXPECT_EQ(find_ci("Malmö stad", "malmo"), std::string_view::npos);
  EXPECT_EQ(find_ci("abc", ""), 0u);
  EXPECT_EQ(find_ci("", "x"), std::string_view::npos);
  EXPECT_EQ(find_ci("Kontakt: Örebro", "örebro"), 9u);
}

TEST(Text, BadAndHugeInputNeverHangs) {
  const auto start = std::chrono::steady_clock::now();
  const std::string digits(1 << 20, '7');
  EXPECT_EQ(fold_spaces(digits).size(), digits.size());
  EXPECT_EQ(nfc(digits).size(), digits.size());
  EXPECT_EQ(repair_mojibake(digits), digits);
  EXPECT_EQ(join_hyphenated_lines(digits).size(), digits.size());
  EXPECT_EQ(decode_to_utf8(digits).size(), digits.size());
  EXPECT_EQ(find_ci(digits, "78"), std::string_view::npos);
  const std::string invalid = "\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc";
  EXPECT_EQ(nfc(invalid), "\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_FALSE(decode_to_utf8(invalid).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // quadratic would take minutes
}

}  // namespace
}  // namespace bidrag::normalize

namespace bidrag::normalize {
namespace {

TEST(Text, ExcerptCutsAtWholeCharacters) {
  EXPECT_EQ(excerpt("Nacka", 80), "Nacka");
  EXPECT_EQ(excerpt("abcdef", 6), "abcdef");
  EXPECT_EQ(excerpt("abcdefg", 6), "abcdef\u2026");
  // "Gällivare": the cut would fall inside "ä" (two bytes), so it stops before it.
  EXPECT_EQ(excerpt("G\u00e4llivare", 2), "G\u2026");
  EXPECT_EQ(excerpt("G\u00e4llivare", 3), "G\u00e4\u2026");
  EXPECT_EQ(excerpt(std::string(1 << 20, 'x')).size(), 200u + 3u);
}

}  // namespace
}  // namespace bidrag::normalize
