// Lines in reading order → document blocks: headings by font size and weight relative to the
// body text, paragraphs by line spacing and indent, list items, "Label: value" facts, links.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bidrag/document/document.h"
#include "layout.h"

namespace bidrag::parse::pdf {

// Builds the blocks of the whole document (`lines` in reading order over all pages) and
// attaches each page's links to the blocks whose lines they cover.
[[nodiscard]] std::vector<doc::Block> build_blocks(const std::vector<Line>& lines, const std::vector<Page>& pages);

// Exposed for tests. "Utlysningsdatum: 2023-01-18" → {"Utlysningsdatum", "2023-01-18"};
// "E-post:namn@example.se" → {"E-post", "namn@example.se"}; prose, times and URLs → nullopt.
[[nodiscard]] std::optional<std::pair<std::string, std::string>> split_fact(const std::string& line);

// Joins a paragraph's lines, repairing line-end hyphenation ("rekvi-" + "rera" → "rekvirera",
// "Upplands-" + "Bro" → "Upplands-Bro", "e-" + "tjänst" → "e-tjänst").
[[nodiscard]] std::string join_lines(const std::vector<std::string>& lines);

}  // namespace bidrag::parse::pdf
