// Contacts of a call page, one row per layout: the page (HTML or a text capture) and the
// contacts it must give, each as "name|title|email|phone|primary".
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "bidrag/parse/parse.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

struct ContactCase {
  const char* name;
  const char* content_type;  // text/html or text/plain
  const char* page;
  std::vector<std::string> want;
};

std::string show(const record::Contact& c) {
  return c.name.value_or("") + "|" + c.title.value_or("") + "|" + c.email.value_or("") + "|" + c.phone.value_or("") + "|" +
         (c.primary ? "primary" : "mailbox");
}

// Failure messages name the case, not its bytes.
void PrintTo(const ContactCase& c, std::ostream* os) { *os << c.name; }

class ContactTable : public ::testing::TestWithParam<ContactCase> {};

TEST_P(ContactTable, GivesExactlyTheseContacts) {
  const auto& c = GetParam();
  const auto document = parse::parse(make_snapshot("https://www.exempelverket.se/bidrag/stod-2025/", c.page, c.content_type));
  const Page page(document);
  std::vector<std::string> got;
  for (const auto& f : find_contacts(page)) got.push_back(show(f.contact));
  EXPECT_EQ(got, c.want);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ContactTable,
    ::testing::Values(
        ContactCase{"person_on_one_line", "text/html",
                    "<main><h1>Stöd 2025</h1><h2>Kontakt</h2><p>Nora Lind, handläggare, 031-392 21 56, "
                    "<a href='mailto:nora.lind@exempelverket.se'>nora.lind@exempelverket.se</a></p></main>",
                    {"Nora Lind|handläggare|nora.lind@exempelverket.se|+46313922156|primary"}},
        ContactCase{"switchboard_printed_for_a_person_is_theirs", "text/html",
                    "<main><h1>Stöd 2025</h1><h2>Kontakt</h2><p>Anders Berg</p><p>Handläggare</p>"
                    "<p>Tel. 075 247 30 00 (växel)</p><p><a href='mailto:anders.berg@exempelverket.se'>"
                    "anders.berg@exempelverket.se</a></p></main>",
                    {"Anders Berg|Handläggare|anders.berg@exempelverket.se|+46752473000|primary"}},
        ContactCase{"name_label_fact_with_everything_in_its_value", "text/html",
                    "<main><h1>Stöd 2025</h1><h2>Kontakt</h2><p>Kontaktperson: Tove Ek, utredare, 08-527 584 61, "
                    "<a href='mailto:tove.ek@exempelverket.se'>tove.ek@exempelverket.se</a></p></main>",
                    {"Tove Ek|utredare|tove.ek@exempelverket.se|+46852758461|primary"}},
        ContactCase{"labelled_mailbox_inside_the_section_is_no_person", "text/html",
                    "<main><h1>Stöd 2025</h1><h2>Kontakt</h2><p>Mikael Forsberg, projekthandläggare</p>"
                    "<p>Mobil: 070-737 42 18</p><p>E-post: <a href='mailto:mikael.forsberg@exempelverket.se'>"
                    "mikael.forsberg@exempelverket.se</a></p><p>Funktionsbrevlåda: <a href='mailto:stod@exempelverket.se'>"
                    "stod@exempelverket.se</a></p><p>Sidan publicerades 3 mars 2025.</p></main>",
                    {"Mikael Forsberg|projekthandläggare|mikael.forsberg@exempelverket.se|+46707374218|primary",
                     "||stod@exempelverket.se||mailbox"}},
        ContactCase{"mailbox_in_a_sentence_keeps_its_own_number", "text/html",
                    "<main><h1>Stöd 2025</h1><h2>Frågor?</h2><p>Har du frågor? Mejla <a href='mailto:stod@exempelverket.se'>"
                    "stod@exempelverket.se</a> eller ring 08-700 08 80 vardagar 9–12.</p></main>",
                    {"||stod@exempelverket.se|+4687000880|mailbox"}},
        ContactCase{"text_capture_names_titles_and_a_mailbox_label", "text/plain",
                    "Stöd 2025\n\nKontakta oss\n\nEva Berg\nHandläggare\n08-519 264 41\neva.berg@exempelverket.se\n\n"
                    "Frågor om e-tjänsten\nservice@exempelverket.se\n\nPublicerad: 2025-03-31\n\nExempelverket\n"
                    "Box 27215, 102 53 Stockholm\nTelefon: 08-519 264 00 (växel)\nregistrator@exempelverket.se\n",
                    {"Eva Berg|Handläggare|eva.berg@exempelverket.se|+46851926441|primary",
                     "||service@exempelverket.se||mailbox"}},
        ContactCase{"printed_footer_right_after_a_person_keeps_its_switchboard", "text/plain",
                    "Stöd 2025\n\nKontakt\n\nKarin Lund, handläggare\nkarin.lund@exempelverket.se\n"
                    "Exempelverket · Box 310, 631 04 Eskilstuna · Växel: 016-544 20 00\n",
                    {"Karin Lund|handläggare|karin.lund@exempelverket.se||primary"}},
        ContactCase{"person_named_in_a_sentence_and_a_mailbox_with_the_switchboard", "text/plain",
                    "Stöd 2025\n\nFrågor?\n\nHandläggare för bidraget är Sara Lind, sara.lind@exempelverket.se, "
                    "telefon 010-160 14 52.\n\nAllmänna frågor om bidrag: bidrag@exempelverket.se eller 010-160 10 00 (växel).\n",
                    {"Sara Lind||sara.lind@exempelverket.se|+46101601452|primary",
                     "||bidrag@exempelverket.se|+46101601000|mailbox"}},
        ContactCase{"name_then_job_title_without_a_comma", "text/plain",
                    "Stöd 2025\n\nKontakt\n\nLina Persson Handläggare/Verksamhet\nTelefon 040-675 31 22\n"
                    "lina.persson@exempelverket.se\n",
                    {"Lina Persson|Handläggare/Verksamhet|lina.persson@exempelverket.se|+46406753122|primary"}},
        ContactCase{"contact_verb_before_the_name_is_dropped", "text/html",
                    "<main><h1>Stöd 2025</h1><h2>Kontakt</h2><p>Kontakta Elin Dahl, "
                    "<a href='mailto:elin.dahl@exempelverket.se'>elin.dahl@exempelverket.se</a></p></main>",
                    {"Elin Dahl||elin.dahl@exempelverket.se||primary"}},
        ContactCase{"footer_switchboard_and_mailbox_stay_out", "text/html",
                    "<body><main><h1>Stöd 2025</h1><p>Ansök senast 1 maj.</p></main><footer><p>Växel: 08-123 132 00</p>"
                    "<p><a href='mailto:registrator@exempelverket.se'>registrator@exempelverket.se</a></p></footer></body>",
                    {}}),
    [](const ::testing::TestParamInfo<ContactCase>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace bidrag::extract
