// The registry of Swedish public funders (data/myndigheter.csv, compiled in): state agencies,
// the 21 regions and the 21 county administrative boards (länsstyrelser), and the resolution of
// printed names, URLs and mentions in running text to them.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::normalize {

enum class AgencyKind { myndighet, region, lansstyrelse };

// "myndighet", "region", "lansstyrelse" (the table's `kind` column).
[[nodiscard]] std::string_view to_string(AgencyKind kind) noexcept;

struct Agency {
  AgencyKind kind = AgencyKind::myndighet;
  std::string name;                        // as the body names itself: the record's funder.name
  std::string legal_name;                  // the name in its instruction, when different; else empty
  std::string slug;                        // slugify(name): the funder part of call ids
  std::optional<std::string> org_number;   // "202100-0555", where a source gives it
  std::optional<std::string> county_code;  // "12" for regions and länsstyrelser
  std::vector<std::string> short_forms;    // "Brå", "Kulturrådet", "Länsstyrelsen Skåne" …
  std::vector<std::string> hosts;          // "bra.se"; "lansstyrelsen.se/skane" (host + first path segment)
};

struct AgencyMention {
  const Agency* agency = nullptr;
  std::size_t begin = 0;  // byte offsets into the text searched; [begin, end) is the printed
  std::size_t end = 0;    // mention, a genitive ending ("Brås", "MUCF:s") included
};

// Every row of the table, in file order.
[[nodiscard]] const std::vector<Agency>& all_agencies();

// Whole-name match on name, legal name and short forms: case-, space- and dash-insensitive,
// with the genitive ("Socialstyrelsens", "Brås", "MUCF:s") and, for länsstyrelser, the forms
// "Länsstyrelsen Skåne", "Länsstyrelsen i Skåne", "Länsstyrelsen Skåne län". A bare county
// ("Skåne") is no agency here: see find_region / find_lansstyrelse. nullptr when unknown.
[[nodiscard]] const Agency* find_agency(std::string_view name);

// The agency whose web host serves the URL: www. dropped, parent domains included
// (statsbidrag.socialstyrelsen.se → Socialstyrelsen); hosts shared by several bodies decide by
// the first path segment (lansstyrelsen.se/kalmar/… → Länsstyrelsen i Kalmar län). A URL without
// a scheme ("bra.se/x") is read as https. nullptr when no host matches.
[[nodiscard]] const Agency* agency_for_url(std::string_view url);

// Every mention of an agency in running text, in text order, non-overlapping, longest match
// first, at word boundaries. Names match case-insensitively except their first letter (a
// proper noun is capitalised: "formas" the verb is no mention of Formas); acronyms ("MUCF",
// "FoHM") match only as written.
[[nodiscard]] std::vector<AgencyMention> find_agencies_in(std::string_view text);

// A region as recipient columns print it: "Region Skåne", "Skåne", "Kalmar län", "Västra
// Götaland", "Västra Götalandsregionen", "Stockholms läns landsting", or its county code "12".
[[nodiscard]] const Agency* find_region(std::string_view printed);

// A länsstyrelse as printed: "Länsstyrelsen i Skåne län", "Länsstyrelsen Skåne", "Skåne län",
// "Skåne", or its county code "12".
[[nodiscard]] const Agency* find_lansstyrelse(std::string_view printed);

}  // namespace bidrag::normalize
