// The closed sets' name tables (record/kinds.h) and the JSON Schema's enum lists
// (schemas/records.schema.json) are one list each: a value added, dropped, renamed or moved in
// either place fails here, one row per set.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <ostream>
#include <string>
#include <vector>

#include "bidrag/record/kinds.h"
#include "bidrag/record/record.h"
#include "bidrag/record/schema.h"

namespace bidrag::record {
namespace {

template <NamedSet E>
std::vector<std::string> table_of() {
  std::vector<std::string> out;
  for (const auto n : names_of<E>()) out.emplace_back(n);
  return out;
}

std::vector<std::string> recipient_kinds() {
  std::vector<std::string> out;
  for (auto k : {RecipientKind::kommun, RecipientKind::region, RecipientKind::lansstyrelse, RecipientKind::lan,
                 RecipientKind::organisation})
    out.push_back(to_string(k));
  return out;
}

struct SetRow {
  const char* name;
  const char* pointer;  // the enum's JSON pointer in the schema
  std::vector<std::string> (*table)();
};

void PrintTo(const SetRow& r, std::ostream* os) { *os << r.name << " (" << r.pointer << ")"; }

// The schema's enum at `pointer`, strings only (a nullable field lists null too).
std::vector<std::string> schema_enum(const char* pointer) {
  rapidjson::Document d;
  const auto text = schema_text();
  d.Parse(text.data(), text.size());
  const rapidjson::Value* list = rapidjson::Pointer(pointer).Get(d);
  std::vector<std::string> out;
  if (!list || !list->IsArray()) return out;
  for (const auto& v : list->GetArray())
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  return out;
}

class ClosedSet : public ::testing::TestWithParam<SetRow> {};

TEST_P(ClosedSet, NameTableEqualsTheSchemaEnum) {
  const auto want = schema_enum(GetParam().pointer);
  ASSERT_FALSE(want.empty()) << "no enum at " << GetParam().pointer;
  EXPECT_EQ(GetParam().table(), want);
}

INSTANTIATE_TEST_SUITE_P(
    Sets, ClosedSet,
    ::testing::Values(SetRow{"deadline_kind", "/definitions/deadline/properties/kind/enum", &table_of<DeadlineKind>},
                      SetRow{"call_status", "/definitions/call/properties/status/enum", &table_of<CallStatus>},
                      SetRow{"document_role", "/definitions/document/properties/role/enum", &table_of<DocumentRole>},
                      SetRow{"error_stage", "/definitions/error/properties/stage/enum", &table_of<ErrorStage>},
                      SetRow{"sum_check", "/definitions/allocation_list/properties/sum_check/enum", &table_of<SumCheck>},
                      SetRow{"ceiling_recipient_kind", "/definitions/ceiling/properties/recipient/properties/kind/enum",
                             &recipient_kinds},
                      SetRow{"list_recipient_kind", "/definitions/allocation_list/properties/recipient_kind/enum",
                             &recipient_kinds}),
    [](const ::testing::TestParamInfo<SetRow>& p) { return std::string(p.param.name); });

// Each name reads back to its value, and a name outside the set (a typo) reads as nothing.
TEST(ClosedSetNames, EveryNameReadsBackAndTyposDoNot) {
  for (std::size_t i = 0; i < names_of<ErrorStage>().size(); ++i)
    EXPECT_EQ(parse_error_stage(names_of<ErrorStage>()[i]), static_cast<ErrorStage>(i));
  for (std::size_t i = 0; i < names_of<SumCheck>().size(); ++i)
    EXPECT_EQ(parse_sum_check(names_of<SumCheck>()[i]), static_cast<SumCheck>(i));
  for (std::size_t i = 0; i < names_of<DocumentRole>().size(); ++i)
    EXPECT_EQ(parse_document_role(names_of<DocumentRole>()[i]), static_cast<DocumentRole>(i));
  EXPECT_EQ(to_string(ErrorStage::fetch), "fetch");
  EXPECT_EQ(to_string(SumCheck::no_total), "no_total");
  EXPECT_EQ(to_string(DocumentRole::allocation_list), "allocation_list");
  EXPECT_EQ(parse_error_stage("fetching"), std::nullopt);
  EXPECT_EQ(parse_sum_check("OK"), std::nullopt);
  EXPECT_EQ(parse_document_role("anvisning"), std::nullopt);
  // The compile-time table answers in constant expressions too.
  static_assert(from_name<SumCheck>("mismatch") == SumCheck::mismatch);
  static_assert(to_string(DeadlineKind::report_due) == "report_due");
}

}  // namespace
}  // namespace bidrag::record
