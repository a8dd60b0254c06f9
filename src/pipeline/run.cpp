// The run loop: rounds of fetches, one transaction per document, unchanged documents answered
// from the store, linked documents (by role) queued behind their announcement.
#include "bidrag/pipeline/run.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

#include "bidrag/common/log.h"
#include "bidrag/record/ids.h"

namespace bidrag::pipeline {
namespace {

struct Item {
  std::string url;
  extract::Context context;
  bool followed = false;  // reached through a link: its own links are not followed
};

// The document links among a document's fresh records.
std::vector<record::DocumentRef> links_in(const std::vector<record::Record>& records) {
  std::vector<record::DocumentRef> out;
  for (const auto& r : records)
    if (const auto* d = std::get_if<record::DocumentRef>(&r)) out.push_back(*d);
  return out;
}

record::ErrorRecord fetch_error(const std::string& url, const std::string& message, const std::string& at) {
  record::Source source;
  source.url = url;
  source.fetched_at = at;
  return record::make_error(url, record::ErrorStage::fetch, message, std::move(source));
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
      Item item{s.url, {}, s.kind == "allocation_list"};
      item.context.call_id = s.call_id;
      enqueue(std::move(item));
    }
    while (!queue_.empty() && !result_.stopped) {
      std::vector<Item> round;
      while (!queue_.empty() && round.size() < std::max<std::size_t>(1, options_.batch)) {
        round.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      std::vector<std::optional<store::Remembered>> known;
      std::vector<fetch::Request> requests;
      for (const auto& item : round) {
        known.push_back(memory_ ? memory_->remembered(item.url) : std::nullopt);
        requests.push_back(request_for(item.url, known.back()));
      }
      const auto responses = fetcher_.fetch_all(requests);
      // The round's unchanged documents are noted in one transaction (a touch also closes the
      // error an earlier failed attempt left), before their current records are read below.
      std::vector<bool> unchanged(round.size(), false);
      std::vector<Snapshot> seen;
      for (std::size_t i = 0; i < round.size(); ++i) {
        const auto& response = responses.at(i);
        if (!memory_ || response.error) continue;
        unchanged[i] = response.not_modified || (known[i] && known[i]->sha256 == response.snapshot.sha256);
        if (unchanged[i]) seen.push_back(captured(round[i], response));
      }
      if (!seen.empty()) memory_->touch(seen);
      for (std::size_t i = 0; i < round.size() && !result_.stopped; ++i) process(round[i], responses.at(i), unchanged[i]);
    }
    return std::move(result_);
  }

 private:
  void enqueue(Item item) {
    if (!queued_.insert(item.url).second) return;  // each URL once per run
    queue_.push_back(std::move(item));
    ++progress_.total;
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

  void process(const Item& item, const fetch::Response& response, bool unchanged) {
    std::vector<std::string> lines;
    std::vector<record::DocumentRef> links;  // the document's links, from records or the store
    bool failed = false;
    if (response.error) {
      const auto e = fetch_error(item.url, *response.error, now_rfc3339());
      Snapshot nothing;  // no bytes: the sinks add the error and retire nothing
      nothing.url = item.url;
      nothing.fetched_at = e.source.fetched_at;
      nothing.http_status = response.snapshot.http_status;
      for (auto* sink : sinks_) sink->put(nothing, {e});
      lines.push_back(record::to_json(e));
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
    if (failed) {
      ++result_.failed;
      ++progress_.failed;
      log::debug(item.url + ": failed");
      if (options_.stop_on_error) result_.stopped = true;
    }
    // A followed document's own links are not followed (links is empty for it).
    for (const auto& link : links) {
      if (std::find(pipeline_.follow.begin(), pipeline_.follow.end(), link.role) == pipeline_.follow.end()) continue;
      Item next{link.url, {}, true};
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
  std::set<std::string> queued_;
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
  if (r.stopped) s += " (stopped at the first failure)";
  return s;
}

}  // namespace bidrag::pipeline
