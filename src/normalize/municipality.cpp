// The municipality registry (compiled-in data/kommuner.csv) and printed-name resolution.
#include "bidrag/normalize/municipality.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

#include "bidrag/common/error.h"
#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"
#include "normalize/utf8.h"

namespace bidrag::embedded {
extern const std::string_view kommuner_csv;
}

namespace bidrag::normalize {
namespace {

constexpr std::string_view kSource = "data/kommuner.csv";

// Words around a name that are not the name, from the vocabulary (sets municipality_affix and
// county_affix), spaced as keys are: prefixes "region ", suffixes " kommun", " län".
struct Affixes {
  std::vector<std::string> prefixes, suffixes;
};

Affixes affixes_of(std::string_view set) {
  Affixes a;
  for (const vocab::Entry* e : vocab::set(set).entries()) {
    if (e->meaning == "prefix") a.prefixes.push_back(e->folded + " ");
    else if (e->meaning == "suffix") a.suffixes.push_back(" " + e->folded);
    else throw std::logic_error("data/vocabulary.tsv:" + std::to_string(e->line) + ": an affix is a prefix or a suffix");
  }
  return a;
}
const Affixes& municipality_affixes() {
  static const Affixes a = affixes_of("municipality_affix");
  return a;
}
const Affixes& county_affixes() {
  static const Affixes a = affixes_of("county_affix");
  return a;
}

// Drops the first of `affixes` that starts (ends) `key`; whether one did.
bool drop_prefix(std::string& key, const std::vector<std::string>& affixes) {
  for (const std::string& a : affixes) {
    if (key.starts_with(a)) {
      key.erase(0, a.size());
      return true;
    }
  }
  return false;
}
bool drop_suffix(std::string& key, const std::vector<std::string>& affixes) {
  for (const std::string& a : affixes) {
    if (key.ends_with(a)) {
      key.erase(key.size() - a.size());
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == sep) {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool ends_with_footnote_paren(std::string_view s, std::size_t& cut) {
  // "Malmö 1)", "Malmö (1)", "Malmö1)"
  if (!s.ends_with(')')) return false;
  std::size_t i = s.size() - 1;
  std::size_t digits = 0;
  while (i > 0 && utf8::is_digit(s[i - 1])) --i, ++digits;
  if (digits == 0 || digits > 2) return false;
  if (i > 0 && s[i - 1] == '(') --i;
  cut = i;
  return true;
}

// Drops footnote markers and trailing punctuation: "Södertälje*", "Stockholm¹", "Malmö 1)".
std::string_view strip_markers(std::string_view s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    std::size_t cut = 0;
    const char last = s.back();
    if (last == '*' || last == ',' || last == ';' || last == ':' || last == '.' || last == '"' || last == ' ') {
      s.remove_suffix(1), changed = true;
    } else if (ends_with_footnote_paren(s, cut)) {
      s = s.substr(0, cut), changed = true;
    } else {
      std::size_t j = s.size() - 1;
      while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0u) == 0x80u) --j;
      char32_t cp = 0;
      utf8::decode(s, j, cp);
      if (utf8::is_superscript_digit(cp) || cp == 0x2020 || cp == 0x2021) {  // ¹ † ‡
        s = s.substr(0, j), changed = true;
      } else if (utf8::is_space(cp)) {
        s = s.substr(0, j), changed = true;
      } else if (utf8::is_digit(last)) {
        // "Stockholm 2", "Malmö1": names hold no digits, so one or two at the end are a note.
        std::size_t k = s.size();
        while (k > 0 && utf8::is_digit(s[k - 1])) --k;
        if (k > 0 && k + 2 >= s.size()) s = s.substr(0, k), changed = true;
      }
    }
  }
  return s;
}

// The matching key: case-folded, every space and hyphen one ' ', markers dropped.
std::string key_of(std::string_view printed) {
  const std::string folded = fold_case(fold_spaces(printed));
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(folded, i, cp);
    if (utf8::is_dash(cp) || cp == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out.append(folded, i, n);
    }
    i += n;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return std::string(strip_markers(out));
}

// å, ä → a; ö → o; é → e: how names look when a keyboard or an old system drops them.
std::string ascii_fold(std::string_view key) {
  std::string out;
  for (std::size_t i = 0; i < key.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(key, i, cp);
    switch (cp) {
      case U'å': case U'ä': case U'á': case U'à': out += 'a'; break;
      case U'ö': case U'ø': case U'ó': out += 'o'; break;
      case U'é': case U'è': out += 'e'; break;
      case U'ü': out += 'u'; break;
      default: out.append(key, i, n);
    }
    i += n;
  }
  return out;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += utf8::decode(s, i, cp);
    out += cp;
  }
  return out;
}

// Optimal string alignment distance (edits and adjacent transpositions), capped at `limit`+1.
std::size_t distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> d((a.size() + 1) * (b.size() + 1));
  const std::size_t w = b.size() + 1;
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = v;
    }
  }
  return d[a.size() * w + b.size()];
}

// The candidate keys a printed name stands for, most literal first: the name itself, then
// without "Region", "kommun", "stad" and a genitive s ("Göteborgs Stad"), then the genitive
// of names in -n ("Falu kommun" → Falun).
std::vector<std::string> candidates(const std::string& key) {
  std::vector<std::string> out{key};
  std::string base = key;
  bool had_affix = false;
  if (drop_prefix(base, municipality_affixes().prefixes)) had_affix = true;
  if (drop_suffix(base, municipality_affixes().suffixes)) had_affix = true;
  if (had_affix) out.push_back(base);
  if (base.ends_with('s') && base.size() > 2) out.push_back(base.substr(0, base.size() - 1));
  if (had_affix) out.push_back(base + "n");
  return out;
}

struct Index {
  std::unordered_map<std::string, std::size_t> by_key;        // exact keys
  std::unordered_map<std::string, std::vector<std::size_t>> by_ascii;  // ascii-folded keys
  std::vector<std::u32string> keys32;                            // for edit distance
  std::unordered_map<std::string, std::size_t> by_code;
  std::unordered_map<std::string, std::size_t> county_by_key;   // county key → a member index
  std::unordered_map<std::string, std::size_t> county_by_code;
};

const Index& index_of(const std::vector<Municipality>& all) {
  static const Index index = [&] {
    Index ix;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const std::string key = key_of(all[i].name);
      ix.by_key.emplace(key, i);
      ix.by_ascii[ascii_fold(key)].push_back(i);
      ix.keys32.push_back(to_u32(key));
      ix.by_code.emplace(all[i].code, i);
      ix.county_by_code.emplace(all[i].county_code, i);
      std::string county = key_of(all[i].county);  // "stockholms län"
      ix.county_by_key.emplace(county, i);
      drop_suffix(county, county_affixes().suffixes);
      ix.county_by_key.emplace(county, i);  // "stockholms"
      if (county.ends_with('s')) ix.county_by_key.emplace(county.substr(0, county.size() - 1), i);  // "stockholm"
    }
    return ix;
  }();
  return index;
}

}  // namespace

Registry::Registry() {
  std::size_t line_no = 0;
  for (std::string_view line : split(embedded::kommuner_csv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line_no == 1) continue;  // the header: kommunkod,kommun,lanskod,lan
    const auto f = split(line, ',');
    if (f.size() != 4 || f[0].size() != 4 || f[2].size() != 2)
      throw Error(std::string(kSource), "line " + std::to_string(line_no),
                  "expected 'kommunkod,kommun,lanskod,lan', got '" + std::string(line) + "'");  // vocab-scan: not a cue (column names, in a message)
    all_.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3])});
  }
}

const Registry& Registry::instance() {
  static const Registry registry;
  return registry;
}

const std::vector<Municipality>& Registry::all() const noexcept { return all_; }

const Municipality* Registry::by_code(std::string_view code) const noexcept {
  const Index& ix = index_of(all_);
  const auto it = ix.by_code.find(std::string(code));
  return it == ix.by_code.end() ? nullptr : &all_[it->second];
}

MunicipalityMatch Registry::resolve(std::string_view printed) const {
  const Index& ix = index_of(all_);
  MunicipalityMatch m;
  const std::string key = key_of(printed);
  if (key.empty()) {
    m.error = "no municipality name given";
    return m;
  }
  const std::vector<std::string> keys = candidates(key);
  for (const auto& k : keys) {
    if (const auto it = ix.by_key.find(k); it != ix.by_key.end()) {
      m.municipality = &all_[it->second];
      return m;
    }
  }
  const std::string shown = fold_spaces(printed);
  // Missing å/ä/ö: accepted only when exactly one municipality folds to the same letters.
  for (const auto& k : keys) {
    if (const auto it = ix.by_ascii.find(ascii_fold(k)); it != ix.by_ascii.end() && it->second.size() == 1) {
      m.municipality = &all_[it->second.front()];
      m.warnings.push_back("'" + shown + "' read as '" + m.municipality->name + "' (missing å/ä/ö)");  // vocab-scan: not a cue (a message)
      return m;
    }
  }
  // A misspelling: exactly one municipality within a small distance (1 edit up to 8 letters, 2 beyond).
  for (const auto& k : keys) {
    const std::u32string k32 = to_u32(k);
    if (k32.size() < 4) continue;
    const std::size_t limit = k32.size() <= 8 ? 1 : 2;
    std::size_t found = all_.size(), count = 0;
    for (std::size_t i = 0; i < ix.keys32.size() && count < 2; ++i) {
      if (distance(k32, ix.keys32[i], limit) <= limit) found = i, ++count;
    }
    if (count == 1) {
      m.municipality = &all_[found];
      m.warnings.push_back("'" + shown + "' read as '" + m.municipality->name + "' (misspelled)");
      return m;
    }
    if (count > 1) break;  // ambiguous: never pick one
  }
  m.error = "no municipality named '" + shown + "'";
  return m;
}

const std::string* Registry::county_name(std::string_view county_code) const noexcept {
  const Index& ix = index_of(all_);
  const auto it = ix.county_by_code.find(std::string(county_code));
  return it == ix.county_by_code.end() ? nullptr : &all_[it->second].county;
}

const std::string* Registry::county_code(std::string_view printed) const noexcept {
  const Index& ix = index_of(all_);
  std::string key;
  try {
    key = key_of(printed);
  } catch (...) {
    return nullptr;
  }
  drop_prefix(key, county_affixes().prefixes);
  drop_suffix(key, county_affixes().suffixes);
  const auto it = ix.county_by_key.find(key);
  return it == ix.county_by_key.end() ? nullptr : &all_[it->second].county_code;
}

}  // namespace bidrag::normalize
