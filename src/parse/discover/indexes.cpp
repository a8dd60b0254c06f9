// Sitemaps (sitemaps.org 0.9, plain, index, gzipped) and feeds (RSS 2.0, Atom 1.0) with
// pugixml. Element names are matched without their namespace prefix, as publishers spell the
// namespaces in many ways.
#include <zlib.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

#include "bidrag/common/error.h"
#include "bidrag/parse/discover.h"
#include "bidrag/url/url.h"

namespace bidrag::parse::discover {
namespace {

std::string_view local_name(pugi::xml_node n) {
  std::string_view name = n.name();
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// All text below n (CDATA included), in document order. A walk, not a recursion: the nesting
// is the publisher's (a hostile sitemap can nest elements a million deep).
std::string text_of(pugi::xml_node n) {
  std::string out;
  pugi::xml_node c = n.first_child();
  while (c) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    if (c.type() == pugi::node_element && c.first_child()) {
      c = c.first_child();
      continue;
    }
    while (c != n && !c.next_sibling()) c = c.parent();
    if (c == n) break;
    c = c.next_sibling();
  }
  return trimmed(out);
}

// An absolute http(s) URL without its fragment, resolved against `base`; "" for anything else.
std::string page_url(const std::string& base, const std::string& ref) {
  if (ref.empty()) return {};
  std::string u = url::resolve_href(base, ref);
  if (const auto hash = u.find('#'); hash != std::string::npos) u.erase(hash);
  return url::is_http(u) ? u : std::string();
}

bool gzipped(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b;
}

// The line of byte `offset`, for messages.
std::string line_of(std::string_view text, std::ptrdiff_t offset) {
  const auto end = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size())));
  return "line " + std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

// The XML of `s`, unpacked when gzipped, parsed into `doc`; its root element.
pugi::xml_node load(const Snapshot& s, std::size_t max_bytes, pugi::xml_document& doc, std::string& text) {
  text = gzipped(s.bytes) ? gunzip(s.bytes, max_bytes, s.url) : s.bytes;
  const pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
  if (!r) throw Error(s.url, line_of(text, r.offset), std::string("not well-formed XML: ") + r.description());
  return doc.document_element();
}

}  // namespace

std::string gunzip(std::string_view bytes, std::size_t max_bytes, const std::string& source) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw Error(source, "", "cannot start gzip decoding");
  std::string out;
  char buf[64 * 1024];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  int rc = Z_OK;
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&z);
      throw Error(source, "", "gzip data unpacks to more than " + std::to_string(max_bytes) + " bytes (limit)");
    }
    if (rc == Z_STREAM_END) {
      if (z.avail_in == 0) break;
      if (inflateReset(&z) != Z_OK) break;  // another gzip member follows
    } else if (z.avail_in == 0 && z.avail_out != 0) {
      rc = Z_BUF_ERROR;  // the input ended inside a member
      break;
    }
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END)
    throw Error(source, "byte " + std::to_string(z.total_in), std::string("broken gzip data: ") + (z.msg ? z.msg : "truncated"));
  return out;
}

Sitemap parse_sitemap(const Snapshot& s, std::size_t max_bytes) {
  pugi::xml_document doc;
  std::string text;
  const pugi::xml_node root = load(s, max_bytes, doc, text);
  Sitemap out;
  const std::string_view kind = local_name(root);
  if (kind != "urlset" && kind != "sitemapindex")
    throw Error(s.url, "", "not a sitemap (the root element is <" + std::string(root.name()) +
                               ">, expected <urlset> or <sitemapindex>)");
  out.index = kind == "sitemapindex";
  const std::string_view item = out.index ? "sitemap" : "url";
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element || local_name(n) != item) continue;
    Found f;
    f.url = page_url(s.url, text_of(child(n, "loc")));
    if (f.url.empty()) continue;
    if (const auto t = utc_time(text_of(child(n, "lastmod")))) f.lastmod = *t;
    out.entries.push_back(std::move(f));
  }
  return out;
}

std::vector<Found> parse_feed(const Snapshot& s, std::size_t max_bytes) {
  pugi::xml_document doc;
  std::string text;
  const pugi::xml_node root = load(s, max_bytes, doc, text);
  std::vector<Found> out;
  const std::string_view kind = local_name(root);
  if (kind == "rss") {
    const pugi::xml_node channel = child(root, "channel");
    for (pugi::xml_node n = channel.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element || local_name(n) != "item") continue;
      Found f;
      f.url = page_url(s.url, text_of(child(n, "link")));
      // A permalink guid stands in for a missing <link>.
      const pugi::xml_node guid = child(n, "guid");
      if (f.url.empty() && guid && std::strcmp(guid.attribute("isPermaLink").as_string("true"), "false") != 0)
        f.url = page_url(s.url, text_of(guid));
      if (f.url.empty()) continue;
      if (const auto t = utc_time(text_of(child(n, "pubDate")))) f.lastmod = *t;
      out.push_back(std::move(f));
    }
    return out;
  }
  if (kind == "feed") {
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element || local_name(n) != "entry") continue;
      Found f;
      for (pugi::xml_node l = n.first_child(); l && f.url.empty(); l = l.next_sibling()) {
        if (l.type() != pugi::node_element || local_name(l) != "link") continue;
        const std::string_view rel = l.attribute("rel").as_string("alternate");
        if (rel == "alternate") f.url = page_url(s.url, l.attribute("href").as_string());
      }
      if (f.url.empty()) continue;
      pugi::xml_node updated = child(n, "updated");
      if (!updated) updated = child(n, "published");
      if (const auto t = utc_time(text_of(updated))) f.lastmod = *t;
      out.push_back(std::move(f));
    }
    return out;
  }
  throw Error(s.url, "", "not a feed (the root element is <" + std::string(root.name()) + ">, expected <rss> or <feed>)");
}

}  // namespace bidrag::parse::discover
