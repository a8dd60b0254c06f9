// Contacts of a call: the persons of its "Kontakt" section (name, then e-mail/phone lines) and
// labelled mailboxes in the content ("SSPF-nätverket: namn@x.se"). Footer and switchboard
// numbers are left out: the parsers drop site chrome, and a "växel" number is never a contact.
#include <algorithm>

#include "bidrag/normalize/contact.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

using doc::BlockKind;

// Field labels of a contact card; a fact with one of these is a field, not a role.
bool is_field_label(const std::string& folded) {
  return has_any(folded, {"e-post", "epost", "e-mail", "email", "mejl", "mail", "telefon", "tel", "mobil", "fax",
                          "adress", "titel", "befattning", "roll", "namn", "kontaktperson", "webb"});
}

struct Card {
  record::Contact c;
  std::size_t block = 0;
};

// E-mail and display from a block: a mailto link wins over the printed text.
void take_email(const doc::Block& b, const std::string& text, record::Contact& c) {
  for (const auto& l : b.links) {
    if (auto target = normalize::email_from_mailto(l.href)) {
      c.email = *target;
      if (!l.text.empty() && l.text != *target) c.email_display = l.text;
      return;
    }
  }
  const auto found = normalize::find_emails(text);
  if (!found.empty()) c.email = found.front().email;
}

void take_phone(const std::string& text, record::Contact& c) {
  if (has_any(fold(text), {"växel"})) return;
  if (auto p = normalize::parse_phone(text)) {
    c.phone = p->e164;
    c.phone_display = p->display;
  }
}

bool has_contact_data(const Page& page, std::size_t i) {
  const auto& b = page.blocks()[i];
  const std::string text = page.text_of(i);
  for (const auto& l : b.links)
    if (normalize::email_from_mailto(l.href)) return true;
  return !normalize::find_emails(text).empty() || normalize::parse_phone(text).has_value();
}

// The persons under a "Kontakt" heading: each name line starts a card; the lines right after
// it that are contact fields fill it.
void contact_section(const Page& page, std::size_t heading, std::vector<FoundContact>& out) {
  const auto& blocks = page.blocks();
  std::optional<Card> card;
  auto flush = [&] {
    if (card && (card->c.name || card->c.email || card->c.phone)) out.push_back({card->c, card->block});
    card.reset();
  };
  const int level = blocks[heading].level;
  for (std::size_t i = heading + 1; i < blocks.size(); ++i) {
    const auto& b = blocks[i];
    const std::string text = page.text_of(i);
    // A name printed as a sub-heading stays in the section; any other heading ends it.
    if (b.kind == BlockKind::heading && (b.level <= level || !looks_like_name(b.text))) break;
    const std::string label = fold(b.text);
    std::string name_text = b.kind == BlockKind::fact ? std::string{} : b.text;
    if (b.kind == BlockKind::fact && has_any(label, {"kontaktperson", "namn"})) name_text = b.value;
    // "Anna Karlsson, handläggare": a name, then a job title.
    std::optional<std::string> job;
    if (const auto comma = name_text.find(", "); comma != std::string::npos) {
      job = name_text.substr(comma + 2);
      name_text = name_text.substr(0, comma);
    }
    if (!name_text.empty() && looks_like_name(name_text)) {
      flush();
      card = Card{};
      card->c.name = name_text;
      card->c.title = job;
      card->c.role = "kontaktperson";
      card->c.primary = true;
      card->block = i;
      continue;
    }
    if (!card) {
      if (!has_contact_data(page, i) || !out.empty()) continue;
      // A contact field with no name printed: a card of its own.
      card = Card{};
      card->c.role = "kontaktperson";
      card->c.primary = true;
      card->block = i;
    }
    if (!has_contact_data(page, i)) {
      if (b.kind == BlockKind::fact && has_any(label, {"titel", "befattning"})) {
        card->c.title = b.value;
        continue;
      }
      // Something else after the cards (a site footer in a print): the section is over.
      flush();
      if (!out.empty()) break;
      continue;
    }
    if (!card->c.email) take_email(b, text, card->c);
    if (!card->c.phone) take_phone(b.kind == BlockKind::fact ? b.value : text, card->c);
  }
  flush();
}

}  // namespace

std::vector<FoundContact> find_contacts(const Page& page) {
  std::vector<FoundContact> out;
  std::optional<std::size_t> section_heading;
  // "Nätverk med kontaktpersoner" names mailboxes, not the call's persons: prefer a heading
  // that is about contact alone ("Kontakt", "Kontaktpersoner", "Kontakta oss").
  for (std::size_t i = 0; i < page.blocks().size(); ++i) {
    const auto& b = page.blocks()[i];
    if (b.kind != BlockKind::heading) continue;
    const std::string f = fold(b.text);
    if (f.rfind("kontakt", 0) == 0 || f.rfind("frågor", 0) == 0 || f == "har du frågor?") section_heading = i;
  }

  std::vector<FoundContact> labelled;
  const auto& blocks = page.blocks();
  const auto section = section_heading ? page.section_blocks(*section_heading) : std::vector<std::size_t>{};
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& b = blocks[i];
    if (b.kind != BlockKind::fact && b.kind != BlockKind::list_item && b.kind != BlockKind::paragraph) continue;
    if (std::find(section.begin(), section.end(), i) != section.end()) continue;
    // "SSPF-nätverket: soderberg@bra.se" as a fact or a list item "Label: address".
    std::string label, value;
    if (b.kind == BlockKind::fact) {
      label = b.text;
      value = b.value;
    } else {
      const auto colon = b.text.find(": ");
      if (colon == std::string::npos || colon > 60) continue;
      label = b.text.substr(0, colon);
      value = b.text.substr(colon + 2);
    }
    if (is_field_label(fold(label)) || label.size() > 40) continue;
    record::Contact c;
    take_email(b, value, c);
    if (!c.email) continue;
    c.role = label;
    c.primary = false;
    labelled.push_back({c, i});
  }
  if (section_heading) contact_section(page, *section_heading, out);
  // Document order: labelled mailboxes and persons as they appear.
  out.insert(out.end(), labelled.begin(), labelled.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.block < b.block; });
  return out;
}

}  // namespace bidrag::extract
