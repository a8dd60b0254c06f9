// The HTML limits: limit_nesting leaves every real page untouched and flattens only what is
// nested deeper than the limit; the DOM never gets deeper than the limit; XPaths stay exact.
#include <gtest/gtest.h>

#include <filesystem>

#include "bidrag/common/error.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/parse/limits.h"
#include "bidrag/parse/parse.h"
#include "parse/html/dom.h"
#include "support/support.h"

namespace bidrag::parse::html {
namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::size_t depth_of(const pugi::xml_document& dom) {
  std::size_t deepest = 0;
  struct Walk : pugi::xml_tree_walker {
    std::size_t* deepest;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element) *deepest = std::max(*deepest, static_cast<std::size_t>(depth()) + 1);
      return true;
    }
  } walk;
  walk.deepest = &deepest;
  const_cast<pugi::xml_document&>(dom).traverse(walk);
  return deepest;
}

TEST(LimitNesting, EveryFixturePageIsLeftExactlyAsItIs) {
  std::size_t pages = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::fixture(""))) {
    if (e.path().extension() != ".html") continue;
    const std::string original = test::read_file(e.path().string());
    std::string copy = original;
    EXPECT_EQ(limit_nesting(copy, limits::kMaxDomDepth), 0u) << e.path();
    EXPECT_TRUE(copy == original) << e.path();
    ++pages;
  }
  EXPECT_GE(pages, 20u);
}

TEST(LimitNesting, BlanksStartAndEndTagsBeyondTheDepth) {
  std::string html = repeat("<div>", 5) + "x" + repeat("</div>", 5);
  EXPECT_EQ(limit_nesting(html, 3), 2u);
  // End tags close the open elements first; the leftover ones (of the blanked tags) are blanked.
  EXPECT_EQ(html, "<div><div><div>" + std::string(10, ' ') + "x</div></div></div>" + std::string(12, ' '));
}

TEST(LimitNesting, SelfClosingKindsRawTextAndCommentsDoNotCount) {
  std::string html = "<ul>" + repeat("<li>a<p>b<br><img src=x>", 50) + "</ul><script>" + repeat("if(a<b)", 50) +
                     "</script><!--" + repeat("<div>", 50) + "-->";
  const std::string original = html;
  EXPECT_EQ(limit_nesting(html, 3), 0u);
  EXPECT_EQ(html, original);
}

TEST(LimitNesting, EndTagsOutsideTheirScopeDoNotPop) {
  // gumbo ignores </div> inside a table, so each repetition nests two deeper.
  std::string html = repeat("<div><table></div>", 10);
  EXPECT_EQ(limit_nesting(html, 6), 14u);
}

TEST(BuildDom, DepthNeverExceedsTheLimitAndTextIsKept) {
  pugi::xml_document dom;
  const std::string html = "<html><body>" + repeat("<div>", 1000) + "deep text" + repeat("</div>", 1000) + "</body></html>";
  EXPECT_GT(build_dom(html, dom, 64), 900u);
  EXPECT_LE(depth_of(dom), 64u);
  EXPECT_NE(std::string(dom.select_node("//body").node().child_value()).size() +
                std::string(dom.select_node("//*[text()='deep text']").node().name()).size(),
            0u);
}

TEST(XPaths, NumberedAmongSameNameSiblingsOnlyWhenSeveral) {
  pugi::xml_document dom;
  build_dom("<html><body><main><p>a</p><div><p>b</p></div><p>c <a href=x>l</a><a href=y>m</a></p></main></body></html>",
            dom);
  XPaths x;
  const auto ps = dom.select_nodes("//main/p");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(x.of(ps[0].node()), "/html/body/main/p[1]");
  EXPECT_EQ(x.of(ps[1].node()), "/html/body/main/p[2]");
  EXPECT_EQ(x.of(dom.select_node("//div/p").node()), "/html/body/main/div/p");
  EXPECT_EQ(x.of(dom.select_node("//a[@href='y']").node()), "/html/body/main/p[2]/a[2]");
  EXPECT_EQ(xpath_of(dom.select_node("//a[@href='y']").node()), "/html/body/main/p[2]/a[2]");
}

TEST(DocumentLimits, LinksBeyondTheLimitAreDroppedWithAWarning) {
  std::string body = "<p>";
  for (std::size_t i = 0; i < limits::kMaxLinks + 5; ++i) body += "<a href=\"/d" + std::to_string(i) + "\">d</a> ";
  const Snapshot s = make_snapshot("https://www.exempel.se/a", "<html><body><main>" + body + "</p></main></body></html>",
                                   "text/html");
  const doc::Document d = parse(s);
  std::size_t links = 0;
  for (const auto& b : d.blocks) links += b.links.size();
  EXPECT_EQ(links, limits::kMaxLinks);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0], "5 links beyond the first 10000 were not read (limit)");
}

TEST(DocumentLimits, OversizedDocumentIsAnErrorNamingTheLimit) {
  const Snapshot s = make_snapshot("https://www.exempel.se/a.txt", std::string(limits::kMaxMarkupBytes + 1, 'a'), "text/plain");
  try {
    (void)parse(s);
    FAIL() << "no error";
  } catch (const bidrag::Error& e) {
    EXPECT_NE(std::string(e.what()).find("document of 16777217 bytes is larger than the limit of 16777216 bytes"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace bidrag::parse::html
