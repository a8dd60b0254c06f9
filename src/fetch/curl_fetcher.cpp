// The libcurl fetcher: local sources read directly, network sources scheduled on one curl
// multi handle, concurrent across hosts and polite within one (concurrency, delay, robots.txt),
// with redirects checked hop by hop and retries with backoff.
#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include "bidrag/common/error.h"
#include "bidrag/common/log.h"
#include "bidrag/fetch/fetch.h"
#include "fetch/local.h"
#include "fetch/retry.h"
#include "fetch/robots.h"
#include "fetch/sniff.h"
#include "fetch/transfer.h"
#include "bidrag/url/url.h"

namespace bidrag::fetch {
namespace {

using namespace detail;
using Clock = std::chrono::steady_clock;

// robots.txt files larger than this are not worth reading (RFC 9309 asks for at least 500 KiB).
constexpr std::size_t kRobotsMaxBytes = 512 * 1024;

struct Job {
  bool robots = false;     // fetching an origin's robots.txt, not a requested document
  std::size_t index = 0;   // into the responses (documents)
  Request request;         // as requested
  std::string current;     // the URL this hop fetches (after redirects)
  url::Parts parts;          // of current
  std::string robots_origin;  // robots jobs: the origin whose rules this fetch decides
  int attempts = 0;
  int redirects = 0;
  Clock::time_point not_before{};
};

struct HostState {
  int active = 0;
  Clock::time_point next_start{};
};

struct RobotsEntry {
  bool ready = false;
  Robots rules;
  std::optional<std::string> failure;  // why robots.txt could not be read: nothing is fetched
};

class CurlFetcher final : public Fetcher {
 public:
  explicit CurlFetcher(Policy policy)
      : policy_(std::move(policy)), agent_(agent_token(policy_.user_agent)), rng_(std::random_device{}()) {
    ensure_global_init();
    multi_.reset(curl_multi_init());
    if (!multi_) throw std::runtime_error("curl_multi_init failed");
  }

  std::vector<Response> fetch_all(const std::vector<Request>& requests, const Progress& progress) override {
    responses_.assign(requests.size(), Response{});
    progress_ = &progress;
    // A throwing progress callback must not leave transfers behind for the next call.
    struct Abandon {
      CurlFetcher* self;
      ~Abandon() { self->abandon(); }
    } guard{this};
    std::vector<Job> pending;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      if (auto local = read_without_network(policy_, requests[i].url)) {
        responses_[i] = std::move(*local);
        report(i);
        continue;
      }
      Job job;
      job.index = i;
      job.request = requests[i];
      if (auto refused = aim(job, requests[i].url)) {
        fail(job, *refused, 0);
        continue;
      }
      pending.push_back(std::move(job));
    }
    run(pending);
    return std::move(responses_);
  }

  // Drops whatever is still in flight (only after an exception) and the progress hook.
  void abandon() noexcept {
    for (auto& [easy, active] : active_) {
      curl_multi_remove_handle(multi_.get(), easy);
      --hosts_[active.job.parts.host].active;
    }
    active_.clear();
    std::erase_if(robots_, [](const auto& entry) { return !entry.second.ready; });
    progress_ = nullptr;
  }

 private:
  // Points a job at `url`; the reason when that URL cannot be fetched over the network.
  static std::optional<std::string> aim(Job& job, const std::string& url) {
    auto parts = url::parse(url);
    if (!parts || parts->host.empty()) return "malformed URL";
    if (parts->scheme != "http" && parts->scheme != "https") {
      return "unsupported scheme " + parts->scheme + ":// (only http, https and file)";
    }
    job.current = url;
    job.parts = std::move(*parts);
    return std::nullopt;
  }

  void run(std::vector<Job>& pending) {
    while (!pending.empty() || !active_.empty()) {
      Clock::time_point wake = Clock::now() + std::chrono::seconds(1);
      pending = start_ready(std::move(pending), wake);
      if (pending.empty() && active_.empty()) break;  // the last jobs may end without a transfer

      int running = 0;
      curl_multi_perform(multi_.get(), &running);
      bool finished = false;
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        CURL* easy = msg->easy_handle;  // msg dies with remove_handle: copy first
        const CURLcode code = msg->data.result;
        curl_multi_remove_handle(multi_.get(), easy);
        auto node = active_.extract(easy);
        complete(std::move(node.mapped()), code, pending);
        finished = true;
      }
      if (finished) continue;  // freed slots may start waiting jobs now
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now());
      curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(std::clamp<long>(wait.count(), 0, 1000)), nullptr);
    }
  }

  std::vector<Job> start_ready(std::vector<Job> queue, Clock::time_point& wake) {
    std::vector<Job> waiting;
    const auto now = Clock::now();
    for (std::size_t i = 0; i < queue.size(); ++i) {  // index loop: robots jobs are appended
      Job job = std::move(queue[i]);
      if (job.not_before > now) {
        wake = std::min(wake, job.not_before);
        waiting.push_back(std::move(job));
        continue;
      }
      if (!job.robots && policy_.obey_robots) {
        const std::string origin = job.parts.origin();
        auto [entry, inserted] = robots_.try_emplace(origin);
        if (inserted) queue.push_back(robots_job(origin));
        if (!entry->second.ready) {
          waiting.push_back(std::move(job));
          continue;
        }
        if (entry->second.failure) {
          fail(job, "robots.txt unreachable (" + *entry->second.failure + ")", 0);
          continue;
        }
        if (!entry->second.rules.allowed(job.parts.path_query)) {
          fail(job, "disallowed by robots.txt", 0);
          continue;
        }
      }
      HostState& host = hosts_[job.parts.host];
      if (host.active >= std::max(1, policy_.per_host_concurrency)) {
        waiting.push_back(std::move(job));
        continue;
      }
      if (host.next_start > now) {
        wake = std::min(wake, host.next_start);
        waiting.push_back(std::move(job));
        continue;
      }
      ++host.active;
      host.next_start = now + std::chrono::milliseconds(policy_.per_host_delay_ms);
      const std::size_t cap = job.robots ? std::min(kRobotsMaxBytes, policy_.max_body_bytes) : policy_.max_body_bytes;
      auto transfer = std::make_unique<Transfer>(policy_, job.current, job.robots ? Request{} : job.request, cap);
      CURL* easy = transfer->handle();
      active_.emplace(easy, Active{std::move(transfer), std::move(job)});
      curl_multi_add_handle(multi_.get(), easy);
    }
    return waiting;
  }

  Job robots_job(const std::string& origin) const {
    Job job;
    job.robots = true;
    job.robots_origin = origin;
    (void)aim(job, origin + "/robots.txt");
    job.request.url = job.current;
    return job;
  }

  struct Active {
    std::unique_ptr<Transfer> transfer;
    Job job;
  };

  void complete(Active done, CURLcode code, std::vector<Job>& pending) {
    Job& job = done.job;
    HostState& host = hosts_[job.parts.host];
    --host.active;
    const auto now = Clock::now();
    host.next_start = std::max(host.next_start, now + std::chrono::milliseconds(policy_.per_host_delay_ms));

    Outcome out = done.transfer->finish(code);
    if (out.kind == Outcome::Kind::redirect) {
      if (++job.redirects > kMaxRedirects) {
        ++job.attempts;
        return finish_failed(job, "too many redirects (more than " + std::to_string(kMaxRedirects) + ")", out.status);
      }
      auto target = url::parse(out.location);
      if (target && target->scheme != "http" && target->scheme != "https") {
        ++job.attempts;
        return finish_failed(job, "redirect to " + target->scheme + ":// refused", out.status);
      }
      if (auto refused = aim(job, out.location)) {
        ++job.attempts;
        return finish_failed(job, "redirect to " + out.location + ": " + *refused, out.status);
      }
      job.not_before = now;
      pending.push_back(std::move(job));
      return;
    }
    ++job.attempts;
    if (out.kind == Outcome::Kind::retry && job.attempts <= policy_.retries) {
      std::uniform_real_distribution<double> unit(0.0, 1.0);
      const auto delay = out.retry_after ? *out.retry_after : backoff_delay(job.attempts, policy_.backoff_ms, unit(rng_));
      job.not_before = now + delay;
      log::debug(job.request.url + ": " + out.reason + ", retry " + std::to_string(job.attempts) + " of " +
                 std::to_string(policy_.retries) + " in " + format_seconds(static_cast<long>(delay.count())));
      pending.push_back(std::move(job));
      return;
    }
    if (out.kind == Outcome::Kind::retry || out.kind == Outcome::Kind::fail) {
      return finish_failed(job, out.reason, out.status);
    }
    if (job.robots) {
      RobotsEntry& entry = robots_[job.robots_origin];
      entry.ready = true;
      entry.rules = out.kind == Outcome::Kind::ok ? Robots::parse(done.transfer->take_body(), agent_) : Robots::allow_all();
      return;
    }
    Response& response = responses_[job.index];
    response.url = job.request.url;
    response.final_url = job.current;
    response.attempts = job.attempts;
    if (out.kind == Outcome::Kind::not_modified) {
      response.not_modified = true;
      response.snapshot.url = job.request.url;
      response.snapshot.fetched_at = now_rfc3339();
      response.snapshot.http_status = static_cast<int>(out.status);
      response.snapshot.etag = out.etag.empty() ? job.request.if_none_match : out.etag;
      response.snapshot.last_modified = out.last_modified.empty() ? job.request.if_modified_since : out.last_modified;
    } else {
      std::string body = done.transfer->take_body();
      auto check = check_content_type(out.content_type, body);
      response.snapshot = make_snapshot(job.request.url, std::move(body), std::move(check.content_type), now_rfc3339());
      response.snapshot.http_status = static_cast<int>(out.status);
      response.snapshot.etag = out.etag;
      response.snapshot.last_modified = out.last_modified;
      if (check.note) {
        log::debug(job.request.url + ": " + *check.note);
        response.notes.push_back(*check.note);
      }
    }
    report(job.index);
  }

  void finish_failed(const Job& job, const std::string& reason, long status) {
    if (!job.robots) return fail(job, reason, status);
    // A robots.txt that is missing or forbidden (4xx), or lost in redirects (a 3xx that could
    // not be followed), is "unavailable" and allows everything (RFC 9309 2.3.1.2-3); one that
    // cannot be read (5xx, network) is "unreachable" and forbids everything for this run.
    RobotsEntry& entry = robots_[job.robots_origin];
    entry.ready = true;
    if (status >= 300 && status < 500) {
      entry.rules = Robots::allow_all();
    } else {
      entry.failure = reason;
    }
  }

  void fail(const Job& job, const std::string& reason, long status) {
    Response& response = responses_[job.index];
    response.url = job.request.url;
    response.final_url = job.current.empty() ? job.request.url : job.current;
    response.attempts = job.attempts;  // 0 when nothing was sent (robots.txt, bad URL)
    response.snapshot.url = job.request.url;
    response.snapshot.http_status = static_cast<int>(status);
    response.error = job.request.url + ": " + reason;
    report(job.index);
  }

  void report(std::size_t index) {
    if (progress_ != nullptr && *progress_) (*progress_)(responses_[index]);
  }

  Policy policy_;
  std::string agent_;
  std::mt19937_64 rng_;
  Multi multi_;
  std::map<std::string, HostState> hosts_;      // by host name: politeness spans ports
  std::map<std::string, RobotsEntry> robots_;   // by origin, for the fetcher's lifetime (a run)
  std::map<CURL*, Active> active_;
  std::vector<Response> responses_;
  const Progress* progress_ = nullptr;
};

}  // namespace

std::unique_ptr<Fetcher> make_curl_fetcher(const Policy& policy) { return std::make_unique<CurlFetcher>(policy); }

Snapshot fetch_one(const std::string& url_or_path, const Policy& policy) {
  auto fetcher = make_curl_fetcher(policy);
  Response response = fetcher->fetch_all({Request{url_or_path, {}, {}}}).front();
  if (response.error) {
    const std::string prefix = url_or_path + ": ";
    std::string reason = *response.error;
    if (reason.compare(0, prefix.size(), prefix) == 0) reason.erase(0, prefix.size());
    throw Error(url_or_path, "", reason);
  }
  return std::move(response.snapshot);
}

}  // namespace bidrag::fetch
