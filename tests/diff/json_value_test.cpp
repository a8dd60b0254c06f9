// The exact-number JSON tree and the record-set loader's errors.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/diff/json_value.h"
#include "bidrag/diff/record_set.h"

namespace bidrag::diff {
namespace {

TEST(JsonValue, KeepsNumbersAsWrittenAndKeyOrder) {
  const Value v = parse_json(R"({"b":1234567.50,"a":[1,-0.05,true,null,"å"]})");
  ASSERT_TRUE(v.is_object());
  ASSERT_EQ(v.members.size(), 2u);
  EXPECT_EQ(v.members[0].key, "b");
  EXPECT_EQ(v.members[0].value.text, "1234567.50");
  EXPECT_EQ(to_json(v), R"({"b":1234567.50,"a":[1,-0.05,true,null,"å"]})");
}

TEST(JsonValue, NullAbsentAndEmptyListAreNotStated) {
  const Value v = parse_json(R"({"a":null,"b":[],"c":0,"d":""})");
  EXPECT_FALSE(stated(v.find("a")));
  EXPECT_FALSE(stated(v.find("b")));
  EXPECT_FALSE(stated(v.find("zzz")));
  EXPECT_TRUE(stated(v.find("c")));
  EXPECT_TRUE(stated(v.find("d")));
}

TEST(JsonValue, RejectsWhatIsNotOneJsonValue) {
  const struct {
    const char* in;
    const char* message;
  } cases[] = {
      {R"({"a":1,})", "Missing a name for object member. at column 8"},
      {R"({"a":1} x)", "unexpected text after the JSON value at column 9"},
      {"", "The document is empty. at column 1"},
  };
  for (const auto& c : cases) {
    try {
      (void)parse_json(c.in);
      ADD_FAILURE() << "no error for " << c.in;
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), c.message) << c.in;
    }
  }
}

TEST(RecordSet, ErrorsNameTheSourceAndLine) {
  const std::string good =
      R"({"type":"deadline","id":"f:t:2023:deadline:report_due","call_id":"f:t:2023","kind":"report_due","date":"2024-02-15","time":null,"text":"senast den 15 februari 2024","source":{"url":"https://example.org/a","sha256":"","fetched_at":null,"format":"html"}})";
  const struct {
    std::string in;
    std::string message;
  } cases[] = {
      {good + "\n\n{oops\n", "old.jsonl:3: not JSON: Missing a name for object member. at column 2"},
      {good + "\n" + R"({"type":"deadline","id":"x"})" + "\n",
       "old.jsonl:2: deadline record: /call_id: required field is missing"},
  };
  for (const auto& c : cases) {
    try {
      (void)load_jsonl(c.in, "old.jsonl");
      ADD_FAILURE() << "no error for " << c.in;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), c.message);
    }
  }
  const RecordSet set = load_jsonl(good + "\r\n", "old.jsonl");
  ASSERT_EQ(set.calls.size(), 1u);
  EXPECT_EQ(set.calls[0].series, "f:t");
  ASSERT_EQ(set.calls[0].items.size(), 1u);
  EXPECT_EQ(set.calls[0].items[0].key, "deadline:report_due");
}

}  // namespace
}  // namespace bidrag::diff

namespace bidrag::diff {
namespace {

TEST(RecordSet, ErrorRecordsAreSkippedAndDuplicatesKeepTheLaterRecord) {
  const std::string src = R"("source":{"url":"https://example.org/a","sha256":"","fetched_at":null,"format":"html"})";
  const std::string text =
      R"({"type":"error","id":"e1","url":"https://example.org/a","stage":"parse","message":"no grant call found","locator":null,)" +
      src + "}\n" +
      R"({"type":"deadline","id":"f:t:2023:deadline:report_due","call_id":"f:t:2023","kind":"report_due","date":"2024-02-15","time":null,"text":"a",)" +
      src + "}\n" +
      R"({"type":"deadline","id":"f:t:2023:deadline:report_due","call_id":"f:t:2023","kind":"report_due","date":"2024-02-16","time":null,"text":"b",)" +
      src + "}\n";
  const RecordSet set = load_jsonl(text, "x.jsonl");
  ASSERT_EQ(set.calls.size(), 1u);
  ASSERT_EQ(set.calls[0].items.size(), 1u);
  EXPECT_EQ(set.calls[0].items[0].json.str("date"), "2024-02-16");
  EXPECT_EQ(set.calls[0].find("deadline:report_due"), &set.calls[0].items[0]);
  EXPECT_EQ(set.calls[0].find("deadline:other"), nullptr);
}

}  // namespace
}  // namespace bidrag::diff
