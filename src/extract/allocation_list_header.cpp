// Header recognition for allocation lists: the vocabulary of Swedish allocation tables decides
// what a column holds, never its position or the column count.
#include "allocation_list_header.h"

#include <algorithm>
#include <array>

#include "bidrag/normalize/text.h"

namespace bidrag::extract::alloc {
namespace {

// Words of a folded header: split at spaces and punctuation so "belopp (tkr)" → belopp, tkr.
std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : folded) {
    const bool sep = c == ' ' || c == '(' || c == ')' || c == ',' || c == ':' || c == '/' || c == '.' ||
                     c == '*' || c == '[' || c == ']';
    if (sep) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool any_of_words(const std::vector<std::string>& words, std::initializer_list<std::string_view> wanted) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::find(wanted.begin(), wanted.end(), w) != wanted.end();
  });
}

bool any_word_starts(const std::vector<std::string>& words, std::initializer_list<std::string_view> stems) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::any_of(stems.begin(), stems.end(), [&](std::string_view s) { return starts_with(w, s); });
  });
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Role role_of(std::string_view header) {
  const std::string folded = normalize::fold_case(normalize::fold_spaces(header));
  if (folded.empty() || folded.size() > 60) return Role::other;
  const auto words = words_of(folded);
  if (words.empty()) return Role::other;
  // Codes first: "Kommunkod" starts like "Kommun".
  if (any_word_starts(words, {"kommunkod", "kommunnummer", "kommunnr", "kommun-kod"}) ||
      (words.size() <= 2 && words.front() == "kod") || (words.size() == 2 && words[0] == "kommun" && words[1] == "kod")) {
    return Role::code;
  }
  if (any_word_starts(words, {"länskod", "länkod", "länsnummer", "länsnr"}) ||
      (words.size() == 2 && words[0] == "län" && words[1] == "kod")) {
    return Role::county_code;
  }
  if (folded.find('%') != std::string::npos || any_word_starts(words, {"andel", "procent", "antal"})) {
    return Role::other;
  }
  if (words.front() == "kommun" || words.front() == "kommuner" || words.front() == "kommunnamn" ||
      (words.size() <= 2 && any_of_words(words, {"mottagare", "mottagande"}) && words.size() <= 2)) {
    // "Kommun", "Kommuner", "Kommunnamn"; but "Kommunens andel" was excluded above.
    return Role::name;
  }
  if ((words.front() == "län" || words.front() == "länsnamn") && words.size() <= 2) return Role::county;
  if (any_word_starts(words, {"belopp", "maxbelopp", "fördelning", "tilldelning", "tilldelat", "bidrag",
                              "statsbidrag", "medel", "rekvirerbart", "ram"}) ||
      any_of_words(words, {"kr", "tkr", "kronor", "sek", "mnkr", "mkr", "max", "summa", "tusental", "tusentals"})) {
    return Role::amount;
  }
  return Role::other;
}

const std::string& cell_text(const std::vector<doc::Cell>& row, std::size_t column) {
  static const std::string empty;
  return column < row.size() ? row[column].text : empty;
}

namespace {

// Column groups from the roles of one header: a group ends where a key column (name, county,
// code) follows a group that already has its amount.
std::vector<Group> groups_of(const std::vector<std::string>& texts) {
  std::vector<Group> groups;
  Group cur;
  bool has_name = false, has_amount = false, open = false;
  auto close = [&](std::size_t last) {
    if (open && has_name && has_amount) {
      cur.last = last;
      groups.push_back(cur);
    }
    cur = Group{};
    has_name = has_amount = open = false;
  };
  for (std::size_t c = 0; c < texts.size(); ++c) {
    const Role r = role_of(texts[c]);
    if (r == Role::other) continue;
    const bool key = r == Role::name || r == Role::county || r == Role::code || r == Role::county_code;
    if (key && has_amount) close(c - 1);
    if (!open) {
      open = true;
      cur.first = c;
    }
    switch (r) {
      case Role::name:
        if (!has_name) cur.name = c;
        has_name = true;
        break;
      case Role::county:
        if (!cur.county) cur.county = c;
        break;
      case Role::code:
        if (!cur.code) cur.code = c;
        break;
      case Role::amount:
        if (!has_amount) {
          cur.amount = c;
          cur.unit = normalize::unit_from_header(texts[c]).value_or(normalize::Unit::kr);
        }
        has_amount = true;
        break;
      default:
        break;
    }
  }
  close(texts.empty() ? 0 : texts.size() - 1);
  // Columns between groups (e.g. "Andel (%)") belong to the group on their left.
  for (std::size_t g = 0; g + 1 < groups.size(); ++g) groups[g].last = groups[g + 1].first - 1;
  if (!groups.empty()) groups.back().last = texts.empty() ? 0 : texts.size() - 1;
  return groups;
}

std::vector<std::string> texts_of(const std::vector<doc::Cell>& row) {
  std::vector<std::string> t;
  t.reserve(row.size());
  for (const doc::Cell& c : row) t.push_back(c.text);
  return t;
}

}  // namespace

std::optional<Header> find_header(const doc::Table& table) {
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    auto texts = texts_of(table.rows[r]);
    auto groups = groups_of(texts);
    if (!groups.empty()) {
      // A unit on the line below ("Belopp" / "Tusental kronor") belongs to the header.
      if (r + 1 < table.rows.size()) {
        const auto& next = table.rows[r + 1];
        bool digits = false;
        for (const auto& c : next) digits = digits || has_digit(c.text);
        const std::string& below = cell_text(next, groups.front().amount);
        if (!digits && normalize::unit_from_header(below)) {
          for (std::size_t c = 0; c < texts.size(); ++c) {
            const std::string& b = cell_text(next, c);
            if (!b.empty()) texts[c] += " " + b;
          }
          auto joined = groups_of(texts);
          if (!joined.empty()) return Header{r + 1, texts.size(), std::move(joined), std::move(texts)};
        }
      }
      return Header{r, texts.size(), std::move(groups), std::move(texts)};
    }
    // A header printed over two lines ("Belopp" / "(tkr)", "Max" / "belopp"): read the two
    // rows column by column.
    if (r + 1 < table.rows.size()) {
      const auto& next = table.rows[r + 1];
      std::vector<std::string> joined(std::max(texts.size(), next.size()));
      bool digits = false;
      for (std::size_t c = 0; c < joined.size(); ++c) {
        const std::string a = c < texts.size() ? texts[c] : std::string();
        const std::string& b = cell_text(next, c);
        digits = digits || has_digit(b);
        joined[c] = a.empty() ? b : (b.empty() ? a : a + " " + b);
      }
      if (digits) continue;
      groups = groups_of(joined);
      if (!groups.empty()) return Header{r + 1, joined.size(), std::move(groups), std::move(joined)};
    }
  }
  return std::nullopt;
}

bool repeats_header(const std::vector<doc::Cell>& row, const Header& header) {
  for (const Group& g : header.groups) {
    if (role_of(cell_text(row, g.name)) == Role::name && role_of(cell_text(row, g.amount)) == Role::amount) {
      return true;
    }
  }
  return false;
}

}  // namespace bidrag::extract::alloc
