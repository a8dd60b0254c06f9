// Reading allocation-list rows: municipality rows, county sub-headers and subtotals, the grand
// total, names wrapped over two lines, and tables continued over pages, all by content.
#include "allocation_list_rows.h"

#include <algorithm>
#include <array>

#include "allocation_list_header.h"
#include "allocation_list_recipient.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"

namespace bidrag::extract::alloc {
namespace {

const normalize::Registry& registry() { return normalize::Registry::instance(); }

// Trailing footnote markers and a colon do not change what a label says.
std::string label_key(std::string_view label) {
  std::string s = normalize::fold_case(normalize::fold_spaces(label));
  for (;;) {
    if (s.empty()) break;
    const char c = s.back();
    if (c == '*' || c == ':' || c == ')' || (c >= '0' && c <= '9' && s.size() > 1 && s[s.size() - 2] == '*')) {
      s.pop_back();
    } else if (s.size() >= 2 && (static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) &&
               (s.back() == '\xB9' || s.back() == '\xB2' || s.back() == '\xB3')) {
      s.resize(s.size() - 2);  // ¹ ² ³
    } else if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
               static_cast<unsigned char>(s[s.size() - 2]) == 0x81) {
      s.resize(s.size() - 3);  // ⁰ ⁴ … ⁹
    } else {
      break;
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
  }
  return s;
}

bool is_county_label(std::string_view label) {
  const std::string key = label_key(label);
  return vocab::set("county_word").in(key) && registry().county_code(label) != nullptr;
}

doc::Locator row_locator(const doc::Block& block, std::size_t row_index, const std::vector<doc::Cell>& row,
                         const Group& g) {
  // Spreadsheets and CSV files know each row's own place (sheet and row, or line).
  if ((block.where.kind == doc::Locator::Kind::sheet || block.where.kind == doc::Locator::Kind::text) &&
      row_index < block.table.row_where.size())
    return block.table.row_where[row_index];
  if (block.where.kind == doc::Locator::Kind::html) {
    return doc::Locator::html("(" + block.where.xpath + "//tr)[" + std::to_string(row_index + 1) + "]");
  }
  if (block.where.kind == doc::Locator::Kind::text) return block.where;
  std::optional<doc::BBox> box;
  for (std::size_t c = g.first; c <= g.last && c < row.size(); ++c) {
    if (normalize::is_blank(row[c].text)) continue;
    box = box ? box->united(row[c].bbox) : row[c].bbox;
  }
  const int page = block.table.page > 0 ? block.table.page : block.where.page;
  return doc::Locator::pdf(page, box.value_or(block.table.bbox));
}

struct Fragment {
  std::string text;
  doc::Locator where;
};

// The rows of one column group of one table block.
class GroupReader {
 public:
  GroupReader(const doc::Block& block, const Group& g, Reading& out) : block_(block), g_(g), out_(out) {}

  // The row of the grand total, when the group reached it.
  std::optional<std::size_t> read(std::size_t from, const Header& header) {
    const auto& rows = block_.table.rows;
    for (std::size_t r = from; r < rows.size(); ++r) {
      if (row(r, rows[r], header)) return r;
    }
    return std::nullopt;
  }

 private:
  bool row(std::size_t r, const std::vector<doc::Cell>& cells, const Header& header) {
    std::vector<std::string> texts;
    bool any = false;
    for (std::size_t c = g_.first; c <= g_.last; ++c) {
      texts.push_back(normalize::fold_spaces(cell_text(cells, c)));
      any = any || !texts.back().empty();
    }
    if (!any || repeats_header(cells, header)) return false;
    // A name printed over several lines comes as lines separated by '\n' (PDF word boxes).
    std::vector<std::string> printed_lines;
    for (std::string_view raw = cell_text(cells, g_.name); !raw.empty();) {
      const std::size_t nl = std::min(raw.find('\n'), raw.size());
      if (std::string l = normalize::fold_spaces(raw.substr(0, nl)); !l.empty()) printed_lines.push_back(std::move(l));
      raw.remove_prefix(std::min(nl + 1, raw.size()));
    }
    const std::string name = join_lines(printed_lines);
    const std::string amount = normalize::fold_spaces(cell_text(cells, g_.amount));
    std::string label = name;
    for (std::size_t c = g_.first; label.empty() && c <= g_.last; ++c) {
      if (c != g_.amount) label = normalize::fold_spaces(cell_text(cells, c));
    }
    const doc::Locator where = row_locator(block_, r, cells, g_);
    std::optional<std::string> county;
    if (is_total_label(label)) {
      if (amount.empty()) return false;
      push_all(Entry::Kind::total, label, {}, cells, texts, where);
      return true;
    }
    if (!amount.empty() && is_subtotal_label(label, county)) {
      push(Entry::Kind::subtotal, label, {}, amount, texts, where).county_code = county;
      pending_.clear();
      return false;
    }
    if (amount.empty() && is_county_label(label)) {
      pending_.clear();
      last_muni_row_.reset();
      return false;
    }
    if (name.empty()) return false;
    if (amount.empty()) {
      fragment(r, name, where);
      return false;
    }
    std::vector<std::string> lines;
    for (const Fragment& f : pending_) lines.push_back(f.text);
    lines.insert(lines.end(), printed_lines.begin(), printed_lines.end());
    doc::Locator at = where;
    if (!pending_.empty()) {
      const std::string joined = join_lines(lines);
      if (!resolves(g_.recipient_kind, joined) && resolves(g_.recipient_kind, name)) {
        lines = printed_lines;  // the pending text was a heading inside the table, not part of the name
      } else {
        for (const Fragment& f : pending_) at = united(f.where, at);
      }
      pending_.clear();
    }
    const std::string printed = join_lines(lines);
    push_all(Entry::Kind::municipality, printed, lines.size() > 1 ? lines : std::vector<std::string>{}, cells, texts, at);
    last_muni_row_ = r;
    return false;
  }

  // A row with a name and nothing else: the second line of the name above, or the first line
  // of the name below.
  void fragment(std::size_t r, const std::string& text, const doc::Locator& where) {
    if (last_muni_row_ && *last_muni_row_ + 1 == r && pending_.empty() && !out_.entries.empty() &&
        out_.entries.back().kind == Entry::Kind::municipality) {
      Entry& last = out_.entries.back();
      std::vector<std::string> lines = last.name_lines.empty() ? std::vector<std::string>{last.label} : last.name_lines;
      lines.push_back(text);
      const std::string joined = join_lines(lines);
      if (resolves(g_.recipient_kind, joined) || !resolves(g_.recipient_kind, last.label)) {
        last.label = joined;
        last.name_lines = lines;
        last.where = united(last.where, where);
        last_muni_row_ = r;
        return;
      }
    }
    pending_.push_back({text, where});
  }

  static doc::Locator united(const doc::Locator& a, const doc::Locator& b) {
    if (a.kind != doc::Locator::Kind::pdf || b.kind != doc::Locator::Kind::pdf || a.page != b.page) return a;
    doc::Locator u = a;
    u.bbox = a.bbox.united(b.bbox);
    return u;
  }

  // One entry per year column (or the one amount column), with the row's parts.
  void push_all(Entry::Kind kind, const std::string& label, const std::vector<std::string>& lines,
                const std::vector<doc::Cell>& row, const std::vector<std::string>& texts, const doc::Locator& where) {
    if (g_.years.empty()) {
      Entry& e = push(kind, label, lines, normalize::fold_spaces(cell_text(row, g_.amount)), texts, where);
      with_row(e, row);
      return;
    }
    for (const AmountColumn& y : g_.years) {
      const std::string amount = normalize::fold_spaces(cell_text(row, y.column));
      if (amount.empty()) continue;
      Entry& e = push(kind, label, lines, amount, texts, where, y.unit);
      e.year = y.year;
      with_row(e, row);
    }
  }

  // The row's parts and organisation number.
  void with_row(Entry& e, const std::vector<doc::Cell>& row) {
    e.recipient_kind = g_.recipient_kind;
    if (g_.org_number) e.org_number = normalize::fold_spaces(cell_text(row, *g_.org_number));
    for (const AmountColumn& p : g_.parts) {
      const std::string printed = normalize::fold_spaces(cell_text(row, p.column));
      if (printed.empty()) continue;
      const auto parsed = normalize::parse_amount_cell(printed, p.unit == normalize::Unit::kr ? g_.unit : p.unit);
      if (!parsed.match) continue;
      e.parts.push_back({p.header, printed, parsed.match->ore});
    }
  }

  Entry& push(Entry::Kind kind, const std::string& label, std::vector<std::string> lines, const std::string& amount,
              const std::vector<std::string>& cells, const doc::Locator& where) {
    return push(kind, label, std::move(lines), amount, cells, where, g_.unit);
  }

  Entry& push(Entry::Kind kind, const std::string& label, std::vector<std::string> lines, const std::string& amount,
              const std::vector<std::string>& cells, const doc::Locator& where, normalize::Unit unit) {
    Entry e;
    e.kind = kind;
    e.label = label;
    e.name_lines = std::move(lines);
    e.amount_as_printed = amount;
    const auto parsed = normalize::parse_amount_cell(amount, unit);
    if (parsed.match) {
      e.ore = parsed.match->ore;
    } else {
      e.amount_error = parsed.error.value_or("not an amount");
    }
    e.cells = cells;
    e.where = where;
    out_.entries.push_back(std::move(e));
    return out_.entries.back();
  }

  const doc::Block& block_;
  const Group& g_;
  Reading& out_;
  std::vector<Fragment> pending_;
  std::optional<std::size_t> last_muni_row_;
};

// A grand total printed as a line of text below the table ("Totalt 243 500 000").
void total_from_text(const doc::Document& d, Reading& out) {
  for (std::size_t i = out.last_block + 1; i < d.blocks.size() && i <= out.last_block + 3; ++i) {
    const doc::Block& b = d.blocks[i];
    if (b.kind == doc::BlockKind::table) break;
    const std::string text = normalize::fold_spaces(b.text);
    const auto digit = text.find_first_of("0123456789");
    if (digit == std::string::npos || digit == 0) continue;
    const std::string label = normalize::fold_spaces(text.substr(0, digit));
    if (!is_total_label(label)) continue;
    const std::string amount = text.substr(digit);
    const auto parsed = normalize::parse_amount_cell(amount, out.unit);
    if (!parsed.match) continue;
    Entry e;
    e.kind = Entry::Kind::total;
    e.label = label;
    e.amount_as_printed = amount;
    e.ore = parsed.match->ore;
    e.cells = {label, amount};
    e.where = b.where;
    out.entries.push_back(std::move(e));
    return;
  }
}

}  // namespace

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    if (!out.empty() && out.back() != '-') out += ' ';
    out += l;
  }
  return out;
}

bool is_total_label(std::string_view label) {
  return vocab::set("list_total_label").equals(label_key(label)).has_value();
}

bool is_subtotal_label(std::string_view label, std::optional<std::string>& county_code) {
  const std::string key = label_key(label);
  for (const vocab::Entry* e : vocab::set("list_subtotal_label").entries()) {
    if (key.rfind(e->folded, 0) != 0) continue;
    if (key.size() > e->folded.size() && key[e->folded.size()] != ' ') continue;
    const std::string rest = normalize::fold_spaces(key.substr(e->folded.size()));
    if (const std::string* cc = registry().county_code(rest)) {
      county_code = *cc;
      return true;
    }
    if (e->meaning == "any") return true;
  }
  return false;
}

bool resolves(std::optional<record::RecipientKind> kind, std::string_view name) {
  if (normalize::is_blank(name)) return false;
  if (!kind || kind == record::RecipientKind::organisation) return true;
  return resolve_recipient(kind, name, {}).found;
}

namespace {

// The next table block after `i` on the page after block i's, when it opens with the same
// header: a table the print went on with on the next page.
bool continues_on_next_page(const doc::Document& d, std::size_t i, const Header& header) {
  const doc::Block& b = d.blocks[i];
  for (std::size_t j = i + 1; j < d.blocks.size(); ++j) {
    const doc::Block& next = d.blocks[j];
    if (next.kind != doc::BlockKind::table || next.table.rows.empty()) continue;
    if (b.where.kind != doc::Locator::Kind::pdf || next.where.page != b.where.page + 1) return false;
    const std::optional<Header> h = find_header(next.table);
    return h && h->texts == header.texts && h->row + 1 < next.table.rows.size();
  }
  return false;
}

// A browser prints a table's footer (<tfoot>) at the foot of every page the table runs over:
// a total that stood last on a page, before the same table went on on the next, is that
// repetition. It goes when the list's last total is the same; otherwise the last one stands,
// with a warning.
void drop_repeated_totals(Reading& out, const std::vector<std::size_t>& repeated) {
  std::vector<bool> drop(out.entries.size(), false);
  for (const std::size_t k : repeated) {
    const Entry& t = out.entries[k];
    bool same = false;
    for (std::size_t m = k + 1; m < out.entries.size(); ++m) {
      const Entry& later = out.entries[m];
      if (later.kind == Entry::Kind::total && later.year == t.year) same = later.ore == t.ore && later.label == t.label;
    }
    if (!same) {
      out.warnings.push_back("the total '" + normalize::excerpt(t.label) + "' " + t.amount_as_printed +
                             " at the foot of a page is followed by more rows of the same table; the last total stands");
    }
    drop[k] = true;
  }
  std::size_t k = 0;
  std::erase_if(out.entries, [&](const Entry&) { return drop[k++]; });
}

}  // namespace

Reading read_list(const doc::Document& d) {
  Reading out;
  std::optional<Header> last;
  bool done = false;
  std::vector<std::size_t> repeated_totals;  // entries of totals a page's foot repeated
  for (std::size_t i = 0; i < d.blocks.size() && !done; ++i) {
    const doc::Block& b = d.blocks[i];
    if (b.kind != doc::BlockKind::table || b.table.rows.empty()) continue;
    std::optional<Header> h = find_header(b.table);
    std::size_t from = 0;
    if (h) {
      from = h->row + 1;
    } else if (last && b.table.rows.front().size() == last->width) {
      h = last;  // a continuation page whose header was not repeated
    } else {
      continue;
    }
    if (!out.found) {
      out.found = true;
      out.first_block = i;
      out.unit = h->groups.front().unit;
      out.recipient_kind = h->groups.front().recipient_kind;
      out.several_years = !h->groups.front().years.empty();
      // Room for an entry per table row from here on (a long list's entries would otherwise be
      // reallocated up to twice their size); side-by-side groups may add more.
      std::size_t table_rows = 0;
      for (std::size_t j = i; j < d.blocks.size(); ++j)
        if (d.blocks[j].kind == doc::BlockKind::table) table_rows += d.blocks[j].table.rows.size();
      out.entries.reserve(table_rows);
    }
    out.last_block = i;
    last = h;
    const std::size_t entries_before = out.entries.size();
    std::optional<std::size_t> total_row;
    for (const Group& g : h->groups) {
      GroupReader reader(b, g, out);
      if (const auto r = reader.read(from, *h)) total_row = std::max(total_row.value_or(0), *r);
    }
    if (!total_row) continue;
    if (*total_row + 1 == b.table.rows.size() && continues_on_next_page(d, i, *h)) {
      for (std::size_t k = entries_before; k < out.entries.size(); ++k)
        if (out.entries[k].kind == Entry::Kind::total) repeated_totals.push_back(k);
      continue;
    }
    done = true;
  }
  if (!repeated_totals.empty()) drop_repeated_totals(out, repeated_totals);
  if (out.found && std::none_of(out.entries.begin(), out.entries.end(),
                                [](const Entry& e) { return e.kind == Entry::Kind::total; })) {
    total_from_text(d, out);
  }
  return out;
}

}  // namespace bidrag::extract::alloc
