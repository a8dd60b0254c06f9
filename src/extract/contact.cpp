// Contacts of a call: the persons of its contact section ("Kontakt", "Kontakta oss", "Frågor?")
// and labelled mailboxes ("SSPF-nätverket: namn@x.se", "Funktionsbrevlåda: …"). A person is a
// line that starts with a name, then job title, phone and e-mail on the same line or the lines
// right after it; a switchboard number printed for a person is that person's number. A mailbox
// (a label with an address, or a sentence with one) is a contact with primary false. Footer and
// switchboard numbers outside a person's card are left out: the parsers drop site chrome, and a
// line that is no contact ends the section. The cue words are data/vocabulary.tsv's sets
// contact_heading, contact_label and switchboard.
#include <algorithm>

#include "bidrag/normalize/agency.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

using normalize::word_count;

// A line that is only an agency's name ("Boverket", "Statens kulturråd"): a logo or a footer.
bool is_agency_line(std::string_view text) {
  const auto mentions = normalize::find_agencies_in(text);
  return mentions.size() == 1 && mentions[0].begin == 0 && mentions[0].end >= normalize::fold_spaces(text).size();
}

using doc::BlockKind;

// The contract's role of a named person (data/vocabulary.tsv, set contact_role).
std::string person_role() { return vocab::set("contact_role").with_meaning("person").front()->phrase; }

// A label that names a field of a contact card ("E-post", "Telefon", "Titel").
bool is_field_label(std::string_view label) { return vocab::set("contact_label").in(label); }
bool label_is(std::string_view label, std::string_view meaning) {
  const auto m = vocab::set("contact_label").find(label);
  return m && m->meaning() == meaning;
}

bool ends_sentence(std::string_view s) { return !s.empty() && s.back() == '.'; }

std::string trim(std::string_view s) {
  static constexpr std::string_view kJunk[] = {" ", ",", ";", "·", "–", "-"};
  for (bool more = true; more;) {
    more = false;
    for (auto j : kJunk) {
      if (s.starts_with(j)) s.remove_prefix(j.size()), more = true;
      if (s.ends_with(j)) s.remove_suffix(j.size()), more = true;
    }
  }
  return std::string(s);
}

// Where the first contact datum (an e-mail, a phone, a field label) or separator starts.
std::size_t first_field(const std::string& s, std::initializer_list<std::string_view> separators) {
  std::size_t end = s.size();
  for (auto sep : separators) end = std::min(end, s.find(sep));
  if (const auto e = normalize::find_emails(s); !e.empty()) end = std::min(end, e.front().begin);
  if (const auto p = normalize::find_phones(s); !p.empty()) end = std::min(end, p.front().begin);
  if (vocab::fold(s).size() == s.size()) {
    if (const auto m = vocab::set("contact_label").find(s)) end = std::min(end, m->begin);
  }
  return end;
}

// "Anna Karlsson, handläggare, 075-247 41 28, anna@x.se": the name, the job title, the rest.
struct Person {
  std::string name;
  std::optional<std::string> job;
  std::string rest;  // everything after the name
};
std::optional<Person> split_person(std::string_view text) {
  const std::string s = normalize::fold_spaces(text);
  const std::size_t end = first_field(s, {", ", " – ", " - ", " · ", " | "});
  Person p;
  p.name = trim(std::string_view(s).substr(0, end));
  std::size_t rest_from = end;
  // "Kontakta Anna Berg": the verb before the name is not part of it.
  if (const auto m = vocab::set("contact_heading").starts(p.name); m && word_count(p.name) >= 3) {
    const auto sp = p.name.find(' ');
    p.name = p.name.substr(sp + 1);
  }
  if (!looks_like_name(p.name)) {
    // "Lina Persson Handläggare/Verksamhet": the longest run of two to four name words first.
    std::string best;
    std::size_t at = 0;
    for (int words = 0; words < 4; ++words) {
      at = s.find(' ', at + 1);
      const std::string head = s.substr(0, at);
      if (words >= 1 && looks_like_name(head)) best = head;
      if (at == std::string::npos) break;
    }
    if (best.empty()) return std::nullopt;
    p.name = best;
    rest_from = best.size();
  }
  p.rest = trim(std::string_view(s).substr(rest_from));
  const std::string job = trim(std::string_view(p.rest).substr(0, first_field(p.rest, {", ", " – ", " - ", " · ", " | "})));
  if (!job.empty() && !has_digit(job) && job.find('@') == std::string::npos && word_count(job) <= 4) p.job = job;
  return p;
}

// The name printed right before the first e-mail address of a sentence ("… är Sara Lind,
// sara.lind@x.se"): its last two to four capitalised words.
std::optional<std::string> name_before_address(const std::string& text) {
  const auto emails = normalize::find_emails(text);
  if (emails.empty()) return std::nullopt;
  const std::string before = trim(std::string_view(text).substr(0, emails.front().begin));
  std::optional<std::string> best;
  std::size_t at = before.size();
  for (int words = 0; words < 4 && at != std::string::npos && at > 0; ++words) {
    at = before.rfind(' ', at - 1);
    const std::string tail = before.substr(at == std::string::npos ? 0 : at + 1);
    if (words >= 1 && looks_like_name(tail)) best = tail;
  }
  return best;
}

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

// The phone of `text`; a switchboard number only when it is printed for a person.
// (Only a line that holds little but the number: "Tel. 075 247 30 00 (växel)"; a footer's
// "Exempelverket · Box 310, 631 04 Ort · Växel: …" is the agency's.)
void take_phone(const std::string& text, record::Contact& c, bool switchboard_ok) {
  const auto p = normalize::parse_phone(text);
  if (!p) return;
  if (vocab::set("switchboard").in(text)) {
    if (!switchboard_ok) return;
    std::string rest = text.substr(0, std::min(p->begin, text.size())) + " " + text.substr(std::min(p->end, text.size()));
    for (const auto& e : normalize::find_emails(rest)) rest.replace(e.begin, e.end - e.begin, e.end - e.begin, ' ');
    if (word_count(normalize::fold_spaces(rest)) > 4) return;
  }
  c.phone = p->e164;
  c.phone_display = p->display;
}

bool has_email(const doc::Block& b, const std::string& text) {
  for (const auto& l : b.links)
    if (normalize::email_from_mailto(l.href)) return true;
  return !normalize::find_emails(text).empty();
}

bool has_contact_data(const Page& page, std::size_t i) {
  const std::string text = page.text_of(i);
  return has_email(page.blocks()[i], text) || normalize::parse_phone(text).has_value();
}

record::Contact mailbox(const std::string& role) {
  record::Contact c;
  c.role = role;
  c.primary = false;
  return c;
}

class Section {
 public:
  Section(const Page& page, std::vector<FoundContact>& out) : page_(page), out_(out) {}

  void run(std::size_t heading) {
    const auto& blocks = page_.blocks();
    const int level = blocks[heading].level;
    const std::string heading_text = normalize::fold_spaces(blocks[heading].text);
    for (std::size_t i = heading + 1; i < blocks.size(); ++i) {
      const auto& b = blocks[i];
      const std::string text = page_.text_of(i);
      // A name printed as a sub-heading stays in the section; any other heading ends it. In a
      // text capture headings are guessed from short lines, so there a name, a job title or a
      // mailbox's label is read as the line it is.
      if (b.kind == BlockKind::heading) {
        const bool guessed = page_.document().format == doc::Format::text;
        if (looks_like_name(b.text) && (b.level > level || guessed)) {
          person(Person{normalize::fold_spaces(b.text), std::nullopt, {}}, b, i);
          continue;
        }
        if (!guessed || (!card_ && out_.empty() && i > heading + 1)) break;
      }
      const bool fact = b.kind == BlockKind::fact;
      // A person: a line (or a fact's value) that starts with a name.
      const std::string person_text = !fact ? b.text : (label_is(b.text, "name") || !is_field_label(b.text)) ? b.value : "";
      if (auto p = split_person(person_text)) {
        if (fact && !p->job && !label_is(b.text, "name")) p->job = normalize::fold_spaces(b.text);
        person(*p, b, i);
        continue;
      }
      // A postal address ("Box 534, 371 23 Karlskrona") or the agency's name on a line of its own:
      // the site's footer printed below the contact section, which is over.
      if (!out_.empty() && (vocab::set("address_word").in(text) || is_agency_line(text))) {
        flush();
        break;
      }
      const bool data = has_contact_data(page_, i);
      // A labelled mailbox: "Funktionsbrevlåda: namn@x.se".
      if (fact && !is_field_label(b.text) && has_email(b, b.value)) {
        flush();
        record::Contact c = mailbox(normalize::fold_spaces(b.text));
        take_email(b, b.value, c);
        take_phone(b.value, c, true);
        out_.push_back({c, i});
        continue;
      }
      if (!data) {
        // The job title on the line right after the name; a title field.
        if (card_ && card_->block + 1 == i && !card_->c.title && !has_digit(text) && word_count(text) <= 4) {
          card_->c.title = normalize::fold_spaces(text);
          card_->block = i;
          continue;
        }
        if (card_ && fact && label_is(b.text, "job_title")) {
          card_->c.title = b.value;
          continue;
        }
        // A short label line: the name of the mailbox printed below it ("Frågor om e-tjänsten").
        if (!has_digit(text) && word_count(text) <= 6 && !ends_sentence(text)) {
          pending_label_ = normalize::fold_spaces(text);
          continue;
        }
        // Something else after the cards (a site footer in a print): the section is over.
        flush();
        if (!out_.empty()) break;
        continue;
      }
      // "Frågor om e-tjänsten service@x.se": a label joined to its address on one line.
      if (!pending_label_ && !fact && (!card_ || card_->c.email)) {
        if (const auto emails = normalize::find_emails(text); !emails.empty()) {
          const std::string label = trim(std::string_view(text).substr(0, emails.front().begin));
          if (!label.empty() && !has_digit(label) && word_count(label) <= 6 && !is_field_label(label) &&
              !ends_sentence(label) && !name_before_address(text))
            pending_label_ = label;
        }
      }
      if (pending_label_ && has_email(b, text) && (!card_ || card_->c.email)) {
        flush();
        record::Contact c = mailbox(*pending_label_);
        take_email(b, text, c);
        take_phone(fact ? b.value : text, c, false);
        out_.push_back({c, i});
        pending_label_.reset();
        continue;
      }
      pending_label_.reset();
      if (!card_) {
        // An address in running text ("Mejla x@y.se eller ring …"): the section's mailbox.
        if (!fact && (ends_sentence(text) || word_count(text) > 8) && has_email(b, text)) {
          // "Handläggare är Sara Lind, sara.lind@x.se, telefon 010-160 14 52.": a person.
          if (auto named = name_before_address(text)) {
            record::Contact c;
            c.name = *named;
            c.role = person_role();
            c.primary = true;
            take_email(b, text, c);
            take_phone(text, c, true);
            out_.push_back({c, i});
            continue;
          }
          record::Contact c = mailbox(trim(heading_text));
          take_email(b, text, c);
          take_phone(text, c, true);
          out_.push_back({c, i});
          continue;
        }
        if (!out_.empty()) continue;
        // A contact field with no name printed: a card of its own.
        card_ = Card{};
        card_->c.role = person_role();
        card_->c.primary = true;
        card_->block = i;
      }
      card_->block = i;
      if (!card_->c.email) take_email(b, text, card_->c);
      if (!card_->c.phone) take_phone(fact ? b.value : text, card_->c, true);
    }
    flush();
  }

 private:
  struct Card {
    record::Contact c;
    std::size_t block = 0;
  };

  void person(const Person& p, const doc::Block& b, std::size_t i) {
    flush();
    card_ = Card{};
    card_->c.name = p.name;
    card_->c.title = p.job;
    card_->c.role = person_role();
    card_->c.primary = true;
    card_->block = i;
    first_block_ = i;
    if (!p.rest.empty() || !b.links.empty()) {
      take_email(b, p.rest, card_->c);
      take_phone(p.rest, card_->c, true);
    }
  }

  void flush() {
    if (card_ && (card_->c.name || card_->c.email || card_->c.phone)) out_.push_back({card_->c, first_block_.value_or(card_->block)});
    card_.reset();
    first_block_.reset();
    pending_label_.reset();
  }

  const Page& page_;
  std::vector<FoundContact>& out_;
  std::optional<Card> card_;
  std::optional<std::size_t> first_block_;
  std::optional<std::string> pending_label_;
};

}  // namespace

std::vector<FoundContact> find_contacts(const Page& page) {
  std::vector<FoundContact> out;
  std::optional<std::size_t> section_heading;
  // "Nätverk med kontaktpersoner" names mailboxes, not the call's persons: prefer the last
  // heading that is about contact alone ("Kontakt", "Kontaktpersoner", "Kontakta oss").
  for (std::size_t i = 0; i < page.blocks().size(); ++i) {
    const auto& b = page.blocks()[i];
    if (b.kind != BlockKind::heading || !vocab::set("contact_heading").starts(b.text)) continue;
    // A mailbox's label under the contact heading ("Frågor om e-tjänsten") is no new section:
    // keep the earlier heading when only contact lines stand between the two.
    bool within = section_heading.has_value();
    for (std::size_t k = section_heading.value_or(i) + 1; within && k < i; ++k) {
      const std::string t = page.text_of(k);
      within = has_contact_data(page, k) || split_person(t) || (word_count(t) <= 6 && !ends_sentence(t));
    }
    if (!within) section_heading = i;
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
    if (is_field_label(label) || label.size() > 40) continue;
    record::Contact c;
    take_email(b, value, c);
    if (!c.email) continue;
    c.role = label;
    c.primary = false;
    labelled.push_back({c, i});
  }
  if (section_heading) Section(page, out).run(*section_heading);
  // Document order: labelled mailboxes and persons as they appear.
  out.insert(out.end(), labelled.begin(), labelled.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.block < b.block; });
  return out;
}

}  // namespace bidrag::extract
