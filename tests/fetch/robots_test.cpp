// robots.txt parsing and matching (RFC 9309): group choice, longest match, wildcards.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fetch/robots.h"

namespace bidrag::fetch::detail {
namespace {

TEST(Robots, AgentTokenIsTheProductName) {
  EXPECT_EQ(agent_token("bidrag/0.1 (+https://github.com/bidrag/bidrag)"), "bidrag");
  EXPECT_EQ(agent_token("  Bidrag "), "Bidrag");
  EXPECT_EQ(agent_token(""), "");
}

struct PatternCase {
  std::string pattern, path;
  bool matches;
};

TEST(Robots, PatternMatching) {
  const std::vector<PatternCase> cases = {
      {"/", "/anything", true},
      {"/fish", "/fish.html", true},
      {"/fish", "/Fish.html", false},  // paths are case-sensitive
      {"/fish/", "/fish", false},
      {"/*.pdf", "/a/b/lista.pdf", true},
      {"/*.pdf$", "/a/lista.pdf?x=1", false},
      {"/*.pdf$", "/a/lista.pdf", true},
      {"/*.php", "/index.php?q=1", true},
      {"/a*b*c", "/axxbyyc", true},
      {"/a*b*c", "/axxbyy", false},
      {"/exact$", "/exact", true},
      {"/exact$", "/exactly", false},
      {"*", "/", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(robots_pattern_matches(c.pattern, c.path), c.matches) << c.pattern << " vs " << c.path;
  }
}

struct AllowCase {
  std::string path;
  bool allowed;
};

TEST(Robots, OwnGroupWinsOverStarAndLongestRuleDecides) {
  const std::string text =
      "# comment line\n"
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: googlebot\n"
      "User-Agent: Bidrag/2.0   # versioned token still names us\n"
      "Disallow: /intern/\n"
      "Allow: /intern/publik\n"
      "Disallow: /*.xls$\n"
      "Disallow:\n"
      "Crawl-delay: 10\n"
      "Sitemap: https://example.invalid/sitemap.xml\n";
  const Robots robots = Robots::parse(text, "bidrag");
  const std::vector<AllowCase> cases = {
      {"/", true},
      {"/start.html", true},
      {"/intern/", false},
      {"/intern/a.pdf", false},
      {"/intern/publik/lista.pdf", true},  // longer Allow beats shorter Disallow
      {"/data/tabell.xls", false},
      {"/data/tabell.xls?v=2", true},
      {"/robots.txt", true},
  };
  for (const auto& c : cases) EXPECT_EQ(robots.allowed(c.path), c.allowed) << c.path;
}

TEST(Robots, StarGroupAppliesWhenNoGroupNamesUs) {
  const Robots robots = Robots::parse("User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /privat\n", "bidrag");
  EXPECT_TRUE(robots.allowed("/offentlig"));
  EXPECT_FALSE(robots.allowed("/privat/x"));
}

TEST(Robots, GroupsNamingUsAreMerged) {
  const Robots robots =
      Robots::parse("User-agent: bidrag\nDisallow: /a\n\nUser-agent: *\nDisallow: /c\n\nUser-agent: bidrag\nDisallow: /b\n",
                    "bidrag");
  EXPECT_FALSE(robots.allowed("/a"));
  EXPECT_FALSE(robots.allowed("/b"));
  EXPECT_TRUE(robots.allowed("/c"));
}

TEST(Robots, TieBetweenAllowAndDisallowAllows) {
  const Robots robots = Robots::parse("User-agent: *\r\nDisallow: /page\r\nAllow: /page\r\n", "bidrag");
  EXPECT_TRUE(robots.allowed("/page"));
}

TEST(Robots, EmptyOrGarbageAllowsEverything) {
  EXPECT_TRUE(Robots::parse("", "bidrag").allowed("/x"));
  EXPECT_TRUE(Robots::parse("<html><body>Not found</body></html>", "bidrag").allowed("/x"));
  EXPECT_TRUE(Robots::allow_all().allowed("/x"));
  EXPECT_TRUE(Robots::parse("Disallow: /\n", "bidrag").allowed("/x"));  // a rule outside any group
}

}  // namespace
}  // namespace bidrag::fetch::detail
