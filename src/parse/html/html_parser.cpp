// parse_html: decode, build the DOM, find the main content, and collect its blocks.
#include <pugixml.hpp>

#include "bidrag/common/error.h"
#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"
#include "bidrag/parse/limits.h"
#include "bidrag/parse/parse.h"
#include "parse/html/blocks.h"
#include "parse/html/dom.h"
#include "bidrag/url/url.h"

namespace bidrag::parse {
namespace {

std::size_t text_length(pugi::xml_node n) {
  std::size_t len = 0;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata) len += normalize::fold_spaces(c.value()).size();
    if (c.type() == pugi::node_element && !html::is_chrome(c)) len += text_length(c);
  }
  return len;
}

// The element holding the page's own content: <main>, role=main, the one <article>, a
// content id, else <body> (whose chrome — header, nav, footer, aside — is skipped anyway).
pugi::xml_node main_content(const pugi::xml_document& dom) {
  static constexpr const char* kCandidates[] = {
      "//main", "//*[@role='main']", "//article", "//*[@id='main-content']", "//*[@id='content']", "//*[@id='main']"};
  for (const char* query : kCandidates) {
    for (const pugi::xpath_node& hit : dom.select_nodes(query)) {
      pugi::xml_node n = hit.node();
      if (!html::is_chrome(n) && text_length(n) > 40) return n;
    }
  }
  pugi::xml_node body = dom.select_node("//body").node();
  return body ? body : dom.document_element();
}

std::string attr_of(const pugi::xml_document& dom, const char* query, const char* attr) {
  return dom.select_node(query).node().attribute(attr).value();
}

}  // namespace

doc::Document parse_html(const Snapshot& s) {
  doc::Document d;
  d.url = s.url;
  d.format = doc::Format::html;
  const std::string utf8 = normalize::decode_to_utf8(s.bytes, s.content_type);
  pugi::xml_document dom;
  if (const std::size_t flat = html::build_dom(utf8, dom); flat > 0)
    d.warnings.push_back(std::to_string(flat) + " elements nested deeper than " +
                         std::to_string(limits::kMaxDomDepth) + " were flattened into their ancestor (limit)");
  if (!dom.select_node("//body")) throw Error(s.url, "", "not an HTML document (no <body>)");

  d.title = normalize::fold_spaces(dom.select_node("//head/title").node().text().get());
  const std::string lang = attr_of(dom, "//html", "lang");
  if (!lang.empty()) d.meta["lang"] = lang;
  const std::string site_name = attr_of(dom, "//meta[@property='og:site_name']", "content");
  if (!site_name.empty()) d.meta["site_name"] = normalize::fold_spaces(site_name);

  // Base for relative links: <base href>, else the page's own http(s) URL, else (a saved file)
  // the canonical URL the page declares, else the file's URL.
  std::string canonical;
  for (const pugi::xpath_node& link : dom.select_nodes("//link[@href]")) {
    if (html::lower_attr(link.node(), "rel") == "canonical") {
      canonical = link.node().attribute("href").value();
      break;
    }
  }
  std::string base = url::is_http(s.url) ? s.url : (!canonical.empty() && url::is_http(canonical) ? canonical : s.url);
  if (!canonical.empty()) d.meta["canonical"] = url::resolve_href(base, canonical);
  const std::string base_href = attr_of(dom, "//base[@href]", "href");
  if (!base_href.empty()) base = url::resolve_href(base, base_href);

  html::collect_blocks(main_content(dom), base, d.blocks);
  // The page footer is chrome, but it is where many sites print when the page was published
  // ("Sidan publicerades 2024-05-20. Senast ändrad 2024-06-03."): the first footer text with a
  // publication label is kept for the extractor.
  // Bounded, whatever the page holds: the first 20 footers, their first 500 text nodes each, a
  // node up to 200 bytes.
  int footers = 0;
  for (const pugi::xpath_node& f : dom.select_nodes("//footer | //*[@role='contentinfo']")) {
    if (++footers > 20) break;
    int seen = 0;
    for (const pugi::xpath_node& t : f.node().select_nodes(".//text()")) {
      if (++seen > 500) break;
      const std::string_view own = t.node().value();
      if (own.size() > 200 || !vocab::set("published_label").in("published", own)) continue;
      // The text of the element the label stands in ("Publicerad: <time>3 mars 2025</time>").
      std::string text;
      for (pugi::xml_node part = t.node().parent().first_child(); part && text.size() < 200; part = part.next_sibling())
        (text += part.type() == pugi::node_pcdata ? part.value() : part.child_value()) += ' ';
      d.meta["footer_published"] = normalize::fold_spaces(text);
      break;
    }
    if (d.meta.count("footer_published")) break;
  }
  if (d.title.empty()) {
    for (const auto& b : d.blocks)
      if (b.kind == doc::BlockKind::heading) {
        d.title = b.text;
        break;
      }
  }
  return d;
}

}  // namespace bidrag::parse
