// read_pdf: one reading of a PDF gives words, ruling lines, links, the document information
// and the tagged article; pages read by several threads give exactly what one thread gives,
// down to the records extracted from a multi-page allocation list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "parse/pdf/reader.h"
#include "support/support.h"

namespace bidrag {
namespace {

Snapshot pdf_fixture(const std::string& relative) {
  return make_snapshot("fixtures/" + relative, test::read_fixture(relative), "application/pdf");
}

// Everything a page holds, as text: a difference anywhere shows in the comparison.
std::string dump(const parse::pdf::Page& p) {
  std::string out = std::to_string(p.number) + " " + std::to_string(p.width) + "x" + std::to_string(p.height) + "\n";
  auto box = [](const doc::BBox& b) {
    return std::to_string(b.x0) + "," + std::to_string(b.y0) + "," + std::to_string(b.x1) + "," + std::to_string(b.y1);
  };
  for (const auto& w : p.words) {
    out += w.text + " " + box(w.box) + " " + w.font + " " + std::to_string(w.font_size) + " " + std::to_string(w.rotation) +
           (w.bold ? " b" : "") + (w.space_after ? " s" : "") + "\n";
  }
  for (const auto& r : p.rules) out += "rule " + box(r) + "\n";
  for (const auto& l : p.links) out += "link " + l.href + " [" + l.text + "] " + box(l.where.bbox) + "\n";
  return out;
}

std::vector<std::string> dump(const parse::pdf::Reading& r) {
  std::vector<std::string> out;
  for (const auto& p : r.pages) out.push_back(dump(p));
  for (const auto& [k, v] : r.info) out.push_back(k + "=" + v);
  if (r.article) out.push_back("article " + r.article->head + " … " + r.article->tail);
  return out;
}

TEST(PdfReader, ReadsWordsRulesLinksAndInformationInOnePass) {
  const auto r = parse::pdf::read_pdf(pdf_fixture("allocation-lists/multi-page.pdf"), {.threads = 1});
  ASSERT_EQ(r.pages.size(), 8u);
  EXPECT_EQ(r.pages[0].number, 1);
  EXPECT_EQ(r.pages[7].number, 8);
  EXPECT_FALSE(r.pages[0].words.empty());
  EXPECT_EQ(r.info.at("producer").rfind("LibreOffice", 0), 0u) << r.info.at("producer");
  EXPECT_FALSE(r.article.has_value());  // a Calc export has no single tagged article
}

TEST(PdfReader, FindsTheTaggedArticleOfABrowserPrint) {
  const auto r = parse::pdf::read_pdf(pdf_fixture("corpus/sociala-insatser-2023/announcement-open.pdf"), {.threads = 1});
  ASSERT_EQ(r.pages.size(), 5u);
  ASSERT_TRUE(r.article.has_value());
  // Enough letters and digits at each end to anchor on (40), read from the page content.
  auto alnum = [](const std::string& t) {
    return std::count_if(t.begin(), t.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
  };
  EXPECT_GE(alnum(r.article->head), 40) << r.article->head;
  EXPECT_GE(alnum(r.article->tail), 40) << r.article->tail;
  std::size_t links = 0;
  for (const auto& p : r.pages) links += p.links.size();
  EXPECT_GT(links, 10u);
}

TEST(PdfReader, ThreadsDecideByLength) {
  const parse::pdf::ReadOptions automatic;
  EXPECT_EQ(parse::pdf::reading_threads(5, {.threads = 3}), 3u);
  EXPECT_EQ(parse::pdf::reading_threads(2, {.threads = 4}), 2u);  // never more threads than pages
  if (std::getenv("BIDRAG_PDF_THREADS") == nullptr) {
    EXPECT_EQ(parse::pdf::reading_threads(5, automatic), 1u);  // a short document: one thread
  }
}

struct Threaded {
  const char* fixture;
  unsigned threads;
};

class PdfReaderThreads : public ::testing::TestWithParam<Threaded> {};

TEST_P(PdfReaderThreads, GiveWhatOneThreadGives) {
  const Snapshot s = pdf_fixture(GetParam().fixture);
  const auto one = parse::pdf::read_pdf(s, {.threads = 1});
  const auto many = parse::pdf::read_pdf(s, {.threads = GetParam().threads});
  EXPECT_EQ(dump(one), dump(many));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PdfReaderThreads,
                         ::testing::Values(Threaded{"allocation-lists/multi-page.pdf", 2},
                                           Threaded{"allocation-lists/multi-page.pdf", 3},
                                           Threaded{"allocation-lists/county-subtotals.pdf", 2},
                                           Threaded{"corpus/sociala-insatser-2023/announcement-open.pdf", 2},
                                           Threaded{"tables/repeated-header.pdf", 3}),
                         [](const ::testing::TestParamInfo<Threaded>& c) {
                           std::string name = std::string(c.param.fixture) + "_" + std::to_string(c.param.threads);
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// The records of a multi-page list, with pages read by one thread and by four.
std::vector<std::string> records_with_threads(const char* threads) {
  ::setenv("BIDRAG_PDF_THREADS", threads, 1);
  const Snapshot s = pdf_fixture("allocation-lists/multi-page.pdf");
  const auto records = extract::extract(s);
  ::unsetenv("BIDRAG_PDF_THREADS");
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(record::to_json(r));
  return out;
}

TEST(PdfReader, ParallelPagesGiveTheSameRecords) {
  const auto serial = records_with_threads("1");
  const auto parallel = records_with_threads("4");
  ASSERT_GT(serial.size(), 100u);
  EXPECT_EQ(serial, parallel);
}

}  // namespace
}  // namespace bidrag
