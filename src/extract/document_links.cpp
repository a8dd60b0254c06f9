// Documents of a call: the http(s) links of the main content, de-duplicated by URL in order of
// first appearance, each with a role read from its title (then its URL). Where the parser could
// not cut the site's chrome away (an untagged browser print, a page without <main>), links
// before the page's title and the site's furniture (home and breadcrumb links, social media,
// the cookie, accessibility and privacy pages every Swedish public site must have) are left out.
// The role words are data/vocabulary.tsv's set "document_role"; furniture is "chrome_link".
#include <cctype>
#include <set>
#include <string_view>

#include "bidrag/common/slug.h"
#include "bidrag/vocab/vocab.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

using record::DocumentRole;

bool is_http(std::string_view url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

std::optional<DocumentRole> role_in(std::string_view text) {
  const auto m = vocab::set("document_role").find(text);
  if (!m) return std::nullopt;
  return record::parse_document_role(m->meaning());
}

// A link to a file (a PDF, an office document) rather than a web page: by the URL's extension,
// or a printed file type in the title ("(pdf, 412 kB)").
bool is_file(std::string_view title, const std::string& path) {
  static constexpr std::string_view kTypes[] = {"pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx", "rtf", "csv", "zip"};
  const auto dot = path.rfind('.');
  if (dot != std::string::npos && dot > path.rfind('/')) {
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto t : kTypes)
      if (ext == t) return true;
  }
  const auto open = title.rfind('(');
  if (open == std::string_view::npos) return false;
  std::string inside(title.substr(open + 1));
  for (char& c : inside) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto t : kTypes)
    if (inside.rfind(t, 0) == 0 && (inside.size() == t.size() || !std::isalpha(static_cast<unsigned char>(inside[t.size()]))))
      return true;
  return false;
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

// A link of the site's chrome: social media, a furniture page, or the site's home or a
// breadcrumb (a same-site page whose path leads to this page's).
bool is_chrome_link(const std::string& title, const std::string& href, const HostPath& own) {
  const auto [host, path] = host_and_path(href);
  if (is_social_media(host)) return true;
  if (vocab::set("chrome_link").equals(title)) return true;
  if (host.empty() || host != own.host) return false;
  std::string dir = path;
  if (dir.back() != '/') dir.push_back('/');
  return own.path.size() > dir.size() && own.path.rfind(dir, 0) == 0;
}

}  // namespace

DocumentRole document_role(std::string_view title, std::string_view url) {
  const std::string path = host_and_path(url).path;
  auto role = role_in(title);
  if (!role) {
    // The URL's path only: the host says who published it, not what it is. Slug words keep
    // "fordelningslista" findable; only the vocabulary without å/ä/ö applies.
    std::string words = slugify(path);
    for (char& c : words)
      if (c == '-') c = ' ';
    role = role_in(words);
  }
  if (!role) return DocumentRole::other;
  // Instructions as a web page are general guidance; the call's own are a file.
  if (*role == DocumentRole::instructions && !is_file(title, path)) return DocumentRole::guidance;
  return *role;
}

std::vector<FoundDocument> find_documents(const Page& page) {
  std::vector<FoundDocument> out;
  std::set<std::string> seen;
  const HostPath own = host_and_path(own_url(page.document()));
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
