// The HTML block walker: headings, paragraphs, lists, definition lists, tables and link blocks.
#include "parse/html/blocks.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <string_view>
#include <unordered_map>

#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/text.h"
#include "parse/facts.h"
#include "parse/html/dom.h"
#include "bidrag/url/url.h"

namespace bidrag::parse::html {
namespace {

bool name_is(pugi::xml_node n, std::string_view name) { return n.type() == pugi::node_element && name == n.name(); }

bool in_list(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (n == name) return true;
  return false;
}

// Elements that start a block of their own; everything else is inline content.
bool is_block_element(pugi::xml_node n) {
  if (n.type() != pugi::node_element) return false;
  return in_list(n.name(), {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
                            "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
                            "figure", "figcaption", "address", "details", "summary", "pre", "hr", "form", "fieldset",
                            "body", "html", "center", "menu", "tr", "td", "th", "tbody", "thead", "tfoot"});
}

int heading_level(pugi::xml_node n) {
  const std::string_view name = n.name();
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

bool class_or_id_has(pugi::xml_node el, std::string_view word) {
  return lower_attr(el, "class").find(word) != std::string::npos || lower_attr(el, "id").find(word) != std::string::npos;
}

// A <br> inside inline text: paragraphs split there (contact cards), other blocks fold it.
constexpr char kLineBreak = '\x1e';

// Inline text and links of a subtree. Nested lists and tables are left to their own blocks
// when `skip_nested` is set.
struct Inline {
  std::string text;
  std::vector<doc::Link> links;
};

class Flattener {
 public:
  Flattener(const std::string& base, XPaths& xpaths) : base_(base), xpaths_(xpaths) {}

  Inline run(pugi::xml_node first, pugi::xml_node stop, bool skip_nested) {
    Inline out;
    for (pugi::xml_node n = first; n && n != stop; n = n.next_sibling()) add(n, out, skip_nested, nullptr);
    finish(out);
    return out;
  }
  Inline of(pugi::xml_node el, bool skip_nested) { return run(el.first_child(), {}, skip_nested); }
  // The same with line breaks folded to spaces.
  Inline joined(pugi::xml_node el, bool skip_nested) {
    Inline in = of(el, skip_nested);
    for (char& c : in.text)
      if (c == kLineBreak) c = ' ';
    return in;
  }

 private:
  void add(pugi::xml_node n, Inline& out, bool skip_nested, std::string* link_text) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      out.text += n.value();
      if (link_text) *link_text += n.value();
      return;
    }
    if (n.type() != pugi::node_element || is_chrome(n)) return;
    const std::string_view name = n.name();
    if (skip_nested && in_list(name, {"ul", "ol", "table", "dl"})) return;
    if (name == "br") {
      out.text += kLineBreak;
      if (link_text) *link_text += ' ';
      return;
    }
    if (name == "img") {
      // An image speaks through its alt text only inside a link (a linked cover image).
      if (link_text) {
        *link_text += n.attribute("alt").value();
        out.text += n.attribute("alt").value();
      }
      return;
    }
    const bool block = is_block_element(n);
    if (block) out.text += ' ';
    if (name == "a" && n.attribute("href") && !link_text) {
      std::string text;
      const std::size_t before = out.links.size();
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) add(c, out, skip_nested, &text);
      const std::string href = n.attribute("href").value();
      if (keep_href(href)) {
        doc::Link link;
        link.text = normalize::fold_spaces(text);
        link.href = resolved(href);
        link.where = doc::Locator::html(xpaths_.of(n));
        out.links.insert(out.links.begin() + static_cast<std::ptrdiff_t>(before), std::move(link));
      }
      return;
    }
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) add(c, out, skip_nested, link_text);
    if (block) out.text += ' ';
  }

  static bool keep_href(const std::string& href) {
    if (href.empty() || href[0] == '#') return false;
    std::string lower = href.substr(0, 11);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.rfind("javascript:", 0) != 0;
  }

  static void finish(Inline& out) {
    // Folded per line so the break marks survive for paragraph splitting.
    std::string folded;
    std::size_t i = 0;
    while (true) {
      const auto br = out.text.find(kLineBreak, i);
      const std::string line = normalize::fold_spaces(out.text.substr(i, br == std::string::npos ? std::string::npos : br - i));
      if (!line.empty()) {
        if (!folded.empty()) folded += kLineBreak;
        folded += line;
      }
      if (br == std::string::npos) break;
      i = br + 1;
    }
    out.text = std::move(folded);
  }

  // A page repeats its links (menus, a "read more" on every card, a hostile page one href 100,000
  // times): each distinct href is resolved once.
  const std::string& resolved(const std::string& href) {
    auto [it, fresh] = resolved_.try_emplace(href);
    if (fresh) it->second = url::resolve_href(base_, href);
    return it->second;
  }

  const std::string& base_;
  XPaths& xpaths_;
  std::unordered_map<std::string, std::string> resolved_;
};

class Walker {
 public:
  Walker(const std::string& base, std::vector<doc::Block>& out) : flat_(base, xpaths_), out_(out) {}

  void container(pugi::xml_node el) {
    pugi::xml_node run_start;
    for (pugi::xml_node n = el.first_child(); n; n = n.next_sibling()) {
      if (is_block_element(n)) {
        if (run_start) inline_run(el, run_start, n);
        run_start = {};
        if (!is_chrome(n)) element(n);
      } else if (!run_start) {
        run_start = n;
      }
    }
    if (run_start) inline_run(el, run_start, {});
  }

 private:
  void element(pugi::xml_node n) {
    const std::string_view name = n.name();
    if (const int level = heading_level(n)) {
      Inline in = flat_.joined(n, false);
      if (in.text.empty()) return;
      doc::Block b;
      b.kind = doc::BlockKind::heading;
      b.level = level;
      b.text = std::move(in.text);
      b.links = std::move(in.links);
      b.where = doc::Locator::html(xpaths_.of(n));
      out_.push_back(std::move(b));
    } else if (in_list(name, {"p", "address", "figcaption", "summary", "pre", "dt", "dd"})) {
      paragraph(flat_.of(n, true), n);
      nested(n);
    } else if (name == "ul" || name == "ol" || name == "menu") {
      list(n, name == "ol");
    } else if (name == "dl") {
      definitions(n);
    } else if (name == "table") {
      table(n);
    } else if (name == "li") {
      list_item(n, 0);
    } else if (name != "hr") {
      container(n);
    }
  }

  // Lists and tables inside a paragraph-like element still become their own blocks.
  void nested(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || is_chrome(c)) continue;
      if (in_list(c.name(), {"ul", "ol", "table", "dl"})) element(c);
    }
  }

  void inline_run(pugi::xml_node parent, pugi::xml_node first, pugi::xml_node stop) {
    paragraph(flat_.run(first, stop, true), parent);
  }

  // A paragraph with line breaks is one block per line (a contact card: name, e-mail, phone);
  // each link goes with the line that shows its text.
  void paragraph(Inline in, pugi::xml_node where) {
    if (date_widget(in, where)) return;
    if (in.text.find(kLineBreak) != std::string::npos) {
      std::vector<Inline> lines(1);
      for (char c : in.text) {
        if (c == kLineBreak) lines.emplace_back();
        else lines.back().text += c;
      }
      std::size_t at = 0;
      for (auto& link : in.links) {
        std::size_t k = at;
        // Looked for within the next lines only, so many links on many lines stay linear.
        const std::size_t last = std::min(lines.size(), at + 64);
        while (k < last && lines[k].text.find(link.text) == std::string::npos) ++k;
        if (k == last) k = lines.size();
        if (k == lines.size()) k = at;
        lines[k].links.push_back(std::move(link));
        at = k;
      }
      for (auto& line : lines) paragraph_line(std::move(line), where);
      return;
    }
    paragraph_line(std::move(in), where);
  }

  // "<p><strong>Sista ansökningsdag</strong><br>fredag, nov 1</p>": a bold label on the first
  // of two lines and a date on the second, as a calendar widget sets a date, is a fact (what
  // "Sista ansökningsdag: fredag, nov 1" would be).
  bool date_widget(const Inline& in, pugi::xml_node p) {
    const std::size_t br = in.text.find(kLineBreak);
    if (br == std::string::npos || in.text.find(kLineBreak, br + 1) != std::string::npos || !in.links.empty()) return false;
    pugi::xml_node first = p.first_child();
    while (first && first.type() == pugi::node_pcdata && normalize::is_blank(first.value())) first = first.next_sibling();
    if (!first || !(name_is(first, "strong") || name_is(first, "b"))) return false;
    auto label_of = [](std::string_view text) {
      std::string l = normalize::fold_spaces(text);
      while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
      return l;
    };
    std::string label = label_of(in.text.substr(0, br));
    const std::string value = normalize::fold_spaces(in.text.substr(br + 1));
    if (label.empty() || label.size() > 60 || label != label_of(flat_.of(first, false).text)) return false;
    if (label.find_first_of("0123456789") != std::string::npos) return false;
    normalize::DateContext any_year;  // whether it is a date at all: a year-less one is placed later
    any_year.document_year = 2000;
    const auto dates = normalize::find_dates(value, any_year);
    if (dates.empty() || !dates.front().date || dates.front().begin > 12) return false;
    doc::Block b;
    b.kind = doc::BlockKind::fact;
    b.text = std::move(label);
    b.value = value;
    b.where = doc::Locator::html(xpaths_.of(p));
    out_.push_back(std::move(b));
    return true;
  }

  void paragraph_line(Inline in, pugi::xml_node where) {
    if (in.text.empty()) return;
    doc::Block b;
    b.where = doc::Locator::html(xpaths_.of(where));
    if (in.links.size() == 1 && in.links[0].text == in.text) {
      // A paragraph that is one link (a button, a lone document link) is a link block.
      b.kind = doc::BlockKind::link;
      b.href = in.links[0].href;
    } else if (auto lv = split_label_value(in.text)) {
      b.kind = doc::BlockKind::fact;
      b.value = lv->value;
      in.text = lv->label;
    } else {
      b.kind = doc::BlockKind::paragraph;
    }
    b.text = std::move(in.text);
    b.links = std::move(in.links);
    out_.push_back(std::move(b));
  }

  void list(pugi::xml_node n, bool ordered) {
    int ordinal = ordered ? n.attribute("start").as_int(1) : 0;
    for (pugi::xml_node li = n.first_child(); li; li = li.next_sibling()) {
      if (!name_is(li, "li")) {
        if (li.type() == pugi::node_element && !is_chrome(li)) element(li);
        continue;
      }
      if (is_chrome(li)) continue;
      list_item(li, ordinal);
      if (ordered) ++ordinal;
    }
  }

  void list_item(pugi::xml_node li, int ordinal) {
    Inline in = flat_.joined(li, true);
    if (!in.text.empty()) {
      doc::Block b;
      b.kind = doc::BlockKind::list_item;
      b.ordinal = ordinal;
      b.text = std::move(in.text);
      b.links = std::move(in.links);
      b.where = doc::Locator::html(xpaths_.of(li));
      out_.push_back(std::move(b));
    }
    for (pugi::xml_node c = li.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || is_chrome(c)) continue;
      if (in_list(c.name(), {"ul", "ol", "table", "dl"})) element(c);
      // Lists nested one level deeper (li > div > ul) are rare; flattened text keeps them.
    }
  }

  // <dt>/<dd> pairs, possibly wrapped in <div>s, become facts.
  void definitions(pugi::xml_node dl) {
    std::vector<pugi::xml_node> items;
    for (pugi::xml_node c = dl.first_child(); c; c = c.next_sibling()) {
      if (name_is(c, "div")) {
        for (pugi::xml_node d = c.first_child(); d; d = d.next_sibling())
          if (name_is(d, "dt") || name_is(d, "dd")) items.push_back(d);
      } else if (name_is(c, "dt") || name_is(c, "dd")) {
        items.push_back(c);
      }
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!name_is(items[i], "dt")) continue;
      Inline label = flat_.joined(items[i], true);
      std::string value;
      std::vector<doc::Link> links = label.links;
      std::size_t j = i + 1;
      for (; j < items.size() && name_is(items[j], "dd"); ++j) {
        Inline v = flat_.joined(items[j], true);
        if (!value.empty() && !v.text.empty()) value += ' ';
        value += v.text;
        links.insert(links.end(), v.links.begin(), v.links.end());
      }
      std::string text = label.text;
      while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.pop_back();
      if (text.empty() && value.empty()) continue;
      doc::Block b;
      b.kind = doc::BlockKind::fact;
      b.text = std::move(text);
      b.value = std::move(value);
      b.links = std::move(links);
      b.where = doc::Locator::html(xpaths_.of(items[i]));
      out_.push_back(std::move(b));
      i = j - 1;
    }
  }

  // A table's rows in display order (<thead>, then <tbody> and bare <tr> in source order, then
  // <tfoot>); a cell spanning rows or columns gives its text to each row and column it covers
  // (spans stay inside their row group, as in HTML). The <caption> is the table's caption.
  void table(pugi::xml_node t) {
    doc::Block b;
    b.kind = doc::BlockKind::table;
    b.where = doc::Locator::html(xpaths_.of(t));
    std::vector<std::vector<pugi::xml_node>> groups;  // row groups in display order
    std::vector<pugi::xml_node> head, foot, bare;
    std::vector<std::vector<pugi::xml_node>> bodies;
    pugi::xml_node caption;
    for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling()) {
      if (name_is(c, "caption") && !caption) caption = c;
      if (name_is(c, "tr")) {
        bare.push_back(c);
        continue;
      }
      if (!bare.empty()) bodies.push_back(std::move(bare)), bare.clear();
      if (name_is(c, "thead") || name_is(c, "tbody") || name_is(c, "tfoot")) {
        std::vector<pugi::xml_node>& into = name_is(c, "thead") ? head : name_is(c, "tfoot") ? foot : bodies.emplace_back();
        for (pugi::xml_node tr = c.first_child(); tr; tr = tr.next_sibling())
          if (name_is(tr, "tr")) into.push_back(tr);
      }
    }
    if (!bare.empty()) bodies.push_back(std::move(bare));
    groups.push_back(std::move(head));
    for (auto& body : bodies) groups.push_back(std::move(body));
    groups.push_back(std::move(foot));

    for (const auto& group : groups) {
      // Cells carried down by rowspan: column → (text, rows still to cover).
      std::map<std::size_t, std::pair<std::string, int>> carried;
      for (std::size_t r = 0; r < group.size(); ++r) {
        std::vector<doc::Cell> row;
        std::vector<bool> taken;
        auto place = [&](std::size_t col, const std::string& text) {
          if (row.size() <= col) row.resize(col + 1), taken.resize(col + 1, false);
          row[col].text = text;
          taken[col] = true;
        };
        for (auto& [col, cell] : carried)
          if (cell.second > 0) place(col, cell.first);
        std::size_t col = 0;
        bool own = false;
        for (pugi::xml_node c = group[r].first_child(); c; c = c.next_sibling()) {
          if (!name_is(c, "td") && !name_is(c, "th")) continue;
          while (col < taken.size() && taken[col]) ++col;
          Inline in = flat_.joined(c, false);
          b.links.insert(b.links.end(), in.links.begin(), in.links.end());
          const int colspan = std::clamp(c.attribute("colspan").as_int(1), 1, 1000);
          int rowspan = c.attribute("rowspan").as_int(1);
          if (rowspan == 0) rowspan = static_cast<int>(group.size() - r);  // to the end of the group
          rowspan = std::clamp(rowspan, 1, 65534);
          for (int k = 0; k < colspan; ++k) {
            place(col + static_cast<std::size_t>(k), in.text);
            if (rowspan > 1) carried[col + static_cast<std::size_t>(k)] = {in.text, rowspan};
          }
          col += static_cast<std::size_t>(colspan);
          own = true;
        }
        for (auto it = carried.begin(); it != carried.end();) {
          if (--it->second.second <= 0) {
            it = carried.erase(it);
          } else {
            ++it;
          }
        }
        if (!own || row.empty()) continue;
        b.table.rows.push_back(std::move(row));
        b.table.row_where.push_back(doc::Locator::html(xpaths_.of(group[r])));
      }
    }
    if (b.table.rows.empty()) return;
    if (caption) b.table.caption = flat_.joined(caption, false).text;
    out_.push_back(std::move(b));
  }

  XPaths xpaths_;
  Flattener flat_;
  std::vector<doc::Block>& out_;
};

}  // namespace

bool is_chrome(pugi::xml_node el) {
  if (el.type() != pugi::node_element) return false;
  const std::string_view name = el.name();
  if (in_list(name, {"script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "select",
                     "input", "textarea", "iframe", "svg", "object", "head", "dialog"}))
    return true;
  if (el.attribute("hidden") || lower_attr(el, "aria-hidden") == "true") return true;
  const std::string role = lower_attr(el, "role");
  if (in_list(role, {"navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog"}))
    return true;
  static constexpr std::array<std::string_view, 9> kChromeWords{"cookie", "breadcrumb", "skip",    "share", "consent",
                                                                "sidebar", "site-header", "site-footer", "no-print"};
  for (auto w : kChromeWords)
    if (class_or_id_has(el, w)) return true;
  // A page header outside the article (logo, search, menu) is chrome; a header inside the
  // content (holding the h1) is not, and is only reached when the content root is inside it.
  if (name == "header") {
    for (pugi::xml_node p = el.parent(); p; p = p.parent())
      if (name_is(p, "main") || name_is(p, "article")) return false;
    return true;
  }
  return false;
}

void collect_blocks(pugi::xml_node root, const std::string& base_url, std::vector<doc::Block>& out) {
  Walker walker(base_url, out);
  walker.container(root);
}

}  // namespace bidrag::parse::html
