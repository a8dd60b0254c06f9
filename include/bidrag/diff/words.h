// Word-level diff of normalised Swedish text: white space, line breaks and soft hyphens are
// folded first (normalize::fold_spaces), so only changes of words show.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::diff {

struct WordRun {
  enum class Op { same, removed, added };
  Op op = Op::same;
  std::string text;  // one or more words joined by single spaces
};

// The shortest edit of `b` from `a` at word level (longest common subsequence), as runs in
// reading order; a removed run comes before the added run that replaces it.
[[nodiscard]] std::vector<WordRun> word_diff(std::string_view a, std::string_view b);

// wdiff notation: "Sociala insatser i utsatta områden [-2022-] {+2023+}".
[[nodiscard]] std::string wdiff_string(const std::vector<WordRun>& runs);

// True when the two texts are equal once white space is folded.
[[nodiscard]] bool same_text(std::string_view a, std::string_view b);

}  // namespace bidrag::diff
