// The vocabulary file: every entry is well-formed and its example matches it; matching rules.
#include <gtest/gtest.h>

#include "bidrag/vocab/vocab.h"

namespace bidrag::vocab {
namespace {

TEST(Vocabulary, EveryEntryMatchesItsOwnExample) {
  for (const Entry& e : get().entries()) {
    const auto matches = set(e.set).all(e.example);
    const bool found = std::any_of(matches.begin(), matches.end(), [&](const Match& m) { return m.entry == &e; });
    EXPECT_TRUE(found) << "data/vocabulary.tsv:" << e.line << ": \"" << e.phrase << "\" not found in its example \"" << e.example
                       << "\"";
  }
}

TEST(Vocabulary, NoEntryIsListedTwiceInOneSet) {
  const auto& all = get().entries();
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = i + 1; j < all.size(); ++j)
      EXPECT_FALSE(all[i].set == all[j].set && all[i].folded == all[j].folded && all[i].prefix == all[j].prefix)
          << "data/vocabulary.tsv:" << all[j].line << " repeats line " << all[i].line;
}

TEST(Vocabulary, AnUnknownSetIsAnErrorNotAnEmptySet) { EXPECT_THROW((void)set("no_such_set"), std::logic_error); }

TEST(Vocabulary, MalformedLinesNameTheirLine) {
  try {
    Vocabulary v("set\tmeaning\tphrase\texample\nunit\tkr\tkr\n");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "data/vocabulary.tsv:2: expected 4 tab-separated columns (set, meaning, phrase, example), got 3");
  }
}

struct Case {
  const char* name;
  const char* text;
  const char* meaning;  // nullptr: no match
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

class StatusFind : public ::testing::TestWithParam<Case> {};
TEST_P(StatusFind, FirstEntryInFileOrderWins) {
  const auto m = set("status").find(GetParam().text);
  if (!GetParam().meaning)
    EXPECT_FALSE(m) << m->entry->phrase;
  else
    EXPECT_EQ(m ? m->meaning() : "", GetParam().meaning);
}
INSTANTIATE_TEST_SUITE_P(
    Cases, StatusFind,
    ::testing::Values(Case{"badge", "Öppen för ansökan", "open"}, Case{"upper_case_badge", "STÄNGD", "closed"},
                      Case{"nbsp_inside_phrase", "Kommande\xC2\xA0utlysning", "upcoming"},
                      Case{"word_boundary_not_inside_a_word", "Öppenhet och insyn", nullptr},
                      Case{"specific_before_general", "Utlysningen är stängd sedan maj", "closed"},
                      Case{"prose_without_cue", "Bidraget gäller 2024", nullptr}),
    [](const ::testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

TEST(Vocabulary, EqualsIgnoresCaseSpacesAndATrailingColon) {
  const auto m = set("published_label").equals("  Publiceringsdatum : ");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->meaning(), "published");
  EXPECT_FALSE(set("published_label").equals("Publiceringsdatum för sidan"));
}

TEST(Vocabulary, PrefixEntriesMatchAnyEnding) {
  Vocabulary v("set\tmeaning\tphrase\texample\ncue\trequisition\trekvir*\tKommunen ska rekvirera\n");
  EXPECT_TRUE(v.set("cue").in("Bidraget rekvireras senast"));
  EXPECT_FALSE(v.set("cue").in("Ingen rekvisition"));
  EXPECT_TRUE(v.set("cue").equals("Rekvirera"));
}

TEST(Vocabulary, AllGivesEveryOccurrenceInTextOrder) {
  const auto all = set("published_label").all("Sidan publicerades 3 mars 2025. Senast uppdaterad 19 mars 2025.");
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all.front().meaning(), "published");
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const Match& m) { return m.meaning() == "updated"; }));
  EXPECT_EQ(set("published_label").first("Senast uppdaterad 19 mars. Publicerad 3 mars.")->meaning(), "updated");
}

TEST(Vocabulary, FoldLowersSwedishLettersAndSpaces) {
  EXPECT_EQ(fold("ÅTERRAPPORTERING\xC2\xA0 Öppen\xE2\x80\xAF"
                 "Ä"),
            "återrapportering öppen ä");
}

}  // namespace
}  // namespace bidrag::vocab
