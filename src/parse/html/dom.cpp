// Gumbo → pugixml: gumbo does the HTML5 parsing, pugixml holds the tree for XPath queries.
#include "parse/html/dom.h"

#include <gumbo.h>

#include <cctype>
#include <memory>
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
void copy_tree(const GumboNode* root, pugi::xml_node parent) {
  struct Item {
    const GumboNode* node;
    pugi::xml_node parent;
  };
  std::vector<Item> stack{{root, parent}};
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
          stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), child});
        }
        break;
      }
      default:
        break;  // comments, the document node
    }
  }
}

}  // namespace

void build_dom(std::string_view utf8, pugi::xml_document& out) {
  out.reset();
  GumboPtr parsed(gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()));
  if (!parsed || !parsed->root) return;
  copy_tree(parsed->root, out);
}

std::string xpath_of(pugi::xml_node node) {
  std::vector<std::string> parts;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    int index = 1, count = 0;
    for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || std::string_view(s.name()) != n.name()) continue;
      ++count;
      if (s == n) index = count;
    }
    std::string part = n.name();
    // The index is only printed when there are several siblings of that name.
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "[" + std::string.
    if (count > 1) {
      part += '[';
      part += std::to_string(index);
      part += ']';
    }
    parts.push_back(std::move(part));
  }
  std::string path;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    path += '/';
    path += *it;
  }
  return path;
}

std::string lower_attr(pugi::xml_node node, const char* name) {
  std::string v = node.attribute(name).value();
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

}  // namespace bidrag::parse::html
