// Gumbo → pugixml: gumbo does the HTML5 parsing, pugixml holds the tree for XPath queries.
#include "parse/html/dom.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

namespace bidrag::parse::html {
namespace {

// RAII for gumbo's output tree.
struct GumboDeleter {
  void operator()(GumboOutput* out) const noexcept { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

std::string tag_name(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// XML names accept a subset of what HTML accepts; anything else is dropped, not fatal.
bool xml_name_ok(const std::string& name) {
  if (name.empty()) return false;
  const auto first = static_cast<unsigned char>(name[0]);
  if (!std::isalpha(first) && name[0] != '_') return false;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

// Iterative copy: deeply nested broken markup must not overflow the stack.
// Elements deeper than max_depth are not copied: their children go to the ancestor at
// max_depth (text kept, tags dropped), so every later walk of the tree has bounded depth.
std::size_t copy_tree(const GumboNode* root, pugi::xml_node parent, std::size_t max_depth) {
  struct Item {
    const GumboNode* node;
    pugi::xml_node parent;
    std::size_t depth;  // of `parent`
  };
  std::size_t flattened = 0;
  std::vector<Item> stack{{root, parent, 0}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* node = item.node;
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        item.parent.append_child(pugi::node_pcdata).set_value(node->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& el = node->v.element;
        if (item.depth >= max_depth) {
          ++flattened;
          if (node->type == GUMBO_NODE_TEMPLATE) break;
          for (unsigned i = el.children.length; i-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), item.parent, item.depth});
          break;
        }
        std::string name = tag_name(el);
        if (!xml_name_ok(name)) name = "span";
        pugi::xml_node child = item.parent.append_child(name.c_str());
        for (unsigned i = 0; i < el.attributes.length; ++i) {
          const auto* attr = static_cast<const GumboAttribute*>(el.attributes.data[i]);
          std::string an = attr->name;
          if (!xml_name_ok(an) || child.attribute(an.c_str())) continue;
          child.append_attribute(an.c_str()).set_value(attr->value);
        }
        if (node->type == GUMBO_NODE_TEMPLATE) break;
        // Push in reverse so children come out in document order.
        for (unsigned i = el.children.length; i-- > 0;) {
          stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), child, item.depth + 1});
        }
        break;
      }
      default:
        break;  // comments, the document node
    }
  }
  return flattened;
}

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Start tags that never deepen the tree: void elements, and elements that close an open one of
// their kind or are merged (p, li, td, …).
bool flat_tag(std::string_view name) {
  return name_in(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                        "track", "wbr", "keygen", "basefont", "bgsound", "frame", "p", "li", "dt", "dd", "tr", "td",
                        "th", "option", "optgroup", "rt", "rp", "rb", "rtc", "thead", "tbody", "tfoot", "colgroup",
                        "caption", "html", "head", "body"});
}

// Elements whose content is raw text up to their own end tag.
bool raw_text_tag(std::string_view name) {
  return name_in(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"});
}

// Elements that bound an end tag's search for its start tag (the HTML "scope").
bool scope_tag(std::string_view name) {
  return name_in(name, {"html", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "svg",
                        "math", "button", "ol", "ul"});
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

// gumbo's tree construction checks the whole stack of open elements for most start tags, so
// its time grows with the square of the nesting depth (20,000 nested <div>s: 0.6 s; 50,000
// nested lists: 40 s). Before gumbo sees the page, this pass follows the tags (an upper
// estimate of the open elements: tags that close themselves or their kind do not count, end
// tags pop within their scope) and blanks out start tags deeper than max_depth together with
// their end tags, so the parser gets the same text with flatter markup. Linear in the bytes;
// returns how many start tags were blanked. It does not read the markup for content: gumbo does.
std::size_t limit_nesting(std::string& html, std::size_t max_depth) {
  const std::size_t n = html.size();
  std::vector<std::string> open;                  // the estimated stack of open elements
  std::vector<std::pair<std::string, std::size_t>> dropped;  // blanked start tags not yet closed, by name
  std::size_t blanked = 0;
  auto lower_name = [&](std::size_t k, std::size_t& end) {
    std::string name;
    while (k < n && !is_space(html[k]) && html[k] != '/' && html[k] != '>' && name.size() < 32)
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[k++])));
    while (k < n && !is_space(html[k]) && html[k] != '/' && html[k] != '>') ++k;
    end = k;
    return name;
  };
  auto blank = [&](std::size_t from, std::size_t to) { std::fill(html.begin() + static_cast<std::ptrdiff_t>(from), html.begin() + static_cast<std::ptrdiff_t>(to), ' '); };
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t j = html.find("-->", i + 4);
      i = j == std::string::npos ? n : j + 3;
      continue;
    }
    if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
      const std::size_t j = html.find('>', i);
      i = j == std::string::npos ? n : j + 1;
      continue;
    }
    const bool end_tag = i + 1 < n && html[i + 1] == '/';
    const std::size_t k = i + 1 + (end_tag ? 1 : 0);
    if (k >= n || !std::isalpha(static_cast<unsigned char>(html[k]))) {
      ++i;
      continue;
    }
    std::size_t name_end = k;
    const std::string name = lower_name(k, name_end);
    std::size_t close = html.find('>', name_end);
    close = close == std::string::npos ? n : close + 1;
    if (end_tag) {
      if (!flat_tag(name)) {
        std::size_t at = open.size();
        while (at > 0 && open[at - 1] != name && !scope_tag(open[at - 1])) --at;
        if (at > 0 && open[at - 1] == name) {
          open.resize(at - 1);
        } else {
          auto it = std::find_if(dropped.begin(), dropped.end(), [&](const auto& d) { return d.first == name; });
          if (it != dropped.end() && it->second > 0) {
            blank(i, close);
            --it->second;
          }
        }
      }
      i = close;
      continue;
    }
    if (raw_text_tag(name)) {
      // Skip to "</name" (any case); the raw text holds no tags.
      std::size_t j = close;
      while ((j = html.find("</", j)) != std::string::npos) {
        std::size_t e = j + 2;
        if (lower_name(e, e) == name) break;
        j += 2;
      }
      i = j == std::string::npos ? n : j;
      continue;
    }
    if (!flat_tag(name)) {
      if (open.size() >= max_depth) {
        blank(i, close);
        ++blanked;
        auto it = std::find_if(dropped.begin(), dropped.end(), [&](const auto& d) { return d.first == name; });
        if (it == dropped.end()) dropped.emplace_back(name, 1);
        else ++it->second;
      } else {
        open.push_back(name);
      }
    }
    i = close;
  }
  return blanked;
}

std::size_t build_dom(std::string_view utf8, pugi::xml_document& out, std::size_t max_depth) {
  out.reset();
  std::string html(utf8);
  std::size_t flattened = limit_nesting(html, max_depth);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not used; recording them costs memory per error
  GumboPtr parsed(gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!parsed || !parsed->root) return flattened;
  return flattened + copy_tree(parsed->root, out, max_depth);
}

const XPaths::Step& XPaths::step(pugi::xml_node n) {
  if (auto it = steps_.find(n.internal_object()); it != steps_.end()) return it->second;
  // Number all element children of the parent at once: linear however many siblings there are.
  std::unordered_map<std::string_view, std::uint32_t> counts;
  for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling()) {
    if (s.type() != pugi::node_element) continue;
    steps_[s.internal_object()] = Step{++counts[s.name()], false};
  }
  for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling())
    if (s.type() == pugi::node_element) steps_[s.internal_object()].several = counts[s.name()] > 1;
  return steps_.at(n.internal_object());
}

std::string XPaths::of(pugi::xml_node node) {
  std::vector<pugi::xml_node> chain;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) chain.push_back(n);
  std::string path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Step& st = step(*it);
    path += '/';
    path += it->name();
    // The index is only printed when there are several siblings of that name.
    if (st.several) {
      path += '[';
      path += std::to_string(st.index);
      path += ']';
    }
  }
  return path;
}

std::string xpath_of(pugi::xml_node node) { return XPaths().of(node); }

std::string lower_attr(pugi::xml_node node, const char* name) {
  std::string v = node.attribute(name).value();
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

}  // namespace bidrag::parse::html
