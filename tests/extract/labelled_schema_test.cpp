// Every record that extract() gives for every labelled document (fixtures/corpus,
// fixtures/labelled, fixtures/labelled-lists: X beside X.expected.json) is valid against
// schemas/records.schema.json, checked by RapidJSON's schema validator (test::records_valid),
// which knows nothing of the writer.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> labelled_documents() {
  std::vector<std::string> out;
  for (const char* dir : {"corpus", "labelled", "labelled-lists"}) {
    const fs::path root = fs::path(test::fixture(dir));
    if (!fs::is_directory(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const std::string p = e.path().string();
      const std::string suffix = ".expected.json";
      if (p.size() > suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) {
        const std::string doc = p.substr(0, p.size() - suffix.size());
        if (fs::exists(doc)) out.push_back(fs::path(doc).lexically_relative(test::fixture("")).generic_string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class LabelledSchema : public ::testing::TestWithParam<std::string> {};

TEST_P(LabelledSchema, EveryRecordIsValid) {
  rapidjson::Document exp;
  exp.Parse(test::read_fixture(GetParam() + ".expected.json").c_str());
  ASSERT_FALSE(exp.HasParseError());
  const std::string url = exp.HasMember("source_url") && exp["source_url"].IsString()
                              ? exp["source_url"].GetString()
                              : "https://www.exempel.se/" + fs::path(GetParam()).filename().string();
  std::string jsonl;
  for (const auto& r : extract::extract(make_snapshot(url, test::read_fixture(GetParam()))))
    jsonl += record::to_json(r) + "\n";
  ASSERT_FALSE(jsonl.empty());
  EXPECT_TRUE(test::records_valid(jsonl));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, LabelledSchema, ::testing::ValuesIn(labelled_documents()), test::case_name);

TEST(LabelledSchemaSet, CoversEveryLabelledFolder) { EXPECT_GE(labelled_documents().size(), 110u); }

}  // namespace
}  // namespace bidrag
