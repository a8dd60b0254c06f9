// Header recognition for allocation lists: the vocabulary of Swedish allocation tables
// (data/vocabulary.tsv, sets list_column_*) decides what a column holds, never its position
// or the column count.
#include "allocation_list_header.h"

#include <algorithm>
#include <set>

#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"
#include "extract/page.h"
#include "extract/title_year.h"

namespace bidrag::extract::alloc {
namespace {

// The words of a header: runs between spaces and the punctuation of headers ("Belopp (tkr)": 2).
std::size_t header_words(std::string_view folded) {
  std::size_t n = 0;
  bool in = false;
  for (char c : folded) {
    const bool sep = c == ' ' || c == '(' || c == ')' || c == ',' || c == ':' || c == '/';
    if (!sep && !in) ++n;
    in = !sep;
  }
  return n;
}

}  // namespace

ColumnRole column_role(std::string_view header) {
  const std::string folded = normalize::fold_case(normalize::fold_spaces(header));
  if (folded.empty() || folded.size() > 60) return {};
  if (folded.find('%') != std::string::npos || vocab::set("list_column_skip").in(folded)) return {};
  if (auto m = vocab::set("list_column_code").find(folded)) {
    // "Kod" alone, or with one more word ("Kod (SCB)"); "kod" inside a longer header is no code column.
    if (m->entry->folded.size() > 3 || header_words(folded) <= 2) {
      const std::string& k = m->meaning();
      return {k == "county_code" ? Role::county_code : k == "org_number" ? Role::org_number : Role::code, k};
    }
  }
  if (auto m = vocab::set("list_column_name").starts(folded)) {
    if (m->meaning() == "lan") {
      if (header_words(folded) <= 2) return {Role::county, "lan"};
    } else if (m->meaning() != "any" || header_words(folded) <= 2) {
      return {Role::name, m->meaning()};
    }
  }
  if (auto m = vocab::set("list_column_amount").find(folded)) return {Role::amount, m->meaning()};
  // A bare year over an amount column ("Kommun | 2024 | 2025").
  if (folded.size() == 4 && year_in(folded)) return {Role::amount, "amount"};
  if (normalize::unit_from_header(folded)) return {Role::amount, "amount"};
  return {};
}

const std::string& cell_text(const std::vector<doc::Cell>& row, std::size_t column) {
  static const std::string empty;
  return column < row.size() ? row[column].text : empty;
}

namespace {

// Which amount column is the ceiling, and what the others are.
void settle_amounts(Group& g, std::vector<AmountColumn> amounts) {
  if (amounts.empty()) return;
  std::vector<AmountColumn> unpaid;
  for (const auto& a : amounts) {
    if (a.meaning != "paid") unpaid.push_back(a);
  }
  if (unpaid.empty()) unpaid = amounts;  // only "Utbetalt": what was paid is all the list says
  std::set<int> years;
  for (const auto& a : unpaid) {
    if (a.year) years.insert(*a.year);
  }
  const AmountColumn* ceiling = &unpaid.front();
  if (unpaid.size() >= 2 && years.size() == unpaid.size() &&
      std::none_of(unpaid.begin(), unpaid.end(), [](const AmountColumn& a) { return a.meaning == "sum"; })) {
    g.years = unpaid;  // "Bidrag 2024 | Bidrag 2025"
  } else if (auto total = std::find_if(unpaid.begin(), unpaid.end(), [](const AmountColumn& a) { return a.meaning == "sum"; });
             total != unpaid.end() && unpaid.size() >= 2) {
    ceiling = &*total;  // "Grundbelopp | Tillägg | Totalt": the total is the ceiling
    for (const auto& a : unpaid) {
      if (a.column != total->column && a.meaning != "sum") g.parts.push_back(a);
    }
  } else if (auto granted = std::find_if(unpaid.begin(), unpaid.end(), [](const AmountColumn& a) { return a.meaning == "granted"; });
             granted != unpaid.end()) {
    ceiling = &*granted;  // "Beviljat | Utbetalt": the granted amount is the ceiling
  }
  g.amount = ceiling->column;
  g.unit = ceiling->unit;
  if (g.unit == normalize::Unit::kr) {
    for (const auto& a : amounts) {
      if (a.unit != normalize::Unit::kr) g.unit = a.unit;
    }
  }
}

// Column groups from the roles of one header: a group ends where a key column (name, county,
// code) follows a group that already has its amount.
std::vector<Group> groups_of(const std::vector<std::string>& texts) {
  std::vector<Group> groups;
  Group cur;
  std::vector<AmountColumn> amounts;
  bool has_name = false, open = false;
  auto close = [&](std::size_t last) {
    if (open && !has_name && cur.county && !amounts.empty()) {
      // A table of counties: "Län | Belopp".
      cur.name = *cur.county;
      cur.county.reset();
      cur.recipient_kind = record::RecipientKind::lan;
      has_name = true;
    }
    if (open && has_name && !amounts.empty()) {
      cur.last = last;
      settle_amounts(cur, std::move(amounts));
      groups.push_back(cur);
    }
    cur = Group{};
    amounts.clear();
    has_name = open = false;
  };
  for (std::size_t c = 0; c < texts.size(); ++c) {
    const ColumnRole r = column_role(texts[c]);
    if (r.role == Role::other) continue;
    const bool key = r.role != Role::amount;
    if (key && !amounts.empty()) close(c - 1);
    if (!open) {
      open = true;
      cur.first = c;
    }
    switch (r.role) {
      case Role::name:
        if (!has_name) {
          cur.name = c;
          cur.recipient_kind = record::recipient_kind_named(r.meaning);
        }
        has_name = true;
        break;
      case Role::county:
        if (!cur.county) cur.county = c;
        break;
      case Role::code:
        if (!cur.code) cur.code = c;
        break;
      case Role::org_number:
        if (!cur.org_number) cur.org_number = c;
        break;
      case Role::amount: {
        AmountColumn a;
        a.column = c;
        a.header = normalize::fold_spaces(texts[c]);
        a.meaning = r.meaning;
        a.unit = normalize::unit_from_header(texts[c]).value_or(normalize::Unit::kr);
        a.year = year_in(texts[c]);
        amounts.push_back(std::move(a));
        break;
      }
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
    // The digit test first: a row of data is told apart without matching the vocabulary.
    const std::string& amount = cell_text(row, g.amount);
    if (has_digit(amount)) continue;
    const Role name = role_of(cell_text(row, g.name));
    if ((name == Role::name || name == Role::county) && role_of(amount) == Role::amount) return true;
  }
  return false;
}

}  // namespace bidrag::extract::alloc
