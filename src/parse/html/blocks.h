// Turns the main-content subtree of an HTML DOM into document blocks.
#pragma once
#include <pugixml.hpp>

#include <string>
#include <vector>

#include "bidrag/document/document.h"

namespace bidrag::parse::html {

// Whether an element is site chrome or invisible (scripts, navigation, cookie banners, footers,
// sidebars, hidden elements) and must not contribute content.
[[nodiscard]] bool is_chrome(pugi::xml_node el);

// Appends the blocks of `root` to `out`; links are resolved against `base_url`.
void collect_blocks(pugi::xml_node root, const std::string& base_url, std::vector<doc::Block>& out);

}  // namespace bidrag::parse::html
