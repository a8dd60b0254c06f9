// Sections, sentences and vocabulary matching over a parsed document.
#include "extract/page.h"

#include <cctype>

#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"

namespace bidrag::extract {
namespace {

bool upper_start(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (std::isupper(c) || std::isdigit(c)) return true;
  // Å Ä Ö É (UTF-8 0xC3 0x80–0x9E)
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) < 0x9F;
}

// Whether `text` ends with an abbreviation ("kl.", "jan.", "t.ex.") as its last word.
bool is_abbreviation(std::string_view text) {
  std::size_t start = text.find_last_of(" (");
  start = start == std::string_view::npos ? 0 : start + 1;
  const std::string_view word = text.substr(start);
  return word.size() > 1 && vocab::set("abbreviation").equals(word).has_value();
}

// A short line that is a date or a day counter ("2025-05-15 14:00", "77 dagar") right under a
// short label line (a heading or a line without closing punctuation) is that label's value.
bool is_value_line(const doc::Block& label, const doc::Block& value) {
  // Text captures set both lines as headings (short, no closing punctuation).
  const bool line = value.kind == doc::BlockKind::paragraph || value.kind == doc::BlockKind::heading;
  if (!line || value.text.size() > 40) return false;
  if (label.kind != doc::BlockKind::heading && label.kind != doc::BlockKind::paragraph) return false;
  if (label.text.empty() || label.text.size() > 60) return false;
  if (std::string_view(".!?:").find(label.text.back()) != std::string_view::npos) return false;
  for (const auto& m : normalize::find_dates(label.text))
    if (m.date || m.days_left) return false;  // the label line holds its own date
  const auto matches = normalize::find_dates(value.text);
  if (matches.empty()) return false;
  const auto& m = matches.front();
  if (!(m.date || m.days_left || m.duration)) return false;
  return value.text.find_first_not_of(' ') == m.begin;
}

}  // namespace

std::string fold(std::string_view s) { return normalize::fold_case(normalize::fold_spaces(s)); }

bool has_any(std::string_view folded_text, std::initializer_list<std::string_view> keys) {
  for (auto k : keys)
    if (folded_text.find(k) != std::string_view::npos) return true;
  return false;
}

std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ' && upper_start(text.substr(i + 2))) {
      // "t.ex. Stockholm", "bl.a. X": an abbreviation has a dot two letters back.
      if (c == '.' && i >= 2 && text[i - 2] == '.') continue;
      // "kl. 14.00", "1 jan. 2024", "Dnr. 2025-17": a word of the abbreviation set.
      if (c == '.' && is_abbreviation(text.substr(0, i + 1))) continue;
      out.emplace_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < text.size()) out.emplace_back(text.substr(start));
  for (auto& s : out) s = normalize::fold_spaces(s);
  return out;
}

bool looks_like_name(std::string_view text) {
  const std::string s = normalize::fold_spaces(text);
  if (s.empty() || s.size() > 60) return false;
  int words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    auto sp = s.find(' ', i);
    const std::string_view w = std::string_view(s).substr(i, sp == std::string::npos ? std::string::npos : sp - i);
    if (!upper_start(w) || w.size() < 2) return false;
    for (char c : w) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isdigit(u) || c == '@' || c == ':' || c == '/' || c == '.' || c == ',' || c == '(') return false;
    }
    ++words;
    if (sp == std::string::npos) break;
    i = sp + 1;
  }
  return words >= 2 && words <= 4;
}

Page::Page(const doc::Document& d) : d_(d), section_(d.blocks.size()) {
  std::optional<std::size_t> current;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const auto& b = d.blocks[i];
    if (b.kind == doc::BlockKind::heading) {
      current = i;
      continue;
    }
    section_[i] = current;
    if (b.kind == doc::BlockKind::paragraph || b.kind == doc::BlockKind::list_item) {
      for (auto& s : split_sentences(b.text)) sentences_.push_back({std::move(s), i});
    } else if (b.kind == doc::BlockKind::fact) {
      sentences_.push_back({text_of(i), i});
    }
  }
}

std::optional<std::size_t> Page::title_block() const {
  std::optional<std::size_t> first;
  for (std::size_t i = 0; i < d_.blocks.size(); ++i) {
    if (d_.blocks[i].kind != doc::BlockKind::heading) continue;
    if (d_.blocks[i].level == 1) return i;
    if (!first) first = i;
  }
  return first;
}

std::optional<std::size_t> Page::find_heading(std::initializer_list<std::string_view> keys) const {
  for (std::size_t i = 0; i < d_.blocks.size(); ++i) {
    if (d_.blocks[i].kind != doc::BlockKind::heading) continue;
    if (has_any(fold(d_.blocks[i].text), keys)) return i;
  }
  return std::nullopt;
}

std::vector<std::size_t> Page::section_blocks(std::size_t h) const {
  std::vector<std::size_t> out;
  const int level = d_.blocks[h].level;
  for (std::size_t i = h + 1; i < d_.blocks.size(); ++i) {
    const auto& b = d_.blocks[i];
    if (b.kind == doc::BlockKind::heading && b.level <= level) break;
    out.push_back(i);
  }
  return out;
}

std::vector<Statement> Page::statements() const {
  const Page& page = *this;
  std::vector<Statement> out;
  const auto& blocks = page.blocks();
  const auto& sentences = page.sentences();
  std::size_t s = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& b = blocks[i];
    if (b.kind == doc::BlockKind::fact) {
      out.push_back({page.text_of(i), i, true, b.text, b.value});
    } else if (b.kind == doc::BlockKind::table) {
      // "Stödet i korthet" as a table: label cell, value cell.
      for (const auto& row : b.table.rows) {
        if (row.size() != 2 || row[0].text.empty() || row[1].text.empty()) continue;
        out.push_back({row[0].text + ": " + row[1].text, i, true, row[0].text, row[1].text});
      }
    } else if (i > 0 && is_value_line(blocks[i - 1], b)) {
      // A label and its value on separate lines ("Sista dag för ansökan" / "2025-05-15 14:00").
      const auto& label = blocks[i - 1].text;
      out.push_back({label + ": " + b.text, i, true, label, b.text});
      while (s < sentences.size() && sentences[s].block <= i) ++s;
      continue;
    } else if (b.kind == doc::BlockKind::heading) {
      out.push_back({b.text, i, false, {}, {}});  // badges set as headings; never dated
    }
    while (s < sentences.size() && sentences[s].block <= i) {
      if (sentences[s].block == i && b.kind != doc::BlockKind::fact) out.push_back({sentences[s].text, i, false, {}, {}});
      ++s;
    }
  }
  return out;
}


std::string Page::text_of(std::size_t block) const {
  const auto& b = d_.blocks[block];
  if (b.kind == doc::BlockKind::fact) return b.value.empty() ? b.text + ":" : b.text + ": " + b.value;
  return b.text;
}

}  // namespace bidrag::extract
