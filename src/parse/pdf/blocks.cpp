// Groups lines into blocks the way a reader sees them: a change of size, weight, indent or a
// gap wider than the line spacing starts a new block; list markers and "Label: value" lines
// are blocks of their own. Heading levels rank the heading sizes actually used.
#include "blocks.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "bidrag/normalize/text.h"

namespace bidrag::parse::pdf {
namespace {

constexpr double size_tolerance = 0.6;  // points: the same style, rounding aside

bool is_bullet(const std::string& t) {
  return t == "•" || t == "-" || t == "–" || t == "*" || t == "·" || t == "◦" || t == "▪" || t == "●" ||
         t == "\xEF\x82\xB7";  // Symbol-font bullet in the private use area (Word)
}

// 1-based number of an ordered-list marker ("1.", "12)"), 0 otherwise.
int ordinal_of(const std::string& t) {
  if (t.size() < 2 || t.size() > 3 || (t.back() != '.' && t.back() != ')')) return 0;
  int n = 0;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] < '0' || t[i] > '9') return 0;
    n = n * 10 + (t[i] - '0');
  }
  return n;
}

bool is_marker_line(const Line& l) {
  return l.words.size() >= 2 && (is_bullet(l.words.front()->text) || ordinal_of(l.words.front()->text) > 0);
}

bool heading_style(const Line& l, double body) {
  return l.size >= body * 1.12 && (l.bold || l.size >= body * 1.45) && l.words.size() <= 25;
}

bool ends_sentence(const std::string& t) {
  return !t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == '!' || t.back() == '?');
}

struct Group {
  doc::BlockKind kind = doc::BlockKind::paragraph;
  std::vector<const Line*> lines;
  double text_x0 = 0;  // where continuation lines start
  int ordinal = 0;
  std::string label, value;  // fact
};

// The href of the link that covers the whole line, or null.
const std::string* whole_line_link(const Line& l, const std::vector<Page>& pages) {
  const Page& p = pages[static_cast<std::size_t>(l.page - 1)];
  for (const doc::Link& link : p.links) {
    const doc::BBox& b = link.where.bbox;
    if (b.x0 <= l.box.x0 + 2 && b.x1 >= l.box.x1 - 2 && b.y0 <= l.box.y1 && b.y1 >= l.box.y0) return &link.href;
  }
  return nullptr;
}

// Whether `l` continues the group whose last line is `last`.
bool continues(const Group& g, const Line& l, double body, const std::vector<Page>& pages) {
  if (g.lines.empty() || g.kind == doc::BlockKind::fact) return false;
  const Line& last = *g.lines.back();
  // Lines that are each one whole link of their own are a list of links (menus, document lists).
  const std::string* a = whole_line_link(last, pages);
  const std::string* b = a ? whole_line_link(l, pages) : nullptr;
  if (a && b && *a != *b) return false;
  if (std::abs(l.size - last.size) > size_tolerance || l.bold != last.bold) return false;
  if (is_marker_line(l)) return false;
  if (heading_style(l, body) != heading_style(last, body)) return false;
  const double em = std::max(1.0, l.size);
  if (l.page == last.page + 1) {
    // A paragraph running over a page break: same indent, and the sentence is unfinished.
    return std::abs(l.box.x0 - g.text_x0) <= 0.8 * em && !ends_sentence(last.text);
  }
  if (l.page != last.page) return false;
  const double gap = l.box.y0 - last.box.y1;
  if (gap > 0.6 * em || gap < -0.5 * em) return false;
  if (g.lines.size() == 1 && g.kind == doc::BlockKind::paragraph) {
    // The first line may be indented (or outdented) against the rest.
    return l.box.x0 <= g.text_x0 + 0.8 * em && l.box.x0 >= g.text_x0 - 4 * em;
  }
  return std::abs(l.box.x0 - g.text_x0) <= 0.8 * em;
}

// Every link annotation of the block's pages whose box lies on one of the block's lines.
std::vector<doc::Link> links_over(const Group& g, const std::vector<Page>& pages) {
  std::vector<doc::Link> out;
  for (const Line* l : g.lines) {
    const Page& p = pages[static_cast<std::size_t>(l->page - 1)];
    for (const doc::Link& link : p.links) {
      const doc::BBox& b = link.where.bbox;
      const double dy = std::min(b.y1, l->box.y1) - std::max(b.y0, l->box.y0);
      const double dx = std::min(b.x1, l->box.x1) - std::max(b.x0, l->box.x0);
      if (dy < 0.5 * std::min(b.height(), l->box.height()) || dx <= 0) continue;
      // A link wrapped over two lines comes as one annotation per line: keep it one link.
      if (!out.empty() && out.back().href == link.href &&
          out.back().where.bbox.y1 <= b.y0 + 1 && out.back().where.page == link.where.page) {
        out.back().text += (out.back().text.empty() ? "" : " ") + link.text;
        out.back().where.bbox = out.back().where.bbox.united(b);
        continue;
      }
      bool dup = false;
      for (const doc::Link& o : out) dup = dup || (o.href == link.href && o.where.bbox.y0 == b.y0 && o.where.bbox.x0 == b.x0);
      if (!dup) out.push_back(link);
    }
  }
  return out;
}

}  // namespace

std::optional<std::pair<std::string, std::string>> split_fact(const std::string& line) {
  const auto colon = line.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 40) return std::nullopt;
  std::string label = line.substr(0, colon);
  while (!label.empty() && label.back() == ' ') label.pop_back();
  std::string value = line.substr(colon + 1);
  value.erase(0, value.find_first_not_of(' '));
  if (label.empty() || value.empty() || value.rfind("//", 0) == 0) return std::nullopt;
  if (std::count(label.begin(), label.end(), ' ') > 4) return std::nullopt;
  if (std::any_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  // A label starts with a capital letter ("E-post", "Sista ansökningsdag").
  const UChar32 first = icu::UnicodeString::fromUTF8(label).char32At(0);
  if (!u_isupper(first)) return std::nullopt;
  return std::make_pair(std::move(label), std::move(value));
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string joined;
  for (const std::string& l : lines) {
    if (joined.empty()) {
      joined = l;
      continue;
    }
    // A one-letter prefix before a line-end hyphen is a compound ("e-tjänst", "A-kassa"),
    // never a split syllable: keep the hyphen and join.
    // A hyphen after a digit before a digit is a range ("2021-" + "2023").
    const std::size_t n = joined.size();
    const bool hyphen = n >= 2 && joined[n - 1] == '-';
    const bool one_letter = hyphen && u_isalpha(static_cast<unsigned char>(joined[n - 2])) &&
                            (n == 2 || joined[n - 3] == ' ' || joined[n - 3] == '(');
    const bool range = hyphen && std::isdigit(static_cast<unsigned char>(joined[n - 2])) && !l.empty() &&
                       std::isdigit(static_cast<unsigned char>(l.front()));
    joined += one_letter || range ? "" : "\n";
    joined += l;
  }
  std::string text = normalize::join_hyphenated_lines(joined);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::vector<doc::Block> build_blocks(const std::vector<Line>& lines, const std::vector<Page>& pages) {
  const double body = body_size(lines);

  // Heading levels: the distinct heading sizes in use, largest first.
  std::vector<double> sizes;
  for (const Line& l : lines) {
    if (!heading_style(l, body)) continue;
    if (std::none_of(sizes.begin(), sizes.end(), [&](double s) { return std::abs(s - l.size) <= size_tolerance; })) {
      sizes.push_back(l.size);
    }
  }
  std::sort(sizes.rbegin(), sizes.rend());
  auto level_of = [&](double size) {
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      if (std::abs(sizes[i] - size) <= size_tolerance) return std::min(6, static_cast<int>(i) + 1);
    }
    return 6;
  };

  std::vector<Group> groups;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (!groups.empty() && continues(groups.back(), l, body, pages)) {
      groups.back().lines.push_back(&l);
      continue;
    }
    Group g;
    g.lines.push_back(&l);
    g.text_x0 = l.box.x0;
    if (heading_style(l, body)) {
      g.kind = doc::BlockKind::heading;
    } else if (is_marker_line(l)) {
      g.kind = doc::BlockKind::list_item;
      g.ordinal = ordinal_of(l.words.front()->text);
      g.text_x0 = l.words[1]->box.x0;
    } else if (auto fact = split_fact(l.text)) {
      // A wrapped first line of prose that happens to hold a colon is not a fact.
      Group probe = g;
      const bool wraps = i + 1 < lines.size() && continues(probe, lines[i + 1], body, pages) &&
                         !l.words.front()->bold && l.box.x1 > pages[static_cast<std::size_t>(l.page - 1)].width * 0.7;
      if (!wraps) {
        g.kind = doc::BlockKind::fact;
        g.label = std::move(fact->first);
        g.value = std::move(fact->second);
      }
    }
    groups.push_back(std::move(g));
  }

  std::vector<doc::Block> blocks;
  blocks.reserve(groups.size());
  for (const Group& g : groups) {
    doc::Block b;
    b.kind = g.kind;
    std::vector<std::string> texts;
    for (const Line* l : g.lines) texts.push_back(l->text);
    if (g.kind == doc::BlockKind::list_item) {
      const std::string& marker = g.lines.front()->words.front()->text;
      texts.front().erase(0, std::min(texts.front().size(), marker.size()));
      texts.front().erase(0, texts.front().find_first_not_of(' '));
      b.ordinal = g.ordinal;
    }
    if (g.kind == doc::BlockKind::fact) {
      b.text = g.label;
      b.value = g.value;
    } else {
      b.text = join_lines(texts);
    }
    if (g.kind == doc::BlockKind::heading) b.level = level_of(g.lines.front()->size);
    doc::BBox box = g.lines.front()->box;
    for (const Line* l : g.lines) {
      if (l->page == g.lines.front()->page) box = box.united(l->box);
    }
    b.where = doc::Locator::pdf(g.lines.front()->page, box);
    b.links = links_over(g, pages);
    blocks.push_back(std::move(b));
  }
  return blocks;
}

}  // namespace bidrag::parse::pdf
