// The discovery readers on their own: update times, gzip, sitemap and feed errors, and how a
// list page's next page is found. One row per case.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/parse/discover.h"
#include "support/http_server.h"

namespace bidrag::parse::discover {
namespace {

struct TimeCase {
  const char* name;
  const char* text;
  const char* utc;  // "" = unreadable
};

class UtcTime : public ::testing::TestWithParam<TimeCase> {};

TEST_P(UtcTime, Reads) {
  const auto t = utc_time(GetParam().text);
  EXPECT_EQ(t.value_or(""), GetParam().utc);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UtcTime,
    ::testing::Values(TimeCase{"DateIsTheEndOfThatDay", "2023-02-24", "2023-02-25T00:00:00Z"},
                      TimeCase{"LastDayOfYear", " 2023-12-31\n", "2024-01-01T00:00:00Z"},
                      TimeCase{"OffsetEast", "2023-02-24T10:00:00+01:00", "2023-02-24T09:00:00Z"},
                      TimeCase{"NoSecondsOffsetWest", "2023-02-24T22:30-05:00", "2023-02-25T03:30:00Z"},
                      TimeCase{"FractionZ", "2023-02-24T10:00:00.123Z", "2023-02-24T10:00:00Z"},
                      TimeCase{"Rfc822", "Fri, 24 Feb 2023 10:00:00 +0100", "2023-02-24T09:00:00Z"},
                      TimeCase{"Rfc822Gmt", "3 Mar 2023 08:05 GMT", "2023-03-03T08:05:00Z"},
                      TimeCase{"NoDay", "2023-02-30", ""}, TimeCase{"NoZone", "2023-02-24T10:00:00", ""},
                      TimeCase{"Words", "igår", ""}),
    [](const ::testing::TestParamInfo<TimeCase>& i) { return std::string(i.param.name); });

TEST(Gunzip, TwoMembersAreOneStream) {
  EXPECT_EQ(gunzip(test::gzip("abc") + test::gzip("def"), 100, "x.gz"), "abcdef");
}

TEST(Gunzip, LargerThanTheLimitIsRefusedNamingTheSource) {
  try {
    (void)gunzip(test::gzip(std::string(10'000, 'a')), 1000, "https://x.se/sitemap.xml.gz");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "https://x.se/sitemap.xml.gz: gzip data unpacks to more than 1000 bytes (limit)");
  }
}

TEST(Sitemap, NotXmlNamesTheLine) {
  try {
    (void)parse_sitemap(make_snapshot("https://x.se/sitemap.xml", "<?xml version='1.0'?>\n<urlset>\n<url><loc>a</url>"),
                        1 << 20);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.source(), "https://x.se/sitemap.xml");
    EXPECT_EQ(e.place(), "line 3");
  }
}

TEST(Sitemap, OtherRootIsNamed) {
  try {
    (void)parse_sitemap(make_snapshot("https://x.se/s.xml", "<html><body/></html>"), 1 << 20);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "https://x.se/s.xml: not a sitemap (the root element is <html>, expected <urlset> or <sitemapindex>)");
  }
}

TEST(Sitemap, PrefixedNamespaceRelativeAndOtherSchemesDropped) {
  const auto s = parse_sitemap(
      make_snapshot("https://x.se/sitemap.xml",
                    "<sm:urlset xmlns:sm='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    "<sm:url><sm:loc> https://x.se/a </sm:loc><sm:lastmod>2023-01-02T03:04:05Z</sm:lastmod></sm:url>"
                    "<sm:url><sm:loc>/b#c</sm:loc></sm:url><sm:url><sm:loc>mailto:a@x.se</sm:loc></sm:url></sm:urlset>"),
      1 << 20);
  EXPECT_FALSE(s.index);
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[0].url, "https://x.se/a");
  EXPECT_EQ(s.entries[0].lastmod, "2023-01-02T03:04:05Z");
  EXPECT_EQ(s.entries[1].url, "https://x.se/b");
  EXPECT_EQ(s.entries[1].lastmod, "");
}

TEST(Sitemap, ALocNestedAMillionDeepIsReadWithoutRecursion) {
  // The text of <loc> split over 1,000,000 nested elements: read in document order, no stack
  // overflow (this crashed when the text was gathered recursively).
  std::string xml = "<urlset><url><loc>https://x.se/";
  for (int i = 0; i < 1'000'000; ++i) xml += "<b>";
  xml += "deep";
  for (int i = 0; i < 1'000'000; ++i) xml += "</b>";
  xml += "</loc></url><url><loc>https://x.se/<i>a</i><i>b</i>c</loc></url></urlset>";
  const auto s = parse_sitemap(make_snapshot("https://x.se/sitemap.xml", xml), 1 << 24);
  ASSERT_EQ(s.entries.size(), 2u);
  EXPECT_EQ(s.entries[0].url, "https://x.se/deep");
  EXPECT_EQ(s.entries[1].url, "https://x.se/abc");
}

struct NextCase {
  const char* name;
  const char* url;
  const char* html;
  const char* next;  // "" = none
};

class ListingNext : public ::testing::TestWithParam<NextCase> {};

TEST_P(ListingNext, Finds) {
  const auto l = parse_listing(make_snapshot(GetParam().url, GetParam().html, "text/html; charset=utf-8"));
  EXPECT_EQ(l.next.value_or(""), GetParam().next);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ListingNext,
    ::testing::Values(
        NextCase{"RelNextLink", "https://x.se/l", "<head><link rel='next' href='/l/2'></head><body></body>", "https://x.se/l/2"},
        NextCase{"RelNextAnchorBeatsText", "https://x.se/l",
                 "<body><a href='/t'>Nästa</a><a rel='nofollow next' href='/r'>2</a></body>", "https://x.se/r"},
        NextCase{"TextWithArrow", "https://x.se/l", "<body><a href='?p=2'><span>Nästa</span> &rsaquo;</a></body>",
                 "https://x.se/l?p=2"},
        NextCase{"AriaLabel", "https://x.se/l", "<body><a aria-label='Nästa sida' href='/n'>&raquo;</a></body>",
                 "https://x.se/n"},
        NextCase{"TextThatOnlyBeginsWithTheCue", "https://x.se/l",
                 "<body><a href='/omg'>Nästa ansökningsomgång</a></body>", ""},
        NextCase{"PageParameterSmallestAbove", "https://x.se/l?typ=a&page=2",
                 "<body><a href='/l?typ=a&page=1'>1</a><a href='/l?typ=a&page=5'>5</a><a href='/l?typ=a&page=3'>3</a>"
                 "<a href='/l?typ=b&page=3'>b3</a></body>",
                 "https://x.se/l?typ=a&page=3"},
        NextCase{"PageParameterFromTheFirstPage", "https://x.se/l", "<body><a href='/l?page=1'>2</a></body>",
                 "https://x.se/l?page=1"},
        NextCase{"ItselfIsNoNext", "https://x.se/l", "<body><a rel=next href='/l#top'>x</a></body>", ""}),
    [](const ::testing::TestParamInfo<NextCase>& i) { return std::string(i.param.name); });

TEST(Listing, LinksAreAbsoluteUniqueAndInOrder) {
  const auto l = parse_listing(make_snapshot(
      "https://x.se/a/lista", "<base href='https://x.se/b/'><body><a href='c'>C</a><a href='mailto:x@x.se'>M</a>"
                              "<a href='c#top'>C igen</a><a href='https://y.se/d'>D</a></body>"));
  ASSERT_EQ(l.links.size(), 2u);
  EXPECT_EQ(l.links[0].url, "https://x.se/b/c");
  EXPECT_EQ(l.links[1].url, "https://y.se/d");
}

}  // namespace
}  // namespace bidrag::parse::discover
