// Output of a diff: JSON for programs, plain or coloured text for a terminal, Markdown for a
// report or an e-mail. No change gives "[]\n" in JSON and nothing in text and Markdown.
#pragma once
#include <string>
#include <vector>

#include "bidrag/diff/diff.h"

namespace bidrag::diff {

// A JSON array, one change per line: {"series", "path", "kind", "old", "new"} plus "label"
// where a record has a name, "days" for dates, "delta" and "percent" for amounts (exact JSON
// numbers: kronor with öre as decimals, percent with two decimals) and "words" (wdiff
// notation) for texts.
[[nodiscard]] std::string render_json(const std::vector<Change>& changes);
// One line per change under a line naming the call series; ANSI colours when `colour`.
[[nodiscard]] std::string render_text(const std::vector<Change>& changes, bool colour);
// A section per call series with a table of its changes.
[[nodiscard]] std::string render_markdown(const std::vector<Change>& changes);

}  // namespace bidrag::diff
