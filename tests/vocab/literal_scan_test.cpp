// No Swedish cue as a string literal in src/ outside the vocabulary module: cues live in
// data/vocabulary.tsv. A literal counts as a cue when it holds å, ä or ö, or a word of four
// letters or more that is a vocabulary phrase of several words, or one of the stems below.
// Files that still carry cues from before the vocabulary existed are listed in
// tests/vocab/not_yet_migrated.txt; the list may only shrink (a listed file without cues fails).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

// String literals of a C++ source, with their line numbers (comments skipped; raw strings and
// character literals handled well enough for this code base).
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

// Stems that mark Swedish grant vocabulary even without å, ä or ö.
const std::regex kStems(
    R"(\b(sista|senast|utlys|ansok|rekvir|villkor|syfte|dagar|tkr|mnkr|kronor|miljoner|telefon|vaxel|publicerad|uppdaterad|fordelning|beslut|belopp|totalt|kontakta)\b)",
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

TEST(LiteralScan, NoSwedishCueLiteralsInSourceOutsideTheVocabulary) {
  std::set<std::string> phrases;
  for (const Entry& e : get().entries()) phrases.insert(e.folded);
  std::set<std::string> allowed;
  {
    std::istringstream in(slurp("tests/vocab/not_yet_migrated.txt"));
    for (std::string l; std::getline(in, l);)
      if (!l.empty() && l[0] != '#') allowed.insert(l);
  }
  ASSERT_TRUE(fs::is_directory("src")) << "run from the source tree";
  std::set<std::string> with_cues;
  for (const auto& ent : fs::recursive_directory_iterator("src")) {
    const auto ext = ent.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    const std::string rel = ent.path().generic_string();
    if (rel.rfind("src/vocab/", 0) == 0) continue;
    for (const auto& [line, lit] : literals(slurp(ent.path()))) {
      if (!is_cue(lit, phrases)) continue;
      with_cues.insert(rel);
      if (!allowed.count(rel)) ADD_FAILURE() << rel << ":" << line << ": Swedish cue \"" << lit << "\" belongs in data/vocabulary.tsv";
    }
  }
  for (const auto& f : allowed)
    EXPECT_TRUE(with_cues.count(f)) << f << " has no cue literals any more: remove it from tests/vocab/not_yet_migrated.txt";
}

}  // namespace
}  // namespace bidrag::vocab
