// The role of a call's linked document from its visible title and its URL (data/vocabulary.tsv,
// set document_role): one row per case, shapes seen on many agencies' pages.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

using record::DocumentRole;

struct LinkCase {
  const char* name;
  const char* title;
  const char* url;
  DocumentRole role;
};

// Failure messages name the case, not its bytes.
void PrintTo(const LinkCase& c, std::ostream* os) { *os << c.name; }

class LinkRole : public ::testing::TestWithParam<LinkCase> {};

TEST_P(LinkRole, FromTitleThenUrl) {
  const auto& c = GetParam();
  EXPECT_EQ(record::to_string(document_role(c.title, c.url)), record::to_string(c.role)) << c.title << " " << c.url;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LinkRole,
    ::testing::Values(
        LinkCase{"apply_button", "Ansök nu", "https://e.exempelverket.se/ansok", DocumentRole::application},
        LinkCase{"apply_in_named_service", "Ansök i E-kanalen", "https://ekanal.exempel.se/ny?u=1", DocumentRole::application},
        LinkCase{"login_to_service", "Logga in i Min ansökan", "https://minansokan.exempel.se/Login", DocumentRole::application},
        LinkCase{"service_named_first", "E-tjänsten för statsbidrag", "https://etjanst.exempel.se/", DocumentRole::application},
        LinkCase{"requisition_button", "Rekvirera nu", "https://bidrag.exempel.se/minsida/", DocumentRole::application},
        LinkCase{"instructions_pdf", "Anvisningar för ansökan 2025 (PDF, 310 kB)", "https://x.se/a/anvisningar-2025.pdf",
                 DocumentRole::instructions},
        LinkCase{"call_text_pdf", "Utlysningstext (pdf)", "https://x.se/download/18.1/utlysningstext.pdf", DocumentRole::instructions},
        LinkCase{"conditions_file", "Villkor för stödet 2025", "https://x.se/dokument/villkor-2025.docx", DocumentRole::instructions},
        LinkCase{"guide_pdf_is_instructions", "Vägledning för ansökan (pdf)", "https://x.se/globalassets/v.pdf",
                 DocumentRole::instructions},
        LinkCase{"instructions_web_page_is_guidance", "Anvisningar för ansökan i e-tjänsten", "https://x.se/sok-stod/anvisningar/",
                 DocumentRole::guidance},
        LinkCase{"general_conditions_page", "Generella villkor för bidrag", "https://x.se/villkor/", DocumentRole::guidance},
        LinkCase{"questions_and_answers", "Frågor och svar om utlysningen", "https://x.se/u/fragor-och-svar", DocumentRole::guidance},
        LinkCase{"assessment_before_decision", "Bedömning och beslut", "https://x.se/sa-funkar-det/bedomning-och-beslut/",
                 DocumentRole::guidance},
        LinkCase{"handbook", "Handbok för projektmedel", "https://x.se/handbok.html", DocumentRole::guidance},
        LinkCase{"decision", "Beslut om bidrag 2025 (pdf)", "https://x.se/beslut-2025.pdf", DocumentRole::decision},
        LinkCase{"granted_projects_are_the_decision", "Beviljade projekt (pdf)", "https://x.se/beviljade.pdf", DocumentRole::decision},
        LinkCase{"allocation_list", "Fördelning av bidrag per kommun 2025 (pdf)", "https://x.se/f.pdf", DocumentRole::allocation_list},
        LinkCase{"allocation_list_from_url_only", "Bilaga 1", "https://x.se/dokument/statsbidrag-fordelningslista-2024.pdf",
                 DocumentRole::allocation_list},
        LinkCase{"report_before_assignment", "Redovisning av 2021 års uppdrag", "https://x.se/r.pdf", DocumentRole::report},
        LinkCase{"assignment", "Regeringsbeslut om uppdraget", "https://regeringen.se/beslut.pdf", DocumentRole::assignment},
        LinkCase{"application_form_file", "Ansökningsblankett för nya projekt (xlsx)", "https://x.se/a/blankett.xlsx",
                 DocumentRole::application},
        LinkCase{"regulation_is_other", "Förordningen om bidrag till föreningar", "https://x.se/sfs/2023-905",
                 DocumentRole::other},
        LinkCase{"criteria_page_is_guidance", "Kriterier för stöd till utvärdering", "https://x.se/stod/kriterier-utvardering.html",
                 DocumentRole::guidance},
        LinkCase{"report_template_is_other", "Mall för slutrapport (docx)", "https://x.se/mall-slutrapport.docx", DocumentRole::other},
        LinkCase{"budget_template_is_other", "Budgetmall (xlsx)", "https://x.se/budgetmall.xlsx", DocumentRole::other},
        LinkCase{"event_is_other", "Informationsträff hösten 2025", "https://x.se/kalender/traff/", DocumentRole::other},
        LinkCase{"host_words_do_not_count", "Startsida för projektet", "https://rapport.exempel.se/", DocumentRole::other}),
    [](const ::testing::TestParamInfo<LinkCase>& p) { return std::string(p.param.name); });

TEST(DocumentRoleNames, EveryRoleReadsBackFromItsName) {
  for (auto r : {DocumentRole::instructions, DocumentRole::allocation_list, DocumentRole::decision, DocumentRole::assignment,
                 DocumentRole::report, DocumentRole::guidance, DocumentRole::application, DocumentRole::other}) {
    const auto back = record::parse_document_role(record::to_string(r));
    ASSERT_TRUE(back.has_value()) << record::to_string(r);
    EXPECT_EQ(*back, r);
  }
  EXPECT_EQ(record::to_string(DocumentRole::allocation_list), "allocation_list");
  EXPECT_FALSE(record::parse_document_role("anvisning").has_value());
}

}  // namespace
}  // namespace bidrag::extract
