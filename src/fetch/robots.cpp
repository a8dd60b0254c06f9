// robots.txt parsing and matching after RFC 9309 (groups, Allow/Disallow, '*' and '$').
#include "fetch/robots.h"

#include <algorithm>
#include <cctype>

namespace bidrag::fetch::detail {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

// A User-agent line's value reduced to its product token ("Bidrag/2.0" → "Bidrag").
std::string_view product_of(std::string_view value) {
  const auto end = value.find_first_of("/ \t");
  return trim(value.substr(0, end));
}

}  // namespace

std::string agent_token(std::string_view user_agent) { return std::string(product_of(trim(user_agent))); }

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Iterative wildcard match with one backtrack point: '*' matches any run of characters.
  std::size_t p = 0, s = 0, star = std::string_view::npos, star_s = 0;
  while (p < pattern.size() || (anchored && s < path.size())) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != std::string_view::npos && star_s < path.size()) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  return true;
}

Robots Robots::parse(std::string_view text, std::string_view agent) {
  std::vector<Rule> mine, everyone;
  bool any_mine = false;
  // The current group: which agents it names, and whether rules have started (a User-agent
  // line after a rule opens a new group).
  bool names_me = false, names_star = false, in_rules = false;

  while (!text.empty()) {
    auto eol = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));

    if (iequals(key, "user-agent")) {
      if (in_rules) {
        names_me = names_star = in_rules = false;
      }
      if (value == "*") {
        names_star = true;
      } else if (!agent.empty() && iequals(product_of(value), agent)) {
        names_me = any_mine = true;
      }
    } else if (iequals(key, "allow") || iequals(key, "disallow")) {
      in_rules = true;
      if (value.empty()) continue;  // "Disallow:" with nothing allows everything: no rule
      const Rule rule{std::string(value), iequals(key, "allow")};
      if (names_me) mine.push_back(rule);
      if (names_star) everyone.push_back(rule);
    }
  }
  Robots robots;
  robots.rules_ = any_mine ? std::move(mine) : std::move(everyone);
  return robots;
}

bool Robots::allowed(std::string_view path_query) const {
  if (path_query == "/robots.txt") return true;
  std::size_t best = 0;
  bool verdict = true, matched = false;
  for (const auto& rule : rules_) {
    if (!robots_pattern_matches(rule.pattern, path_query)) continue;
    const std::size_t length = rule.pattern.size();
    if (!matched || length > best || (length == best && rule.allow)) {
      verdict = rule.allow;
      best = length;
      matched = true;
    }
  }
  return verdict;
}

}  // namespace bidrag::fetch::detail
