// The record writer: exact JSON text for each record type, exact amounts, schema validity.
#include <gtest/gtest.h>

#include "bidrag/record/ids.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag::record {
namespace {

constexpr const char* kCall = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";

Source text_source(int line) {
  Source s;
  s.url = "file:///seeds/000.txt";
  s.sha256 = std::string(64, 'a');
  s.format = doc::Format::text;
  s.locator = doc::Locator::text(line);
  return s;
}

TEST(AmountTest, WritesExactKronorAndOre) {
  EXPECT_EQ(Amount{123456750}.json_number(), "1234567.50");
  EXPECT_EQ(Amount{123456700}.json_number(), "1234567");
  EXPECT_EQ(Amount{5}.json_number(), "0.05");
  EXPECT_EQ(Amount{-1205}.json_number(), "-12.05");
  EXPECT_EQ(Amount{0}.json_number(), "0");
  // Beyond double's exact range (2^53 öre): still exact.
  EXPECT_EQ(Amount{9007199254740993}.json_number(), "90071992547409.93");
  EXPECT_EQ(Amount{INT64_MIN}.json_number(), "-92233720368547758.08");
}

TEST(WriterTest, Deadline) {
  Deadline d;
  d.id = deadline_id(kCall, "report_due");
  d.call_id = kCall;
  d.kind = record::DeadlineKind::report_due;
  d.date = Date{2024, 2, 15};
  d.text = "Mottagarna ska redovisa … senast den 15 februari 2024.";
  d.source = text_source(17);
  const std::string json = to_json(d);
  EXPECT_EQ(json,
            R"({"type":"deadline","id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023:deadline:report_due",)"
            R"("call_id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023","kind":"report_due","date":"2024-02-15",)"
            R"("time":null,"text":"Mottagarna ska redovisa … senast den 15 februari 2024.",)"
            R"("source":{"url":"file:///seeds/000.txt","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
            R"("fetched_at":null,"format":"text","locator":{"line":17}}})");
  EXPECT_TRUE(test::record_valid(json));
}

TEST(WriterTest, CeilingWithExactAmountAndPdfLocator) {
  Ceiling c;
  c.call_id = kCall;
  c.id = ceiling_id(kCall, "0181");
  c.municipality = {"Södertälje", "Södertälje*", "0181", "01", "Stockholms län"};
  c.amount = Amount{123456750};
  c.amount_as_printed = "1 234 567,50";
  c.cells = {"Stockholms län", "Södertälje*", "1 234 567,50"};
  c.source.url = "https://example.se/f.pdf";
  c.source.sha256 = std::string(64, '0');
  c.source.fetched_at = "2023-02-24T14:03:00Z";
  c.source.format = doc::Format::pdf;
  c.source.locator = doc::Locator::pdf(2, {56.7, 100.25, 540, 112.5});
  c.warnings = {"footnote marker '*' on the name"};
  const std::string json = to_json(c);
  EXPECT_EQ(json,
            R"({"type":"ceiling","id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023:ceiling:0181",)"
            R"("call_id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023",)"
            R"("recipient":{"kind":"kommun","name":"Södertälje","name_as_printed":"Södertälje*","code":"0181","county_code":"01"},)"
            R"("municipality":{"name":"Södertälje","name_as_printed":"Södertälje*","code":"0181","county_code":"01","county":"Stockholms län"},)"
            R"("amount":{"value":1234567.50,"currency":"SEK"},"year":null,"amount_as_printed":"1 234 567,50",)"
            R"("cells":["Stockholms län","Södertälje*","1 234 567,50"],)"
            R"("source":{"url":"https://example.se/f.pdf","sha256":"0000000000000000000000000000000000000000000000000000000000000000",)"
            R"("fetched_at":"2023-02-24T14:03:00Z","format":"pdf","locator":{"page":2,"bbox":[56.70,100.25,540.00,112.50]}},)"
            R"("warnings":["footnote marker '*' on the name"]})");
  EXPECT_TRUE(test::record_valid(json));
}

TEST(WriterTest, SpreadsheetAndCsvLocators) {
  Deadline d;
  d.id = deadline_id(kCall, "requisition_close");
  d.call_id = kCall;
  d.kind = DeadlineKind::requisition_close;
  d.date = Date{2025, 3, 31};
  d.text = "Regionen ska rekvirera medlen senast den 31 mars 2025.";
  d.source.url = "https://example.se/lista.xlsx";
  d.source.sha256 = std::string(64, 'b');
  d.source.format = doc::Format::xlsx;
  d.source.locator = doc::Locator::cell("Information", 5, 1);
  const std::string xlsx = to_json(d);
  EXPECT_NE(xlsx.find(R"("format":"xlsx","locator":{"sheet":"Information","row":5,"cell":"A5"}})"), std::string::npos)
      << xlsx;
  EXPECT_TRUE(test::record_valid(xlsx));
  d.source.locator = doc::Locator::cell("Blad 2", 29);  // a whole row: no cell
  EXPECT_NE(to_json(d).find(R"("locator":{"sheet":"Blad 2","row":29}})"), std::string::npos);
  d.source.locator = doc::Locator::cell("Blad 2", 3, 28);
  EXPECT_NE(to_json(d).find(R"("cell":"AB3")"), std::string::npos);
  d.source.format = doc::Format::csv;
  d.source.locator = doc::Locator::text(84);
  const std::string csv = to_json(d);
  EXPECT_NE(csv.find(R"("format":"csv","locator":{"line":84}})"), std::string::npos) << csv;
  EXPECT_TRUE(test::record_valid(csv));
}

// RECORDS.md v2: an organisation's ceiling from a list that no call names (call_id null, the
// list key in its id), with its year and the parts of its amount; no municipality object.
TEST(WriterTest, OrganisationCeilingOfAListWithoutCall) {
  Ceiling c;
  c.id = ceiling_id("jamstalldhetsmyndigheten:beviljade-organisationsbidrag:2025", RecipientKind::organisation,
                    "802402-6141", std::nullopt);
  c.recipient = {RecipientKind::organisation, "Föreningen Ljuspunkten", "Föreningen Ljuspunkten", "802402-6141", std::nullopt};
  c.amount = Amount{35500000};
  c.year = 2025;
  c.parts = {{"Grundbelopp", Amount{30000000}, "300 000"}, {"Tillägg", Amount{5500000}, "55 000"}};
  c.amount_as_printed = "355 000";
  c.source.url = "https://example.se/lista.pdf";
  c.source.sha256 = std::string(64, '0');
  c.source.format = doc::Format::pdf;
  const std::string json = to_json(c);
  EXPECT_EQ(json,
            R"({"type":"ceiling","id":"jamstalldhetsmyndigheten:beviljade-organisationsbidrag:2025:ceiling:organisation-802402-6141",)"
            R"("call_id":null,"recipient":{"kind":"organisation","name":"Föreningen Ljuspunkten",)"
            R"("name_as_printed":"Föreningen Ljuspunkten","code":"802402-6141","county_code":null},)"
            R"("amount":{"value":355000,"currency":"SEK"},"year":2025,)"
            R"("parts":{"Grundbelopp":{"value":300000,"currency":"SEK"},"Tillägg":{"value":55000,"currency":"SEK"}},)"
            R"("amount_as_printed":"355 000","cells":[],)"
            R"("source":{"url":"https://example.se/lista.pdf","sha256":"0000000000000000000000000000000000000000000000000000000000000000",)"
            R"("fetched_at":null,"format":"pdf"}})");
  EXPECT_TRUE(test::record_valid(json));
  // A kommun ceiling with several years: ":<year>" after the code.
  EXPECT_EQ(ceiling_id("k", RecipientKind::kommun, "0181", 2024), "k:ceiling:0181:2024");
  EXPECT_EQ(ceiling_id("k", RecipientKind::region, "12", std::nullopt), "k:ceiling:region-12");
  EXPECT_EQ(to_string(RecipientKind::lansstyrelse), "lansstyrelse");
  EXPECT_EQ(recipient_kind_named("lan"), RecipientKind::lan);
  EXPECT_EQ(recipient_kind_named("any"), std::nullopt);
}

TEST(WriterTest, Contact) {
  Contact c;
  c.call_id = kCall;
  c.id = contact_id(kCall, "SSPF-nätverket");
  c.role = "SSPF-nätverket";
  c.email = "christina.soderberg@bra.se";
  c.email_display = "soderberg@bra.se";
  c.source = text_source(3);
  const std::string json = to_json(c);
  EXPECT_EQ(json,
            R"({"type":"contact","id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023:contact:sspf-natverket",)"
            R"("call_id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023","name":null,"role":"SSPF-nätverket",)"
            R"("organisation":null,"title":null,"email":"christina.soderberg@bra.se","email_display":"soderberg@bra.se",)"
            R"("phone":null,"phone_display":null,"primary":false,)"
            R"("source":{"url":"file:///seeds/000.txt","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
            R"("fetched_at":null,"format":"text","locator":{"line":3}}})");
  EXPECT_TRUE(test::record_valid(json));
}

TEST(WriterTest, Document) {
  DocumentRef d;
  d.call_id = kCall;
  d.url = "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/x.pdf";
  d.id = document_id(kCall, d.url);
  d.role = DocumentRole::allocation_list;
  d.title = "Fördelningslista";
  d.source = text_source(40);
  const std::string json = to_json(d);
  EXPECT_EQ(json, R"({"type":"document","id":")" + d.id +
                      R"(","call_id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023","role":"allocation_list",)"
                      R"("title":"Fördelningslista","url":"https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/x.pdf",)"
                      R"("source":{"url":"file:///seeds/000.txt","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
                      R"("fetched_at":null,"format":"text","locator":{"line":40}}})");
  EXPECT_TRUE(test::record_valid(json));
}

TEST(WriterTest, AllocationList) {
  AllocationList a;
  a.call_id = kCall;
  a.id = allocation_list_id(kCall);
  a.title = "Fördelning av statsbidrag för sociala insatser i utsatta områden 2023";
  a.rows = 28;
  a.total_stated = Amount::kronor(243500000);
  a.total_computed = Amount::kronor(243500001);
  a.sum_check = SumCheck::mismatch;
  a.reference = "dnr 3.6-41238/2022";
  a.document_date = Date{2023, 1, 18};
  a.subtotals.push_back({"Summa Stockholms län", "01", Amount::kronor(1000), "1 000"});
  a.source = text_source(1);
  const std::string json = to_json(a);
  EXPECT_EQ(json,
            R"({"type":"allocation_list","id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023:allocation_list",)"
            R"("call_id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023",)"
            R"("title":"Fördelning av statsbidrag för sociala insatser i utsatta områden 2023","funder":null,"year":null,)"
      R"("recipient_kind":"kommun","unit":"kr","rows":28,)"
            R"("total_stated":{"value":243500000,"currency":"SEK"},"total_computed":{"value":243500001,"currency":"SEK"},)"
            R"("sum_check":"mismatch","reference":"dnr 3.6-41238/2022","document_date":"2023-01-18",)"
            R"("subtotals":[{"label":"Summa Stockholms län","county_code":"01","amount":{"value":1000,"currency":"SEK"},"amount_as_printed":"1 000"}],)"
            R"("source":{"url":"file:///seeds/000.txt","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
            R"("fetched_at":null,"format":"text","locator":{"line":1}}})");
  EXPECT_TRUE(test::record_valid(json));
}

TEST(WriterTest, Error) {
  ErrorRecord e;
  e.url = "https://example.se/broken.pdf";
  e.id = error_id(e.url, ErrorStage::parse);
  e.stage = ErrorStage::parse;
  e.message = "https://example.se/broken.pdf: PDF is encrypted with a user password";
  e.source.url = e.url;
  e.source.format = doc::Format::pdf;
  const std::string json = to_json(e);
  EXPECT_EQ(json, R"({"type":"error","id":")" + e.id +
                      R"(","url":"https://example.se/broken.pdf","stage":"parse",)"
                      R"("message":"https://example.se/broken.pdf: PDF is encrypted with a user password","locator":null,)"
                      R"("source":{"url":"https://example.se/broken.pdf","sha256":"","fetched_at":null,"format":"pdf"}})");
  EXPECT_TRUE(test::record_valid(json));
}

TEST(WriterTest, CallWithNullsForWhatIsNotStated) {
  Call c;
  c.id = call_id("Socialstyrelsen", "Sociala insatser i utsatta områden", 2023);
  c.series = series_of(c.id);
  c.title = "Sociala insatser i utsatta områden 2023";
  c.funder = "Socialstyrelsen";
  c.year = 2023;
  c.program_years = std::array{2021, 2023};
  c.published = Date{2023, 1, 18};
  c.application_close = Date{2023, 5, 12};
  c.status = record::CallStatus::open;
  c.as_of = Date{2023, 2, 24};
  c.days_left = 77;
  c.applicant_types = {"kommun"};
  c.reporting.signed_original_required = true;
  c.source = text_source(1);
  const std::string json = to_json(c);
  EXPECT_EQ(json,
            R"({"type":"call","id":"socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023",)"
            R"("title":"Sociala insatser i utsatta områden 2023","funder":{"name":"Socialstyrelsen"},)"
            R"("series":"socialstyrelsen:sociala-insatser-i-utsatta-omraden","year":2023,"program_years":[2021,2023],)"
            R"("published":"2023-01-18","application_open":null,"application_close":"2023-05-12","application_close_time":null,)"
            R"("status":"open","as_of":"2023-02-24","days_left":77,"purpose":null,"eligibility":null,)"
            R"("applicant_types":["kommun"],"conditions":[],"funds_usable_from":null,"funds_usable_until":null,)"
            R"("decision_expected":null,"steps":[],)"
            R"("reporting":{"request_sent":null,"due":null,"signed_original_required":true,"method":null},)"
            R"("application_type":null,"application_channel":null,"total_budget":null,"max_amount":null,)"
            R"("max_amount_per":null,"language":"sv",)"
            R"("source":{"url":"file:///seeds/000.txt","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
            R"("fetched_at":null,"format":"text","locator":{"line":1}}})");
  EXPECT_TRUE(test::record_valid(json));
}

}  // namespace
}  // namespace bidrag::record
