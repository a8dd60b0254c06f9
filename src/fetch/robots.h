// robots.txt (RFC 9309): the groups for our user agent and longest-match Allow/Disallow.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::fetch::detail {

class Robots {
 public:
  // Rules of the groups naming `agent_token` (case-insensitive), else of the "*" groups.
  [[nodiscard]] static Robots parse(std::string_view text, std::string_view agent_token);
  [[nodiscard]] static Robots allow_all() { return {}; }

  // `path_query` ("/a/b.pdf?x=1"): the longest matching rule decides, Allow on a tie; no
  // matching rule allows. "/robots.txt" itself is always allowed.
  [[nodiscard]] bool allowed(std::string_view path_query) const;

 private:
  struct Rule {
    std::string pattern;  // may hold '*' (any run) and a final '$' (end of path)
    bool allow = false;
  };
  std::vector<Rule> rules_;
};

// The product token robots.txt groups name: "bidrag/0.1 (+https://…)" → "bidrag".
[[nodiscard]] std::string agent_token(std::string_view user_agent);

// RFC 9309 pattern match of a whole rule against the start of `path`.
[[nodiscard]] bool robots_pattern_matches(std::string_view pattern, std::string_view path);

}  // namespace bidrag::fetch::detail
