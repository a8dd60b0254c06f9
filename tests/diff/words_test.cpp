// Word diff of normalised Swedish text.
#include <gtest/gtest.h>

#include "bidrag/diff/words.h"

namespace bidrag::diff {
namespace {

TEST(Words, WdiffOfChangedWords) {
  const struct {
    const char* a;
    const char* b;
    const char* wdiff;
  } cases[] = {
      {"Sociala insatser i utsatta områden 2022", "Sociala insatser i utsatta områden 2023",
       "Sociala insatser i utsatta områden [-2022-] {+2023+}"},
      {"Anvisningar för rekvisition 2022", "Anvisningar för ansökan", "Anvisningar för [-rekvisition 2022-] {+ansökan+}"},
      {"en två tre", "noll en två tre", "{+noll+} en två tre"},
      {"en två tre", "en tre", "en [-två-] tre"},
      {"en två tre", "en två tre fyra", "en två tre {+fyra+}"},
      {"ändrad text här", "", "[-ändrad text här-]"},
      {"", "ny text", "{+ny text+}"},
      // Several separate edits, common words kept between them.
      {"a b c d e f", "a x c d y f", "a [-b-] {+x+} c d [-e-] {+y+} f"},
  };
  for (const auto& c : cases) EXPECT_EQ(wdiff_string(word_diff(c.a, c.b)), c.wdiff) << c.a << " | " << c.b;
}

TEST(Words, WhiteSpaceAndLineBreaksAreNotChanges) {
  // NBSP (U+00A0), a line break, a tab and a soft hyphen (U+00AD) against plain spaces.
  const char* a = "Sista\u00a0ansökningsdag:\n2023-05-12\tkl. 16.00";
  const char* b = "Sista ansökningsdag: 2023-05-12 kl. 16.00";
  EXPECT_TRUE(same_text(a, b));
  EXPECT_TRUE(same_text("rekvi\u00adsition", "rekvisition"));
  EXPECT_FALSE(same_text("rekvisition", "Rekvisition"));
  EXPECT_EQ(wdiff_string(word_diff("två  ord\n här", "två ord där")), "två ord [-här-] {+där+}");
}

TEST(Words, RunsAreTyped) {
  const auto runs = word_diff("statsbidrag för 2022", "statsbidrag för 2023");
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].op, WordRun::Op::same);
  EXPECT_EQ(runs[0].text, "statsbidrag för");
  EXPECT_EQ(runs[1].op, WordRun::Op::removed);
  EXPECT_EQ(runs[1].text, "2022");
  EXPECT_EQ(runs[2].op, WordRun::Op::added);
  EXPECT_EQ(runs[2].text, "2023");
}

TEST(Words, LongRewrittenTextStaysBounded) {
  std::string a, b;
  for (int i = 0; i < 3000; ++i) a += "a" + std::to_string(i) + " ", b += "b" + std::to_string(i) + " ";
  const auto runs = word_diff(a, b);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].op, WordRun::Op::removed);
  EXPECT_EQ(runs[1].op, WordRun::Op::added);
  EXPECT_TRUE(runs[1].text.starts_with("b0 b1 b2"));
}

}  // namespace
}  // namespace bidrag::diff
