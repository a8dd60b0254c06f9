// Documents of a call: the http(s) links of the main content, de-duplicated by URL in order of
// first appearance, each with a role read from its title (then its URL). Where the parser could
// not cut the site's chrome away (an untagged browser print, a page without <main>), links
// before the page's title and the site's furniture (home and breadcrumb links, social media,
// the cookie, accessibility and privacy pages every Swedish public site must have) are left out.
#include <cctype>
#include <set>
#include <string_view>
#include <utility>

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

// "https://a.se/x/y/?q" → {"a.se", "/x/y/"}; the host lower-cased, "www." dropped.
std::pair<std::string, std::string> host_and_path(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  const auto slash = url.find_first_of("/?#");
  std::string_view host_part = url.substr(0, slash);
  if (host_part.size() > 4 && (host_part.substr(0, 4) == "www." || host_part.substr(0, 4) == "WWW.")) host_part.remove_prefix(4);
  std::string host(host_part);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  return {host, path.empty() ? std::string(1, '/') : std::string(path)};
}

bool is_social_media(const std::string& host) {
  for (std::string_view site : {"facebook.com", "linkedin.com", "instagram.com", "twitter.com", "x.com", "youtube.com",
                                "tiktok.com", "flickr.com", "vimeo.com", "threads.net", "mastodon.social"}) {
    if (host == site || (host.size() > site.size() && host.compare(host.size() - site.size(), site.size(), site) == 0 &&
                         host[host.size() - site.size() - 1] == '.'))
      return true;
  }
  return false;
}

// Whole link texts (folded) of a site's header and footer, never of a grant's documents.
bool is_furniture_title(const std::string& folded) {
  for (std::string_view t : {"kakor", "om kakor", "cookies", "kakor (cookies)", "cookie-inställningar", "cookieinställningar",
                             "tillgänglighetsredogörelse", "tillgänglighet", "om tillgänglighet",
                             "behandling av personuppgifter", "personuppgifter", "hantering av personuppgifter",
                             "så behandlar vi dina personuppgifter", "nyhetsbrev", "prenumerera på nyhetsbrev",
                             "prenumerera", "om webbplatsen", "webbkarta", "in english", "english", "lättläst",
                             "teckenspråk", "lyssna", "kontakta oss", "kontakt", "press", "för press", "pressrum",
                             "lediga jobb", "jobba hos oss", "rss", "till startsidan", "startsida", "hem",
                             "facebook", "linkedin", "instagram", "youtube", "twitter", "x", "sök", "meny"}) {
    if (folded == t) return true;
  }
  return false;
}

// The page's own address: a browser print's header URL, the canonical URL, or where it came from.
std::string own_url(const doc::Document& d) {
  for (const char* key : {"printed_url", "canonical"}) {
    if (const auto it = d.meta.find(key); it != d.meta.end() && !it->second.empty()) return it->second;
  }
  return d.url;
}

// A link of the site's chrome: social media, a furniture page, or the site's home or a
// breadcrumb (a same-site page whose path leads to this page's).
bool is_chrome_link(const std::string& title, const std::string& href, const std::pair<std::string, std::string>& own) {
  const auto [host, path] = host_and_path(href);
  if (is_social_media(host)) return true;
  if (is_furniture_title(fold(title))) return true;
  if (host.empty() || host != own.first) return false;
  std::string dir = path;
  if (dir.back() != '/') dir.push_back('/');
  return own.second.size() > dir.size() && own.second.rfind(dir, 0) == 0;
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
  const auto own = host_and_path(own_url(page.document()));
  const std::size_t first = page.title_block().value_or(0);  // a header's links come before the title
  const auto& blocks = page.blocks();
  for (std::size_t i = first; i < blocks.size(); ++i) {
    const auto& b = blocks[i];
    std::vector<doc::Link> links = b.links;
    if (b.kind == doc::BlockKind::link && links.empty() && !b.href.empty()) links.push_back({b.text, b.href, b.where});
    for (const auto& l : links) {
      if (!is_http(l.href) || !seen.insert(l.href).second) continue;
      const std::string title = l.text.empty() ? l.href : l.text;
      if (is_chrome_link(title, l.href, own)) continue;
      out.push_back({document_role(title, l.href), title, l.href, l.where.kind == doc::Locator::Kind::none ? b.where : l.where});
    }
  }
  return out;
}

}  // namespace bidrag::extract
