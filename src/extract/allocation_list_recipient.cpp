// Resolving allocation-list recipients by kind; a name that matches nothing keeps code null and
// a warning, never dropped.
#include "allocation_list_recipient.h"

#include "bidrag/normalize/agency.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"

namespace bidrag::extract::alloc {
namespace {

ResolvedRecipient as_kommun(std::string_view printed) {
  ResolvedRecipient out;
  out.recipient.kind = record::RecipientKind::kommun;
  out.recipient.name_as_printed = std::string(printed);
  out.municipality.name_as_printed = std::string(printed);
  const auto match = normalize::Registry::instance().resolve(printed);
  if (match.municipality) {
    const auto& m = *match.municipality;
    out.municipality.name = m.name;
    out.municipality.code = m.code;
    out.municipality.county_code = m.county_code;
    out.municipality.county = m.county;
    out.recipient.name = m.name;
    out.recipient.code = m.code;
    out.recipient.county_code = m.county_code;
    out.warnings = match.warnings;
    out.found = true;
  } else {
    out.warnings.push_back(match.error.value_or("no municipality named '" + std::string(printed) + "'"));
  }
  return out;
}

ResolvedRecipient as_agency(record::RecipientKind kind, std::string_view printed) {
  ResolvedRecipient out;
  out.recipient.kind = kind;
  out.recipient.name_as_printed = std::string(printed);
  const normalize::Agency* a =
      kind == record::RecipientKind::region ? normalize::find_region(printed) : normalize::find_lansstyrelse(printed);
  if (a && a->county_code) {
    out.recipient.name = a->name;
    out.recipient.code = a->county_code;
    out.recipient.county_code = a->county_code;
    out.found = true;
  } else {
    out.warnings.push_back("no " + record::to_string(kind) + " named '" + std::string(printed) + "'");
  }
  return out;
}

ResolvedRecipient as_county(std::string_view printed) {
  ResolvedRecipient out;
  out.recipient.kind = record::RecipientKind::lan;
  out.recipient.name_as_printed = std::string(printed);
  const auto& registry = normalize::Registry::instance();
  if (const std::string* code = registry.county_code(printed)) {
    out.recipient.code = *code;
    out.recipient.county_code = *code;
    if (const std::string* name = registry.county_name(*code)) out.recipient.name = *name;
    out.found = true;
  } else {
    out.warnings.push_back("no " + record::to_string(record::RecipientKind::lan) + " named '" + std::string(printed) + "'");
  }
  return out;
}

ResolvedRecipient as_organisation(std::string_view printed, std::string_view org_number_cell) {
  ResolvedRecipient out;
  out.recipient.kind = record::RecipientKind::organisation;
  out.recipient.name_as_printed = std::string(printed);
  out.recipient.name = std::string(printed);
  out.found = true;
  std::string cell = normalize::fold_spaces(org_number_cell);
  if (cell.empty()) {
    // No number column: a number printed with the name ("Föreningen Fristaden (802171-1174)").
    std::string word;
    for (const char ch : std::string(printed) + " ") {
      if ((ch >= '0' && ch <= '9') || ch == '-') {
        word += ch;
      } else {
        if (word.size() == 11 && org_number(word)) {
          out.recipient.code = org_number(word);
          return out;
        }
        word.clear();
      }
    }
  }
  if (!cell.empty()) {
    if (auto n = org_number(cell)) {
      out.recipient.code = *n;
    } else {
      out.warnings.push_back("'" + cell + "' is not a valid organisation number");
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> org_number(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '-' && c != ' ') {
      return std::nullopt;
    }
  }
  if (digits.size() != 10) return std::nullopt;
  // Luhn over the ten digits: from the left, digits at even positions are doubled.
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    int d = digits[i] - '0';
    if (i % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  if (sum % 10 != 0) return std::nullopt;
  return digits.substr(0, 6) + "-" + digits.substr(6);
}

ResolvedRecipient resolve_recipient(std::optional<record::RecipientKind> kind, std::string_view printed,
                                    std::string_view org_number_cell) {
  using K = record::RecipientKind;
  if (kind) {
    switch (*kind) {
      case K::kommun: return as_kommun(printed);
      case K::region:
      case K::lansstyrelse: return as_agency(*kind, printed);
      case K::lan: return as_county(printed);
      case K::organisation: return as_organisation(printed, org_number_cell);
    }
  }
  // Any kind: the row decides. A region or länsstyrelse only by its full name ("Region
  // Skåne"), never by a bare county name, which is also a municipality's.
  if (auto k = as_kommun(printed); k.found) return k;
  if (const normalize::Agency* a = normalize::find_agency(printed)) {
    if (a->kind == normalize::AgencyKind::region) return as_agency(K::region, printed);
    if (a->kind == normalize::AgencyKind::lansstyrelse) return as_agency(K::lansstyrelse, printed);
  }
  return as_organisation(printed, org_number_cell);
}

}  // namespace bidrag::extract::alloc
