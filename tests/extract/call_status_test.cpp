// A call's status, as_of and warnings, one small page per row: the status a badge or a
// sentence states, else the one the dates give on the capture day (--fetched-at), and a
// warning when the stated status and the dates disagree.
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
  const char* badge;  // a line above the title ("" for none)
  const char* dates;  // the page's dated paragraph
  std::optional<std::string> fetched_at;
  std::optional<std::string> status, as_of;
  std::vector<std::string> warnings;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.name; }

std::string page(const Row& r) {
  return std::string("<!doctype html><html lang=\"sv\"><head><title>Bidrag till lokala insatser 2025 | Exempelverket</title>"
                     "</head><body><main>") +
         (*r.badge ? std::string("<p class=\"badge\">") + r.badge + "</p>" : std::string()) +
         "<h1>Bidrag till lokala insatser 2025</h1><p>Exempelverket fördelar bidrag till kommuner.</p><p>" + r.dates +
         "</p><h2>Vem kan söka?</h2><p>Kommuner kan söka bidraget.</p></main></body></html>";
}

class CallStatus : public ::testing::TestWithParam<Row> {};

TEST_P(CallStatus, FromTheBadgeElseTheDatesOnTheCaptureDay) {
  const Row& r = GetParam();
  const auto records = extract::extract(
      make_snapshot("https://www.exempelverket.se/bidrag/lokala-insatser-2025/", page(r), "text/html", r.fetched_at));
  const record::Call* call = nullptr;
  for (const auto& rec : records)
    if (const auto* c = std::get_if<record::Call>(&rec)) call = c;
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->status ? std::optional<std::string>(std::string(record::to_string(*call->status))) : std::nullopt,
            r.status);
  EXPECT_EQ(call->as_of ? std::optional<std::string>(call->as_of->iso()) : std::nullopt, r.as_of);
  std::vector<std::string> status_warnings;
  for (const auto& w : call->warnings)
    if (w.rfind("status ", 0) == 0) status_warnings.push_back(w);
  EXPECT_EQ(status_warnings, r.warnings);
}

constexpr const char* kWindow = "Ansökan är öppen från den 1 mars till och med den 30 april 2025.";

INSTANTIATE_TEST_SUITE_P(
    Rows, CallStatus,
    ::testing::Values(
        Row{"badge_open", "Öppen för ansökan", kWindow, std::nullopt, "open", std::nullopt, {}},
        Row{"badge_closed", "Stängd", kWindow, std::nullopt, "closed", std::nullopt, {}},
        Row{"badge_upcoming", "Kommande utlysning", kWindow, std::nullopt, "upcoming", std::nullopt, {}},
        Row{"badge_with_date", "Stängd 30 april 2025", kWindow, std::nullopt, "closed", std::nullopt, {}},
        Row{"sentence_closed", "", "Ansökningsperioden är stängd. Ansökan var öppen från den 1 mars till och med den 30 april 2025.",
            std::nullopt, "closed", std::nullopt, {}},
        Row{"closed_phrase_mid_sentence", "",
            "Ansökningsperioden för bidraget 2025 är nu stängd. Ansökan var öppen från den 1 mars till och med den 30 april 2025.",
            std::nullopt, "closed", std::nullopt, {}},
        Row{"chip_opens_is_upcoming", "Öppnar 1 mars 2025", kWindow, std::nullopt, "upcoming", std::nullopt, {}},
        Row{"chip_closes_is_open", "Stänger 30 april 2025", kWindow, std::nullopt, "open", std::nullopt, {}},
        Row{"now_can_apply_is_open", "", "Nu kan kommuner och regioner söka bidrag. Ansökan stänger den 30 april 2025.", std::nullopt,
            "open", std::nullopt, {}},
        Row{"now_can_read_is_no_status", "", "Nu kan du läsa beslutet. Ansökan stängde den 30 april 2025 och öppnade den 1 mars 2025.",
            std::nullopt, std::nullopt, std::nullopt, {}},
        Row{"closed_for_applications_badge", "Stängd för ansökan", kWindow, std::nullopt, "closed", std::nullopt, {}},
        // A kind chip, then the status chip; a later "Öppnar …" line is the window, not the status.
        Row{"call_is_finished_sentence", "", "Utlysningen är avslutad. Ansökan var öppen från den 1 mars till och med den 30 april 2025.",
            std::nullopt, "closed", std::nullopt, {}},
        Row{"not_yet_opened_sentence", "", "Utlysningen har ännu inte öppnat. Ansökan öppnar den 1 mars 2025.", std::nullopt,
            "upcoming", std::nullopt, {}},
        Row{"rolling_call_is_open", "", "Bidraget kan sökas löpande. Beslut fattas inom sex veckor.", std::nullopt, "open",
            std::nullopt, {}},
        Row{"kind_chip_then_open", "Utlysning Öppen", "Öppnar 1 mars 2025. Ansökan stänger den 30 april 2025.", std::nullopt,
            "open", std::nullopt, {}},
        Row{"kind_chip_then_closed", "Utlysning Stängd", kWindow, std::nullopt, "closed", std::nullopt, {}},
        Row{"period_is_open_sentence", "", "Ansökningsperioden är öppen. Sista ansökningsdag är den 30 april 2025.", std::nullopt,
            "open", std::nullopt, {}},
        Row{"round_is_open_mid_sentence", "", "Nu är ansökningsomgången öppen för projekt som startar 2026. Sista ansökningsdag är den 30 april 2025.",
            std::nullopt, "open", std::nullopt, {}},
        Row{"open_for_requisition_badge", "Öppen för rekvisition", kWindow, std::nullopt, "open", std::nullopt, {}},
        Row{"coming_activities_heading_is_no_badge", "Kommande aktiviteter", kWindow, std::nullopt, std::nullopt, std::nullopt,
            {}},
        Row{"counter_gives_open_and_as_of", "", "Ansökan stänger den 30 april 2025. Tid kvar att ansöka: 10 dagar", std::nullopt,
            "open", "2025-04-20", {}},
        Row{"no_statement_no_capture_day", "", kWindow, std::nullopt, std::nullopt, std::nullopt, {}},
        Row{"dates_before_opening", "", kWindow, "2025-02-10T08:00:00Z", "upcoming", "2025-02-10", {}},
        Row{"dates_in_window", "", kWindow, "2025-03-10T08:00:00Z", "open", "2025-03-10", {}},
        Row{"dates_after_close", "", kWindow, "2025-05-02T08:00:00Z", "closed", "2025-05-02", {}},
        Row{"badge_contradicted_by_dates", "Öppen för ansökan", kWindow, "2025-05-02T08:00:00Z", "open", "2025-05-02",
            {"status open stated on the page, but the dates say closed as of 2025-05-02"}},
        Row{"one_word_badge_needs_a_badge_line", "",
            "Beslutade medel ska användas till och med den 31 december 2025 och ansökan stänger den 30 april 2025.",
            std::nullopt, std::nullopt, std::nullopt, {}}),
    [](const auto& p) { return std::string(p.param.name); });

// Copied page text with each fact's label and value on lines of their own.
TEST(CallFacts, LabelAndValueOnSeparateLinesOfATextCapture) {
  const std::string text =
      "Bidrag till lokala insatser 2025\n\nExempelverket fördelar bidrag till kommuner.\n\n"
      "Sista dag för ansökan\n\n2025-05-15 14:00\n\nTid kvar att ansöka\n\n12 dagar\n\n"
      "Vem kan söka?\n\nKommuner kan söka bidraget.\n";
  const auto records = extract::extract(make_snapshot("https://www.exempelverket.se/bidrag/lokala-insatser-2025/", text, "text/plain"));
  const record::Call* call = nullptr;
  const record::Deadline* close = nullptr;
  for (const auto& r : records) {
    if (const auto* c = std::get_if<record::Call>(&r)) call = c;
    if (const auto* d = std::get_if<record::Deadline>(&r)) close = d;
  }
  ASSERT_NE(call, nullptr);
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->kind, record::DeadlineKind::application_close);
  EXPECT_EQ(close->date.iso(), "2025-05-15");
  EXPECT_EQ(close->time, "14:00");
  EXPECT_EQ(close->text, "Sista dag för ansökan: 2025-05-15 14:00");
  EXPECT_EQ(call->days_left, 12);
  EXPECT_EQ(call->as_of->iso(), "2025-05-03");
  EXPECT_EQ(call->status, record::CallStatus::open);
}

std::vector<record::Deadline> deadlines_of(const std::string& html) {
  std::vector<record::Deadline> out;
  for (const auto& r : extract::extract(make_snapshot("https://www.exempelverket.se/bidrag/lokala-insatser-2025/", html, "text/html")))
    if (const auto* d = std::get_if<record::Deadline>(&r)) out.push_back(*d);
  return out;
}

std::string call_page(const std::string& body) {
  return "<!doctype html><html lang=\"sv\"><head><title>Bidrag till lokala insatser 2025 | Exempelverket</title></head>"
         "<body><main><h1>Bidrag till lokala insatser 2025</h1><p>Exempelverket fördelar bidrag till kommuner.</p>" +
         body + "<h2>Vem kan söka?</h2><p>Kommuner kan söka bidraget.</p></main></body></html>";
}

// A deadline set as a heading over a facts box dates the call; a sentence on the same day
// gives the deadline's text. A heading with a date but no deadline in it dates nothing.
TEST(CallFacts, DeadlineSetAsAHeading) {
  auto d = deadlines_of(call_page("<div class=\"facts\"><h2>Ansök senast 2 mars 2026</h2><p>Ansökan öppnar den 1 december 2025.</p></div>"));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, record::DeadlineKind::application_open);
  EXPECT_EQ(d[1].kind, record::DeadlineKind::application_close);
  EXPECT_EQ(d[1].date.iso(), "2026-03-02");
  EXPECT_EQ(d[1].text, "Ansök senast 2 mars 2026");
  d = deadlines_of(call_page("<h2>Ansök senast 2 mars 2026</h2><p>Sista dag att ansöka är den 2 mars 2026 och beslut kommer i maj.</p>"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "Sista dag att ansöka är den 2 mars 2026 och beslut kommer i maj.");
  d = deadlines_of(call_page("<h2>Webbinarium 12 mars 2026</h2><p>Sista dag att ansöka är den 2 april 2026.</p>"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date.iso(), "2026-04-02");
}

// A calendar widget: the label in bold on one line, the date (weekday, month, day; no year)
// on the next. The weekday places the year.
TEST(CallFacts, BoldLabelAndDateOnTheNextLine) {
  const auto d = deadlines_of(call_page("<div class=\"calendar\"><p><strong>Ansökan öppnar</strong><br>måndag, sep 16</p>"
                                        "<p><strong>Sista ansökningsdag</strong><br>fredag, nov 1</p></div>"));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, record::DeadlineKind::application_open);
  EXPECT_EQ(d[0].date.iso(), "2024-09-16");
  EXPECT_EQ(d[1].kind, record::DeadlineKind::application_close);
  EXPECT_EQ(d[1].date.iso(), "2024-11-01");
  EXPECT_EQ(d[1].text, "Sista ansökningsdag: fredag, nov 1");
}

// The page footer is chrome, but its "Sidan publicerades …" dates the page; the content's own
// publication label wins over it.
TEST(CallFacts, PublicationDateFromThePageFooter) {
  const auto published = [](const std::string& main_extra, const std::string& footer) -> std::optional<std::string> {
    const std::string html = "<!doctype html><html lang=\"sv\"><head><title>Bidrag till lokala insatser 2025 | Exempelverket"
                             "</title></head><body><main><h1>Bidrag till lokala insatser 2025</h1><p>Exempelverket fördelar "
                             "bidrag till kommuner.</p><p>Ansökan stänger den 30 april 2025.</p>" + main_extra +
                             "<h2>Vem kan söka?</h2><p>Kommuner kan söka bidraget.</p></main><footer>" + footer +
                             "</footer></body></html>";
    for (const auto& r : extract::extract(make_snapshot("https://www.exempelverket.se/bidrag/lokala-insatser-2025/", html, "text/html")))
      if (const auto* c = std::get_if<record::Call>(&r)) return c->published ? std::optional<std::string>(c->published->iso()) : std::nullopt;
    return "no call";
  };
  EXPECT_EQ(published("", "<p>Exempelverket, Box 1, 111 11 Exempelstad</p><p>Sidan publicerades 2024-05-20. Senast ändrad "
                          "2024-06-03.</p>"), "2024-05-20");
  EXPECT_EQ(published("", "<p>Publicerad: <time datetime=\"2025-03-03\">3 mars 2025</time></p>"), "2025-03-03");
  EXPECT_EQ(published("<p>Publicerad 1 mars 2025</p>", "<p>Sidan publicerades 2024-05-20.</p>"), "2025-03-01");
  EXPECT_EQ(published("", "<p>Senast ändrad 2024-06-03.</p>"), std::nullopt);
}

// A news item on a decided call states when applying closed, in passing; it announces no call.
TEST(CallOrNews, OneClosingDateInRunningTextIsNoCall) {
  const std::string html =
      "<!doctype html><html lang=\"sv\"><head><title>30 föreningar får bidrag | Exempelverket</title></head><body><main>"
      "<h1>30 föreningar får bidrag för lokala insatser</h1><p>Publicerad 12 juni 2025</p>"
      "<p>Totalt kom 90 ansökningar in under ansökningsperioden, som stängde den 17 mars 2025. Exempelverket beviljade "
      "bidrag till 30 föreningar.</p></main></body></html>";
  const auto records = extract::extract(make_snapshot("https://www.exempelverket.se/nyheter/30-foreningar/", html, "text/html"));
  for (const auto& r : records) EXPECT_FALSE(std::holds_alternative<record::Call>(r));
}

}  // namespace
}  // namespace bidrag
