// Allocation-list metadata from the text around the table: title, funder, dnr, date and the
// deadline sentences; the call id from the title when no announcement gives it.
#include "allocation_list_meta.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/text.h"
#include "bidrag/record/ids.h"

namespace bidrag::extract::alloc {
namespace {

using normalize::find_ci;
using normalize::fold_case;
using normalize::fold_spaces;

bool is_text_block(const doc::Block& b) { return b.kind != doc::BlockKind::table; }

std::string block_text(const doc::Block& b) {
  if (b.kind == doc::BlockKind::fact) return fold_spaces(b.text + " " + b.value);
  return fold_spaces(b.text);
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t j = std::min(s.find(' ', i), s.size());
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::array<std::string_view, 11> agency_suffixes = {
    "styrelsen", "myndigheten", "verket", "kollegiet", "rådet", "inspektionen",
    "institutet", "nämnden", "kansliet", "ombudsmannen", "centrum"};

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  return u.length() > 0 && u_isupper(u.char32At(0));
}

// "Socialstyrelsen", "Länsstyrelsen i Skåne län", "Myndigheten för …": a short capitalised name
// with an agency word. Text from a word with a digit or a colon on is cut off (a page header
// line "Socialstyrelsen Datum: 2023-01-18").
std::optional<std::string> agency_in(std::string_view text) {
  std::vector<std::string> words;
  for (std::string& w : split_words(fold_spaces(text))) {
    if (w.find(':') != std::string::npos || w.find_first_of("0123456789") != std::string::npos) break;
    words.push_back(std::move(w));
  }
  if (words.empty() || words.size() > 6 || !starts_upper(words.front())) return std::nullopt;
  const bool agency = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    const std::string f = fold_case(w);
    return std::any_of(agency_suffixes.begin(), agency_suffixes.end(), [&](std::string_view s) { return ends_with(f, s); });
  });
  if (!agency) return std::nullopt;
  // Cut at a word that starts a new phrase on the same line ("Datum", "Sida", "Bilaga").
  std::string out;
  for (const std::string& w : words) {
    const std::string f = fold_case(w);
    if (f == "datum" || f == "sida" || f == "bilaga" || f == "dnr") break;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out.empty() ? std::nullopt : std::optional<std::string>(out);
}

// "Socialstyrelsens e-tjänst" → "Socialstyrelsen".
std::optional<std::string> agency_genitive(std::string_view text) {
  for (const std::string& w : split_words(fold_spaces(text))) {
    if (!starts_upper(w) || w.size() < 4 || w.back() != 's') continue;
    const std::string base = w.substr(0, w.size() - 1);
    const std::string f = fold_case(base);
    if (std::any_of(agency_suffixes.begin(), agency_suffixes.end(), [&](std::string_view s) { return ends_with(f, s); })) {
      return base;
    }
  }
  return std::nullopt;
}

std::optional<std::string> find_funder(const doc::Document& d, std::size_t table_block) {
  for (std::size_t i = 0; i < d.blocks.size() && i < table_block; ++i) {
    if (auto a = agency_in(d.blocks[i].text)) return a;
  }
  // An HTML title "… | Skolverket"; the PDF's author.
  for (std::string_view sep : {" | ", " – ", " - "}) {
    const std::size_t at = d.title.rfind(sep);
    if (at != std::string::npos) {
      if (auto a = agency_in(std::string_view(d.title).substr(at + sep.size()))) return a;
    }
  }
  if (auto it = d.meta.find("pdf_author"); it != d.meta.end()) {
    if (auto a = agency_in(it->second)) return a;
  }
  for (std::size_t i = table_block + 1; i < d.blocks.size(); ++i) {
    if (auto a = agency_in(d.blocks[i].text)) return a;
  }
  for (const doc::Block& b : d.blocks) {
    if (!is_text_block(b)) continue;
    if (auto a = agency_genitive(b.text)) return a;
  }
  return std::nullopt;
}

std::optional<std::string> find_title(const doc::Document& d, std::size_t table_block) {
  for (std::size_t i = 0; i < d.blocks.size() && i < table_block; ++i) {
    const std::string t = fold_spaces(d.blocks[i].text);
    if (fold_case(t).rfind("fördelning", 0) == 0) return t;
  }
  for (std::size_t i = 0; i < d.blocks.size() && i < table_block; ++i) {
    if (d.blocks[i].kind == doc::BlockKind::heading) return fold_spaces(d.blocks[i].text);
  }
  if (!d.title.empty()) {
    std::string t = d.title;
    if (const std::size_t at = t.rfind(" | "); at != std::string::npos) t.resize(at);
    return fold_spaces(t);
  }
  return std::nullopt;
}

std::optional<int> year_in(std::string_view title) {
  std::optional<int> year;
  for (const std::string& w : split_words(title)) {
    std::string t = w;
    while (!t.empty() && (t.back() == ')' || t.back() == '.' || t.back() == ',')) t.pop_back();
    if (!t.empty() && t.front() == '(') t.erase(0, 1);
    if (t.size() != 4 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const int y = std::stoi(t);
    if (y >= 1990 && y <= 2100) year = y;
  }
  return year;
}

std::optional<std::string> find_reference(const doc::Document& d) {
  for (const doc::Block& b : d.blocks) {
    if (!is_text_block(b)) continue;
    const std::string t = block_text(b);
    for (std::string_view key : {"diarienummer", "dnr"}) {
      std::size_t at = find_ci(t, key);
      if (at == std::string::npos) continue;
      if (at > 0 && t[at - 1] != ' ' && t[at - 1] != '(' && t[at - 1] != ',') continue;
      std::size_t i = at + key.size();
      while (i < t.size() && (t[i] == '.' || t[i] == ':' || t[i] == ' ')) ++i;
      std::size_t j = std::min(t.find(' ', i), t.size());
      std::string token = t.substr(i, j - i);
      while (!token.empty() && (token.back() == ',' || token.back() == '.' || token.back() == ';' || token.back() == ')')) {
        token.pop_back();
      }
      if (token.find_first_of("0123456789") == std::string::npos) continue;
      return t.substr(at, key.size()) + " " + token;
    }
  }
  return std::nullopt;
}

std::optional<Date> find_date(const doc::Document& d) {
  for (const doc::Block& b : d.blocks) {
    if (!is_text_block(b)) continue;
    const std::string t = block_text(b);
    for (std::string_view key : {"datum", "beslutad", "beslutsdatum", "daterad", "fastställd"}) {
      const std::size_t at = find_ci(t, key);
      if (at == std::string::npos) continue;
      const auto r = normalize::parse_date(std::string_view(t).substr(at + key.size()));
      if (r.match && r.match->date && !r.match->year_inferred) return r.match->date;
    }
  }
  return std::nullopt;
}

std::optional<std::string> deadline_kind(std::string_view sentence) {
  const std::string f = fold_case(sentence);
  auto has = [&](std::string_view w) { return f.find(w) != std::string::npos; };
  if (has("rekvi")) return "requisition_close";
  if (has("ansök") && (has("senast") || has("sista"))) return "application_close";
  if (has("återrapport") || has("redovisning") || has("redovisas")) return "report_due";
  if ((has("användas") || has("förbrukas")) && (has("senast") || has("till och med"))) return "funds_usable_until";
  return std::nullopt;
}

std::vector<DeadlineHit> find_deadlines(const doc::Document& d, std::optional<int> year) {
  std::vector<DeadlineHit> out;
  normalize::DateContext ctx;
  ctx.document_year = year;
  for (const doc::Block& b : d.blocks) {
    if (b.kind != doc::BlockKind::paragraph && b.kind != doc::BlockKind::list_item) continue;
    for (const std::string& s : sentences_of(b.text)) {
      const auto kind = deadline_kind(s);
      if (!kind) continue;
      if (std::any_of(out.begin(), out.end(), [&](const DeadlineHit& h) { return h.kind == *kind; })) continue;
      for (const auto& m : normalize::find_dates(s, ctx)) {
        if (!m.date) continue;
        out.push_back({*kind, *m.date, m.time, s, b.where});
        break;
      }
    }
  }
  return out;
}

bool is_upper_start(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 &&
         static_cast<unsigned char>(s[1]) <= 0x9E;  // À … Þ (Å Ä Ö É)
}

std::string strip_prefix_ci(std::string s, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (fold_case(s.substr(0, p.size())) == p && (s.size() == p.size() || s[p.size()] == ' ')) {
      s.erase(0, p.size());
      while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.erase(0, 1);
      if (s.rfind("– ", 0) == 0 || s.rfind("- ", 0) == 0) s.erase(0, s.find(' ') + 1);
      return s;
    }
  }
  return s;
}

}  // namespace

std::vector<std::string> sentences_of(std::string_view text) {
  const std::string t = fold_spaces(text);
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' && is_upper_start(std::string_view(t).substr(i + 2))) {
      out.push_back(t.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < t.size()) out.push_back(t.substr(start));
  return out;
}

std::string call_title_of(std::string_view list_title) {
  std::string s = fold_spaces(list_title);
  s = strip_prefix_ci(s, {"fördelningslista för", "fördelningslista över", "fördelningslista", "fördelningsnyckel för",
                          "fördelningsnyckel", "fördelning av", "fördelning för", "fördelning över", "fördelning"});
  s = strip_prefix_ci(s, {"statsbidrag för", "statsbidrag till", "statsbidraget för", "statsbidraget till",
                          "statsbidrag inom", "medel för", "medel till", "bidrag för", "bidrag till"});
  // The year and the words that lead to it ("… för år 2023").
  std::vector<std::string> words = split_words(s);
  while (!words.empty()) {
    const std::string f = fold_case(words.back());
    const bool year = year_in(f).has_value() && f.size() <= 6;
    if (year || f == "för" || f == "år" || f == "under" || f == "avseende" || f == "–" || f == "-" || f == ",") {
      words.pop_back();
    } else {
      break;
    }
  }
  s.clear();
  for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (u.length() > 0) u.replace(0, U16_LENGTH(u.char32At(0)), static_cast<UChar32>(u_toupper(u.char32At(0))));
  std::string out;
  u.toUTF8String(out);
  return out;
}

ListMeta read_meta(const doc::Document& d, std::size_t table_block) {
  ListMeta m;
  m.title = find_title(d, table_block);
  m.funder = find_funder(d, table_block);
  m.reference = find_reference(d);
  m.date = find_date(d);
  if (m.title) m.year = year_in(*m.title);
  m.deadlines = find_deadlines(d, m.year);
  return m;
}

std::string call_id_of(const ListMeta& meta, const Context& context, std::vector<std::string>& warnings) {
  if (context.call_id) return *context.call_id;
  const std::string title = meta.title ? call_title_of(*meta.title) : std::string();
  if (title.empty()) warnings.emplace_back("the list states no title; its call id has no title part");
  if (!meta.funder) warnings.emplace_back("the list names no funder; its call id has no funder part");
  const std::string funder = meta.funder.value_or("");
  if (!meta.year) {
    warnings.emplace_back("the list's title states no year; its call id has no year");
    return record::series_id(funder, title);
  }
  return record::call_id(funder, title, *meta.year);
}

}  // namespace bidrag::extract::alloc
