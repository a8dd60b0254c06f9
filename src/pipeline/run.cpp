// The run loop: rounds of fetches, one transaction per document, unchanged documents answered
// from the store, linked documents (by role) queued behind their announcement.
#include "bidrag/pipeline/run.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "bidrag/common/error.h"
#include "bidrag/common/log.h"
#include "bidrag/parse/discover.h"
#include "bidrag/record/ids.h"

namespace bidrag::pipeline {
namespace {

// What a queued URL is to the run: a page to extract, or a page that finds pages.
enum class Role { page, listing, sitemap, feed };

Role role_of(const std::string& kind) {
  if (kind == "listing") return Role::listing;
  if (kind == "sitemap") return Role::sitemap;
  if (kind == "feed") return Role::feed;
  return Role::page;
}

struct Item {
  std::string url;
  extract::Context context;
  bool followed = false;  // reached through a link: its own links are not followed
  Role role = Role::page;
  const Source* source = nullptr;  // discovery: the source that found the page (or is this list)
  bool discovered = false;         // a page found by a listing, sitemap or feed
  std::string lastmod;             // when the sitemap or feed says the page last changed (UTC)
};

// The document links among a document's fresh records.
std::vector<record::DocumentRef> links_in(const std::vector<record::Record>& records) {
  std::vector<record::DocumentRef> out;
  for (const auto& r : records)
    if (const auto* d = std::get_if<record::DocumentRef>(&r)) out.push_back(*d);
  return out;
}

class Runner {
 public:
  Runner(const Pipeline& p, fetch::Fetcher& f, const std::vector<store::Sink*>& sinks, store::Memory* memory,
         const RunOptions& o)
      : pipeline_(p), fetcher_(f), sinks_(sinks), memory_(memory), options_(o) {
    extractor_ = o.extractor ? o.extractor : Extractor(&extract::extract);
  }

  RunResult run() {
    for (const auto& s : pipeline_.sources) {
      Item item;
      item.url = s.url;
      item.followed = s.kind == "allocation_list";
      item.context.call_id = s.call_id;
      item.role = role_of(s.kind);
      item.source = &s;
      if (item.role != Role::page) ++lists_read_[&s];
      enqueue(std::move(item));
    }
    while (!queue_.empty() && !result_.stopped) {
      std::vector<Item> round;
      while (!queue_.empty() && round.size() < std::max<std::size_t>(1, options_.batch)) {
        round.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      // Lists are read afresh every run; a page is asked for conditionally, and a discovered page
      // whose sitemap or feed date is older than the last capture is not asked for at all.
      std::vector<std::optional<store::Remembered>> known;
      std::vector<fetch::Request> requests;
      std::vector<bool> skipped(round.size(), false);
      for (std::size_t i = 0; i < round.size(); ++i) {
        const Item& item = round[i];
        known.push_back(memory_ ? memory_->remembered(item.url) : std::nullopt);
        skipped[i] = item.discovered && known.back() && !item.lastmod.empty() && known.back()->fetched_at >= item.lastmod;
        if (!skipped[i]) requests.push_back(request_for(item.url, item.role == Role::page ? known.back() : std::nullopt));
      }
      auto fetched = fetcher_.fetch_all(requests);
      std::vector<fetch::Response> responses(round.size());
      for (std::size_t i = 0, next = 0; i < round.size(); ++i)
        if (!skipped[i]) responses[i] = std::move(fetched.at(next++));
      // The round's unchanged documents are noted in one transaction (a touch also closes the
      // error an earlier failed attempt left), before their current records are read below.
      std::vector<bool> unchanged(round.size(), false);
      std::vector<Snapshot> seen;
      for (std::size_t i = 0; i < round.size(); ++i) {
        const auto& response = responses[i];
        if (!memory_ || skipped[i] || response.error || round[i].role != Role::page) continue;
        unchanged[i] = response.not_modified || (known[i] && known[i]->sha256 == response.snapshot.sha256);
        if (unchanged[i]) seen.push_back(captured(round[i], response));
      }
      if (!seen.empty()) memory_->touch(seen);
      for (std::size_t i = 0; i < round.size() && !result_.stopped; ++i) {
        if (round[i].role != Role::page)
          discover(round[i], responses[i], known[i]);
        else
          process(round[i], responses[i], skipped[i] || unchanged[i], known[i]);
      }
    }
    return std::move(result_);
  }

 private:
  // Each URL once per run as a page, and once as a list (a list that links back to an earlier
  // page of itself ends there).
  bool enqueue(Item item) {
    auto& queued = item.role == Role::page ? queued_ : lists_;
    if (!queued.insert(item.url).second) return false;
    queue_.push_back(std::move(item));
    ++progress_.total;
    return true;
  }

  // A fetch that failed or a list that could not be read: one error record, stored by every sink
  // without bytes (so nothing the URL stated before is retired).
  std::vector<std::string> failure(const Item& item, record::ErrorStage stage, const std::string& message,
                                   int http_status) {
    record::Source source;
    source.url = item.url;
    source.fetched_at = now_rfc3339();
    const auto e = record::make_error(item.url, stage, message, std::move(source));
    Snapshot nothing;  // no bytes: the sinks add the error and retire nothing
    nothing.url = item.url;
    nothing.fetched_at = e.source.fetched_at;
    nothing.http_status = http_status;
    for (auto* sink : sinks_) sink->put(nothing, {e});
    return {record::to_json(e)};
  }

  void count_failure(const Item& item) {
    ++result_.failed;
    ++progress_.failed;
    log::debug(item.url + ": failed");
    if (options_.stop_on_error) result_.stopped = true;
  }

  // A listing, sitemap or feed: the pages it names (as its source's patterns choose) join the
  // queue, and so do its next page or its child sitemaps, up to the source's max_pages.
  void discover(const Item& item, const fetch::Response& response, const std::optional<store::Remembered>& known) {
    ++result_.lists;
    std::vector<std::string> lines;
    if (response.error) {
      lines = failure(item, record::ErrorStage::fetch, *response.error, response.snapshot.http_status);
    } else {
      const Snapshot snapshot = captured(item, response);
      result_.bytes += snapshot.bytes.size();
      progress_.bytes += snapshot.bytes.size();
      const Source& source = *item.source;
      const std::size_t max_bytes = pipeline_.policy.max_body_bytes;
      auto more_lists = [&](const std::string& u) {
        if (lists_read_[&source] >= source.max_pages || lists_.count(u)) return;
        Item next;
        next.url = u;
        next.role = item.role;
        next.source = &source;
        if (enqueue(std::move(next))) ++lists_read_[&source];
      };
      auto page = [&](const parse::discover::Found& f) {
        if (lists_.count(f.url) || !source.wanted(f.url)) return;
        Item next;
        next.url = f.url;
        next.source = &source;
        next.discovered = true;
        next.lastmod = f.lastmod;
        if (enqueue(std::move(next))) ++result_.discovered;
      };
      try {
        if (item.role == Role::listing) {
          const auto listing = parse::discover::parse_listing(snapshot);
          if (listing.next) more_lists(*listing.next);
          for (const auto& f : listing.links) page(f);
        } else if (item.role == Role::sitemap) {
          const auto sitemap = parse::discover::parse_sitemap(snapshot, max_bytes);
          for (const auto& f : sitemap.entries) sitemap.index ? more_lists(f.url) : page(f);
        } else {
          for (const auto& f : parse::discover::parse_feed(snapshot, max_bytes)) page(f);
        }
        // The list's capture is kept when it changed (no records), so its history is in the store;
        // either way an error an earlier failed attempt left is retired.
        if (known && known->sha256 == snapshot.sha256)
          memory_->touch({snapshot});
        else
          for (std::size_t s = sinks_.size(); s-- > 0;) sinks_[s]->put(snapshot, {});
      } catch (const Error& e) {
        lines = failure(item, record::ErrorStage::parse, e.what(), snapshot.http_status);
      }
    }
    if (!lines.empty()) count_failure(item);
    ++progress_.done;
    result_.lines.insert(result_.lines.end(), lines.begin(), lines.end());
    if (options_.progress) options_.progress(progress_);
  }

  static fetch::Request request_for(const std::string& url, const std::optional<store::Remembered>& known) {
    fetch::Request r{url, {}, {}};
    if (known) {
      r.if_none_match = known->etag;
      r.if_modified_since = known->last_modified;
    }
    return r;
  }

  // The snapshot of a successful fetch, under the URL that was requested (history is kept per
  // requested URL, whatever the redirects).
  static Snapshot captured(const Item& item, const fetch::Response& response) {
    Snapshot snapshot = response.snapshot;
    snapshot.url = item.url;
    if (!snapshot.fetched_at) snapshot.fetched_at = now_rfc3339();
    return snapshot;
  }

  // `unchanged`: answered 304, with the same SHA-256, or not asked for (its sitemap or feed
  // date is older than the last capture, `response` is then empty).
  void process(const Item& item, const fetch::Response& response, bool unchanged,
               const std::optional<store::Remembered>& known) {
    std::vector<std::string> lines;
    std::vector<record::DocumentRef> links;  // the document's links, from records or the store
    bool failed = false;
    if (unchanged && known && known->not_a_call) {
      ++result_.not_calls;  // remembered as not a call and unchanged: nothing to extract or report
      log::debug(item.url + ": not a call, unchanged");
    } else if (unchanged && !response.not_modified && response.snapshot.sha256.empty()) {
      lines = memory_->current_records_of(item.url);  // not fetched: the sitemap says it is older
      if (!item.followed) links = memory_->current_links_of(item.url);
      ++result_.unchanged;
      log::debug(item.url + ": unchanged since " + item.lastmod);
    } else if (response.error) {
      lines = failure(item, record::ErrorStage::fetch, *response.error, response.snapshot.http_status);
      failed = true;
    } else {
      const Snapshot snapshot = captured(item, response);
      result_.bytes += snapshot.bytes.size();
      progress_.bytes += snapshot.bytes.size();
      if (unchanged) {  // already touched with its round
        lines = memory_->current_records_of(item.url);
        if (!item.followed) links = memory_->current_links_of(item.url);
        ++result_.unchanged;
        log::debug(item.url + ": unchanged");
      } else {
        const auto records = extract_isolated(extractor_, snapshot, item.context, options_.isolation);
        if (item.discovered && extract::holds_no_call(records, snapshot.url)) {
          for (std::size_t s = sinks_.size(); s-- > 0;) sinks_[s]->put_not_a_call(snapshot);
          ++result_.not_calls;
          log::debug(item.url + ": not a call");
          finish({}, {});
          return;
        }
        // The first sink is the store that remembers what was seen (validators, SHA-256); it is
        // written last, so when another sink fails the document is not remembered and the next
        // run extracts and loads it again instead of skipping it as unchanged.
        store::PutResult put;
        for (std::size_t s = sinks_.size(); s-- > 0;) {
          const auto r = sinks_[s]->put(snapshot, records);
          if (s == 0) put = r;
        }
        for (const auto& r : records) {
          failed |= std::holds_alternative<record::ErrorRecord>(r);
          lines.push_back(record::to_json(r));
        }
        if (!item.followed) links = links_in(records);
        if (!failed) ++(sinks_.empty() || put.added + put.closed > 0 ? result_.changed : result_.unchanged);
      }
    }
    if (failed) count_failure(item);
    finish(std::move(lines), links);
  }

  // `links`: the document's own links (none for a followed document: its links are not followed).
  void finish(std::vector<std::string> lines, const std::vector<record::DocumentRef>& links) {
    for (const auto& link : links) {
      if (std::find(pipeline_.follow.begin(), pipeline_.follow.end(), link.role) == pipeline_.follow.end()) continue;
      Item next;
      next.url = link.url;
      next.followed = true;
      if (!link.call_id.empty()) next.context.call_id = link.call_id;
      enqueue(std::move(next));
    }
    ++result_.documents;
    ++progress_.done;
    result_.lines.insert(result_.lines.end(), lines.begin(), lines.end());
    if (options_.progress) options_.progress(progress_);
  }

  const Pipeline& pipeline_;
  fetch::Fetcher& fetcher_;
  const std::vector<store::Sink*>& sinks_;
  store::Memory* memory_;
  const RunOptions& options_;
  Extractor extractor_;
  std::deque<Item> queue_;
  std::set<std::string> queued_, lists_;            // pages and lists queued in this run
  std::map<const Source*, int> lists_read_;         // list pages (or sitemap files) per source
  Progress progress_;
  RunResult result_;
};

}  // namespace

RunResult run(const Pipeline& pipeline, fetch::Fetcher& fetcher, const std::vector<store::Sink*>& sinks,
              store::Memory* memory, const RunOptions& options) {
  return Runner(pipeline, fetcher, sinks, memory, options).run();
}

std::string summary(const RunResult& r) {
  auto n = [](std::size_t v, const char* one, const char* many) {
    return std::to_string(v) + " " + (v == 1 ? one : many);
  };
  std::string s = n(r.documents, "document", "documents") + ", " + std::to_string(r.changed) + " changed, " +
                  std::to_string(r.unchanged) + " unchanged, " + std::to_string(r.failed) + " failed";
  if (r.lists > 0 || r.not_calls > 0)
    s += "; " + n(r.lists, "list page", "list pages") + " read, " + n(r.discovered, "page", "pages") + " found, " +
         std::to_string(r.not_calls) + " not calls";
  if (r.stopped) s += " (stopped at the first failure)";
  return s;
}

}  // namespace bidrag::pipeline
