// The seeds (text captures of one page while open and after closing), a different agency's
// template, a page that is no call, a wrongly declared charset and the counter check.
#include <gtest/gtest.h>

#include "bidrag/extract/extract.h"
#include "support/support.h"

namespace bidrag {
namespace {

struct Records {
  record::Call call;
  std::map<std::string, record::Deadline> deadlines;
  std::vector<record::Contact> contacts;
  std::vector<record::DocumentRef> documents;
  std::vector<record::ErrorRecord> errors;
  std::string jsonl;
};

Records run(const std::string& rel, const std::string& url = "https://example.se/page/",
            std::optional<std::string> fetched_at = std::nullopt, const std::string& type = {}) {
  Records out;
  for (const auto& r : extract::extract(make_snapshot(url, test::read_fixture(rel), type, fetched_at))) {
    out.jsonl += record::to_json(r) + "\n";
    if (auto* c = std::get_if<record::Call>(&r)) out.call = *c;
    if (auto* d = std::get_if<record::Deadline>(&r)) out.deadlines[std::string(record::to_string(d->kind))] = *d;
    if (auto* c = std::get_if<record::Contact>(&r)) out.contacts.push_back(*c);
    if (auto* d = std::get_if<record::DocumentRef>(&r)) out.documents.push_back(*d);
    if (auto* e = std::get_if<record::ErrorRecord>(&r)) out.errors.push_back(*e);
  }
  EXPECT_TRUE(test::records_valid(out.jsonl));
  return out;
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : "null"; }

const record::Contact* contact(const Records& r, const std::string& name_or_role) {
  for (const auto& c : r.contacts)
    if ((c.name && *c.name == name_or_role) || c.role == name_or_role) return &c;
  return nullptr;
}

const record::DocumentRef* document(const Records& r, const std::string& url_end) {
  for (const auto& d : r.documents)
    if (d.url.ends_with(url_end)) return &d;
  return nullptr;
}

TEST(SeedOpenPrint, GivesTheAcceptanceValues) {
  const Records r = run("seeds/001_99e31430945983a0.txt");
  const record::Call& c = r.call;
  EXPECT_EQ(c.title, "Sociala insatser i utsatta områden 2023");
  EXPECT_EQ(c.funder, "Socialstyrelsen");
  EXPECT_EQ(c.id, "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023");
  ASSERT_TRUE(c.program_years);
  EXPECT_EQ(*c.program_years, (std::array<int, 2>{2021, 2023}));
  EXPECT_EQ(iso(c.published), "2023-01-18");
  EXPECT_EQ(iso(c.application_close), "2023-05-12");
  EXPECT_EQ(c.status, record::CallStatus::open);
  EXPECT_EQ(c.days_left, 77);
  EXPECT_EQ(iso(c.as_of), "2023-02-24");
  EXPECT_EQ(iso(c.funds_usable_until), "2023-12-31");
  EXPECT_EQ(c.applicant_types, std::vector<std::string>{"kommun"});
  ASSERT_EQ(c.steps.size(), 2u);
  EXPECT_TRUE(c.steps[0].ends_with("Beräknad handläggningstid är en månad."));
  EXPECT_EQ(iso(c.reporting.request_sent), "null");
  EXPECT_EQ(iso(c.reporting.due), "null");
  EXPECT_EQ(c.reporting.signed_original_required, true);
  ASSERT_TRUE(r.deadlines.count("requisition_close"));
  EXPECT_EQ(r.deadlines.at("requisition_close").date.iso(), "2023-05-12");
  EXPECT_FALSE(r.deadlines.count("application_open"));

  const auto* emilia = contact(r, "Emilia Ström");
  ASSERT_NE(emilia, nullptr);
  EXPECT_EQ(emilia->email, "emilia.strom@socialstyrelsen.se");
  EXPECT_EQ(emilia->phone, "+46752474128");
  EXPECT_EQ(emilia->phone_display, "075-247 41 28");
  EXPECT_TRUE(emilia->primary);
  // The mailto targets (URL lines further down) win over the shorter visible text.
  const auto* sspf = contact(r, "SSPF-nätverket");
  ASSERT_NE(sspf, nullptr);
  EXPECT_EQ(sspf->email, "christina.soderberg@bra.se");
  EXPECT_EQ(sspf->email_display, "soderberg@bra.se");
  EXPECT_FALSE(sspf->primary);
  const auto* sig = contact(r, "SIG-nätverket");
  ASSERT_NE(sig, nullptr);
  EXPECT_EQ(sig->email, "elisabet.sjostrom@socialstyrelsen.se");
  EXPECT_EQ(r.contacts.size(), 3u);

  const auto* instructions = document(r, "/anvisningar/statsbidrag-anvisningar-sociala-insatser-2023.pdf");
  ASSERT_NE(instructions, nullptr);
  EXPECT_EQ(instructions->role, record::DocumentRole::instructions);
  EXPECT_EQ(instructions->title, "Anvisningar för ansökan");
  const auto* list = document(r, "/fordelning/statsbidrag-fordelningslista-sociala-insatser-2023.pdf");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->role, record::DocumentRole::allocation_list);
  const auto* apply = document(r, "utlysningsid=2cc867dd-d970-471a-861c-d05532f72c4e");
  ASSERT_NE(apply, nullptr);
  EXPECT_EQ(apply->role, record::DocumentRole::application);
  EXPECT_EQ(apply->title, "Rekvirera nu");
  EXPECT_EQ(r.documents.size(), 8u);
}

TEST(SeedClosedText, GivesTheAcceptanceValues) {
  const Records r = run("seeds/000_d553f5c2ffd202c7.txt");
  const record::Call& c = r.call;
  EXPECT_EQ(c.id, "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023");
  EXPECT_EQ(c.title, "Sociala insatser i utsatta områden 2023");
  EXPECT_EQ(c.funder, "Socialstyrelsen");
  EXPECT_EQ(*c.program_years, (std::array<int, 2>{2021, 2023}));
  EXPECT_EQ(iso(c.published), "2023-01-18");
  EXPECT_EQ(iso(c.application_close), "2023-05-12");
  EXPECT_EQ(iso(c.funds_usable_until), "2023-12-31");
  // The indented "Läs mer om ombudsansökan" line between the steps does not end the list.
  ASSERT_EQ(c.steps.size(), 2u);
  EXPECT_TRUE(c.steps[0].ends_with("Beräknad handläggningstid är en månad."));
  EXPECT_TRUE(c.steps[1].starts_with("Efter att er ombudsansökan beviljats kan ni rekvirera statsbidraget"));
  EXPECT_TRUE(c.steps[1].ends_with("anges vad respektive kommun högst kan rekvirera för belopp."));
  EXPECT_EQ(c.status, record::CallStatus::closed);
  EXPECT_EQ(c.days_left, std::nullopt);
  EXPECT_EQ(iso(c.as_of), "null");
  EXPECT_EQ(iso(c.reporting.request_sent), "2023-12-11");  // "den 11 december": year from context
  EXPECT_EQ(iso(c.reporting.due), "2024-02-15");
  EXPECT_EQ(c.reporting.signed_original_required, false);
  // Utlysningsdatum is the publication date, not a deadline (as in the corpus expected files).
  const std::map<std::string, std::string> want{{"application_close", "2023-05-12"},
                                                {"requisition_close", "2023-05-12"},
                                                {"funds_usable_until", "2023-12-31"},
                                                {"report_request_sent", "2023-12-11"},
                                                {"report_due", "2024-02-15"}};
  std::map<std::string, std::string> got;
  for (const auto& [kind, d] : r.deadlines) got[kind] = d.date.iso();
  EXPECT_EQ(got, want);
  ASSERT_EQ(r.contacts.size(), 1u);
  EXPECT_EQ(r.contacts[0].name, "Emilia Ström");
  EXPECT_EQ(r.contacts[0].phone, "+46752474128");
  EXPECT_EQ(r.contacts[0].email, std::nullopt);
  EXPECT_EQ(r.contacts[0].id, "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023:contact:emilia-strom");
}

TEST(OtherAgencyTemplate, ReadsHeadingsLabelsAndTwoContactPersons) {
  const Records r = run("announce/other-agency.html");
  const record::Call& c = r.call;
  EXPECT_EQ(c.id, "exempelmyndigheten:bidrag-till-lokalt-kulturarbete:2024");
  EXPECT_EQ(iso(c.application_open), "2024-02-01");
  EXPECT_EQ(iso(c.application_close), "2024-03-15");
  EXPECT_EQ(c.application_close_time, "23:59");
  EXPECT_EQ(c.decision_expected, "2024-04-30");
  EXPECT_EQ(iso(c.reporting.due), "2025-01-31");
  EXPECT_EQ(iso(c.published), "null");
  EXPECT_EQ(c.status, std::nullopt);  // no counter and no fetch time: not guessed
  EXPECT_EQ(c.applicant_types, (std::vector<std::string>{"ideell förening", "kommun"}));
  EXPECT_EQ(c.steps.size(), 3u);
  ASSERT_TRUE(c.total_budget);
  EXPECT_EQ(c.total_budget->ore, 400'000'000);
  ASSERT_TRUE(c.max_amount);
  EXPECT_EQ(c.max_amount->ore, 15'000'000);
  EXPECT_EQ(c.max_amount_per, "projekt");
  ASSERT_EQ(r.contacts.size(), 2u);
  EXPECT_EQ(r.contacts[0].name, "Karin Lind");
  EXPECT_EQ(r.contacts[0].title, "handläggare");
  EXPECT_EQ(r.contacts[0].email, "karin.lind@exempelmyndigheten.se");
  EXPECT_EQ(r.contacts[0].phone, "+46101234567");
  EXPECT_EQ(r.contacts[1].name, "Omar Haddad");
  EXPECT_EQ(r.contacts[1].phone, "+46101234568");
  ASSERT_EQ(r.documents.size(), 2u);
  // "../../dokument/…" against <base href>.
  EXPECT_EQ(r.documents[0].url, "https://www.exempelmyndigheten.se/dokument/riktlinjer-lokalt-kulturarbete-2024.pdf");
  EXPECT_EQ(r.documents[0].role, record::DocumentRole::instructions);
  EXPECT_EQ(r.documents[1].role, record::DocumentRole::application);
}

TEST(OtherAgencyTemplate, Windows1252PageGivesTheSameRecords) {
  const Records utf8 = run("announce/other-agency.html");
  const Records cp1252 = run("announce/other-agency-cp1252.html");
  EXPECT_EQ(cp1252.call.title, "Bidrag till lokalt kulturarbete 2024");
  EXPECT_EQ(cp1252.call.eligibility, utf8.call.eligibility);
  EXPECT_EQ(cp1252.contacts.size(), 2u);
  EXPECT_EQ(cp1252.deadlines.size(), utf8.deadlines.size());
}

TEST(NotACall, NewsPageIsAnErrorRecordNotAHalfFilledCall) {
  const Records r = run("announce/news.html", "https://example.se/nyheter/x/");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].stage, record::ErrorStage::extract);
  EXPECT_EQ(r.errors[0].message, "no grant call found in https://example.se/nyheter/x/");
  EXPECT_EQ(r.call.id, "");
  EXPECT_EQ(r.jsonl.find("\"type\":\"call\""), std::string::npos);
}

TEST(DaysLeftCounter, FetchTimeWinsAndAMismatchIsKeptAndFlagged) {
  const std::string page = "corpus/sociala-insatser-2023/announcement-open.html";
  const Records same = run(page, "https://example.se/x/", "2023-02-24T14:03:00Z");
  EXPECT_EQ(iso(same.call.as_of), "2023-02-24");
  EXPECT_TRUE(same.call.warnings.empty());
  const Records later = run(page, "https://example.se/x/", "2023-03-01T09:00:00Z");
  EXPECT_EQ(iso(later.call.as_of), "2023-03-01");
  EXPECT_EQ(later.call.days_left, 77);
  ASSERT_EQ(later.call.warnings.size(), 1u);
  EXPECT_EQ(later.call.warnings[0],
            "days_left 77 does not match application_close 2023-05-12 as of 2023-03-01 (72 days)");
}

}  // namespace
}  // namespace bidrag
