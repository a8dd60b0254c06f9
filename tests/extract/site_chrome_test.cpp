// Links of a site's chrome are not a call's documents when the parser could not cut the chrome
// away (a page without <main> or <article>): links before the title, home and breadcrumb links,
// social media, and the cookie, accessibility and privacy pages every Swedish public site has;
// a content link to such a page, in a sentence, stays.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag {
namespace {

TEST(SiteChromeTest, APageWithoutMainKeepsOnlyItsOwnDocuments) {
  const auto records = extract::extract(make_snapshot("https://www.exempelverket.se/bidrag/stod/foreningar-2024/",
                                                      test::read_fixture("announce/no-main-chrome.html"), "text/html"));
  std::vector<std::vector<std::string>> documents;
  std::string call_id;
  for (const auto& r : records) {
    if (const auto* c = std::get_if<record::Call>(&r)) call_id = c->id;
    if (const auto* d = std::get_if<record::DocumentRef>(&r)) documents.push_back({std::string(record::to_string(d->role)), d->title, d->url});
  }
  EXPECT_EQ(call_id, "exempelverket:stod-till-foreningar:2024");
  EXPECT_EQ(documents, (std::vector<std::vector<std::string>>{
                           {"instructions", "Anvisningar för ansökan", "https://www.exempelverket.se/dokument/anvisningar-2024.pdf"},
                           {"other", "Så hanterar vi personuppgifter i ansökan",
                            "https://www.exempelverket.se/om-webbplatsen/personuppgifter/"}}));
  EXPECT_TRUE(test::records_valid(test::jsonl([&] {
    std::vector<std::string> lines;
    for (const auto& r : records) lines.push_back(record::to_json(r));
    return lines;
  }())));
}

}  // namespace
}  // namespace bidrag
