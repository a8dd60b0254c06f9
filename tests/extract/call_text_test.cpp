// A call's text fields from small pages, one row per layout: budget and maximum (an outcome is
// not the budget, "inget högsta belopp" is no maximum), eligibility and applicant types from the
// first sentence under a who-may-apply heading, purpose from "<the grant> ska <aim>".
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"

namespace bidrag {
namespace {

struct Row {
  const char* name;
  const char* body;  // main content after the title
  std::optional<std::int64_t> budget_kr, max_kr;
  std::optional<std::string> max_per, eligibility, purpose;
  std::vector<std::string> applicant_types;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.name; }

constexpr const char* kDates = "<p>Ansökan är öppen från den 1 mars till och med den 30 april 2025.</p>";

class CallText : public ::testing::TestWithParam<Row> {};

TEST_P(CallText, ReadsTheFieldsOfTheLayout) {
  const Row& r = GetParam();
  const std::string html = std::string("<!doctype html><html lang=\"sv\"><head><title>Stöd till lokala insatser 2025 | "
                                       "Exempelverket</title></head><body><main><h1>Stöd till lokala insatser 2025</h1>") +
                           kDates + r.body + "</main></body></html>";
  const auto records = extract::extract(make_snapshot("https://www.exempelverket.se/stod/lokala-insatser-2025/", html, "text/html"));
  const record::Call* c = nullptr;
  for (const auto& rec : records)
    if (const auto* x = std::get_if<record::Call>(&rec)) c = x;
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->total_budget ? std::optional<std::int64_t>(c->total_budget->ore / 100) : std::nullopt, r.budget_kr);
  EXPECT_EQ(c->max_amount ? std::optional<std::int64_t>(c->max_amount->ore / 100) : std::nullopt, r.max_kr);
  EXPECT_EQ(c->max_amount_per, r.max_per);
  EXPECT_EQ(c->eligibility, r.eligibility);
  EXPECT_EQ(c->applicant_types, r.applicant_types);
  EXPECT_EQ(c->purpose, r.purpose);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, CallText,
    ::testing::Values(
        Row{"facts_table_and_outcome",
            "<table><tr><th>Att fördela</th><td>12 miljoner kronor</td></tr><tr><th>Stöd per ansökan</th>"
            "<td>Högst 500 000 kronor per ansökan</td></tr></table><p>Vi beviljade totalt 11,4 miljoner kronor till 27 "
            "sökande.</p>",
            12000000, 500000, "ansökan", std::nullopt, std::nullopt, {}},
        Row{"no_maximum_but_past_grants",
            "<p>Inför 2025 finns 30 miljoner kronor att fördela. Det finns inget högsta belopp, men tidigare har vi beviljat "
            "mellan 300 000 kronor och 1,8 miljoner kronor.</p>",
            30000000, std::nullopt, std::nullopt, std::nullopt, std::nullopt, {}},
        Row{"up_to_per_project", "<p>En organisation kan söka upp till 3 miljoner kronor per projekt. I utlysningen finns "
                                 "totalt 60 miljoner kronor.</p>",
            60000000, 3000000, "projekt", std::nullopt, std::nullopt, {"organisation"}},  // "En organisation kan söka"
        Row{"eligibility_first_sentence_only",
            "<h2>Vem kan söka?</h2><p>Utlysningen är öppen för ideella föreningar, stiftelser och trossamfund. Kommuner och "
            "regioner kan vara samarbetsparter men kan inte söka själva.</p>",
            std::nullopt, std::nullopt, std::nullopt, "Utlysningen är öppen för ideella föreningar, stiftelser och trossamfund.",
            std::nullopt, {"ideell förening", "stiftelse", "trossamfund"}},
        Row{"eligibility_question_line_in_a_paragraph",
            "<p>VEM KAN SÖKA?</p><p>Kommuner, kommunala bolag och kommunalförbund kan söka.</p>", std::nullopt, std::nullopt,
            std::nullopt, "Kommuner, kommunala bolag och kommunalförbund kan söka.", std::nullopt,
            {"kommun", "kommunalt bolag", "kommunalförbund"}},
        Row{"agency_distributes_this_year", "<p>Under 2025 fördelar Exempelverket 6 miljoner kronor till tidskrifter.</p>"
                                            "<p>En organisation kan som mest beviljas 600 000 kronor.</p>",
            6000000, 600000, std::nullopt, std::nullopt, std::nullopt, {}},
        Row{"range_to_apply_for_gives_its_top", "<p>I ansökningsomgången finns 1 miljard kronor att söka.</p>"
                                                "<p>Sökbart belopp: 300 000–900 000 kronor per projekt</p>",
            1000000000, 900000, "projekt", std::nullopt, std::nullopt, {}},
        Row{"amount_per_applicant_is_no_budget", "<p>Regionen fördelar 50 000 kronor per förening.</p>", std::nullopt,
            std::nullopt, std::nullopt, std::nullopt, std::nullopt, {}},
        // A noun shared by coordinated adjectives is printed once.
        Row{"applicant_noun_printed_once",
            "<h2>Vem kan söka?</h2><p>Kommunala och fristående huvudmän för grundskolan kan rekvirera bidraget.</p>",
            std::nullopt, std::nullopt, std::nullopt,
            "Kommunala och fristående huvudmän för grundskolan kan rekvirera bidraget.", std::nullopt,
            {"kommunal huvudman", "fristående huvudman"}},
        Row{"applicant_noun_printed_once_in_a_list",
            "<h2>Vem kan söka?</h2><p>Statliga, kommunala och fristående huvudmän samt allmännyttiga bostadsbolag kan söka.</p>",
            std::nullopt, std::nullopt, std::nullopt,
            "Statliga, kommunala och fristående huvudmän samt allmännyttiga bostadsbolag kan söka.", std::nullopt,
            {"statlig huvudman", "kommunal huvudman", "fristående huvudman", "allmännyttigt bostadsbolag"}},
        // With no who-may-apply section, a sentence saying who may apply names the types; it is
        // not quoted as the eligibility.
        Row{"applicant_types_from_the_lead_sentence",
            "<p>Kommuner och kommunala bolag kan söka stöd för att rusta upp lekplatser.</p><h2>Så ansöker ni</h2>"
            "<p>Ansök i e-tjänsten.</p>",
            std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, {"kommun", "kommunalt bolag"}},
        Row{"applicant_types_from_a_facts_table_row",
            "<table><tr><th>Vem kan söka</th><td>Kommunala och fristående huvudmän</td></tr></table>", std::nullopt,
            std::nullopt, std::nullopt, std::nullopt, std::nullopt, {"kommunal huvudman", "fristående huvudman"}},
        Row{"eligibility_under_a_requirements_heading",
            "<h2>Krav som er organisation måste uppfylla</h2><p>Bidraget kan sökas av stiftelser och trossamfund. "
            "Ni ska ha funnits i två år.</p>",
            std::nullopt, std::nullopt, std::nullopt, "Bidraget kan sökas av stiftelser och trossamfund.", std::nullopt,
            {"stiftelse", "trossamfund"}},
        Row{"purpose_grant_as_subject", "<p>Stödet ska hjälpa kommunerna att minska energianvändningen i skolor.</p>",
            std::nullopt, std::nullopt, std::nullopt, std::nullopt,
            "Stödet ska hjälpa kommunerna att minska energianvändningen i skolor.", {}},
        Row{"purpose_make_something_so", "<p>Stödet ska göra utemiljöerna tryggare för barn.</p>", std::nullopt, std::nullopt,
            std::nullopt, std::nullopt, "Stödet ska göra utemiljöerna tryggare för barn.", {}},
        Row{"purpose_subject_with_other_verb_is_not_purpose", "<p>Stödet ska redovisas senast den 31 mars 2026.</p>",
            std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, {}}),
    [](const auto& p) { return std::string(p.param.name); });

// The application channel: a channel word anywhere on the page, else applying "in" a named
// system, else sending the application to an e-mail address.
TEST(CallText, ApplicationChannel) {
  const auto channel = [](const std::string& body) -> std::optional<std::string> {
    const std::string html = std::string("<!doctype html><html lang=\"sv\"><head><title>Stöd till lokala insatser 2025 | "
                                         "Exempelverket</title></head><body><main><h1>Stöd till lokala insatser 2025</h1>") +
                             kDates + body + "</main></body></html>";
    for (const auto& rec : extract::extract(make_snapshot("https://www.exempelverket.se/stod/lokala-insatser-2025/", html, "text/html")))
      if (const auto* c = std::get_if<record::Call>(&rec)) return c->application_channel;
    return std::string("no call");
  };
  EXPECT_EQ(channel("<p>Ansök i e-tjänsten.</p>"), "e-tjänst");
  EXPECT_EQ(channel("<h2>Så ansöker du</h2><p>Ansök i E-kanalen.</p>"), "e-tjänst");
  EXPECT_EQ(channel("<p>Ansökan görs i Prisma.</p>"), "e-tjänst");
  EXPECT_EQ(channel("<p>Skicka ansökan till bidrag@exempelverket.se med ämnesraden Ansökan.</p>"), "e-post");
  EXPECT_EQ(channel("<p>Mejla ansökan till oss.</p>"), "e-post");
  // Neither: a time ("i god tid"), a visit to a town, an application sent by post.
  EXPECT_EQ(channel("<p>Ansök i god tid. Vi har besök i Stockholm i maj.</p>"), std::nullopt);
  EXPECT_EQ(channel("<p>Skicka ansökan till Exempelverket, Box 12, 123 45 Exempelstad.</p>"), std::nullopt);
}

std::vector<std::string> steps_of(const std::string& content_type, const std::string& page) {
  for (const auto& rec : extract::extract(make_snapshot("https://www.exempelverket.se/stod/lokala-insatser-2025/", page, content_type)))
    if (const auto* c = std::get_if<record::Call>(&rec)) return c->steps;
  return {"no call"};
}

// Steps numbered by the paragraphs themselves ("Steg 1. …"), as paragraphs or as the lines of
// one text paragraph; a numbered breadcrumb is no list of steps.
TEST(CallText, StepsNumberedInTheirText) {
  const std::string head = "<!doctype html><html lang=\"sv\"><head><title>Stöd till lokala insatser 2025 | Exempelverket</title>"
                           "</head><body><main><h1>Stöd till lokala insatser 2025</h1>" + std::string(kDates);
  EXPECT_EQ(steps_of("text/html", head + "<h2>Så här gör du</h2><p>Steg 1. Läs villkoren</p><p>Steg 2: Fyll i blanketten</p>"
                                         "<p>Steg 3 Skicka in ansökan</p><p>Till e-tjänsten</p></main></body></html>"),
            (std::vector<std::string>{"Steg 1. Läs villkoren", "Steg 2: Fyll i blanketten", "Steg 3 Skicka in ansökan"}));
  EXPECT_EQ(steps_of("text/plain", "Stöd till lokala insatser 2025\n\nAnsökan är öppen från den 1 mars till och med den 30 april 2025.\n\n"
                                   "Så här gör du\n\nSteg 1. Läs villkoren\nSteg 2. Fyll i blanketten\n\nTill e-tjänsten\n"),
            (std::vector<std::string>{"Steg 1. Läs villkoren", "Steg 2. Fyll i blanketten"}));
  // One "Steg 1" alone, and "Steg 1" followed by "Steg 3", are no steps.
  EXPECT_EQ(steps_of("text/html", head + "<p>Steg 1. Läs villkoren</p><p>Steg 3. Skicka</p></main></body></html>"),
            std::vector<std::string>{});
  EXPECT_EQ(steps_of("text/html", head + "<ol><li>Start /</li><li>Bidrag /</li><li>Stöd till lokala insatser 2025</li></ol>"
                                         "<ol><li>Läs villkoren.</li><li>Ansök.</li></ol></main></body></html>"),
            (std::vector<std::string>{"Läs villkoren.", "Ansök."}));
}

}  // namespace
}  // namespace bidrag
