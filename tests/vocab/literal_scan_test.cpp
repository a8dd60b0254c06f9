// No Swedish cue as a string literal in src/ outside the vocabulary module: cues live in
// data/vocabulary.tsv. A literal counts as a cue when it holds å, ä or ö, or a word of four
// letters or more that is a vocabulary phrase of several words, or one of the stems below.
// Every file of src/ is scanned. A literal that looks like a cue but is none (a message, help
// text with example inputs, a name the record contract spells in Swedish) says so where it
// stands: "vocab-scan: not a cue (why)" in a comment on its line, or a comment
// "vocab-scan: off (why)" … "vocab-scan: on" around lines of help text. Such a mark must give
// its reason and cover at least one literal the scan would take for a cue (a stale mark fails).
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "bidrag/vocab/vocab.h"

namespace bidrag::vocab {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// String literals of a C++ source, with their line numbers (comments skipped; raw strings,
// character literals and digit separators handled well enough for this code base).
std::vector<std::pair<int, std::string>> literals(const std::string& src) {
  std::vector<std::pair<int, std::string>> out;
  int line = 1;
  for (std::size_t i = 0; i < src.size(); ++i) {
    const char c = src[i];
    if (c == '\n') ++line;
    if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {
      while (i < src.size() && src[i] != '\n') ++i;
      ++line;
    } else if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
      for (i += 2; i + 1 < src.size() && !(src[i] == '*' && src[i + 1] == '/'); ++i)
        if (src[i] == '\n') ++line;
      ++i;
    } else if (c == '\'' && i > 0 && std::isdigit(static_cast<unsigned char>(src[i - 1])) && i + 1 < src.size() &&
               std::isxdigit(static_cast<unsigned char>(src[i + 1]))) {
      // A digit separator ("100'000"), not a character literal.
    } else if (c == '\'') {
      for (++i; i < src.size() && src[i] != '\''; ++i)
        if (src[i] == '\\') ++i;
    } else if (c == 'R' && i + 1 < src.size() && src[i + 1] == '"') {
      const auto open = src.find('(', i);
      const std::string delim = ")" + src.substr(i + 2, open - i - 2) + "\"";
      const auto close = src.find(delim, open);
      out.emplace_back(line, src.substr(open + 1, close - open - 1));
      for (std::size_t k = i; k < close; ++k)
        if (src[k] == '\n') ++line;
      i = close + delim.size() - 1;
    } else if (c == '"') {
      std::string lit;
      for (++i; i < src.size() && src[i] != '"'; ++i) {
        if (src[i] == '\\' && i + 1 < src.size()) lit += src[i++];
        lit += src[i];
      }
      out.emplace_back(line, lit);
    }
  }
  return out;
}

// Stems that mark Swedish grant vocabulary even without å, ä or ö: grant words, amount units and
// the words around place names.
const std::regex kStems(
    R"(\b(sista|senast|utlys|ansok|rekvir|villkor|syfte|dagar|telefon|vaxel|publicerad|uppdaterad|fordelning|beslut|belopp|totalt|kontakta|)"
    R"(kronor|krona|miljoner|miljon|miljarder|miljard|milj|tusen|tusental|tkr|mkr|mnkr|mdr|mdkr|msek|tsek|ksek|kommun|kommuns|stad|stads)\b)",
    std::regex::icase);

bool is_cue(const std::string& lit, const std::set<std::string>& phrases) {
  if (lit.find("\xC3\xA5") != std::string::npos || lit.find("\xC3\xA4") != std::string::npos ||
      lit.find("\xC3\xB6") != std::string::npos || lit.find("\xC3\x85") != std::string::npos ||
      lit.find("\xC3\x84") != std::string::npos || lit.find("\xC3\x96") != std::string::npos)
    return true;
  if (std::regex_search(lit, kStems)) return true;
  // A whole literal that is a phrase of the vocabulary, when the phrase is Swedish beyond doubt
  // (several words, or letters outside ASCII); single ASCII words such as "start" or "email"
  // are also code words, and the stems above catch the Swedish ones.
  const std::string f = fold(lit);
  if (f.size() >= 4 && phrases.count(f) && f.find(' ') != std::string::npos) return true;
  return false;
}

// The lines a "vocab-scan" mark exempts, by number, and each mark's line (to report a stale one).
struct Marks {
  std::map<int, int> exempt;  // line → the line of the mark that exempts it
  std::vector<std::string> errors;
};

Marks marks(const std::string& src) {
  static const std::regex mark(R"(//.*vocab-scan: (not a cue|off|on)(.*))");
  Marks m;
  std::istringstream in(src);
  int line = 0, off = 0;  // off: the line of the open "off" mark, 0 when none
  for (std::string l; std::getline(in, l);) {
    ++line;
    std::smatch hit;
    if (!std::regex_search(l, hit, mark)) {
      if (off) m.exempt[line] = off;
      continue;
    }
    const std::string kind = hit[1], why = hit[2];
    if (kind != "on" && !std::regex_search(why, std::regex(R"(^ \(\S.*\))")))
      m.errors.push_back(std::to_string(line) + ": a vocab-scan mark gives its reason: \"vocab-scan: " + kind + " (why)\"");
    if (kind == "not a cue") m.exempt[line] = line;
    if (kind == "off") {
      if (off) m.errors.push_back(std::to_string(line) + ": vocab-scan: off inside the off region of line " + std::to_string(off));
      off = line;
    }
    if (kind == "on") {
      if (!off) m.errors.push_back(std::to_string(line) + ": vocab-scan: on without an off before it");
      off = 0;
    }
  }
  if (off) m.errors.push_back(std::to_string(off) + ": vocab-scan: off is never turned on again");
  return m;
}

std::set<std::string> vocabulary_phrases() {
  std::set<std::string> phrases;
  for (const Entry& e : get().entries()) phrases.insert(e.folded);
  return phrases;
}

// One source file scanned: its cue literals no mark exempts, and its problems with marks
// (malformed, unclosed, stale), each as "LINE: what".
struct Findings {
  std::vector<std::string> cues, mark_errors;
};

Findings scan(const std::string& src, const std::set<std::string>& phrases) {
  Findings f;
  Marks m = marks(src);
  f.mark_errors = std::move(m.errors);
  std::set<int> used;  // marks that exempted a cue-like literal
  for (const auto& [line, lit] : literals(src)) {
    if (!is_cue(lit, phrases)) continue;
    if (const auto it = m.exempt.find(line); it != m.exempt.end()) used.insert(it->second);
    else f.cues.push_back(std::to_string(line) + ": Swedish cue \"" + lit + "\" belongs in data/vocabulary.tsv");
  }
  std::set<int> mark_lines;
  for (const auto& [line, mark] : m.exempt) mark_lines.insert(mark);
  for (int mark : mark_lines)
    if (!used.count(mark)) f.mark_errors.push_back(std::to_string(mark) + ": this vocab-scan mark covers no cue-like literal: remove it");
  return f;
}

TEST(LiteralScan, NoSwedishCueLiteralsInSourceOutsideTheVocabulary) {
  const std::set<std::string> phrases = vocabulary_phrases();
  ASSERT_TRUE(fs::is_directory("src")) << "run from the source tree";
  std::size_t files = 0;
  for (const auto& ent : fs::recursive_directory_iterator("src")) {
    const auto ext = ent.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    const std::string rel = ent.path().generic_string();
    if (rel.rfind("src/vocab/", 0) == 0) continue;
    ++files;
    const Findings f = scan(slurp(ent.path()), phrases);
    for (const auto& c : f.cues) ADD_FAILURE() << rel << ":" << c;
    for (const auto& e : f.mark_errors) ADD_FAILURE() << rel << ":" << e;
  }
  EXPECT_GT(files, 100u) << "the scan found too few sources under src/";
}

// The scan itself: what counts as a cue, and what a mark exempts.
struct ScanCase {
  const char* name;
  const char* source;
  std::size_t cues;    // cue-like literals not exempted
  std::size_t errors;  // malformed, unclosed or stale marks
};
std::ostream& operator<<(std::ostream& os, const ScanCase& c) { return os << c.name; }

class Scan : public ::testing::TestWithParam<ScanCase> {};
TEST_P(Scan, CountsCuesAndMarks) {
  static const std::set<std::string> phrases = vocabulary_phrases();
  const Findings f = scan(GetParam().source, phrases);
  EXPECT_EQ(f.cues.size(), GetParam().cues);
  EXPECT_EQ(f.mark_errors.size(), GetParam().errors);
}
INSTANTIATE_TEST_SUITE_P(
    Cases, Scan,
    ::testing::Values(
        ScanCase{"swedish_letters", "f(\"Sök senast\");", 1, 0},
        ScanCase{"amount_unit_without_swedish_letters", "x = {\"milj kr\", \"krona\", \"mdkr\"};", 3, 0},
        ScanCase{"municipality_affix", "for (auto s : {\" kommun\", \" stads\"}) {}", 2, 0},
        ScanCase{"multiword_vocabulary_phrase", "if (t == \"kommande utlysning\") {}", 1, 0},
        ScanCase{"code_words_are_no_cues", "w.Key(\"region\"); w.Key(\"currency\"); f(\"SEK\");", 0, 0},
        ScanCase{"digit_separator_is_no_char_literal", "int a = 100'000;\nf(\"kronor\"); int b = 1'000;", 1, 0},
        ScanCase{"comment_is_no_literal", "// \"Sista dag\"\nint x;", 0, 0},
        ScanCase{"same_line_mark_with_reason", "e = \"' is not a whole number of öre\";  // vocab-scan: not a cue (a message)", 0, 0},
        ScanCase{"mark_covers_its_line_only", "a = \"öre\";  // vocab-scan: not a cue (a message)\nb = \"öre\";", 1, 0},
        ScanCase{"mark_without_reason", "e = \"öre\";  // vocab-scan: not a cue", 0, 1},
        ScanCase{"stale_mark", "e = \"error\";  // vocab-scan: not a cue (a message)", 0, 1},
        ScanCase{"help_region", "// vocab-scan: off (help text)\nh(\"  bidrag normalize date 'senast den 15 februari 2024'\\n\"\n\"kronor\");\n// vocab-scan: on\nx(\"tkr\");", 1, 0},
        ScanCase{"region_never_closed", "// vocab-scan: off (help text)\nh(\"kronor\");", 0, 1}),
    [](const ::testing::TestParamInfo<ScanCase>& i) { return std::string(i.param.name); });

}  // namespace
}  // namespace bidrag::vocab
