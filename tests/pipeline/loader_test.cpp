// Pipeline definitions: the shipped ones load; every kind of mistake gets the exact message
// naming the file, the key and what was expected.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/pipeline/pipeline.h"
#include "support/support.h"

namespace bidrag::pipeline {
namespace {

TEST(PipelineLoaderTest, DemoLoadsWithMirrorResolvedToTheCapturedSite) {
  const auto p = load("pipelines/demo.json");
  EXPECT_EQ(p.name, "demo");
  ASSERT_EQ(p.sources.size(), 1u);
  EXPECT_EQ(p.sources[0].url, "https://statsbidrag.socialstyrelsen.se/statsbidrag/");
  EXPECT_EQ(p.sources[0].kind, "listing");
  EXPECT_EQ(p.sources[0].include, std::vector<std::string>{"/statsbidrag/sociala-insatser-i-utsatta-omraden-*"});
  EXPECT_EQ(p.follow, std::vector<record::DocumentRole>{record::DocumentRole::allocation_list});
  EXPECT_EQ(p.outputs.jsonl, "out/records.jsonl");
  EXPECT_EQ(p.outputs.db, "bidrag.db");
  ASSERT_EQ(p.policy.mirror.size(), 1u);
  EXPECT_EQ(p.policy.mirror.at("https://statsbidrag.socialstyrelsen.se/"),
            "fixtures/site/statsbidrag.socialstyrelsen.se/");
  EXPECT_EQ(p.policy.total_timeout_ms, 30000);
  EXPECT_EQ(p.policy.retries, 2);
  EXPECT_FALSE(p.policy.obey_robots);
}

TEST(PipelineLoaderTest, SocialstyrelsenLoads) {
  const auto p = load("pipelines/socialstyrelsen.json");
  ASSERT_EQ(p.sources.size(), 2u);
  EXPECT_EQ(p.sources[0].kind, "listing");
  EXPECT_EQ(p.sources[0].max_pages, 30);
  EXPECT_EQ(p.sources[1].kind, "sitemap");
  EXPECT_EQ(p.sources[1].url, "https://statsbidrag.socialstyrelsen.se/sitemap.xml");
  EXPECT_EQ(p.policy.per_host_delay_ms, 2000);
  EXPECT_TRUE(p.policy.mirror.empty());
}

TEST(PipelineLoaderTest, DefaultsAndShortSources) {
  const auto p = parse(R"({"name": "x", "sources": ["https://example.se/a/", "file:///tmp/b.pdf"]})", "x.json");
  ASSERT_EQ(p.sources.size(), 2u);
  EXPECT_EQ(p.sources[0].kind, "auto");
  EXPECT_EQ(p.sources[1].url, "file:///tmp/b.pdf");
  EXPECT_EQ(p.outputs.db, "bidrag.db");
  EXPECT_EQ(p.outputs.jsonl, "");
  EXPECT_EQ(p.policy.per_host_concurrency, 1);
}

TEST(PipelineLoaderTest, DiscoverySourcesTakePatternsAndALimit) {
  const auto p = parse(R"({"name": "x", "sources": [
      {"url": "https://a.se/bidrag/", "kind": "listing", "include": ["/bidrag/*"], "exclude": ["*.pdf"], "max_pages": 7},
      {"url": "https://a.se/sitemap.xml.gz", "kind": "sitemap"}]})",
                       "x.json");
  ASSERT_EQ(p.sources.size(), 2u);
  EXPECT_TRUE(p.sources[0].discovers());
  EXPECT_EQ(p.sources[0].include, std::vector<std::string>{"/bidrag/*"});
  EXPECT_EQ(p.sources[0].exclude, std::vector<std::string>{"*.pdf"});
  EXPECT_EQ(p.sources[0].max_pages, 7);
  EXPECT_EQ(p.sources[1].max_pages, 20);
  // include / exclude: a path pattern, a whole-URL pattern; exclude wins; none means this site.
  EXPECT_TRUE(p.sources[0].wanted("https://a.se/bidrag/stod-2024/?x=1"));
  EXPECT_FALSE(p.sources[0].wanted("https://a.se/bidrag/lista.pdf"));
  EXPECT_FALSE(p.sources[0].wanted("https://a.se/nyheter/bidrag/"));
  EXPECT_TRUE(p.sources[1].wanted("https://a.se/nyheter/"));
  EXPECT_FALSE(p.sources[1].wanted("https://b.se/nyheter/"));
  EXPECT_FALSE(p.sources[1].wanted("https://a.se:8443/nyheter/"));
  EXPECT_TRUE(matches("https://*.se/*/2024*", "https://a.se/bidrag/2024-stod/"));
  EXPECT_FALSE(matches("https://*.se/*/2024*", "https://a.se/bidrag/stod-2024/"));
  EXPECT_TRUE(matches("*", ""));
}

struct Bad {
  const char* json;
  const char* message;
};
void PrintTo(const Bad& b, std::ostream* os) { *os << b.message; }

class PipelineErrorTest : public ::testing::TestWithParam<Bad> {};

TEST_P(PipelineErrorTest, NamesFileKeyAndExpectation) {
  try {
    (void)parse(GetParam().json, "pipelines/x.json");
    FAIL() << "accepted " << GetParam().json;
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), GetParam().message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Messages, PipelineErrorTest,
    ::testing::Values(
        Bad{R"({"name": "x", "sources": ["https://a.se/", "ftp://x"]})",
            R"(pipelines/x.json: sources[1]: expected an http, https or file URL, got "ftp://x")"},
        Bad{R"({"name": "x", "sources": [{"url": "ftp://x"}]})",
            R"(pipelines/x.json: sources[0].url: expected an http, https or file URL, got "ftp://x")"},
        Bad{R"({"name": "x", "sources": [{"url": "not a url"}]})",
            R"(pipelines/x.json: sources[0].url: expected an http, https or file URL, got "not a url")"},
        Bad{R"({"name": "x", "sources": [{"url": "https://a.se/", "kind": "list"}]})",
            R"(pipelines/x.json: sources[0].kind: expected one of auto, announcement, allocation_list, listing, sitemap, feed, got "list")"},
        Bad{R"({"name": "x", "sources": [{"url": "https://a.se/", "include": ["/a/*"]}]})",
            R"(pipelines/x.json: sources[0].include: only allowed with "kind": "listing", "sitemap" or "feed")"},
        Bad{R"({"name": "x", "sources": [{"url": "https://a.se/", "kind": "feed", "exclude": "/a/*"}]})",
            R"(pipelines/x.json: sources[0].exclude: expected an array of strings, got "/a/*")"},
        Bad{R"({"name": "x", "sources": [{"url": "https://a.se/", "kind": "listing", "max_pages": 0}]})",
            R"(pipelines/x.json: sources[0].max_pages: expected a whole number from 1 to 10000, got 0)"},
        Bad{R"({"name": "x", "sources": [{"url": "https://a.se/", "call_id": "a:b:2023"}]})",
            R"(pipelines/x.json: sources[0].call_id: only allowed with "kind": "allocation_list")"},
        Bad{R"({"name": "x", "sources": [{"href": "https://a.se/"}]})",
            R"(pipelines/x.json: sources[0].href: unknown key (valid keys: url, kind, call_id, include, exclude, max_pages))"},
        Bad{R"({"name": "x", "sources": []})", R"(pipelines/x.json: sources: expected a non-empty array of sources, got [])"},
        Bad{R"({"name": "x"})", R"(pipelines/x.json: sources: missing (expected an array of sources))"},
        Bad{R"({"sources": ["https://a.se/"]})", R"(pipelines/x.json: name: missing (expected a string))"},
        Bad{R"({"name": 7, "sources": ["https://a.se/"]})", R"(pipelines/x.json: name: expected a string, got 7)"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "sorces": []})",
            R"(pipelines/x.json: sorces: unknown key (valid keys: name, sources, follow, fetch, outputs, mirror))"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "fetch": {"timeout_ms": "30s"}})",
            R"(pipelines/x.json: fetch.timeout_ms: expected a whole number from 1 to 3600000, got "30s")"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "fetch": {"retries": -1}})",
            R"(pipelines/x.json: fetch.retries: expected a whole number from 0 to 10, got -1)"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "fetch": {"obey_robots": "yes"}})",
            R"(pipelines/x.json: fetch.obey_robots: expected true or false, got "yes")"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "fetch": {"user_agent": "bidrag"}})",
            R"x(pipelines/x.json: fetch.user_agent: expected a user agent with a contact URL, like "bidrag/0.1 (+https://example.se/contact)", got "bidrag")x"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "fetch": {"delay": 1}})",
            R"(pipelines/x.json: fetch.delay: unknown key (valid keys: connect_timeout_ms, timeout_ms, retries, backoff_ms, per_host_concurrency, per_host_delay_ms, max_body_bytes, user_agent, obey_robots))"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "outputs": {"jsonl": ["a"]}})",
            R"(pipelines/x.json: outputs.jsonl: expected a string, got ["a"])"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "outputs": {"sinks": "null"}})",
            R"(pipelines/x.json: outputs.sinks: expected an array of strings, got "null")"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "follow": "allocation_list"})",
            R"(pipelines/x.json: follow: expected an array of strings, got "allocation_list")"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "follow": ["allocation_list", "fordelning"]})",
            R"(pipelines/x.json: follow[1]: expected a document role (one of instructions, allocation_list, decision, assignment, report, guidance, application, other), got "fordelning")"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "mirror": {"file:///a/": "fixtures"}})",
            R"(pipelines/x.json: mirror["file:///a/"]: expected an http or https URL, got "file:///a/")"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"], "mirror": {"https://a.se/": "no/such/folder"}})",
            R"(pipelines/x.json: mirror["https://a.se/"]: expected an existing folder (relative to pipelines or the working directory), got "no/such/folder")"},
        Bad{R"({"name": "x", "sources": ["https://a.se/"],})",
            R"(pipelines/x.json: not valid JSON: Missing a name for object member. (at byte 43))"},
        Bad{R"(["https://a.se/"])", R"(pipelines/x.json: (top level): expected an object, got ["https://a.se/"])"}),
    [](const ::testing::TestParamInfo<Bad>& i) { return test::identifier(i.param.message); });

TEST(PipelineLoaderTest, MissingFileIsAUsageErrorNamingIt) {
  try {
    (void)load("pipelines/none.json");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "pipelines/none.json: cannot open: No such file or directory");
  }
}

}  // namespace
}  // namespace bidrag::pipeline
