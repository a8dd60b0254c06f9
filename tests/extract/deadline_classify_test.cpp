// Deadline classification, one sentence (or "Label: value" line) per row: what each of its
// dates means (kind, date, time), with the year a year-less date takes from the document.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "extract/deadline_classify.h"

namespace bidrag::extract {
namespace {

struct Row {
  const char* name;
  const char* text;
  bool labelled;
  // Expected hits as "kind date time" ("application_close 2025-06-30 23:59"), "from DATE"
  // (funds usable from) or "month YYYY-MM" (decision month), in order.
  std::vector<std::string> want;
};

std::string describe(const DateHit& h) {
  switch (h.role) {
    case DateHit::Role::funds_from: return "from " + h.date.iso();
    case DateHit::Role::decision_month: return "month " + h.month;
    case DateHit::Role::deadline: break;
  }
  return std::string(record::to_string(h.kind)) + " " + h.date.iso() + (h.time ? " " + *h.time : "");
}

// Failures name the row, not its bytes.
void PrintTo(const Row& r, std::ostream* os) { *os << r.name << ": \"" << r.text << '"'; }

class DeadlineClassify : public ::testing::TestWithParam<Row> {};

TEST_P(DeadlineClassify, GivesEachDateItsKind) {
  const Row& r = GetParam();
  normalize::DateContext ctx;
  ctx.document_year = 2025;
  std::vector<std::string> got;
  for (const auto& h : classify_dates(r.text, ctx, r.labelled)) got.push_back(describe(h));
  EXPECT_EQ(got, r.want) << r.text;
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, DeadlineClassify,
    ::testing::Values(
        Row{"open_from_until_with_time", "Ansökan är öppen från den 2 april till och med den 30 juni 2025 kl 23:59.", false,
            {"application_open 2025-04-02", "application_close 2025-06-30 23:59"}},
        Row{"opened_and_closes", "Utlysningen öppnade den 1 april och stänger den 15 maj 2025 kl. 14.00.", false,
            {"application_open 2025-04-01", "application_close 2025-05-15 14:00"}},
        Row{"starts_and_ends_with_weekdays",
            "Ansökningsperioden börjar måndag den 15 september 2025 kl. 09.00 och slutar onsdag den 15 oktober 2025 kl. 14.00.",
            false, {"application_open 2025-09-15 09:00", "application_close 2025-10-15 14:00"}},
        Row{"fact_labelled_by_its_side_only", "Öppnar 2025-02-18", true, {"application_open 2025-02-18"}},
        Row{"page_updated_is_no_deadline", "Senast uppdaterad: 2025-01-15", true, {}},
        // A timeline line that is only a side cue and its date is the call's window, like a fact.
        Row{"timeline_line_of_a_side_cue_and_date", "Öppnar 4 februari 2025", false, {"application_open 2025-02-04"}},
        Row{"timeline_closing_line_with_time", "Stänger 10 april 2025 14:00", false, {"application_close 2025-04-10 14:00"}},
        // A timeline merged into one line: each date has its own label.
        Row{"timeline_merged_into_one_line",
            "Öppnar 4 februari 2025 Sista ansökningsdag 10 april 2025 14:00 Senaste beslutsdatum 19 juni 2025", false,
            {"application_open 2025-02-04", "application_close 2025-04-10 14:00", "decision 2025-06-19"}},
        // A decision month in a sentence that also dates something else by the day.
        Row{"decision_month_beside_a_dated_close",
            "Sista ansökningsdatum är den 30 september 2025 och beslut om fördelning av medel fattas i slutet av januari 2026.",
            false, {"application_close 2025-09-30", "month 2026-01"}},
        Row{"decision_by_the_day_gives_no_month", "Beslut fattas den 10 juni 2025, senast i juni 2025.", false,
            {"decision 2025-06-10"}},
        Row{"side_cue_with_more_words_is_no_window", "Öppnar 4 februari 2025 för våra medlemmar", false, {}},
        Row{"time_before_the_date", "Ansökan om stöd är öppen från den 15 februari till och med kl. 12.00 den 14 november 2025.",
            false, {"application_open 2025-02-15", "application_close 2025-11-14 12:00"}},
        Row{"iso_range_with_a_double_hyphen", "Ansökningsomgången är öppen 2025-09-29--2025-12-14.", false,
            {"application_open 2025-09-29", "application_close 2025-12-14"}},
        Row{"project_period_is_the_funds_window", "Projektperiod: 2026-01-01–2027-12-31", true,
            {"from 2026-01-01", "funds_usable_until 2027-12-31"}},
        Row{"funds_used_by_a_date_without_side", "Medlen ska vara förbrukade den 31 december 2025.", false,
            {"funds_usable_until 2025-12-31"}},
        Row{"range_with_till_only", "Ansökningsomgången är öppen 27 oktober 2025 till 30 januari 2026.", false,
            {"application_open 2025-10-27", "application_close 2026-01-30"}},
        Row{"range_with_till_den", "Ansökan är öppen 3 mars till den 14 april 2025.", false,
            {"application_open 2025-03-03", "application_close 2025-04-14"}},
        Row{"between_and", "Utlysningen var öppen mellan den 3 februari och den 11 mars 2025.", false,
            {"application_open 2025-02-03", "application_close 2025-03-11"}},
        Row{"range_without_cue", "Utlysningen är öppen 10 mars–14 april 2025.", false,
            {"application_open 2025-03-10", "application_close 2025-04-14"}},
        Row{"can_be_applied_for_from_to", "Stödet kan sökas från den 2 april 2024 till den 1 oktober 2026.", false,
            {"application_open 2024-04-02", "application_close 2026-10-01"}},
        Row{"must_have_arrived_by", "Ansökan ska ha kommit in senast 15 mars 2024.", false,
            {"application_close 2024-03-15"}},
        Row{"last_day_with_klockan", "Sista dag att skicka in ansökan är den 14 april 2025 klockan 23.59.", false,
            {"application_close 2025-04-14 23:59"}},
        Row{"funds_until", "Beviljat stöd får användas till och med den 31 december 2027.", false,
            {"funds_usable_until 2027-12-31"}},
        Row{"funds_spent_by", "Beviljade medel ska vara förbrukade senast den 31 december 2025.", false,
            {"funds_usable_until 2025-12-31"}},
        Row{"funds_period", "Beviljade medel får användas under perioden 1 juli 2025–30 juni 2026.", false,
            {"from 2025-07-01", "funds_usable_until 2026-06-30"}},
        Row{"funds_from", "Beviljade medel kan användas från och med den 1 april 2026.", false, {"from 2026-04-01"}},
        Row{"projects_start_earliest", "Projekten kan starta tidigast den 1 februari 2026.", false, {"from 2026-02-01"}},
        Row{"costs_eligible_until", "Kostnader är stödberättigande till och med den 30 juni 2027.", false,
            {"funds_usable_until 2027-06-30"}},
        Row{"requisition_until", "Kommuner som har rätt att rekvirera medel kan göra det till och med den 12 maj 2023.", false,
            {"requisition_close 2023-05-12"}},
        Row{"report_request_date_before_cue",
            "Socialstyrelsen har den 11 december 2023 skickat en begäran om återrapportering till kommunerna.", false,
            {"report_request_sent 2023-12-11"}},
        Row{"report_due_beats_funds_words",
            "Mottagarna ska redovisa hur medlen har använts i ett formulär, senast den 15 februari 2024.", false,
            {"report_due 2024-02-15"}},
        Row{"final_report_due", "Slutrapporten ska ha kommit in senast den 31 mars 2026.", false, {"report_due 2026-03-31"}},
        Row{"decision_taken", "Brå fattade beslut om stödet den 9 april 2025.", false, {"decision 2025-04-09"}},
        Row{"decision_by_board", "Delegationen beslutar om ansökningarna vid sitt sammanträde den 15 oktober 2025.", false,
            {"decision 2025-10-15"}},
        Row{"decision_month_only", "Beslut om stöd väntas i september 2025.", false, {"month 2025-09"}},
        Row{"decision_month_in_plan", "Vi räknar med att fatta beslut i januari 2026.", false, {"month 2026-01"}},
        Row{"event_is_no_deadline", "Anmäl dig till vår informationsträff den 4 september 2025 kl. 10.00.", false, {}},
        Row{"updated_is_no_deadline", "Senast uppdaterad 19 mars 2025.", false, {}},
        Row{"label_last_day", "Sista dag för ansökan: 2025-05-15 14:00", true, {"application_close 2025-05-15 14:00"}},
        Row{"label_opens", "Utlysningen öppnar: 14 augusti 2025, kl. 10.00", true, {"application_open 2025-08-14 10:00"}},
        Row{"label_period", "Ansökningsperiod: 13 januari–28 februari 2025", true,
            {"application_open 2025-01-13", "application_close 2025-02-28"}},
        Row{"label_decision", "Beslut: 9 april 2025", true, {"decision 2025-04-09"}},
        Row{"label_decision_month", "Beslut om finansiering: december 2025", true, {"month 2025-12"}},
        Row{"label_decision_date", "Preliminärt beslutsdatum: 24 februari 2026", true, {"decision 2026-02-24"}},
        Row{"label_final_report", "Slutrapport: Senast 31 mars 2026", true, {"report_due 2026-03-31"}},
        Row{"label_project_start", "Projektstart: 1 januari 2026", true, {"from 2026-01-01"}},
        Row{"label_opens_mucf_style", "Ansökan öppnar: 17 maj 2024", true, {"application_open 2024-05-17"}},
        Row{"label_decision_end_of_month", "Beslut meddelas: slutet av september 2024", true, {"month 2024-09"}},
        Row{"label_period_spaced_dash", "Ansökningsperiod: 21 mars – 5 maj 2017", true,
            {"application_open 2017-03-21", "application_close 2017-05-05"}},
        Row{"apply_by", "Ansök senast 28 februari 2019", false, {"application_close 2019-02-28"}},
        Row{"last_day_of_year_is", "Sista ansökningsdag för året är 31 januari 2025.", false,
            {"application_close 2025-01-31"}},
        Row{"in_hands_by", "Ansökan ska vara kommunen tillhanda senast 15 mars 2025.", false,
            {"application_close 2025-03-15"}},
        Row{"decision_after_is_no_date", "Beslut meddelas sökande efter den 31 maj 2017.", false, {}},
        Row{"from_and_including_only", "Ansökningsperiod: Från och med den 22 januari 2024.", true,
            {"application_open 2024-01-22"}},
        Row{"receive_applications_hyphen_range", "Vi tar emot ansökningar 4-17 juni 2024.", false,
            {"application_open 2024-06-04", "application_close 2024-06-17"}},
        Row{"apply_by_then_decision", "Sök senast 7 december 2018 – Besked 4 februari 2019", false,
            {"application_close 2018-12-07", "decision 2019-02-04"}},
        Row{"from_until_before_the_verb", "Från och med 2 mars till och med 30 april 2020 kan du ansöka om stöd.", false,
            {"application_open 2020-03-02", "application_close 2020-04-30"}},
        Row{"period_stretches_to", "Ansökningsperioden sträcker sig till 20 oktober 2021.", false,
            {"application_close 2021-10-20"}},
        Row{"last_day_without_colon_with_time", "Sista dag för ansökan 2021-10-20 17:00", false,
            {"application_close 2021-10-20 17:00"}},
        Row{"within_months_but_at_the_latest",
            "En ansökan ska ha kommit in inom fyra månader från det att åtgärderna påbörjades, dock senast den 1 juni 2025.", false,
            {"application_close 2025-06-01"}},
        Row{"report_year_after_grant_year",
            "Bidragsmottagare ska senast den 28 februari året efter bidragsåret återrapportera hur medlen har använts.", false,
            {"report_due 2026-02-28"}},
        Row{"requisition_via_eservice_by", "Rekvisition görs via e-tjänsten senast den 15 augusti 2024.", false,
            {"requisition_close 2024-08-15"}},
        Row{"decision_letters_end_of_month", "Vi planerar att skicka ut besluten om 2019 års medel i slutet av januari 2019.", false,
            {"month 2019-01"}},
        Row{"next_round_is_not_this_call", "Nästa ansökningsperiod öppnar den 31 maj 2026.", false, {}},
        Row{"senaste_den_misspelt_by", "Ansökan ska vara myndigheten tillhanda senaste den 30 september 2024.", false,
            {"application_close 2024-09-30"}},
        Row{"label_closes_time_in_parenthesis_mucf_style",
            "Ansökan stänger: 17 juni 2024 (ansökan kan skickas in fram till 23.59 denna dag)", true,
            {"application_close 2024-06-17 23:59"}},
        Row{"time_after_comma", "Sista dag att ansöka är den 1 mars 2025, senast klockan 12.00.", false,
            {"application_close 2025-03-01 12:00"}},
        Row{"payment_request_is_no_application_close",
            "Ansökan om utbetalning ska ha kommit in senast den 1 december 2025.", false, {}},
        Row{"label_support_period", "Stödperiod: 1 januari 2025–31 december 2026", true,
            {"from 2025-01-01", "funds_usable_until 2026-12-31"}},
        Row{"label_grant_period", "Bidragsperiod: 1 juli 2024–30 juni 2025", true,
            {"from 2024-07-01", "funds_usable_until 2025-06-30"}}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace bidrag::extract
