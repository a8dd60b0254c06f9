// parse_pdf on PDFs it cannot read: each a bidrag::Error naming the source and what is wrong.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/parse/parse.h"
#include "support/support.h"

namespace bidrag {
namespace {

using test::PrintTo;

Snapshot snapshot_of(const std::string& name, std::string bytes) {
  return make_snapshot("fixtures/pdf/" + name, std::move(bytes), "application/pdf");
}

std::string error_of(const Snapshot& s) {
  try {
    (void)parse::parse_pdf(s);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

struct BadPdf {
  const char* name;
  const char* message;
};

class BadPdfTest : public ::testing::TestWithParam<BadPdf> {};

TEST_P(BadPdfTest, FailsWithAClearMessage) {
  const BadPdf& c = GetParam();
  EXPECT_EQ(error_of(snapshot_of(c.name, test::read_fixture(std::string("pdf/") + c.name))), c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, BadPdfTest,
    ::testing::Values(
        BadPdf{"encrypted.pdf", "fixtures/pdf/encrypted.pdf: PDF is encrypted with a user password"},
        BadPdf{"zero-pages.pdf", "fixtures/pdf/zero-pages.pdf: PDF has no pages"},
        BadPdf{"scan.pdf", "fixtures/pdf/scan.pdf: PDF has no text layer (scanned image?)"}),
    test::case_name);

TEST(PdfErrors, TruncatedPdfIsAnError) {
  const std::string whole = test::read_fixture("corpus/sociala-insatser-2023/announcement-open.pdf");
  // Cut in the middle of the content streams: the cross-reference table and trailer are gone.
  const Snapshot s = snapshot_of("truncated.pdf", whole.substr(0, whole.size() / 3));
  const std::string message = error_of(s);
  // Poppler reconstructs what it can; either the document cannot be opened at all, or what is
  // left has no readable page or text. Never a crash, never a silent empty document.
  EXPECT_TRUE(message == "fixtures/pdf/truncated.pdf: PDF cannot be opened: damaged or truncated" ||
              message == "fixtures/pdf/truncated.pdf: PDF has no pages" ||
              message == "fixtures/pdf/truncated.pdf: PDF has no text layer (scanned image?)")
      << message;
}

TEST(PdfErrors, NotAPdf) {
  EXPECT_EQ(error_of(snapshot_of("page.html", "<!DOCTYPE html><html><body>Hej</body></html>")),
            "fixtures/pdf/page.html: not a PDF (no %PDF- header)");
}

TEST(PdfErrors, HeaderOnly) {
  EXPECT_EQ(error_of(snapshot_of("header-only.pdf", "%PDF-1.4\n")),
            "fixtures/pdf/header-only.pdf: PDF cannot be opened: damaged or truncated");
}

}  // namespace
}  // namespace bidrag
