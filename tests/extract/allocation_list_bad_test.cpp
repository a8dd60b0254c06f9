// Bad PDFs through extract(): each gives one error record naming the source, never a throw.
#include <gtest/gtest.h>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag::extract {
namespace {

struct BadCase {
  const char* file;
  const char* message;
};

TEST(AllocationListBadPdf, ErrorRecordNamingTheSource) {
  const BadCase cases[] = {
      {"encrypted.pdf", "PDF is encrypted with a user password"},
      {"truncated.pdf", "PDF cannot be opened: damaged or truncated"},
      {"no-text.pdf", "PDF has no text layer (scanned image?)"},
      {"zero-pages.pdf", "PDF has no pages"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string url = std::string("https://www.example.se/fordelning/") + c.file;
    const Snapshot s = make_snapshot(url, test::read_fixture(std::string("allocation-lists/bad/") + c.file));
    std::vector<record::Record> records;
    ASSERT_NO_THROW(records = extract(s));
    ASSERT_EQ(records.size(), 1u);
    const auto* e = std::get_if<record::ErrorRecord>(&records[0]);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->stage, record::ErrorStage::parse);
    EXPECT_EQ(e->url, url);
    EXPECT_EQ(e->message, url + ": " + c.message);
    EXPECT_TRUE(test::record_valid(record::to_json(records[0])));
  }
}

}  // namespace
}  // namespace bidrag::extract
