// Private stages of the table finder: words → segments → lines, page furniture, the
// rotated-text frame, and lines → tables. Shared by the table*.cpp units only.
#pragma once
#include <string>
#include <string_view>
#include <optional>
#include <vector>

#include "bidrag/document/document.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse::pdf::layout {

// Words of one line that belong together: separated by no more than a word space, or by a
// digit-group space inside a number ("17 603 816"), and by no vertical rule.
struct Segment {
  std::string text;
  doc::BBox box;
  double height = 0;
  double first_word_width = 0;  // for the wrap test: would this word have fitted on the line above?
  bool bold = false;
  struct Piece {
    std::string text;
    doc::BBox box;
    bool space_before = false;
  };
  std::vector<Piece> words;  // so a segment can be split again where a table's columns say
};

// Words sharing a baseline, split into segments, left to right.
struct Line {
  std::vector<Segment> segments;
  doc::BBox box;
  double height = 0;  // the line's typical word height (not the union, which superscripts inflate)
  bool rtl = false;   // right-to-left text (Hebrew, Arabic): segments' text in logical order
};

// The ruling lines of a page, split by direction (a thin rectangle counts as a line).
struct Rules {
  std::vector<doc::BBox> horizontal;  // sorted by y
  std::vector<doc::BBox> vertical;    // sorted by x
};
[[nodiscard]] Rules split_rules(const std::vector<doc::BBox>& rules);

// A page seen so that its dominant text reads left to right (rotated text, landscape
// content on a portrait page). Boxes go into the frame and back.
struct Frame {
  int rotation = 0;  // of the text, as Poppler reports it: 0, 90, 180, 270
  double width = 0, height = 0;  // of the page
  [[nodiscard]] doc::BBox to_frame(const doc::BBox& b) const noexcept;
  [[nodiscard]] doc::BBox to_page(const doc::BBox& b) const noexcept;
};

// Groups words into lines by baseline and each line into segments. `vertical` rules (in the
// same frame) force a segment break.
[[nodiscard]] std::vector<Line> build_lines(std::vector<Word> words, const std::vector<doc::BBox>& vertical);

// Splits segments that straddle columns at the word gaps between those columns (cells of
// adjacent columns set closer than a word space). A segment one of whose words itself
// straddles stays whole. Returns nothing when no segment splits (the line stands as it is).
[[nodiscard]] std::optional<Line> resplit(const Line& line, const std::vector<std::pair<double, double>>& cols);

// A segment's text in logical order from its words (left to right on the page) on a
// right-to-left line: words read right to left, runs of Latin words keep their order.
void logical_order(Segment& segment);

// True for a cell that is an amount or count: digits with group spaces, points, commas, a
// sign, %, a currency word, footnote markers, or a dash standing for zero ("–").
[[nodiscard]] bool is_numeric(std::string_view text);

// Replaces every kind of space by ' ', collapses runs, trims.
[[nodiscard]] std::string fold_space(std::string_view utf8);

// The text of a line with digits masked, for recognising headers and footers repeated on
// several pages ("Sida 2 av 7" → "Sida # av #").
[[nodiscard]] std::string furniture_key(const Line& line);
// Page-number lines: "Sida 2 av 7", "Sida 1 (1)", "2 (7)", "Page 3 of 9", "3/9", "- 4 -", "4".
[[nodiscard]] bool is_page_number(std::string_view text);

// Finds the tables among a page's lines (top to bottom). Rules sharpen columns and rows.
[[nodiscard]] std::vector<doc::Table> tables_in_lines(const std::vector<Line>& lines, const Rules& rules);

}  // namespace bidrag::parse::pdf::layout
