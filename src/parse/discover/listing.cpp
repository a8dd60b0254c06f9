// An agency's HTML list of calls: every link on the page (menus too: the pipeline's include and
// exclude patterns choose), and the way to the next page of the list.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "bidrag/normalize/text.h"
#include "bidrag/parse/discover.h"
#include "bidrag/url/url.h"
#include "bidrag/vocab/vocab.h"
#include "parse/html/dom.h"

namespace bidrag::parse::discover {
namespace {

std::string strip_fragment(std::string u) {
  if (const auto hash = u.find('#'); hash != std::string::npos) u.erase(hash);
  return u;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < s.size();) {
    const auto sp = std::min(s.find(' ', at), s.size());
    if (sp > at) out.push_back(s.substr(at, sp - at));
    at = sp + 1;
  }
  return out;
}

void collect_text(pugi::xml_node n, std::string& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) out += c.value();
    if (c.type() == pugi::node_element) collect_text(c, out);
    out += ' ';
  }
}

// The visible text without the arrows and marks around it ("Nästa ›" → "Nästa"): a word is
// kept when it holds an ASCII letter or digit or a Latin letter with a diacritic (lead byte C3).
std::string label_of(pugi::xml_node a) {
  std::string text;
  collect_text(a, text);
  const std::string folded = normalize::fold_spaces(text);
  std::string out;
  for (std::string_view word : split_words(folded)) {
    bool letters = false;
    for (unsigned char c : word) letters |= (c < 0x80 && std::isalnum(c)) || c == 0xC3;
    if (letters) out += (out.empty() ? "" : " ") + std::string(word);
  }
  return out;
}

bool is_next_cue(const std::string& text) {
  if (text.empty()) return false;
  const auto m = vocab::set("pagination").equals(text);
  return m && m->meaning() == "next";
}

// The value of ?page=N (-1 when absent or not a number), and the URL without it.
std::pair<long, std::string> page_number(const std::string& u) {
  const auto q = u.find('?');
  if (q == std::string::npos) return {-1, u};
  std::string rest;
  long n = -1;
  std::size_t at = q + 1;
  while (at <= u.size()) {
    auto amp = u.find('&', at);
    if (amp == std::string::npos) amp = u.size();
    const std::string_view param(u.data() + at, amp - at);
    if (param.starts_with("page=")) {
      long v = -1;
      const auto [p, ec] = std::from_chars(param.data() + 5, param.data() + param.size(), v);
      if (ec == std::errc() && p == param.data() + param.size()) n = v;
    } else if (!param.empty()) {
      rest += (rest.empty() ? "?" : "&") + std::string(param);
    }
    at = amp + 1;
  }
  return {n, u.substr(0, q) + rest};
}

}  // namespace

Listing parse_listing(const Snapshot& s) {
  const std::string utf8 = normalize::decode_to_utf8(s.bytes, s.content_type);
  pugi::xml_document dom;
  (void)html::build_dom(utf8, dom);
  std::string base = s.url;
  if (const std::string b = dom.select_node("//base[@href]").node().attribute("href").value(); !b.empty())
    base = url::resolve_href(base, b);

  Listing out;
  std::optional<std::string> by_rel, by_text;
  for (const pugi::xpath_node& hit : dom.select_nodes("//link[@href]")) {
    const std::string rel = " " + html::lower_attr(hit.node(), "rel") + " ";
    if (!by_rel && rel.find(" next ") != std::string::npos)
      by_rel = strip_fragment(url::resolve_href(base, hit.node().attribute("href").value()));
  }
  std::set<std::string> seen;
  for (const pugi::xpath_node& hit : dom.select_nodes("//a[@href]")) {
    const pugi::xml_node a = hit.node();
    const std::string u = strip_fragment(url::resolve_href(base, a.attribute("href").value()));
    if (!url::is_http(u)) continue;
    const std::string rel = " " + html::lower_attr(a, "rel") + " ";
    if (!by_rel && rel.find(" next ") != std::string::npos) by_rel = u;
    if (!by_text && (is_next_cue(label_of(a)) || is_next_cue(normalize::fold_spaces(a.attribute("aria-label").value()))))
      by_text = u;
    if (seen.insert(u).second) out.links.push_back({u, {}});
  }
  if (by_rel) {
    out.next = by_rel;
  } else if (by_text) {
    out.next = by_text;
  } else {
    // ?page=N: the nearest higher page of the same list.
    const auto [own, own_rest] = page_number(strip_fragment(s.url));
    long best = -1;
    for (const auto& l : out.links) {
      const auto [n, rest] = page_number(l.url);
      if (rest == own_rest && n > std::max(own, 0L) && (best < 0 || n < best)) {
        best = n;
        out.next = l.url;
      }
    }
  }
  if (out.next && *out.next == strip_fragment(s.url)) out.next.reset();
  return out;
}

}  // namespace bidrag::parse::discover
