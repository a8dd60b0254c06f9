// Allocation-list metadata from the text around the table: title, funder, dnr, date and the
// deadline sentences; the call id from the title when no announcement gives it, or the list key
// when the list names no call. Every cue is in data/vocabulary.tsv (sets list_*).
#include "allocation_list_meta.h"

#include <algorithm>

#include "allocation_list_header.h"
#include "extract/deadline_classify.h"
#include "extract/title_year.h"
#include "bidrag/normalize/agency.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/text.h"
#include "bidrag/record/ids.h"
#include "bidrag/url/url.h"
#include "bidrag/vocab/vocab.h"
#include "page.h"

namespace bidrag::extract::alloc {
namespace {

using normalize::capitalised;
using normalize::fold_case;
using normalize::fold_spaces;
using normalize::starts_upper;

// The text lines of a block: its text, or for a table (a label/value layout above the list,
// "Datum | 2025-02-11") each row's cells joined.
std::vector<std::string> lines_of(const doc::Block& b) {
  if (b.kind == doc::BlockKind::fact) return {fold_spaces(b.text + " " + b.value)};
  if (b.kind != doc::BlockKind::table) return {fold_spaces(b.text)};
  std::vector<std::string> out;
  for (const auto& row : b.table.rows) {
    std::string line;
    for (const auto& c : row) {
      if (!c.text.empty()) line += (line.empty() ? "" : " ") + c.text;
    }
    out.push_back(fold_spaces(line));
  }
  return out;
}

// Text lines of the document except the list's own table blocks.
std::vector<std::string> text_lines(const doc::Document& d, std::size_t table_block) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const doc::Block& b = d.blocks[i];
    if (b.kind == doc::BlockKind::table && i >= table_block) continue;
    for (auto& l : lines_of(b)) out.push_back(std::move(l));
  }
  return out;
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

record::Funder funder_of(const normalize::Agency& a) { return record::Funder{a.name, a.org_number}; }

bool has_agency_ending(const std::string& word) {
  const std::string f = fold_case(word);
  for (const vocab::Entry* e : vocab::set("agency_name_ending").entries()) {
    if (f.size() >= e->folded.size() && f.compare(f.size() - e->folded.size(), e->folded.size(), e->folded) == 0) return true;
  }
  return false;
}

// An agency the table does not know: a short capitalised line with a word ending like an
// agency's name ("Länsstyrelsen", "Myndigheten för …"). Text from a word with a digit or a
// colon on is cut off, and so is a word that starts a new field ("Datum", "Sida").
std::optional<record::Funder> unknown_agency_in(std::string_view text) {
  std::vector<std::string> words;
  for (std::string& w : split_words(fold_spaces(text))) {
    if (w.find(':') != std::string::npos || has_digit(w) || vocab::set("agency_line_stop").equals(w)) break;
    words.push_back(std::move(w));
  }
  if (words.empty() || words.size() > 6 || !starts_upper(words.front())) return std::nullopt;
  if (std::none_of(words.begin(), words.end(), has_agency_ending)) return std::nullopt;
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return record::Funder{out, std::nullopt};
}

// "Socialstyrelsens e-tjänst" → "Socialstyrelsen".
std::optional<record::Funder> unknown_agency_genitive(std::string_view text) {
  for (const std::string& w : split_words(fold_spaces(text))) {
    if (!starts_upper(w) || w.size() < 4 || w.back() != 's') continue;
    const std::string base = w.substr(0, w.size() - 1);
    if (has_agency_ending(base)) return record::Funder{base, std::nullopt};
  }
  return std::nullopt;
}

std::optional<record::Funder> first_agency(std::string_view text) {
  for (const auto& m : normalize::find_agencies_in(text)) {
    if (m.agency) return funder_of(*m.agency);
  }
  return std::nullopt;
}

// The publisher: an agency named above the table, in the document title, as the PDF's author,
// by the host the list was fetched from, then below the table.
std::optional<record::Funder> find_funder(const doc::Document& d, std::size_t table_block, const Snapshot& s) {
  for (std::size_t i = 0; i < d.blocks.size() && i < table_block; ++i) {
    for (const auto& l : lines_of(d.blocks[i])) {
      if (auto f = first_agency(l)) return f;
    }
  }
  if (auto f = first_agency(d.title)) return f;
  if (auto it = d.meta.find("pdf_author"); it != d.meta.end()) {
    if (auto f = first_agency(it->second)) return f;
  }
  if (const normalize::Agency* a = normalize::agency_for_url(s.url)) return funder_of(*a);
  for (std::size_t i = table_block + 1; i < d.blocks.size(); ++i) {
    if (d.blocks[i].kind == doc::BlockKind::table) continue;
    for (const auto& l : lines_of(d.blocks[i])) {
      if (auto f = first_agency(l)) return f;
    }
  }
  // Not in the agency table: the text's own words.
  for (std::size_t i = 0; i < d.blocks.size() && i < table_block; ++i) {
    if (auto f = unknown_agency_in(d.blocks[i].text)) return f;
  }
  for (std::string_view sep : {" | ", " – ", " - "}) {
    if (const std::size_t at = d.title.rfind(sep); at != std::string::npos) {
      if (auto f = unknown_agency_in(std::string_view(d.title).substr(at + sep.size()))) return f;
    }
  }
  for (std::size_t i = table_block + 1; i < d.blocks.size(); ++i) {
    if (auto f = unknown_agency_in(d.blocks[i].text)) return f;
  }
  for (const doc::Block& b : d.blocks) {
    if (b.kind == doc::BlockKind::table) continue;
    if (auto f = unknown_agency_genitive(b.text)) return f;
  }
  return std::nullopt;
}

// "Beviljade bidrag inom X 2025 (beslut 2025-03-20, dnr …)": the parenthesis after the title
// holds the list's date and reference, not its title.
std::string without_trailing_parenthesis(std::string t) {
  if (t.empty() || t.back() != ')') return t;
  const std::size_t open = t.rfind(" (");
  if (open == std::string::npos) return t;
  const std::string inner = t.substr(open + 2);
  if (vocab::set("list_reference_label").in(inner) || vocab::set("list_date_label").in(inner)) t.resize(open);
  return t;
}

std::optional<std::string> find_title(const doc::Document& d, std::size_t table_block) {
  for (std::size_t i = 0; i < d.blocks.size() && i < table_block; ++i) {
    const doc::Block& b = d.blocks[i];
    if (b.kind == doc::BlockKind::table) continue;
    const std::string t = fold_spaces(b.text);
    // A title is no sentence: "Fördelningen per region finns på fliken Fördelning." is prose.
    if (t.empty() || t.size() > 200 || t.back() == '.') continue;
    if (vocab::set("list_title_start").starts(t)) return without_trailing_parenthesis(t);
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

std::optional<std::string> find_reference(const std::vector<std::string>& lines) {
  const vocab::Set& labels = vocab::set("list_reference_label");
  for (const std::string& t : lines) {
    const auto m = labels.first(t);
    if (!m) continue;
    std::size_t i = m->end;
    while (i < t.size() && (t[i] == '.' || t[i] == ':' || t[i] == ' ')) ++i;
    const auto words = split_words(std::string_view(t).substr(i));
    if (words.empty()) continue;
    std::string value;
    // "KUR 2024/6071": an upper-case series before the number is part of it.
    const auto all_upper = [](const std::string& w) {
      return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    if (words.size() >= 2 && !has_digit(words[0]) && all_upper(words[0]) && has_digit(words[1])) {
      value = words[0] + " " + words[1];
    } else {
      value = words[0];
    }
    while (!value.empty() && (value.back() == ',' || value.back() == '.' || value.back() == ';' || value.back() == ')')) {
      value.pop_back();
    }
    if (!has_digit(value)) continue;
    if (m->meaning() == "label") return value;
    return t.substr(m->begin, m->end - m->begin) + " " + value;
  }
  return std::nullopt;
}

std::optional<Date> find_date(const std::vector<std::string>& lines) {
  const vocab::Set& labels = vocab::set("list_date_label");
  for (const std::string& t : lines) {
    for (const auto& m : labels.all(t)) {
      std::string_view rest = std::string_view(t).substr(m.end);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
      // The date follows the label ("Beslut 2025-03-04", "Beslutet fattades den 3 april 2025").
      const auto dates = normalize::find_dates(rest);
      if (dates.empty() || !dates.front().date || dates.front().year_inferred || dates.front().begin > 6) continue;
      return dates.front().date;
    }
  }
  // A full date followed by a verb of deciding ("har den 9 maj 2025 beslutat om bidrag").
  const vocab::Set& verbs = vocab::set("list_date_verb");
  for (const std::string& t : lines) {
    for (const auto& m : normalize::find_dates(t)) {
      if (!m.date || m.year_inferred || m.end) continue;
      std::string_view rest = std::string_view(t).substr(m.end_offset);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (verbs.starts(rest)) return m.date;
    }
  }
  return std::nullopt;
}

// The list's dated obligations, classified as a call page's are (deadline_classify.h: topic ×
// side from the vocabulary): "Medlen ska vara förbrukade den 31 december 2025 och redovisas
// senast den 28 februari 2026" gives both. One deadline per kind, the first in reading order.
std::vector<DeadlineHit> find_deadlines(const doc::Document& d, std::optional<int> year) {
  std::vector<DeadlineHit> out;
  normalize::DateContext ctx;
  ctx.document_year = year;
  for (const doc::Block& b : d.blocks) {
    if (b.kind != doc::BlockKind::paragraph && b.kind != doc::BlockKind::list_item) continue;
    for (const std::string& s : split_sentences(b.text)) {
      for (const DateHit& h : classify_dates(s, ctx, false)) {
        // A list's decision date is its document date (read_date), not a deadline of the call.
        if (h.role != DateHit::Role::deadline || h.kind == record::DeadlineKind::decision) continue;
        if (std::any_of(out.begin(), out.end(), [&](const DeadlineHit& x) { return x.kind == h.kind; })) continue;
        out.push_back({h.kind, h.date, h.time, s, b.where});
      }
    }
  }
  return out;
}

// The text after the first entry of `set` that starts `s` (and the entry's meaning).
std::string strip_prefix(std::string s, const char* set, std::string* meaning = nullptr) {
  const std::string folded = vocab::fold(s);
  for (const vocab::Entry* e : vocab::set(set).entries()) {
    const std::size_t n = e->folded.size();
    if (folded.compare(0, n, e->folded) != 0 || (folded.size() > n && folded[n] != ' ')) continue;
    if (meaning) *meaning = e->meaning;
    std::string rest = s.substr(n);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.erase(0, 1);
    if (rest.rfind("– ", 0) == 0 || rest.rfind("- ", 0) == 0) rest.erase(0, rest.find(' ') + 1);
    return rest;
  }
  return s;
}

}  // namespace

std::string call_title_of(std::string_view list_title) {
  std::string s = strip_prefix(fold_spaces(list_title), "list_title_prefix");
  s = strip_prefix(s, "list_grant_prefix");
  return capitalised(title_year(s, TitleForm::allocation_list).bare);
}

ListMeta read_meta(const doc::Document& d, std::size_t table_block, const Snapshot& snapshot) {
  ListMeta m;
  m.title = find_title(d, table_block);
  m.funder = find_funder(d, table_block, snapshot);
  const auto lines = text_lines(d, table_block);
  m.reference = find_reference(lines);
  m.date = find_date(lines);
  if (m.title) m.year = title_year(*m.title, TitleForm::allocation_list).year;
  m.deadlines = find_deadlines(d, m.year);
  if (m.title) {
    std::string prefix;
    const std::string rest = strip_prefix(fold_spaces(*m.title), "list_title_prefix", &prefix);
    m.names_call = prefix == "named" || vocab::set("list_grant_prefix").starts(rest).has_value() ||
                   vocab::set("list_grant_word").starts(rest).has_value();
  }
  m.names_call = m.names_call || std::any_of(m.deadlines.begin(), m.deadlines.end(), [](const DeadlineHit& h) {
                   return h.kind == record::DeadlineKind::requisition_close || h.kind == record::DeadlineKind::application_close;
                 });
  return m;
}

std::string call_id_of(const ListMeta& meta, const Context& context, std::vector<std::string>& warnings) {
  if (context.call_id) return *context.call_id;
  if (!meta.names_call) return {};
  const std::string title = meta.title ? call_title_of(*meta.title) : std::string();
  if (title.empty()) warnings.emplace_back("the list states no title; its call id has no title part");
  if (!meta.funder) warnings.emplace_back("the list names no funder; its call id has no funder part");
  const std::string funder = meta.funder ? meta.funder->name : std::string();
  if (!meta.year) {
    warnings.emplace_back("the list's title states no year; its call id has no year");
    return record::series_id(funder, title);
  }
  return record::call_id(funder, title, *meta.year);
}

namespace {

// The last path segment of a URL without its extension, unescaped: "fordelning-2025".
std::string file_stem(const std::string& source_url) {
  const auto parts = url::parse(source_url);
  std::string path = parts ? parts->path : source_url;
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string name = url::unescape(path.substr(path.find_last_of('/') + 1));
  if (const auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name.erase(dot);
  return name;
}

}  // namespace

std::string list_key_of(const ListMeta& meta, const std::string& source_url, std::vector<std::string>& warnings) {
  std::string title = meta.title ? title_year(*meta.title, TitleForm::allocation_list).bare : std::string();
  if (title.empty()) {
    const std::string stem = file_stem(source_url);
    title = title_year(stem, TitleForm::allocation_list).bare;
    warnings.emplace_back(title.empty() ? std::string("the list states no title; its list key has no title part")
                                        : "the list states no title; its list key takes the file name '" + stem + "'");
  }
  if (!meta.funder) warnings.emplace_back("the list names no funder; its list key has no funder part");
  const std::string funder = meta.funder ? meta.funder->name : std::string();
  if (!meta.year) {
    warnings.emplace_back("the list's title states no year; its list key has no year");
    return record::series_id(funder, title);
  }
  return record::call_id(funder, title, *meta.year);
}

}  // namespace bidrag::extract::alloc
