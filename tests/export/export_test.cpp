// Flattening records to table rows, CSV fields, and Swedish Excel's cells.
#include <gtest/gtest.h>

#include "bidrag/diff/json_value.h"
#include "bidrag/export/export.h"

namespace bidrag::exports {
namespace {

std::vector<std::string> names(const diff::Value& v) {
  std::vector<std::string> out;
  for (const auto& [name, leaf] : flatten(v)) out.push_back(name + "=" + (leaf->kind == diff::Value::Kind::boolean ? (leaf->boolean ? "true" : "false") : leaf->text));
  return out;
}

TEST(Flatten, DottedNamesListItemsFromOneNullsDropped) {
  const auto v = diff::parse_json(
      R"({"type":"ceiling","recipient":{"kind":"kommun","name":"Södertälje","code":"0181"},"amount":{"value":1234567.50,"currency":"SEK"},)"
      R"("year":null,"parts":{},"applicant_types":["kommun","region"],"steps":[],"ok":true,"subtotals":[{"label":"Län","total":5}]})");
  EXPECT_EQ(names(v), (std::vector<std::string>{"type=ceiling", "recipient.kind=kommun", "recipient.name=Södertälje",
                                                "recipient.code=0181", "amount.value=1234567.50", "amount.currency=SEK",
                                                "applicant_types.1=kommun", "applicant_types.2=region", "ok=true",
                                                "subtotals.1.label=Län", "subtotals.1.total=5"}));
}

TEST(CsvField, QuotedOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("Södertälje", ','), "Södertälje");
  EXPECT_EQ(csv_field("a,b", ','), "\"a,b\"");
  EXPECT_EQ(csv_field("a,b", ';'), "a,b");
  EXPECT_EQ(csv_field("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(csv_field("sa \"hej\"", ','), "\"sa \"\"hej\"\"\"");
  EXPECT_EQ(csv_field("rad 1\nrad 2", ','), "\"rad 1\nrad 2\"");
  EXPECT_EQ(csv_field(" kant", ','), "\" kant\"");
}

TEST(ExcelCell, DecimalCommaAndTextsKeptAsText) {
  EXPECT_EQ(excel_cell(diff::Value::number("1234567.50")), "1234567,50");
  EXPECT_EQ(excel_cell(diff::Value::number("243500000")), "243500000");
  EXPECT_EQ(excel_cell(diff::Value::string("0181")), "=\"0181\"");
  EXPECT_EQ(excel_cell(diff::Value::string("01")), "=\"01\"");
  EXPECT_EQ(excel_cell(diff::Value::string("+46752474128")), "=\"+46752474128\"");
  EXPECT_EQ(excel_cell(diff::Value::string("1234567890123456")), "=\"1234567890123456\"");
  EXPECT_EQ(excel_cell(diff::Value::string("2021")), "2021");  // Excel's number is the same
  EXPECT_EQ(excel_cell(diff::Value::string("202100-5703")), "202100-5703");
  EXPECT_EQ(excel_cell(diff::Value::string("=HYPERLINK(\"x\")")), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(excel_cell(diff::Value::string("-5 %")), "'-5 %");
  EXPECT_EQ(excel_cell(diff::Value::string("2023-05-12")), "2023-05-12");
}

}  // namespace
}  // namespace bidrag::exports
