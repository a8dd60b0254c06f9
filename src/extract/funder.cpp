// The funder of a call: the agency the page names as giving the money, the owner named in the
// page title, the agency whose web site serves the page; an agency the registry does not know
// keeps the name the page prints, and as a last resort the name of the site's host. Never "".
#include <cctype>
#include <map>

#include "bidrag/normalize/agency.h"
#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

using normalize::starts_upper;

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

// A printed name that can stand for a funder: capitalised, short, no sentence punctuation or
// digits, not a pronoun or "Regeringen".
bool plausible_name(const std::string& s) {
  if (s.empty() || s.size() > 60 || !starts_upper(s)) return false;
  if (s.find_first_of(",.:;0123456789") != std::string::npos) return false;
  return !vocab::set("funder_not_a_name").equals(s);
}

// A name as printed for a body the registry does not know: capitalised words but for small
// ones ("Stiftelsen för X"), at most five; "Förra året" is no name.
bool printed_name(const std::string& s) {
  if (!plausible_name(s)) return false;
  std::size_t i = 0;
  int words = 0;
  while (i < s.size()) {
    auto sp = s.find(' ', i);
    const std::string w = s.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
    if (++words > 5) return false;
    if (!starts_upper(w) && !vocab::set("function_word").equals(w)) return false;
    if (sp == std::string::npos) break;
    i = sp + 1;
  }
  return true;
}

struct Named {
  const normalize::Agency* agency = nullptr;
  std::string printed;  // an unknown body's name as printed
};

// The subject or object of a funding verb in one sentence.
Named from_sentence(const std::string& text) {
  Named out;
  const std::string folded = vocab::fold(text);
  if (folded.size() != text.size()) return out;  // offsets would not line up
  for (const auto& m : vocab::set("funder_verb").all(text)) {
    if (m.meaning() == "subject") {
      if (m.begin == 0) continue;
      const std::string subject = trim(std::string_view(text).substr(0, m.begin));
      if (!plausible_name(subject)) continue;
      if (const auto* a = normalize::find_agency(subject)) return {a, {}};
      const auto mentions = normalize::find_agencies_in(subject);
      if (!mentions.empty() && mentions.back().end >= subject.size()) return {mentions.back().agency, {}};
      if (out.printed.empty() && printed_name(subject)) out.printed = subject;
    } else {
      const auto mentions = normalize::find_agencies_in(std::string_view(text).substr(m.end));
      if (!mentions.empty() && mentions.front().begin <= 2) return {mentions.front().agency, {}};
    }
  }
  return out;
}

// "Sida - Sektion - Myndighet": a page title's last part names the site's owner.
std::string title_owner(const std::string& title) {
  std::size_t cut = std::string::npos, len = 0;
  for (std::string_view sep : {" - ", " | ", " – ", " — "}) {
    const auto at = title.rfind(sep);
    if (at != std::string::npos && (cut == std::string::npos || at > cut)) cut = at, len = sep.size();
  }
  if (cut == std::string::npos || cut + len >= title.size()) return {};
  return trim(std::string_view(title).substr(cut + len));
}

// "statsbidrag.exempelverket.se" → "Exempelverket": the registrable name of a host.
std::string host_name(const std::string& host) {
  const auto last = host.rfind('.');
  if (last == std::string::npos || last == 0) return host;
  const auto before = host.rfind('.', last - 1);
  return normalize::capitalised(host.substr(before == std::string::npos ? 0 : before + 1, last - (before == std::string::npos ? 0 : before + 1)));
}

}  // namespace

std::string find_funder(const Page& page) {
  Named printed;
  for (const auto& s : page.sentences()) {
    Named n = from_sentence(s.text);
    if (n.agency) return n.agency->name;
    if (printed.printed.empty()) printed.printed = n.printed;
  }
  const std::string owner = title_owner(page.document().title);
  if (!owner.empty()) {
    if (const auto* a = normalize::find_agency(owner)) return a->name;
  }
  const std::string url = own_url(page.document());
  if (const auto* a = normalize::agency_for_url(url)) return a->name;
  if (!page.document().url.empty() && page.document().url != url) {
    if (const auto* a = normalize::agency_for_url(page.document().url)) return a->name;
  }
  if (!printed.printed.empty()) return printed.printed;
  if (printed_name(owner)) return owner;
  // The agency the page mentions most (a text capture without its address).
  std::map<const normalize::Agency*, int> counts;
  const normalize::Agency* most = nullptr;
  for (const auto& b : page.blocks()) {
    for (const auto& m : normalize::find_agencies_in(b.text)) {
      if (++counts[m.agency] > (most ? counts[most] : 0)) most = m.agency;
    }
  }
  if (most) return most->name;
  const auto host = host_and_path(url).host;
  if (!host.empty()) return host_name(host);
  return {};
}

}  // namespace bidrag::extract
