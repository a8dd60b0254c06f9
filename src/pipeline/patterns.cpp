// Include / exclude patterns of discovery sources: '*' globs over a whole URL or its path.
#include "bidrag/pipeline/pipeline.h"
#include "bidrag/url/url.h"

namespace bidrag::pipeline {

bool matches(const std::string& pattern, const std::string& u) {
  std::string subject = u;
  if (pattern.starts_with('/')) {
    const auto parts = url::parse(u);
    if (!parts) return false;
    subject = parts->path_query;
  }
  // Linear-time glob: on a mismatch, the last '*' takes one more character.
  std::size_t p = 0, s = 0, star = std::string::npos, mark = 0;
  while (s < subject.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == subject[s]) {
      ++p;
      ++s;
    } else if (star != std::string::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool Source::wanted(const std::string& found) const {
  for (const auto& x : exclude)
    if (matches(x, found)) return false;
  if (include.empty()) {
    const auto a = url::parse(url), b = url::parse(found);
    return a && b && a->host == b->host && a->port == b->port;
  }
  for (const auto& i : include)
    if (matches(i, found)) return true;
  return false;
}

}  // namespace bidrag::pipeline
