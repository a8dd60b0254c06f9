// Documents of a call: the http(s) links of the main content, de-duplicated by URL in order of
// first appearance, each with a role read from its title (then its URL).
#include <set>

#include "bidrag/common/slug.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

bool is_http(std::string_view url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

// Vocabulary per role, in priority order: a report about an assignment is a report.
std::string role_from(const std::string& folded) {
  if (has_any(folded, {"ansök nu", "rekvirera nu", "ansök här", "rekvirera här", "till e-tjänsten", "logga in och ansök",
                       "ansökningsformulär", "sök bidraget", "gå till ansökan", "starta ansökan"}))
    return "application";
  if (has_any(folded, {"anvisning", "riktlinje", "instruktion"})) return "instructions";
  if (has_any(folded, {"fördelningslista", "fördelningsnyckel", "fördelning av", "fordelningslista", "fordelningsnyckel"}))
    return "allocation_list";
  if (has_any(folded, {"lägesbild", "lagesbild", "redovisning", "rapport", "uppföljning", "utvärdering"}))
    return "report";
  if (has_any(folded, {"regeringsbeslut", "uppdrag", "regleringsbrev", "förordning"})) return "assignment";
  if (has_any(folded, {"beslut"})) return "decision";
  if (has_any(folded, {"material", "vägledning", "vagledning", "läs mer om", "handbok", "stödmaterial", "publikation",
                       "frågor och svar", "guide", "kunskapsstöd"}))
    return "guidance";
  return "other";
}

}  // namespace

std::string document_role(std::string_view title, std::string_view url) {
  std::string role = role_from(fold(title));
  if (role != "other") return role;
  // The URL's path only: the host says who published it, not what it is.
  std::string path(url);
  if (const auto scheme = path.find("://"); scheme != std::string::npos) {
    const auto slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? std::string{} : path.substr(slash);
  }
  const auto query = path.find('?');
  if (query != std::string::npos) path = path.substr(0, query);
  // Slug words keep "fordelningslista" findable; only the vocabulary without å/ä/ö applies.
  std::string words = slugify(path);
  for (char& c : words)
    if (c == '-') c = ' ';
  return role_from(" " + words + " ");
}

std::vector<FoundDocument> find_documents(const Page& page) {
  std::vector<FoundDocument> out;
  std::set<std::string> seen;
  for (const auto& b : page.blocks()) {
    std::vector<doc::Link> links = b.links;
    if (b.kind == doc::BlockKind::link && links.empty() && !b.href.empty()) links.push_back({b.text, b.href, b.where});
    for (const auto& l : links) {
      if (!is_http(l.href) || !seen.insert(l.href).second) continue;
      const std::string title = l.text.empty() ? l.href : l.text;
      out.push_back({document_role(title, l.href), title, l.href, l.where.kind == doc::Locator::Kind::none ? b.where : l.where});
    }
  }
  return out;
}

}  // namespace bidrag::extract
