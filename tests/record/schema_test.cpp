// Schema validation rejects wrong records with a message that names the field.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "bidrag/record/schema.h"

namespace bidrag::record {
namespace {

constexpr const char* kSource =
    R"("source":{"url":"u","sha256":"","fetched_at":null,"format":"pdf"})";

std::string ceiling(const std::string& code, const std::string& amount) {
  return std::string(R"({"type":"ceiling","id":"c:ceiling:x","call_id":"c","municipality":{"name":"Botkyrka",)") +
         R"("name_as_printed":"Botkyrka","code":)" + code + R"(,"county_code":"01"},"amount":)" + amount + "," + kSource +
         "}";
}

TEST(SchemaTest, IsDraft04AndParses) {
  rapidjson::Document d;
  const auto text = schema_text();
  d.Parse(text.data(), text.size());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_STREQ(d["$schema"].GetString(), "http://json-schema.org/draft-04/schema#");
  EXPECT_EQ(d["definitions"].MemberCount(), 14u);
}

TEST(SchemaTest, AcceptsAValidCeiling) {
  EXPECT_EQ(validate_record(ceiling(R"("0127")", R"({"value":17603816,"currency":"SEK"})")), std::nullopt);
}

TEST(SchemaTest, NamesAFieldWithABadPattern) {
  EXPECT_EQ(validate_record(ceiling(R"("127")", R"({"value":1,"currency":"SEK"})")),
            "ceiling record: /municipality/code: does not match the pattern ^[0-9]{4}$");
}

TEST(SchemaTest, NamesAMissingField) {
  EXPECT_EQ(validate_record(ceiling(R"("0127")", R"({"currency":"SEK"})")),
            "ceiling record: /amount/value: required field is missing");
}

TEST(SchemaTest, NamesAnAmountThatIsAString) {
  EXPECT_EQ(validate_record(ceiling(R"("0127")", R"({"value":"17 603 816","currency":"SEK"})")),
            "ceiling record: /amount/value: has the wrong type or value (type)");
}

TEST(SchemaTest, NamesAFieldOutsideTheContract) {
  const std::string bad = R"({"type":"document","id":"d","call_id":"c","role":"other","title":"t","url":"https://x.se/",)"
                          R"("colour":"red",)" + std::string(kSource) + "}";
  EXPECT_EQ(validate_record(bad), "document record: /colour: field is not in the contract");
}

TEST(SchemaTest, RejectsUnknownTypeAndNonJson) {
  EXPECT_EQ(validate_record(R"({"type":"grant"})"), R"(/type: unknown record type "grant")");
  EXPECT_EQ(validate_record("{"), "not JSON at offset 1: Missing a name for object member.");
}

TEST(SchemaTest, RejectsAnImpossibleDeadlineKind) {
  const std::string bad = R"({"type":"deadline","id":"d","call_id":"c","kind":"whenever","date":"2023-05-12","text":"t",)" +
                          std::string(kSource) + "}";
  EXPECT_EQ(validate_record(bad), "deadline record: /kind: has the wrong type or value (enum)");
}

}  // namespace
}  // namespace bidrag::record
