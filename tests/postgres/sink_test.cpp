// The PostgreSQL sink against a real server: migrations, exact typed values, idempotent
// reloads, versioned history, a connection killed mid-load, and masked credentials.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <map>
#include <thread>

#include "bidrag/common/error.h"
#include "bidrag/record/ids.h"
#include "bidrag/store/memory.h"
#include "bidrag/store/postgres.h"
#include "bidrag/store/series.h"
#include "pg_test_env.h"
#include "support/support.h"

namespace bidrag::store::postgres {
namespace {

using record::Amount;
constexpr const char* kCall = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";
constexpr const char* kListUrl = "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/lista.pdf";

// One query's rows as "a|b|c" strings, for exact comparisons.
std::vector<std::string> query(const std::string& sql) {
  PGconn* c = PQconnectdb(test::pg_test_url().c_str());
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(c, sql.c_str());
  std::vector<std::string> rows;
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    rows.push_back(std::string("ERROR: ") + PQerrorMessage(c));
  } else {
    for (int i = 0; i < PQntuples(r); ++i) {
      std::string row;
      for (int j = 0; j < PQnfields(r); ++j) row += (j ? "|" : "") + std::string(PQgetisnull(r, i, j) ? "NULL" : PQgetvalue(r, i, j));
      rows.push_back(row);
    }
  }
  PQclear(r);
  PQfinish(c);
  return rows;
}

record::Ceiling ceiling(const std::string& code, const std::string& name, std::int64_t ore) {
  record::Ceiling c;
  c.call_id = kCall;
  c.id = record::ceiling_id(kCall, code);
  c.municipality = {name, name, code, code.substr(0, 2), std::nullopt};
  c.amount = Amount{ore};
  c.source.url = kListUrl;
  c.source.format = doc::Format::pdf;
  return c;
}

// An allocation list with the given amounts (in öre) per municipality code.
std::vector<record::Record> allocation_list(const std::map<std::string, std::pair<std::string, std::int64_t>>& rows) {
  std::vector<record::Record> out;
  record::AllocationList a;
  a.call_id = kCall;
  a.id = record::allocation_list_id(kCall);
  a.source.url = kListUrl;
  std::int64_t sum = 0;
  for (const auto& [code, v] : rows) {
    out.emplace_back(ceiling(code, v.first, v.second));
    sum += v.second;
  }
  a.rows = static_cast<int>(rows.size());
  a.total_computed = Amount{sum};
  a.sum_check = record::SumCheck::no_total;
  out.emplace_back(a);
  return out;
}

std::vector<record::Record> announcement() {
  std::vector<record::Record> out;
  record::Call c;
  c.id = kCall;
  c.series = record::series_of(kCall);
  c.title = "Sociala insatser i utsatta områden 2023";
  c.funder = "Socialstyrelsen";
  c.year = 2023;
  c.published = Date{2023, 1, 18};
  c.application_close = Date{2023, 5, 12};
  c.status = record::CallStatus::open;
  c.reporting.signed_original_required = true;
  c.source.url = "https://statsbidrag.socialstyrelsen.se/statsbidrag/x/";
  out.emplace_back(c);
  record::Deadline d;
  d.call_id = kCall;
  d.id = record::deadline_id(kCall, "application_close");
  d.kind = record::DeadlineKind::application_close;
  d.date = Date{2023, 5, 12};
  d.text = "Sista ansökningsdag: 2023-05-12";
  d.source = c.source;
  out.emplace_back(d);
  record::Contact k;
  k.call_id = kCall;
  k.id = record::contact_id(kCall, "Emilia Ström");
  k.name = "Emilia Ström";
  k.role = "kontaktperson";
  k.email = "emilia.strom@socialstyrelsen.se";
  k.phone = "+46752474128";
  k.source = c.source;
  out.emplace_back(k);
  return out;
}

// The error record of the allocation list at `stage`: "<url>: <reason>".
record::ErrorRecord list_error(record::ErrorStage stage, const std::string& reason) {
  return record::make_error(kListUrl, stage, std::string(kListUrl) + ": " + reason);
}

Snapshot snapshot(const std::string& url, const std::string& bytes, const std::string& fetched_at) {
  return make_snapshot(url, bytes, "application/pdf", fetched_at);
}

class PostgresSinkTest : public ::testing::Test {
 protected:
  // Every test gets a schema of its own in this run's database.
  void SetUp() override {
    schema_ = std::string("t_") + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (auto& ch : schema_) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    schema_.resize(std::min<std::size_t>(schema_.size(), 40));
    query("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    options_.schema = schema_;
  }
  std::unique_ptr<Sink> sink() { return make_sink(test::pg_test_url(), options_); }
  std::string schema_;
  Options options_;
};

const std::map<std::string, std::pair<std::string, std::int64_t>> kList2023 = {
    {"0127", {"Botkyrka", 1760381600}}, {"0136", {"Haninge", 452100400}}, {"0181", {"Södertälje", 123456750}}};

TEST_F(PostgresSinkTest, MigratesOnceAndReRunningIsANoOp) {
  sink();
  sink();
  EXPECT_EQ(query("SELECT version FROM " + schema_ + ".schema_migrations ORDER BY 1"), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(query("SELECT count(*) FROM information_schema.views WHERE table_schema = '" + schema_ + "'"),
            std::vector<std::string>{"15"});  // and `series`
}

TEST_F(PostgresSinkTest, RefusesADatabaseNewerThanTheBinary) {
  sink();
  query("INSERT INTO " + schema_ + ".schema_migrations (version) VALUES (7) RETURNING version");
  try {
    sink();
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(": schema '" + schema_ + "' is at migration 7, newer than this bidrag knows (5); upgrade bidrag"
                       " before loading into it"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("bidrag-test-secret"), std::string::npos) << msg;
  }
}

TEST_F(PostgresSinkTest, LoadsTypedRowsWithExactValues) {
  auto s = sink();
  const auto r1 = s->put(snapshot("https://statsbidrag.socialstyrelsen.se/statsbidrag/x/", "<html>", "2023-02-24T14:03:00Z"),
                         announcement());
  EXPECT_EQ(r1.added, 3u);
  const auto r2 = s->put(snapshot(kListUrl, "%PDF-1", "2023-02-24T14:04:00Z"), allocation_list(kList2023));
  EXPECT_EQ(r2.added, 4u);
  EXPECT_EQ(r2.unchanged, 0u);
  EXPECT_EQ(query("SELECT id, series, year, published, application_close, status, signed_original_required FROM " + schema_ +
                  ".current_calls"),
            std::vector<std::string>{std::string(kCall) +
                                     "|socialstyrelsen:sociala-insatser-i-utsatta-omraden|2023|2023-01-18|2023-05-12|open|t"});
  EXPECT_EQ(query("SELECT kind, date FROM " + schema_ + ".current_deadlines"), std::vector<std::string>{"application_close|2023-05-12"});
  EXPECT_EQ(query("SELECT name, email, phone FROM " + schema_ + ".current_contacts"),
            std::vector<std::string>{"Emilia Ström|emilia.strom@socialstyrelsen.se|+46752474128"});
  EXPECT_EQ(query("SELECT code, municipality, amount, currency FROM " + schema_ + ".current_ceilings ORDER BY code"),
            (std::vector<std::string>{"0127|Botkyrka|17603816.00|SEK", "0136|Haninge|4521004.00|SEK",
                                      "0181|Södertälje|1234567.50|SEK"}));
  EXPECT_EQ(query("SELECT rows, total_computed, sum_check FROM " + schema_ + ".current_allocation_lists"),
            std::vector<std::string>{"3|23359387.50|no_total"});
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".snapshots"), std::vector<std::string>{"2"});
  // The jsonb is the record as emitted: the amount stays an exact number.
  EXPECT_EQ(query("SELECT record->'amount'->>'value' FROM " + schema_ + ".ceilings WHERE code = '0181'"),
            std::vector<std::string>{"1234567.50"});
}

// RECORDS.md v2: a list that no call names (call_id null, ids under its list key) with a region
// and an organisation as recipients loads into the typed tables with its funder and year.
TEST_F(PostgresSinkTest, LoadsAListWithoutACallAndRecipientsOfOtherKinds) {
  auto s = sink();
  const std::string key = "brottsforebyggande-radet:fordelning-av-medel:2025";
  std::vector<record::Record> rs;
  record::AllocationList a;
  a.id = record::allocation_list_id(key);
  a.title = "Fördelning av medel 2025";
  a.funder = record::Funder{"Brottsförebyggande rådet", "202100-0068"};
  a.year = 2025;
  a.recipient_kind = record::RecipientKind::region;
  a.reference = "2025-0214";
  a.document_date = Date{2025, 2, 11};
  a.rows = 2;
  a.total_computed = Amount{300'000'00};
  a.source.url = kListUrl;
  rs.emplace_back(a);
  record::Ceiling r;
  r.id = record::ceiling_id(key, record::RecipientKind::region, "12", std::nullopt);
  r.recipient = {record::RecipientKind::region, "Region Skåne", "Skåne", "12", "12"};
  r.amount = Amount{200'000'00};
  r.year = 2025;
  r.source.url = kListUrl;
  rs.emplace_back(r);
  record::Ceiling o;
  o.id = record::ceiling_id(key, record::RecipientKind::organisation, "802402-6141", std::nullopt);
  o.recipient = {record::RecipientKind::organisation, "Föreningen Ljuspunkten", "Föreningen Ljuspunkten", "802402-6141",
                 std::nullopt};
  o.amount = Amount{100'000'00};
  o.year = 2025;
  o.source.url = kListUrl;
  rs.emplace_back(o);
  const auto res = s->put(snapshot(kListUrl, "%PDF-2", "2025-02-12T08:00:00Z"), rs);
  EXPECT_EQ(res.added, 3u);
  EXPECT_EQ(query("SELECT coalesce(call_id, '-'), recipient_kind, code, municipality, year, amount FROM " + schema_ +
                  ".current_ceilings ORDER BY code"),
            (std::vector<std::string>{"-|region|12|Region Skåne|2025|200000.00",
                                      "-|organisation|802402-6141|Föreningen Ljuspunkten|2025|100000.00"}));
  EXPECT_EQ(query("SELECT id, coalesce(call_id, '-'), funder, funder_org_number, year, recipient_kind, reference, "
                  "document_date FROM " + schema_ + ".current_allocation_lists"),
            std::vector<std::string>{key + ":allocation_list|-|Brottsförebyggande rådet|202100-0068|2025|region|2025-0214|"
                                           "2025-02-11"});
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".call_ids"), std::vector<std::string>{"0"});
}

TEST_F(PostgresSinkTest, ASecondIdenticalLoadChangesNothing) {
  auto s = sink();
  s->put(snapshot(kListUrl, "%PDF-1", "2023-02-24T14:04:00Z"), allocation_list(kList2023));
  const auto before = query("SELECT version_id, valid_from, valid_to FROM " + schema_ + ".record_versions ORDER BY 1");
  const auto r = s->put(snapshot(kListUrl, "%PDF-1", "2023-02-25T14:04:00Z"), allocation_list(kList2023));
  EXPECT_EQ(r.added, 0u);
  EXPECT_EQ(r.unchanged, 4u);
  EXPECT_EQ(r.closed, 0u);
  EXPECT_EQ(query("SELECT version_id, valid_from, valid_to FROM " + schema_ + ".record_versions ORDER BY 1"), before);
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".ceilings"), std::vector<std::string>{"3"});
}

TEST_F(PostgresSinkTest, AChangedListClosesOldVersionsAndAnswersForAPastTime) {
  auto s = sink();
  s->put(snapshot(kListUrl, "%PDF-1", "2023-01-18T08:00:00Z"), allocation_list(kList2023));
  auto changed = kList2023;
  changed["0127"].second = 1800000000;  // Botkyrka raised
  changed.erase("0136");                // Haninge dropped
  changed["0180"] = {"Stockholm", 2500000000};
  const auto r = s->put(snapshot(kListUrl, "%PDF-2", "2023-04-01T08:00:00Z"), allocation_list(changed));
  EXPECT_EQ(r.added, 3u);      // Botkyrka, Stockholm, the list (its total changed)
  EXPECT_EQ(r.unchanged, 1u);  // Södertälje
  EXPECT_EQ(r.closed, 1u);     // Haninge
  EXPECT_EQ(query("SELECT code, amount FROM " + schema_ + ".current_ceilings ORDER BY code"),
            (std::vector<std::string>{"0127|18000000.00", "0180|25000000.00", "0181|1234567.50"}));
  // "The ceiling for Botkyrka as it stood on 1 March" is one query.
  EXPECT_EQ(query("SELECT amount FROM " + schema_ + ".ceilings_history WHERE code = '0127' AND valid_from <= '2023-03-01' "
                  "AND (valid_to IS NULL OR valid_to > '2023-03-01')"),
            std::vector<std::string>{"17603816.00"});
  EXPECT_EQ(query("SELECT code, amount FROM " + schema_ + ".ceilings_history WHERE valid_from <= '2023-03-01' AND "
                  "(valid_to IS NULL OR valid_to > '2023-03-01') ORDER BY code"),
            (std::vector<std::string>{"0127|17603816.00", "0136|4521004.00", "0181|1234567.50"}));
  EXPECT_EQ(query("SELECT valid_to AT TIME ZONE 'UTC' FROM " + schema_ + ".ceilings_history WHERE code = '0136'"),
            std::vector<std::string>{"2023-04-01 08:00:00"});
}

TEST_F(PostgresSinkTest, AFailedFetchAddsItsErrorAndRetiresNothing) {
  auto s = sink();
  s->put(snapshot(kListUrl, "%PDF-1", "2023-01-18T08:00:00Z"), allocation_list(kList2023));
  const auto e = list_error(record::ErrorStage::fetch, "HTTP 503");
  Snapshot failed;
  failed.url = kListUrl;
  failed.fetched_at = "2023-01-19T08:00:00Z";
  const auto r = s->put(failed, {e});
  EXPECT_EQ(r.added, 1u);
  EXPECT_EQ(r.closed, 0u);
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".current_ceilings"), std::vector<std::string>{"3"});
  EXPECT_EQ(query("SELECT stage, message FROM " + schema_ + ".current_errors"),
            std::vector<std::string>{"fetch|" + std::string(kListUrl) + ": HTTP 503"});
}

// As the main store of `bidrag run`: what it remembers for the next run's conditional requests.
TEST_F(PostgresSinkTest, RemembersGoodCapturesAndGivesTheirRecordsBackAsWritten) {
  auto s = sink();
  auto* memory = dynamic_cast<Memory*>(s.get());
  ASSERT_NE(memory, nullptr);
  EXPECT_EQ(memory->remembered(kListUrl), std::nullopt);
  auto first = snapshot(kListUrl, "%PDF-1", "2023-01-18T08:00:00Z");
  first.etag = "\"v1\"";
  first.last_modified = "Wed, 18 Jan 2023 07:00:00 GMT";
  const auto records = allocation_list(kList2023);
  s->put(first, records);
  const auto m = memory->remembered(kListUrl);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->etag, "\"v1\"");
  EXPECT_EQ(m->last_modified, "Wed, 18 Jan 2023 07:00:00 GMT");
  EXPECT_EQ(m->sha256, first.sha256);
  EXPECT_EQ(m->fetched_at, "2023-01-18T08:00:00Z");
  // The lines exactly as emitted (not jsonb's reordering), in the document's order.
  std::vector<std::string> lines;
  for (const auto& r : records) lines.push_back(record::to_json(r));
  EXPECT_EQ(memory->current_records_of(kListUrl), lines);

  // A capture that fails extraction is stored but not remembered: it is extracted again.
  const auto e = list_error(record::ErrorStage::extract, "page 1: the PDF is encrypted");
  s->put(snapshot(kListUrl, "%PDF-locked", "2023-01-19T08:00:00Z"), {e});
  EXPECT_EQ(memory->remembered(kListUrl)->sha256, first.sha256);
  EXPECT_EQ(memory->current_records_of(kListUrl).size(), 5u);  // the four, and the error

  // Fetched again unchanged (304): last_seen moves, the error is closed, no version is added.
  Snapshot again;
  again.url = kListUrl;
  again.fetched_at = "2023-01-20T08:00:00Z";
  again.etag = "\"v1b\"";
  memory->touch({again});
  EXPECT_EQ(memory->current_records_of(kListUrl), lines);
  EXPECT_EQ(memory->remembered(kListUrl)->etag, "\"v1b\"");
  EXPECT_EQ(memory->remembered(kListUrl)->fetched_at, "2023-01-20T08:00:00Z");
  EXPECT_EQ(query("SELECT DISTINCT last_seen AT TIME ZONE 'UTC' FROM " + schema_ + ".record_versions WHERE valid_to IS NULL"),
            std::vector<std::string>{"2023-01-20 08:00:00"});
  EXPECT_EQ(query("SELECT count(*), count(valid_to) FROM " + schema_ + ".record_versions"),
            std::vector<std::string>{"5|1"});
}

TEST_F(PostgresSinkTest, RemembersAPageThatIsNotACallUntilItIsOne) {
  auto s = sink();
  Memory* memory = s->memory();
  ASSERT_NE(memory, nullptr);
  const auto news = snapshot(kListUrl, "<p>nyhet</p>", "2023-01-18T08:00:00Z");
  const auto r = s->put_not_a_call(news);
  EXPECT_EQ(r.added, 0u);
  const auto m = memory->remembered(kListUrl);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->not_a_call);
  EXPECT_EQ(m->sha256, news.sha256);
  EXPECT_EQ(m->fetched_at, "2023-01-18T08:00:00Z");
  EXPECT_TRUE(memory->current_records_of(kListUrl).empty());
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".snapshots"), std::vector<std::string>{"1"});
  // It becomes a list: stored and no longer remembered as not a call.
  s->put(snapshot(kListUrl, "%PDF-1", "2023-01-19T08:00:00Z"), allocation_list(kList2023));
  EXPECT_FALSE(memory->remembered(kListUrl)->not_a_call);
  EXPECT_EQ(memory->current_records_of(kListUrl).size(), 4u);
}

// What a run follows from an unchanged page: its current document records as structs, in order.
TEST_F(PostgresSinkTest, GivesTheCurrentLinksOfAPageAsStructsInOrder) {
  auto s = sink();
  auto* memory = s->memory();
  ASSERT_NE(memory, nullptr);
  const std::string page = "https://statsbidrag.socialstyrelsen.se/statsbidrag/x/";
  auto records = announcement();
  const std::pair<record::DocumentRole, std::string> links[] = {
      {record::DocumentRole::instructions, "https://statsbidrag.socialstyrelsen.se/anvisningar-2023.pdf"},
      {record::DocumentRole::allocation_list, kListUrl}};
  for (const auto& [role, url] : links) {
    record::DocumentRef d;
    d.call_id = kCall;
    d.id = record::document_id(kCall, url);
    d.role = role;
    d.title = std::string(record::to_string(role));
    d.url = url;
    d.source.url = page;
    records.emplace_back(d);
  }
  s->put(snapshot(page, "<html>", "2023-02-24T14:03:00Z"), records);
  const auto got = memory->current_links_of(page);
  ASSERT_EQ(got.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(got[i].role, links[i].first);
    EXPECT_EQ(got[i].url, links[i].second);
    EXPECT_EQ(got[i].title, record::to_string(links[i].first));
    EXPECT_EQ(got[i].call_id, kCall);
    EXPECT_EQ(got[i].id, record::document_id(kCall, links[i].second));
  }
  EXPECT_TRUE(memory->current_links_of(kListUrl).empty());
}

TEST_F(PostgresSinkTest, AConnectionKilledMidLoadLeavesNoPartialDocumentAndTheRetryCompletes) {
  int attempts = 0;
  options_.before_commit = [&](int attempt, int pid) {
    attempts = attempt;
    if (attempt == 1) query("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
  };
  auto s = sink();
  const auto r = s->put(snapshot(kListUrl, "%PDF-1", "2023-01-18T08:00:00Z"), allocation_list(kList2023));
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(r.added, 4u);
  EXPECT_EQ(query("SELECT count(*), count(DISTINCT record_id) FROM " + schema_ + ".record_versions"),
            std::vector<std::string>{"4|4"});
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".ceilings"), std::vector<std::string>{"3"});
}

TEST_F(PostgresSinkTest, AFailureThatOutlastsTheRetriesLoadsNothing) {
  options_.connect_retries = 1;
  options_.before_commit = [&](int, int pid) { query("SELECT pg_terminate_backend(" + std::to_string(pid) + ")"); };
  auto s = sink();
  EXPECT_THROW(s->put(snapshot(kListUrl, "%PDF-1", "2023-01-18T08:00:00Z"), allocation_list(kList2023)), IoError);
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".record_versions"), std::vector<std::string>{"0"});
  EXPECT_EQ(query("SELECT count(*) FROM " + schema_ + ".snapshots"), std::vector<std::string>{"0"});
}

TEST_F(PostgresSinkTest, CopyAndRowByRowStageTheSameRows) {
  options_.use_copy = false;
  auto rows = sink();
  rows->put(snapshot(kListUrl, "%PDF-1", "2023-01-18T08:00:00Z"), allocation_list(kList2023));
  const auto by_row = query("SELECT record_id, record FROM " + schema_ + ".record_versions ORDER BY 1");
  query("DROP SCHEMA " + schema_ + " CASCADE");
  options_.use_copy = true;
  auto copy = sink();
  copy->put(snapshot(kListUrl, "%PDF-1", "2023-01-18T08:00:00Z"), allocation_list(kList2023));
  EXPECT_EQ(query("SELECT record_id, record FROM " + schema_ + ".record_versions ORDER BY 1"), by_row);
  EXPECT_EQ(by_row.size(), 4u);
}

TEST(PostgresCredentialsTest, AWrongPasswordIsReportedWithoutThePassword) {
  try {
    (void)make_sink(test::pg_url_with_password("hunter2-not-right"));
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    const std::string msg = e.what();
    EXPECT_EQ(msg.find("hunter2-not-right"), std::string::npos) << msg;
    EXPECT_NE(msg.find(":***@127.0.0.1:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("cannot connect: connection to server at \"127.0.0.1\""), std::string::npos) << msg;
    EXPECT_NE(msg.find("password authentication failed for user \"bidrag_admin\""), std::string::npos) << msg;
  }
}

TEST(MaskPasswordTest, MasksUrisAndKeywordForms) {
  EXPECT_EQ(mask_password("postgresql://ann:s3cret@db.example/bidrag"), "postgresql://ann:***@db.example/bidrag");
  EXPECT_EQ(mask_password("postgresql://ann@db.example/bidrag"), "postgresql://ann@db.example/bidrag");
  EXPECT_EQ(mask_password("host=db user=ann password=s3cret dbname=x"), "host=db user=ann password=*** dbname=x");
  EXPECT_EQ(mask_password("postgresql://db.example/bidrag?password=s3cret&sslmode=require"),
            "postgresql://db.example/bidrag?password=***&sslmode=require");
}


// Series across years: the call of `year` of the announcement's series, with its deadline.
std::vector<record::Record> edition_of(int year) {
  const std::string id = record::series_of(kCall) + ":" + std::to_string(year);
  const std::string url = "https://statsbidrag.socialstyrelsen.se/statsbidrag/x-" + std::to_string(year) + "/";
  record::Call c;
  c.id = id;
  c.series = record::series_of(kCall);
  c.title = "Sociala insatser i utsatta områden " + std::to_string(year);
  c.funder = "Socialstyrelsen";
  c.year = year;
  c.source.url = url;
  record::Deadline d;
  d.call_id = id;
  d.id = record::deadline_id(id, "application_close");
  d.kind = record::DeadlineKind::application_close;
  d.date = Date{year, 5, 12};
  d.text = "Sista ansökningsdag: " + d.date.iso();
  d.source = c.source;
  return {c, d};
}

void put_edition(Sink& sink, int year) {
  const auto records = edition_of(year);
  sink.put(make_snapshot(record::common(records[0]).source.url, "page " + std::to_string(year), "text/html",
                         std::to_string(year) + "-01-20T08:00:00Z"),
           records);
}

std::vector<std::string> links(SeriesIndex& index) {
  std::vector<std::string> out;
  for (const auto& e : index.editions(record::series_of(kCall)))
    out.push_back(std::to_string(e.year.value_or(0)) + "<" + (e.previous.empty() ? "-" : e.previous.substr(e.previous.size() - 4)));
  return out;
}

TEST_F(PostgresSinkTest, EditionsOfASeriesAreLinkedToThePreviousWhateverTheOrder) {
  auto s = sink();
  auto& index = *s->series_index();
  const std::string series = record::series_of(kCall);
  put_edition(*s, 2023);
  put_edition(*s, 2021);
  EXPECT_EQ(links(index), (std::vector<std::string>{"2021<-", "2023<2021"}));
  put_edition(*s, 2022);
  put_edition(*s, 2022);  // again: the same edition
  EXPECT_EQ(links(index), (std::vector<std::string>{"2021<-", "2022<2021", "2023<2022"}));
  EXPECT_EQ(index.series_ids(), std::vector<std::string>{series});

  const auto prev = index.previous_edition(series + ":2023");
  ASSERT_TRUE(prev);
  EXPECT_EQ(prev->call_id, series + ":2022");
  EXPECT_EQ(prev->year, 2022);
  EXPECT_EQ(prev->title, "Sociala insatser i utsatta områden 2022");
  EXPECT_EQ(prev->first_seen, "2022-01-20T08:00:00Z");
  EXPECT_FALSE(index.previous_edition(series + ":2021"));
  EXPECT_FALSE(index.edition(series + ":2020"));
  EXPECT_TRUE(index.editions("socialstyrelsen:okand").empty());

  const auto lines = index.edition_records(series + ":2022");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(test::count_of(lines[0], R"({"type":"call","id":")" + series + ":2022\""), 1u);
  EXPECT_EQ(test::count_of(lines[1], R"("kind":"application_close","date":"2022-05-12")"), 1u);
  EXPECT_EQ(query("SELECT id, editions, first_year, last_year FROM " + schema_ + ".series"),
            std::vector<std::string>{series + "|3|2021|2023"});
  EXPECT_EQ(query("SELECT e.call_id, c.title FROM " + schema_ + ".editions e JOIN " + schema_ +
                  ".current_calls c ON c.id = e.previous_call_id WHERE e.year = 2023"),
            std::vector<std::string>{series + ":2023|Sociala insatser i utsatta områden 2022"});
}

TEST_F(PostgresSinkTest, MigrationFourLinksTheEditionsAlreadyLoaded) {
  put_edition(*sink(), 2022);
  put_edition(*sink(), 2021);
  put_edition(*sink(), 2023);
  // Back to migration 3, as an older bidrag left the schema (migration 5 undone as well).
  query("ALTER TABLE " + schema_ + ".sources DROP COLUMN not_a_call; DROP VIEW " + schema_ + ".series; DROP TABLE " +
        schema_ + ".editions; DELETE FROM " + schema_ + ".schema_migrations WHERE version >= 4; SELECT 1");
  ASSERT_EQ(query("SELECT max(version) FROM " + schema_ + ".schema_migrations"), std::vector<std::string>{"3"});
  auto s = sink();
  EXPECT_EQ(links(*s->series_index()), (std::vector<std::string>{"2021<-", "2022<2021", "2023<2022"}));
  EXPECT_EQ(s->series_index()->edition(record::series_of(kCall) + ":2021")->first_seen, "2021-01-20T08:00:00Z");
}

// Two loaders storing two editions of one series at once: the second waits for the first's
// series lock, so it sees the first's edition and the link is made whichever commits first.
TEST_F(PostgresSinkTest, ConcurrentLoadsOfTwoEditionsStillLink) {
  auto second = sink();
  std::thread other;
  options_.before_commit = [&](int attempt, int) {
    if (attempt != 1 || other.joinable()) return;
    other = std::thread([&] { put_edition(*second, 2022); });
    // Let the other load reach the series lock while this transaction holds it.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  };
  put_edition(*sink(), 2023);
  other.join();
  EXPECT_EQ(links(*second->series_index()), (std::vector<std::string>{"2022<-", "2023<2022"}));
}

}  // namespace
}  // namespace bidrag::store::postgres
