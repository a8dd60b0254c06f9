// The HTML DOM: gumbo's HTML5 parse handed over to pugixml so rules can use XPath.
#pragma once
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace bidrag::parse::html {

// Parses UTF-8 HTML with the HTML5 algorithm (broken markup, entities) into an XML tree:
// element names lower case, attributes kept, comments dropped, <template> content dropped.
void build_dom(std::string_view utf8, pugi::xml_document& out);

// "/html/body/main/article/p[3]": the element's path, indexed among same-name siblings.
[[nodiscard]] std::string xpath_of(pugi::xml_node node);

// The value of an attribute, lower-cased ASCII (for class/role/rel matching).
[[nodiscard]] std::string lower_attr(pugi::xml_node node, const char* name);

}  // namespace bidrag::parse::html
