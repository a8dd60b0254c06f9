// Discovery: the pages a site lists, read from its own indexes rather than named by hand. An
// agency's list of calls (HTML, with its pagination), a sitemap (plain, index, gzipped) and a
// feed (RSS 2.0, Atom) each become absolute http(s) URLs, with the time a page last changed
// where the index states it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bidrag/common/snapshot.h"

namespace bidrag::parse::discover {

struct Found {
  std::string url;      // absolute http(s), without a #fragment
  std::string lastmod;  // RFC 3339 UTC ("2023-02-24T09:00:00Z") when stated and readable, else ""
};

struct Sitemap {
  bool index = false;          // a sitemap index: `entries` are further sitemaps
  std::vector<Found> entries;  // <url> (or <sitemap>) in document order
};

struct Listing {
  std::vector<Found> links;         // every <a href> to an http(s) page, first occurrence, in order
  std::optional<std::string> next;  // the next page of the list, when the page has one
};

// A sitemap or sitemap index (sitemaps.org 0.9). Gzipped bytes (a .xml.gz file) are unpacked
// first, up to `max_bytes`. Throws bidrag::Error naming the source (and the line) when the bytes
// are not XML, not a sitemap, or unpack to more than `max_bytes`.
[[nodiscard]] Sitemap parse_sitemap(const Snapshot& s, std::size_t max_bytes);

// An RSS 2.0 or Atom feed: each item's (entry's) page and its update time (Atom <updated>,
// RSS <pubDate>). Throws bidrag::Error as parse_sitemap does.
[[nodiscard]] std::vector<Found> parse_feed(const Snapshot& s, std::size_t max_bytes);

// An HTML list page: its links, resolved against the page (or its <base href>), and its next
// page, found in this order: a link or <link> with rel=next; a link whose text (or aria-label)
// is a "next page" cue of the vocabulary (set `pagination`); the link to the same path with the
// smallest ?page=N above this page's own N (0 when absent).
[[nodiscard]] Listing parse_listing(const Snapshot& s);

// The bytes of a gzip stream (several members allowed), at most `max_bytes` of them; throws
// bidrag::Error naming `source` when the stream is broken or larger.
[[nodiscard]] std::string gunzip(std::string_view bytes, std::size_t max_bytes, const std::string& source);

// A W3C datetime (sitemaps, Atom: "2023-02-24", "2023-02-24T10:00:00+01:00", fractions allowed)
// or an RFC 822 date (RSS: "Fri, 24 Feb 2023 10:00:00 +0100") as RFC 3339 UTC. A date without a
// time stands for the whole day and becomes the end of that day (the next midnight, UTC), so a
// capture made on that day still counts as older. nullopt when unreadable.
[[nodiscard]] std::optional<std::string> utc_time(std::string_view text);

}  // namespace bidrag::parse::discover
