// One HTTP(S) exchange on a curl easy handle: its options, its body with a size cap, and what
// its result means (success, 304, redirect to follow, retry, failure).
#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "bidrag/fetch/fetch.h"
#include "url/curl_handles.h"

namespace bidrag::fetch::detail {

using curl::Easy, curl::Multi, curl::Slist, curl::make_easy, curl::ensure_global_init;

inline constexpr int kMaxRedirects = 5;

struct Outcome {
  enum class Kind { ok, not_modified, redirect, retry, fail };
  Kind kind = Kind::fail;
  long status = 0;       // HTTP status, 0 when there was no response
  std::string reason;    // retry and fail: "HTTP 503", "timed out after 1.0 s"
  std::string location;  // redirect: the absolute target
  std::optional<std::chrono::milliseconds> retry_after;
  std::string content_type, etag, last_modified;
};

class Transfer {
 public:
  // Redirects are not followed by curl: the caller checks each target's scheme and host.
  Transfer(const Policy& policy, const std::string& url, const Request& conditional, std::size_t max_body);
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  [[nodiscard]] CURL* handle() const noexcept { return easy_.get(); }
  // Classifies the finished transfer (code from CURLMSG_DONE).
  [[nodiscard]] Outcome finish(CURLcode code);
  // The decompressed body received.
  [[nodiscard]] std::string take_body() { return std::move(body_); }

 private:
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self);
  [[nodiscard]] std::string header(const char* name) const;

  Easy easy_;
  Slist headers_;
  std::string url_;
  std::string body_;
  std::size_t max_body_;
  long connect_timeout_ms_, total_timeout_ms_;
  bool too_large_ = false;
  char error_[CURL_ERROR_SIZE] = {};
};

// "1.0 s", "0.5 s", "60.0 s": how timeouts are named in messages.
[[nodiscard]] std::string format_seconds(long milliseconds);

}  // namespace bidrag::fetch::detail
