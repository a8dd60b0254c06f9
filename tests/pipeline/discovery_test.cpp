// Discovery sources end to end on a loopback server: sitemaps (plain, index, gzipped, 50,000
// URLs), feeds (RSS 2.0, Atom) and listings (three ways to the next page, a loop, a limit), with
// the real fetcher and extractor and the SQLite store. Each test asserts the exact pages read.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>

#include "bidrag/pipeline/run.h"
#include "bidrag/store/sqlite_store.h"
#include "support/http_server.h"
#include "support/support.h"

namespace bidrag::pipeline {
namespace {

using test::HttpReply;
using test::HttpRequest;

constexpr const char* kCall2023 = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";
constexpr const char* kCall2022 = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2022";

std::size_t count_of(const std::vector<std::string>& lines, const std::string& needle) {
  return static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(needle) != std::string::npos; }));
}

std::string call_line(const char* id) { return R"({"type":"call","id":")" + std::string(id) + "\""; }

// A page of an agency's site that is no call: a news item.
constexpr const char* kNews =
    "<!doctype html><html lang=sv><head><title>Nyhet</title></head><body><main><h1>Ny webbplats</h1>"
    "<p>Vi har gjort om webbplatsen för att den ska bli lättare att använda. Hör gärna av dig med synpunkter.</p>"
    "</main></body></html>";

class DiscoveryTest : public ::testing::Test {
 protected:
  test::HttpServer server;
  std::string db = test::temp_dir(std::string("disc-") + ::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                   "/bidrag.db";
  store::SqliteStore store{db};
  Pipeline pipeline;
  std::atomic<int> extractions{0};
  RunOptions options;

  DiscoveryTest() {
    pipeline.name = "discovery";
    pipeline.follow = {};  // the call pages link to the agency's real lists: not followed here
    pipeline.policy.per_host_delay_ms = 0;
    pipeline.policy.per_host_concurrency = 4;
    pipeline.policy.retries = 0;
    pipeline.policy.total_timeout_ms = 5000;
    pipeline.policy.obey_robots = false;
    options.isolation.enabled = false;  // in process, so extractions are counted here
    options.extractor = [this](const Snapshot& s, const extract::Context& c) {
      ++extractions;
      return extract::extract(s, c);
    };
    server.serve("/calls/a/", HttpReply::make(200, test::read_fixture("corpus/sociala-insatser-2023/announcement-open.html")));
    server.serve("/calls/b/", HttpReply::make(200, test::read_fixture("corpus/sociala-insatser-2022/announcement.html")));
    server.serve("/news/x/", HttpReply::make(200, kNews));
  }

  Source source(const std::string& kind, const std::string& path, std::vector<std::string> include = {},
                std::vector<std::string> exclude = {}) {
    Source s;
    s.url = server.url(path);
    s.kind = kind;
    s.include = std::move(include);
    s.exclude = std::move(exclude);
    return s;
  }

  RunResult go(std::vector<Source> sources) {
    pipeline.sources = std::move(sources);
    const auto fetcher = fetch::make_curl_fetcher(pipeline.policy);
    return run(pipeline, *fetcher, {&store}, &store, options);
  }

  std::string urlset(const std::vector<std::pair<std::string, std::string>>& pages) const {
    std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                      R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">)";
    for (const auto& [path, lastmod] : pages) {
      xml += "<url><loc>" + server.url(path) + "</loc>";
      if (!lastmod.empty()) xml += "<lastmod>" + lastmod + "</lastmod>";
      xml += "</url>";
    }
    return xml + "</urlset>";
  }

  // The paths requested from the server, in order, that are not lists.
  std::vector<std::string> pages_hit() const {
    std::vector<std::string> out;
    for (const auto& r : server.requests())
      if (r.path.starts_with("/calls/") || r.path.starts_with("/news/")) out.push_back(r.path);
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(DiscoveryTest, PlainSitemapReadsThePagesItsPatternsChooseAndRemembersTheOneThatIsNoCall) {
  server.serve("/sitemap.xml",
               HttpReply::make(200, urlset({{"/calls/a/", ""}, {"/calls/b/", ""}, {"/news/x/", ""}, {"/news/y.pdf", ""},
                                            {"/om-oss/", ""}}),
                               "application/xml"));
  const auto sources = std::vector{source("sitemap", "/sitemap.xml", {"/calls/*", "/news/*"}, {"*.pdf"})};
  const auto first = go(sources);
  EXPECT_EQ(summary(first), "3 documents, 2 changed, 0 unchanged, 0 failed; 1 list page read, 3 pages found, 1 not calls");
  EXPECT_EQ(pages_hit(), (std::vector<std::string>{"/calls/a/", "/calls/b/", "/news/x/"}));
  EXPECT_EQ(server.hits("/om-oss/"), 0u);
  EXPECT_EQ(count_of(first.lines, call_line(kCall2023)), 1u);
  EXPECT_EQ(count_of(first.lines, call_line(kCall2022)), 1u);
  EXPECT_EQ(count_of(first.lines, R"("type":"error")"), 0u);  // the news item is no error
  EXPECT_EQ(extractions, 3);
  const auto news = store.remembered(server.url("/news/x/"));
  ASSERT_TRUE(news.has_value());
  EXPECT_TRUE(news->not_a_call);
  EXPECT_FALSE(store.remembered(server.url("/calls/a/"))->not_a_call);
  EXPECT_TRUE(store.current_records_of(server.url("/news/x/")).empty());

  // The second night: every page unchanged, the news item not extracted nor reported again.
  const auto second = go(sources);
  EXPECT_EQ(summary(second), "3 documents, 0 changed, 2 unchanged, 0 failed; 1 list page read, 3 pages found, 1 not calls");
  EXPECT_EQ(extractions, 3);
  EXPECT_EQ(second.lines, first.lines);
  EXPECT_EQ(server.hits("/news/x/"), 2u);
  EXPECT_EQ(store.count_snapshots(), 4u);  // the pages and the sitemap, once each

  // The news item becomes a call page: extracted again and no longer remembered as no call.
  server.serve("/news/x/", HttpReply::make(200, test::read_fixture("corpus/sociala-insatser-2023/announcement-closed.html")));
  const auto third = go(sources);
  EXPECT_EQ(summary(third), "3 documents, 1 changed, 2 unchanged, 0 failed; 1 list page read, 3 pages found, 0 not calls");
  EXPECT_EQ(extractions, 4);
  EXPECT_FALSE(store.remembered(server.url("/news/x/"))->not_a_call);
}

TEST_F(DiscoveryTest, SitemapIndexReadsPlainAndGzippedSitemaps) {
  const std::string index = R"(<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">)"
                            "<sitemap><loc>" + server.url("/sm-1.xml") + "</loc></sitemap>"
                            "<sitemap><loc>" + server.url("/sm-2.xml.gz") + "</loc><lastmod>2023-02-01</lastmod></sitemap>"
                            "</sitemapindex>";
  server.serve("/sitemap_index.xml", HttpReply::make(200, index, "application/xml"));
  server.serve("/sm-1.xml", HttpReply::make(200, urlset({{"/calls/a/", ""}}), "application/xml"));
  server.serve("/sm-2.xml.gz", HttpReply::make(200, test::gzip(urlset({{"/calls/b/", ""}, {"/news/x/", ""}})),
                                               "application/gzip"));
  const auto result = go({source("sitemap", "/sitemap_index.xml")});
  EXPECT_EQ(summary(result), "3 documents, 2 changed, 0 unchanged, 0 failed; 3 list pages read, 3 pages found, 1 not calls");
  EXPECT_EQ(pages_hit(), (std::vector<std::string>{"/calls/a/", "/calls/b/", "/news/x/"}));
  EXPECT_EQ(server.hits("/sm-2.xml.gz"), 1u);
}

TEST_F(DiscoveryTest, BrokenGzipIsOneParseErrorNamingTheSitemap) {
  std::string gz = test::gzip(urlset({{"/calls/b/", ""}}));
  gz.resize(gz.size() / 2);
  server.serve("/sm.xml.gz", HttpReply::make(200, gz, "application/gzip"));
  const auto result = go({source("sitemap", "/sm.xml.gz")});
  EXPECT_EQ(summary(result), "0 documents, 0 changed, 0 unchanged, 1 failed; 1 list page read, 0 pages found, 0 not calls");
  ASSERT_EQ(result.lines.size(), 1u);
  EXPECT_NE(result.lines[0].find(R"("stage":"parse","message":")" + server.url("/sm.xml.gz")), std::string::npos)
      << result.lines[0];
  EXPECT_NE(result.lines[0].find("broken gzip data"), std::string::npos) << result.lines[0];
}

TEST_F(DiscoveryTest, LastmodOlderThanTheLastCaptureSkipsThePageWithoutARequest) {
  server.serve("/sitemap.xml", HttpReply::make(200, urlset({{"/calls/a/", "2023-02-01"}, {"/calls/b/", ""}}), "application/xml"));
  const auto sources = std::vector{source("sitemap", "/sitemap.xml")};
  const auto first = go(sources);
  EXPECT_EQ(summary(first), "2 documents, 2 changed, 0 unchanged, 0 failed; 1 list page read, 2 pages found, 0 not calls");
  const auto second = go(sources);
  EXPECT_EQ(summary(second), "2 documents, 0 changed, 2 unchanged, 0 failed; 1 list page read, 2 pages found, 0 not calls");
  EXPECT_EQ(server.hits("/calls/a/"), 1u);  // skipped: changed 2023-02-01, captured since
  EXPECT_EQ(server.hits("/calls/b/"), 2u);  // no date: asked again
  EXPECT_EQ(count_of(second.lines, call_line(kCall2023)), 1u);  // its records still reported
  // A date after the last capture: fetched again.
  server.serve("/sitemap.xml", HttpReply::make(200, urlset({{"/calls/a/", "2999-01-01T00:00:00+01:00"}}), "application/xml"));
  const auto third = go(sources);
  EXPECT_EQ(summary(third), "1 document, 0 changed, 1 unchanged, 0 failed; 1 list page read, 1 page found, 0 not calls");
  EXPECT_EQ(server.hits("/calls/a/"), 2u);
}

TEST_F(DiscoveryTest, RssFeed) {
  const std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Utlysningar</title>)"
                          "<item><title>A</title><link>" + server.url("/calls/a/") +
                          "</link><pubDate>Fri, 24 Feb 2023 10:00:00 +0100</pubDate></item>"
                          "<item><title>B</title><guid>" + server.url("/calls/b/") + "</guid></item>"
                          "<item><title>Nyhet</title><link>" + server.url("/news/x/") + "</link></item>"
                          "</channel></rss>";
  server.serve("/rss.xml", HttpReply::make(200, rss, "application/rss+xml"));
  const auto result = go({source("feed", "/rss.xml", {"/calls/*"})});
  EXPECT_EQ(summary(result), "2 documents, 2 changed, 0 unchanged, 0 failed; 1 list page read, 2 pages found, 0 not calls");
  EXPECT_EQ(pages_hit(), (std::vector<std::string>{"/calls/a/", "/calls/b/"}));
}

TEST_F(DiscoveryTest, AtomFeedResolvesRelativeLinksAndSkipsOtherRelations) {
  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">)"
                           R"(<title>Utlysningar</title><link rel="self" href="/atom.xml"/>)"
                           R"(<entry><title>A</title><link rel="edit" href="/admin/1"/><link href="/calls/a/"/>)"
                           "<updated>2023-02-24T09:00:00Z</updated></entry>"
                           R"(<entry><title>B</title><link rel="alternate" type="text/html" href="/calls/b/#top"/></entry>)"
                           "</feed>";
  server.serve("/atom.xml", HttpReply::make(200, atom, "application/atom+xml"));
  const auto result = go({source("feed", "/atom.xml")});
  EXPECT_EQ(summary(result), "2 documents, 2 changed, 0 unchanged, 0 failed; 1 list page read, 2 pages found, 0 not calls");
  EXPECT_EQ(pages_hit(), (std::vector<std::string>{"/calls/a/", "/calls/b/"}));
  EXPECT_EQ(server.hits("/admin/1"), 0u);
}

// Page 1 → 2 by the link text "Nästa ›", 2 → 3 by ?page=N, 3 → 4 by rel=next; page 4 ends.
TEST_F(DiscoveryTest, ListingFollowsItsPaginationThreeWays) {
  server.on("/list", [](const HttpRequest& r) {
    std::string body = "<html><body><nav><a href='/'>Start</a><a href='/om-oss/'>Om oss</a></nav><main><ul>";
    if (r.target == "/list") {
      body += "<li><a href='/calls/a/'>A</a></li></ul><a class=pager href='/list?page=2'>Nästa ›</a>";
    } else if (r.target == "/list?page=2") {
      body += "<li><a href='/calls/b/'>B</a></li></ul><a href='/list'>1</a> <a href='/list?page=3'>3</a>"
              "<a href='/list?page=4'>4</a>";
    } else if (r.target == "/list?page=3") {
      body += "<li><a href='calls/a/'>A igen</a></li></ul><a rel='next' href='/list?page=4'>›</a>";
    } else {
      body += "<li><a href='/news/x/'>Nyhet</a></li></ul><a href='/list?page=3'>Föregående</a>";
    }
    return HttpReply::make(200, body + "</main></body></html>");
  });
  const auto result = go({source("listing", "/list", {"/calls/*", "/news/*"})});
  EXPECT_EQ(summary(result), "3 documents, 2 changed, 0 unchanged, 0 failed; 4 list pages read, 3 pages found, 1 not calls");
  std::vector<std::string> lists;
  for (const auto& r : server.requests("/list")) lists.push_back(r.target);
  EXPECT_EQ(lists, (std::vector<std::string>{"/list", "/list?page=2", "/list?page=3", "/list?page=4"}));
  EXPECT_EQ(pages_hit(), (std::vector<std::string>{"/calls/a/", "/calls/b/", "/news/x/"}));
  EXPECT_EQ(server.hits("/om-oss/"), 0u);
}

TEST_F(DiscoveryTest, ListingThatLinksBackToItselfEnds) {
  server.serve("/loop/a", HttpReply::make(200, "<html><body><a href='/calls/a/'>A</a><a rel=next href='/loop/b'>b</a></body></html>"));
  server.serve("/loop/b", HttpReply::make(200, "<html><body><a href='/calls/b/'>B</a><a href='/loop/a'>Nästa</a></body></html>"));
  const auto result = go({source("listing", "/loop/a", {"/calls/*"})});
  EXPECT_EQ(summary(result), "2 documents, 2 changed, 0 unchanged, 0 failed; 2 list pages read, 2 pages found, 0 not calls");
  EXPECT_EQ(server.hits("/loop/a"), 1u);
  EXPECT_EQ(server.hits("/loop/b"), 1u);
}

TEST_F(DiscoveryTest, EndlessListingStopsAtMaxPages) {
  server.on("/endless", [](const HttpRequest& r) {
    const auto q = r.target.find("page=");
    const int n = q == std::string::npos ? 0 : std::stoi(r.target.substr(q + 5));
    return HttpReply::make(200, "<html><body><a href='/endless?page=" + std::to_string(n + 1) + "'>" +
                                    std::to_string(n + 1) + "</a></body></html>");
  });
  auto s = source("listing", "/endless", {"/calls/*"});
  s.max_pages = 5;
  const auto result = go({s});
  EXPECT_EQ(summary(result), "0 documents, 0 changed, 0 unchanged, 0 failed; 5 list pages read, 0 pages found, 0 not calls");
  EXPECT_EQ(server.hits("/endless"), 5u);
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

TEST_F(DiscoveryTest, SitemapOfFiftyThousandUrlsIsFilteredToThePagesWanted) {
  std::vector<std::pair<std::string, std::string>> pages;
  pages.reserve(50'000);
  for (int i = 0; i < 50'000; ++i) pages.emplace_back("/arkiv/" + std::to_string(i) + "/", "2020-01-01");
  pages[17'000].first = "/calls/a/";
  pages[31'000].first = "/calls/b/";
  pages[49'999].first = "/calls/old/";
  const std::string xml = urlset(pages);
  ASSERT_GT(xml.size(), 3'000'000u);
  server.serve("/big.xml.gz", HttpReply::make(200, test::gzip(xml), "application/gzip"));
  const long before = peak_rss_kib();
  const auto result = go({source("sitemap", "/big.xml.gz", {"/calls/*"}, {"*/old/"})});
  EXPECT_EQ(summary(result), "2 documents, 2 changed, 0 unchanged, 0 failed; 1 list page read, 2 pages found, 0 not calls");
  EXPECT_EQ(pages_hit(), (std::vector<std::string>{"/calls/a/", "/calls/b/"}));
  EXPECT_EQ(server.requests().size(), 3u);
  // Reading the list costs a few times its size, not more (peak resident memory).
  EXPECT_LT(peak_rss_kib() - before, 256L * 1024);
}

}  // namespace
}  // namespace bidrag::pipeline
