// The PDF page limit (limits::kMaxPdfPages): a longer PDF is read up to the limit, the pages
// after it are not read, and the document says so in a warning. The PDFs are written here (one
// line of Helvetica mid-page on each page); nothing large is committed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/parse/limits.h"
#include "bidrag/parse/parse.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse {
namespace {

// A PDF of `n` A4 pages, page k showing "Avsnitt k handlar om bidrag"; an exact xref table.
std::string pdf_of_pages(int n) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  const auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  // 1: catalog, 2: page tree, 3: font, then per page: the page and its content stream.
  object("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int k = 0; k < n; ++k) kids += std::to_string(4 + 2 * k) + " 0 R ";
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int k = 0; k < n; ++k) {
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
           std::to_string(5 + 2 * k) + " 0 R >>");
    const std::string text = "BT /F1 12 Tf 72 420 Td (Avsnitt " + std::to_string(k + 1) + " handlar om bidrag) Tj ET";
    object("<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream");
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t o : offsets) {
    std::string digits = std::to_string(o);
    out += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string text_of(const pdf::Page& p) {
  std::string out;
  for (const pdf::Word& w : p.words) out += (out.empty() ? "" : " ") + w.text;
  return out;
}

TEST(PdfPageLimit, OnlyTheFirstPagesAreReadWithAWarning) {
  const Snapshot s = make_snapshot("https://www.exempel.se/fem-sidor.pdf", pdf_of_pages(5), "application/pdf");
  std::vector<std::string> warnings;
  const auto pages = pdf::load_words(s, &warnings, 3);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].number, 1);
  EXPECT_EQ(text_of(pages[0]), "Avsnitt 1 handlar om bidrag");
  EXPECT_EQ(text_of(pages[2]), "Avsnitt 3 handlar om bidrag");
  EXPECT_EQ(warnings, std::vector<std::string>{"PDF has 5 pages; only the first 3 were read (limit)"});
}

TEST(PdfPageLimit, APdfWithinTheLimitIsReadWholeWithoutWarning) {
  const Snapshot s = make_snapshot("https://www.exempel.se/fem-sidor.pdf", pdf_of_pages(5), "application/pdf");
  std::vector<std::string> warnings;
  const auto pages = pdf::load_words(s, &warnings, 5);
  ASSERT_EQ(pages.size(), 5u);
  EXPECT_EQ(text_of(pages[4]), "Avsnitt 5 handlar om bidrag");
  EXPECT_TRUE(warnings.empty());
}

// The default limit through parse(), as `bidrag extract` reads a PDF: one page over it.
TEST(PdfPageLimit, ParseStopsAtTheDefaultLimit) {
  static_assert(limits::kMaxPdfPages == 2000);
  const Snapshot s = make_snapshot("https://www.exempel.se/lang.pdf", pdf_of_pages(2001), "application/pdf");
  const doc::Document d = parse(s);
  EXPECT_EQ(d.pages, 2000);
  EXPECT_EQ(d.warnings, std::vector<std::string>{"PDF has 2001 pages; only the first 2000 were read (limit)"});
  // The lines flow on from page to page as one paragraph: it ends with page 2000's line.
  ASSERT_EQ(d.blocks.size(), 1u);
  const std::string& text = d.blocks[0].text;
  EXPECT_TRUE(text.starts_with("Avsnitt 1 handlar om bidrag Avsnitt 2 handlar"));
  EXPECT_TRUE(text.ends_with("Avsnitt 1999 handlar om bidrag Avsnitt 2000 handlar om bidrag"));
  EXPECT_EQ(text.find("Avsnitt 2001"), std::string::npos);
}

}  // namespace
}  // namespace bidrag::parse
