// The funder registry (compiled-in data/myndigheter.csv): names, short forms, hosts, mentions.
#include "bidrag/normalize/agency.h"

#include <curl/curl.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "bidrag/common/error.h"
#include "bidrag/normalize/municipality.h"
#include "normalize/utf8.h"

namespace bidrag::embedded {
extern const std::string_view myndigheter_csv;
}

namespace bidrag::normalize {
namespace {

constexpr std::string_view kSource = "data/myndigheter.csv";
constexpr std::size_t kColumns = 8;  // kind,name,legal_name,short_forms,hosts,org_number,county_code,slug

// One CSV record (RFC 4180 quoting: a field in double quotes may hold commas; "" is a quote).
std::vector<std::string> split_csv(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
        out.back() += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        out.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= field.size(); ++i) {
    if (i == field.size() || field[i] == ';') {
      if (i > start) out.emplace_back(field.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// The matching form of a name: simple case folding per code point, every run of spaces and
// dashes one ' ', soft hyphens dropped, trimmed. `keep_case` keeps the letters as printed.
// When `offsets` is given, it receives for every output byte the input offset it came from.
std::string key_of(std::string_view s, bool keep_case = false, std::vector<std::size_t>* offsets = nullptr) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(s, i, cp);
    if (cp == 0x00AD) {
      i += n;
      continue;
    }
    if (utf8::is_space(cp) || utf8::is_dash(cp)) {
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
        if (offsets) offsets->push_back(i);
      }
    } else {
      const std::size_t before = out.size();
      utf8::append(out,
                   keep_case ? cp : static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
      if (offsets) offsets->insert(offsets->end(), out.size() - before, i);
    }
    i += n;
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
    if (offsets) offsets->pop_back();
  }
  if (offsets) offsets->push_back(s.size());  // the end
  return out;
}

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    if (i == key.size() || key[i] == ' ') {
      if (i > start) out.push_back(key.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

bool is_word_char(char32_t cp) { return utf8::is_letter(cp) || (cp >= '0' && cp <= '9'); }

// An acronym ("MUCF", "FoHM", "RAÄ"): one word with two capitals or more. It matches running
// text only as written.
bool is_acronym(std::string_view printed) {
  std::size_t capitals = 0;
  for (std::size_t i = 0; i < printed.size();) {
    char32_t cp = 0;
    i += utf8::decode(printed, i, cp);
    if (!is_word_char(cp)) return false;
    if (u_isupper(static_cast<UChar32>(cp))) ++capitals;
  }
  return capitals >= 2;
}

// A form a name is matched by in running text.
struct TextKey {
  std::string folded;   // key_of(printed)
  std::string printed;  // key_of(printed, keep_case)
  std::size_t agency = 0;
  bool acronym = false;
};

struct AgencyIndex {
  std::vector<Agency> all;
  std::unordered_map<std::string, std::size_t> by_key;       // whole names (find_agency)
  std::unordered_map<std::string, std::size_t> region_bare;  // "skåne", "kalmar län", "sörmland"
  std::unordered_map<std::string, std::size_t> region_by_county, lan_by_county;
  std::string region_word;  // the first word most region names share, folded ("region")
  std::string lan_word;     // the first word of every länsstyrelse name, folded
  std::vector<TextKey> text_keys;
  std::unordered_map<std::string, std::vector<std::size_t>> text_by_first_word;  // → text_keys, longest first

  void add(std::string_view printed, std::size_t agency) {
    const std::string key = key_of(printed);
    if (key.empty()) return;
    by_key.emplace(key, agency);
    text_keys.push_back({key, key_of(printed, true), agency, is_acronym(printed)});
  }
};

std::string most_common_first_word(const std::vector<Agency>& all, AgencyKind kind) {
  std::unordered_map<std::string, std::size_t> count;
  std::string best;
  for (const Agency& a : all) {
    if (a.kind != kind) continue;
    const std::string key = key_of(a.name);
    const auto w = words_of(key);
    if (w.empty()) continue;
    const std::size_t c = ++count[std::string(w.front())];
    if (c > count[best]) best = std::string(w.front());
  }
  return best;
}

Agency parse_row(const std::vector<std::string>& f, std::size_t line_no) {
  auto fail = [&](const std::string& what) {
    return Error(std::string(kSource), "line " + std::to_string(line_no), what);
  };
  if (f.size() != kColumns)
    throw fail("expected " + std::to_string(kColumns) +
               " fields (kind,name,legal_name,short_forms,hosts,org_number,county_code,slug), got " +
               std::to_string(f.size()));
  Agency a;
  if (f[0] == "myndighet")
    a.kind = AgencyKind::myndighet;
  else if (f[0] == "region")
    a.kind = AgencyKind::region;
  else if (f[0] == "lansstyrelse")
    a.kind = AgencyKind::lansstyrelse;
  else
    throw fail("unknown kind '" + f[0] + "'");
  if (f[1].empty() || f[7].empty()) throw fail("empty name or slug");
  a.name = f[1];
  a.legal_name = f[2];
  a.short_forms = split_list(f[3]);
  a.hosts = split_list(f[4]);
  if (!f[5].empty()) a.org_number = f[5];
  if (!f[6].empty()) a.county_code = f[6];
  a.slug = f[7];
  if (a.kind != AgencyKind::myndighet && !a.county_code)
    throw fail("a region or lansstyrelse row needs its county code");
  return a;
}

const AgencyIndex& registry() {
  static const AgencyIndex reg = [] {
    AgencyIndex r;
    std::size_t line_no = 0, start = 0;
    const std::string_view csv = embedded::myndigheter_csv;
    for (std::size_t i = 0; i <= csv.size(); ++i) {
      if (i < csv.size() && csv[i] != '\n') continue;
      std::string_view line = csv.substr(start, i - start);
      start = i + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line_no == 1) continue;  // the header
      r.all.push_back(parse_row(split_csv(line), line_no));
    }
    r.region_word = most_common_first_word(r.all, AgencyKind::region);
    r.lan_word = most_common_first_word(r.all, AgencyKind::lansstyrelse);
    for (std::size_t i = 0; i < r.all.size(); ++i) {
      const Agency& a = r.all[i];
      r.add(a.name, i);
      r.add(a.legal_name, i);
      for (const auto& s : a.short_forms) r.add(s, i);
      if (a.kind == AgencyKind::region) {
        r.region_by_county.emplace(*a.county_code, i);
        const std::string key = key_of(a.name);
        const auto w = words_of(key);
        if (w.size() > 1 && w.front() == r.region_word) r.region_bare.emplace(join(w, 1, w.size()), i);
      } else if (a.kind == AgencyKind::lansstyrelse) {
        r.lan_by_county.emplace(*a.county_code, i);
        // "Länsstyrelsen i Skåne län" also reads "Länsstyrelsen i Skåne", "Länsstyrelsen Skåne
        // län"; a short form "Länsstyrelsen Skåne" also reads "Länsstyrelsen i Skåne (län)".
        const std::string key = key_of(a.name, true);
        const auto w = words_of(key);
        if (w.size() >= 4 && w[1] == "i") {
          const std::string head(w.front()), tail(w.back());
          const std::string county = join(w, 2, w.size() - 1);
          r.add(head + " i " + county, i);
          r.add(head + " " + county + " " + tail, i);
          for (const auto& s : a.short_forms) {
            const std::string short_key = key_of(s, true);
            const auto sw = words_of(short_key);
            if (sw.size() < 2 || key_of(sw.front()) != key_of(head)) continue;
            const std::string place = join(sw, 1, sw.size());
            r.add(head + " i " + place, i);
            r.add(head + " i " + place + " " + tail, i);
          }
        }
      }
    }
    for (std::size_t k = 0; k < r.text_keys.size(); ++k) {
      const auto w = words_of(r.text_keys[k].folded);
      r.text_by_first_word[std::string(w.front())].push_back(k);
    }
    for (auto& [word, keys] : r.text_by_first_word)
      std::stable_sort(keys.begin(), keys.end(), [&](std::size_t x, std::size_t y) {
        return r.text_keys[x].folded.size() > r.text_keys[y].folded.size();
      });
    return r;
  }();
  return reg;
}

// The key's genitive forms: "socialstyrelsens" → "socialstyrelsen", "mucf:s" → "mucf".
std::vector<std::string> with_genitive(const std::string& key) {
  std::vector<std::string> out{key};
  if (key.size() > 2 && key.ends_with(":s"))
    out.push_back(key.substr(0, key.size() - 2));
  else if (key.size() > 2 && key.ends_with('s'))
    out.push_back(key.substr(0, key.size() - 1));
  return out;
}

std::string trimmed_key(std::string_view printed) {
  std::string key = key_of(printed);
  while (!key.empty() &&
         (key.back() == '.' || key.back() == ',' || key.back() == ';' || key.back() == ':' || key.back() == ' '))
    key.pop_back();
  while (!key.empty() && key.front() == ' ') key.erase(0, 1);
  return key;
}

const Agency* lookup(const AgencyIndex& r, const std::string& key) {
  for (const auto& k : with_genitive(key))
    if (const auto it = r.by_key.find(k); it != r.by_key.end()) return &r.all[it->second];
  return nullptr;
}

bool is_county_code(std::string_view s) { return s.size() == 2 && utf8::is_digit(s[0]) && utf8::is_digit(s[1]); }

const Agency* by_county(const AgencyIndex& r, const std::unordered_map<std::string, std::size_t>& map,
                        std::string_view printed) {
  std::string code;
  if (is_county_code(printed)) {
    code = std::string(printed);
  } else if (const std::string* c = Registry::instance().county_code(printed)) {
    code = *c;
  } else {
    return nullptr;
  }
  const auto it = map.find(code);
  return it == map.end() ? nullptr : &r.all[it->second];
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = utf8::lower_ascii(c);
  return out;
}

}  // namespace

std::string_view to_string(AgencyKind kind) noexcept {
  switch (kind) {
    case AgencyKind::myndighet: return "myndighet";
    case AgencyKind::region: return "region";
    case AgencyKind::lansstyrelse: return "lansstyrelse";
  }
  return "myndighet";
}

const std::vector<Agency>& all_agencies() { return registry().all; }

const Agency* find_agency(std::string_view name) {
  const AgencyIndex& r = registry();
  const std::string key = trimmed_key(name);
  if (key.empty()) return nullptr;
  return lookup(r, key);
}

const Agency* find_region(std::string_view printed) {
  const AgencyIndex& r = registry();
  const std::string key = trimmed_key(printed);
  if (key.empty()) return nullptr;
  if (const Agency* a = lookup(r, key)) return a->kind == AgencyKind::region ? a : nullptr;
  for (const auto& k : with_genitive(key))
    if (const auto it = r.region_bare.find(k); it != r.region_bare.end()) return &r.all[it->second];
  std::string bare = key;
  if (bare.starts_with(r.region_word + " ")) bare.erase(0, r.region_word.size() + 1);
  return by_county(r, r.region_by_county, bare);
}

const Agency* find_lansstyrelse(std::string_view printed) {
  const AgencyIndex& r = registry();
  const std::string key = trimmed_key(printed);
  if (key.empty()) return nullptr;
  if (const Agency* a = lookup(r, key)) return a->kind == AgencyKind::lansstyrelse ? a : nullptr;
  std::string bare = key;
  if (bare.starts_with(r.lan_word + " ")) bare.erase(0, r.lan_word.size() + 1);
  if (bare.starts_with("i ")) bare.erase(0, 2);
  return by_county(r, r.lan_by_county, bare);
}

const Agency* agency_for_url(std::string_view url) {
  const AgencyIndex& r = registry();
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
  if (!u) return nullptr;
  const std::string s(url);
  if (curl_url_set(u.get(), CURLUPART_URL, s.c_str(), CURLU_DEFAULT_SCHEME | CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return nullptr;
  char* host_c = nullptr;
  char* path_c = nullptr;
  if (curl_url_get(u.get(), CURLUPART_HOST, &host_c, 0) != CURLUE_OK) return nullptr;
  std::string host = lower_ascii(host_c);
  curl_free(host_c);
  std::string first_segment;
  if (curl_url_get(u.get(), CURLUPART_PATH, &path_c, 0) == CURLUE_OK) {
    std::string_view path(path_c);
    while (path.starts_with('/')) path.remove_prefix(1);
    first_segment = lower_ascii(path.substr(0, path.find('/')));
    curl_free(path_c);
  }
  if (host.starts_with("www.")) host.erase(0, 4);
  const Agency* best = nullptr;
  std::size_t best_score = 0;
  for (const Agency& a : r.all) {
    for (const auto& entry : a.hosts) {
      const std::size_t slash = entry.find('/');
      const std::string domain = lower_ascii(entry.substr(0, slash));
      const std::string segment = slash == std::string::npos ? std::string() : lower_ascii(entry.substr(slash + 1));
      const bool host_ok = host == domain || (host.size() > domain.size() && host.ends_with("." + domain));
      if (!host_ok || (!segment.empty() && segment != first_segment)) continue;
      // The most specific entry wins: a path beats none, a longer domain a shorter one.
      const std::size_t score = domain.size() + (segment.empty() ? 0 : 1000);
      if (score > best_score) best = &a, best_score = score;
    }
  }
  return best;
}

std::vector<AgencyMention> find_agencies_in(std::string_view text) {
  const AgencyIndex& r = registry();
  std::vector<std::size_t> offsets;
  const std::string folded = key_of(text, false, &offsets);
  std::vector<AgencyMention> out;
  std::size_t i = 0;
  while (i < folded.size()) {
    // The word starting at i.
    std::size_t j = i;
    while (j < folded.size()) {
      char32_t cp = 0;
      const std::size_t n = utf8::decode(folded, j, cp);
      if (!is_word_char(cp)) break;
      j += n;
    }
    if (j == i) {  // not a word: step over one code point
      char32_t cp = 0;
      i += utf8::decode(folded, i, cp);
      continue;
    }
    std::size_t next = j;
    // Keys starting with this word, or with it less a genitive s ("Boverkets"), longest first.
    std::vector<std::size_t> candidates;
    const std::string word = folded.substr(i, j - i);
    for (const std::string& w : with_genitive(word))
      if (const auto it = r.text_by_first_word.find(w); it != r.text_by_first_word.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t x, std::size_t y) {
      return r.text_keys[x].folded.size() > r.text_keys[y].folded.size();
    });
    for (const std::size_t k : candidates) {
      const TextKey& key = r.text_keys[k];
      if (folded.compare(i, key.folded.size(), key.folded) != 0) continue;
      std::size_t end = i + key.folded.size();
      // A genitive ending: "MUCF:s", "Brås".
      if (folded.compare(end, 2, ":s") == 0 && utf8::at_word_end(folded, end + 2)) {
        end += 2;
      } else if (!utf8::at_word_end(folded, end)) {
        if (folded.compare(end, 1, "s") != 0 || !utf8::at_word_end(folded, end + 1)) continue;
        end += 1;
      }
      const std::size_t begin_raw = offsets[i];
      const std::size_t name_end_raw = offsets[i + key.folded.size()];
      const std::string as_printed = key_of(text.substr(begin_raw, name_end_raw - begin_raw), true);
      if (key.acronym) {
        if (!as_printed.starts_with(key.printed)) continue;
      } else {
        // A proper noun: the first letter as the table writes it.
        char32_t want = 0, got = 0;
        utf8::decode(key.printed, 0, want);
        utf8::decode(as_printed, 0, got);
        if (want != got) continue;
      }
      std::size_t end_raw = offsets[end];
      // offsets[end] is where the next folded byte came from; step back over spaces it skipped.
      while (end_raw > begin_raw) {
        std::size_t p = end_raw - 1;
        while (p > begin_raw && (static_cast<unsigned char>(text[p]) & 0xC0u) == 0x80u) --p;
        char32_t cp = 0;
        utf8::decode(text, p, cp);
        if (!utf8::is_space(cp) && !utf8::is_dash(cp) && cp != 0x00AD) break;
        end_raw = p;
      }
      out.push_back({&r.all[key.agency], begin_raw, end_raw});
      next = end;
      break;
    }
    i = next;
  }
  return out;
}

}  // namespace bidrag::normalize
