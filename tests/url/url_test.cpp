// bidrag::url: one URL module for fetch, parse, pipeline and extract (libcurl's URL API).
#include <gtest/gtest.h>

#include "bidrag/url/url.h"

namespace bidrag::url {
namespace {

struct Case {
  const char* name;
  const char* ref;
  const char* want;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

class ResolveHref : public ::testing::TestWithParam<Case> {};
TEST_P(ResolveHref, Rfc3986ExamplesAgainstTheRfcBase) {
  EXPECT_EQ(resolve_href("http://a/b/c/d;p?q", GetParam().ref), GetParam().want);
}
INSTANTIATE_TEST_SUITE_P(
    Rfc3986, ResolveHref,
    ::testing::Values(Case{"plain", "g", "http://a/b/c/g"}, Case{"dot", "./g", "http://a/b/c/g"},
                      Case{"trailing_slash", "g/", "http://a/b/c/g/"}, Case{"root_relative", "/g", "http://a/g"},
                      Case{"network_path", "//g", "http://g/"}, Case{"query_only", "?y", "http://a/b/c/d;p?y"},
                      Case{"path_and_query", "g?y", "http://a/b/c/g?y"}, Case{"fragment_only", "#s", "http://a/b/c/d;p?q#s"},
                      Case{"parent", "../g", "http://a/b/g"}, Case{"two_parents", "../..", "http://a/"},
                      Case{"two_parents_file", "../../g", "http://a/g"}, Case{"mailto_kept", "mailto:x@y.se", "mailto:x@y.se"},
                      Case{"tel_kept", "tel:+46752473000", "tel:+46752473000"},
                      Case{"surrounding_space", "  g  ", "http://a/b/c/g"}, Case{"empty", "", "http://a/b/c/d;p?q"}),
    [](const ::testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

TEST(Url, PartsOriginAndSiteHost) {
  const auto p = parse("https://WWW.Bra.se:8443/a/b.pdf?x=1#f");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->scheme, "https");
  EXPECT_EQ(p->host, "www.bra.se");
  EXPECT_EQ(p->port, "8443");
  EXPECT_EQ(p->path, "/a/b.pdf");
  EXPECT_EQ(p->path_query, "/a/b.pdf?x=1");
  EXPECT_EQ(p->origin(), "https://www.bra.se:8443");
  EXPECT_EQ(site_host("https://www.Bra.se/x"), "bra.se");
  EXPECT_EQ(site_host("not a url"), "");
  EXPECT_FALSE(parse("https://"));
}

TEST(Url, SchemesAndLocalPaths) {
  EXPECT_TRUE(has_scheme("file:///tmp/x"));
  EXPECT_FALSE(has_scheme("fixtures/a.pdf"));
  EXPECT_FALSE(has_scheme("C://x"));
  EXPECT_TRUE(is_http("HTTPS://a.se/"));
  EXPECT_FALSE(is_http("file:///a"));
  EXPECT_FALSE(is_http("mailto:a@b.se"));
  EXPECT_EQ(resolve("https://a.se/x/", "../y"), "https://a.se/y");
  EXPECT_EQ(unescape("%C3%B6"), "\xC3\xB6");
}

}  // namespace
}  // namespace bidrag::url
