// The same grant page as HTML and as a browser's PDF print gives the same records, apart from
// their source; and the print gives exactly the values of its expected file.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag {
namespace {

constexpr const char* dir = "corpus/sociala-insatser-2023/";

std::vector<record::Record> extract_fixture(const std::string& name, const std::string& type) {
  const std::string rel = std::string(dir) + name;
  return extract::extract(make_snapshot("fixtures/" + rel, test::read_fixture(rel), type));
}

// Each record as JSON with its source blanked, so a PDF and an HTML capture compare equal.
std::vector<std::string> without_source(std::vector<record::Record> records) {
  std::vector<std::string> out;
  for (auto& r : records) {
    record::common(r).source = record::Source{};
    out.push_back(record::to_json(r));
  }
  return out;
}

std::string jsonl(const std::vector<record::Record>& records) {
  std::string s;
  for (const auto& r : records) s += record::to_json(r) + "\n";
  return s;
}

template <class T>
std::vector<T> of_type(const std::vector<record::Record>& records) {
  std::vector<T> out;
  for (const auto& r : records) {
    if (const T* t = std::get_if<T>(&r)) out.push_back(*t);
  }
  return out;
}

class PrintVersusPage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pdf = new std::vector<record::Record>(extract_fixture("announcement-open.pdf", "application/pdf"));
    html = new std::vector<record::Record>(extract_fixture("announcement-open.html", "text/html"));
  }
  static void TearDownTestSuite() {
    delete pdf;
    delete html;
  }
  static std::vector<record::Record>* pdf;
  static std::vector<record::Record>* html;
};
std::vector<record::Record>* PrintVersusPage::pdf = nullptr;
std::vector<record::Record>* PrintVersusPage::html = nullptr;

TEST_F(PrintVersusPage, RecordsAreValid) {
  EXPECT_TRUE(test::records_valid(jsonl(*pdf)));
  EXPECT_TRUE(test::records_valid(jsonl(*html)));
}

TEST_F(PrintVersusPage, SameRecordsApartFromSource) {
  const auto a = without_source(*pdf), b = without_source(*html);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], b[i]) << "record " << i;
}

TEST_F(PrintVersusPage, PdfSourceSaysPdf) {
  for (const auto& r : *pdf) EXPECT_EQ(record::common(r).source.format, doc::Format::pdf);
}

TEST_F(PrintVersusPage, CallValues) {
  const auto calls = of_type<record::Call>(*pdf);
  ASSERT_EQ(calls.size(), 1U);
  const record::Call& c = calls[0];
  EXPECT_EQ(c.id, "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023");
  EXPECT_EQ(c.series, "socialstyrelsen:sociala-insatser-i-utsatta-omraden");
  EXPECT_EQ(c.title, "Sociala insatser i utsatta områden 2023");
  EXPECT_EQ(c.funder, "Socialstyrelsen");
  EXPECT_EQ(c.year, 2023);
  ASSERT_TRUE(c.program_years.has_value());
  EXPECT_EQ((*c.program_years)[0], 2021);
  EXPECT_EQ((*c.program_years)[1], 2023);
  ASSERT_TRUE(c.published && c.application_close && c.as_of && c.funds_usable_until);
  EXPECT_EQ(c.published->iso(), "2023-01-18");
  EXPECT_FALSE(c.application_open.has_value());
  EXPECT_EQ(c.application_close->iso(), "2023-05-12");
  EXPECT_EQ(c.status, record::CallStatus::open);
  EXPECT_EQ(c.days_left, 77);
  EXPECT_EQ(c.as_of->iso(), "2023-02-24");
  EXPECT_EQ(c.funds_usable_until->iso(), "2023-12-31");
  EXPECT_EQ(c.reporting.signed_original_required, true);
  EXPECT_FALSE(c.reporting.request_sent.has_value());
  EXPECT_FALSE(c.reporting.due.has_value());
  EXPECT_EQ(c.applicant_types, std::vector<std::string>{"kommun"});
  EXPECT_EQ(c.purpose,
            "Syftet med statsbidraget är att minska risken för barn och unga att dras in i eller på andra sätt drabbas "
            "av kriminalitet.");
  EXPECT_EQ(c.eligibility,
            "Medlen fördelas efter rekvisition till de kommuner som omfattas av Polismyndighetens lägesbild över "
            "utsatta områden.");
  ASSERT_EQ(c.steps.size(), 2U);
  EXPECT_EQ(c.steps[0],
            "Innan ni rekvirerar bidraget behöver behörig företrädare (eller en person med fullmakt från denne) ansöka "
            "om att bli ombud. Tänk på att vara ute i god tid för att ansöka om att bli ombud. Beräknad "
            "handläggningstid är en månad.");
  EXPECT_EQ(c.steps[1],
            "Efter att er ombudsansökan beviljats kan ni rekvirera statsbidraget via statsbidragets e-tjänst. Ni "
            "rekvirerar via webbformuläret som ni hittar genom att klicka på ”Ansök nu” för det specifika bidra-get "
            "som ni hittar under rubriken ”öppna utlysningar” i inloggat läge. Av fördelningsnyckeln som ligger som "
            "bilaga till anvisningarna anges vad respektive kommun högst kan rekvirera för belopp.");
}

TEST_F(PrintVersusPage, Deadlines) {
  const auto deadlines = of_type<record::Deadline>(*pdf);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"application_close", "2023-05-12"}, {"requisition_close", "2023-05-12"}, {"funds_usable_until", "2023-12-31"}};
  ASSERT_EQ(deadlines.size(), want.size());
  for (const auto& [kind, date] : want) {
    const auto it = std::find_if(deadlines.begin(), deadlines.end(), [&](const auto& d) { return record::to_string(d.kind) == kind; });
    ASSERT_NE(it, deadlines.end()) << kind;
    EXPECT_EQ(it->date.iso(), date) << kind;
  }
}

TEST_F(PrintVersusPage, ContactsWithoutTheSwitchboard) {
  const auto contacts = of_type<record::Contact>(*pdf);
  ASSERT_EQ(contacts.size(), 3U);
  auto by_role = [&](const std::string& role) {
    const auto it = std::find_if(contacts.begin(), contacts.end(), [&](const auto& c) { return c.role == role; });
    EXPECT_NE(it, contacts.end()) << role;
    return it == contacts.end() ? record::Contact{} : *it;
  };
  const record::Contact person = by_role("kontaktperson");
  EXPECT_EQ(person.name, "Emilia Ström");
  EXPECT_EQ(person.email, "emilia.strom@socialstyrelsen.se");
  EXPECT_EQ(person.phone, "+46752474128");
  EXPECT_EQ(person.phone_display, "075-247 41 28");
  EXPECT_TRUE(person.primary);
  const record::Contact sspf = by_role("SSPF-nätverket");
  EXPECT_EQ(sspf.name, std::nullopt);
  EXPECT_EQ(sspf.email, "christina.soderberg@bra.se");  // the link target, not the shorter visible text
  EXPECT_EQ(sspf.email_display, "soderberg@bra.se");
  EXPECT_FALSE(sspf.primary);
  const record::Contact sig = by_role("SIG-nätverket");
  EXPECT_EQ(sig.email, "elisabet.sjostrom@socialstyrelsen.se");
  EXPECT_EQ(sig.email_display, "sjostrom@socialstyrelsen.se");
  // The site footer's switchboard and general address are not the call's contacts.
  const std::string all = jsonl(*pdf);
  EXPECT_EQ(all.find("+46752473000"), std::string::npos);
  EXPECT_EQ(all.find("socialstyrelsen@socialstyrelsen.se"), std::string::npos);
}

TEST_F(PrintVersusPage, EightDocumentsWithRoles) {
  const auto docs = of_type<record::DocumentRef>(*pdf);
  const std::vector<std::array<std::string, 3>> want = {
      {"guidance", "Läs mer om ombudsansökan", "https://statsbidrag.socialstyrelsen.se/om-statsbidrag/om-ansokningsprocessen/"},
      {"instructions", "Anvisningar för ansökan",
       "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/anvisningar/statsbidrag-anvisningar-sociala-insatser-2023.pdf"},
      {"application", "Rekvirera nu",
       "https://statsbidrag.socialstyrelsen.se/inloggning/?returnUri=/minsida/?utlysningsid=2cc867dd-d970-471a-861c-d05532f72c4e"},
      {"allocation_list", "Fördelningslista",
       "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/fordelning/statsbidrag-fordelningslista-sociala-insatser-2023.pdf"},
      {"assignment", "Uppdrag",
       "https://www.regeringen.se/48fccc/contentassets/22bbb8c44be64c9cb4f08c263dd13920/beslut-uppdrag-sociala-insatser-210202.pdf"},
      {"other", "Regeringens långsiktiga strategi för att minska och motverka segregation",
       "https://www.regeringen.se/49feff/contentassets/a29a07890ec24acd900f5156fbf45f08/"
       "regeringens-langsiktiga-strategi-for-att-minska-och-motverka-segregation.pdf"},
      {"report", "Lägesbild för utvecklingen i utsatta områden",
       "https://statsbidrag.socialstyrelsen.se/globalassets/dokument/redovisning/statsbidrag-lagesbild-utsatta-omraden-polisen-2021.pdf"},
      {"guidance", "SSPF", "https://bra.se/publikationer/arkiv/publikationer/2022-04-06-sspf.html"},
  };
  ASSERT_EQ(docs.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(record::to_string(docs[i].role), want[i][0]) << i;
    EXPECT_EQ(docs[i].title, want[i][1]) << i;
    EXPECT_EQ(docs[i].url, want[i][2]) << i;
  }
}

// An untagged print (no structure tree, as Firefox and Safari print) keeps the site's header
// and footer on its pages; the extractor leaves their links out and gives the same records.
TEST_F(PrintVersusPage, AnUntaggedPrintGivesTheSameRecords) {
  const auto untagged =
      extract::extract(make_snapshot("fixtures/pdf/untagged-print.pdf", test::read_fixture("pdf/untagged-print.pdf"),
                                     "application/pdf"));
  EXPECT_EQ(without_source(untagged), without_source(*pdf));
  const auto documents = of_type<record::DocumentRef>(untagged);
  EXPECT_EQ(documents.size(), 8u);
  for (const auto& d : documents) {
    EXPECT_EQ(d.url.find("linkedin"), std::string::npos) << d.url;
    EXPECT_EQ(d.url.find("om-webbplatsen"), std::string::npos) << d.url;
  }
}

}  // namespace
}  // namespace bidrag
