// The HTML DOM: gumbo's HTML5 parse handed over to pugixml so rules can use XPath.
#pragma once
#include <pugixml.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bidrag/parse/limits.h"

namespace bidrag::parse::html {

// Parses UTF-8 HTML with the HTML5 algorithm (broken markup, entities) into an XML tree:
// element names lower case, attributes kept, comments dropped, <template> content dropped.
// Nesting is bounded by max_depth (limit_nesting before gumbo, flattening while copying);
// returns how many elements were flattened (0 for any ordinary page).
std::size_t build_dom(std::string_view utf8, pugi::xml_document& out,
                      std::size_t max_depth = limits::kMaxDomDepth);

// Blanks start tags (and their end tags) nested deeper than max_depth, by an upper estimate of
// the open elements, so gumbo's time stays linear. Returns the number of start tags blanked.
std::size_t limit_nesting(std::string& html, std::size_t max_depth);

// XPaths of many nodes of one tree: each parent's children are numbered once (a paragraph of
// 100,000 links costs linear time, not quadratic).
class XPaths {
 public:
  [[nodiscard]] std::string of(pugi::xml_node node);

 private:
  struct Step {
    std::uint32_t index = 0;  // 1-based among same-name siblings
    bool several = false;
  };
  const Step& step(pugi::xml_node n);
  std::unordered_map<pugi::xml_node_struct*, Step> steps_;
};


// "/html/body/main/article/p[3]": the element's path, indexed among same-name siblings.
[[nodiscard]] std::string xpath_of(pugi::xml_node node);

// The value of an attribute, lower-cased ASCII (for class/role/rel matching).
[[nodiscard]] std::string lower_attr(pugi::xml_node node, const char* name);

}  // namespace bidrag::parse::html
