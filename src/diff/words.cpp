// Word diff: common prefix and suffix trimmed, then an LCS table over the middle words.
#include "bidrag/diff/words.h"

#include <algorithm>
#include <cstdint>

#include "bidrag/normalize/text.h"

namespace bidrag::diff {
namespace {

std::vector<std::string> split_words(std::string_view text) {
  const std::string folded = normalize::fold_spaces(text);
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

void push(std::vector<WordRun>& runs, WordRun::Op op, const std::string& word) {
  if (!runs.empty() && runs.back().op == op) {
    runs.back().text += ' ';
    runs.back().text += word;
  } else {
    runs.push_back({op, word});
  }
}

// Beyond this many table cells the middle is shown as one removed and one added run: long
// rewritten texts are then still reported, in bounded time and memory.
constexpr std::size_t kMaxCells = 4'000'000;

}  // namespace

std::vector<WordRun> word_diff(std::string_view a_text, std::string_view b_text) {
  const auto a = split_words(a_text);
  const auto b = split_words(b_text);
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;

  std::vector<WordRun> runs;
  for (std::size_t i = 0; i < pre; ++i) push(runs, WordRun::Op::same, a[i]);
  if (n * m > kMaxCells) {
    for (std::size_t i = 0; i < n; ++i) push(runs, WordRun::Op::removed, a[pre + i]);
    for (std::size_t j = 0; j < m; ++j) push(runs, WordRun::Op::added, b[pre + j]);
  } else {
    // lcs[i][j] = LCS length of the middle suffixes a[i..], b[j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    std::vector<std::string> removed, added;
    const auto flush = [&] {
      for (const auto& w : removed) push(runs, WordRun::Op::removed, w);
      for (const auto& w : added) push(runs, WordRun::Op::added, w);
      removed.clear();
      added.clear();
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        flush();
        push(runs, WordRun::Op::same, a[pre + i]);
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        added.push_back(b[pre + j++]);
      } else {
        removed.push_back(a[pre + i++]);
      }
    }
    flush();
  }
  for (std::size_t k = b.size() - suf; k < b.size(); ++k) push(runs, WordRun::Op::same, b[k]);
  return runs;
}

std::string wdiff_string(const std::vector<WordRun>& runs) {
  std::string s;
  for (const auto& r : runs) {
    if (!s.empty()) s += ' ';
    switch (r.op) {
      case WordRun::Op::same: s += r.text; break;
      case WordRun::Op::removed: s += "[-" + r.text + "-]"; break;
      case WordRun::Op::added: s += "{+" + r.text + "+}"; break;
    }
  }
  return s;
}

bool same_text(std::string_view a, std::string_view b) { return normalize::fold_spaces(a) == normalize::fold_spaces(b); }

}  // namespace bidrag::diff
