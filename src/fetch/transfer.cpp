// A single curl transfer: protocol limits, TLS, timeouts, decompression with a size cap,
// conditional headers, and the mapping of curl results to fetch outcomes and messages.
#include "fetch/transfer.h"

#include <ctime>

#include "fetch/retry.h"
#include "bidrag/url/url.h"

namespace bidrag::fetch::detail {

std::string format_seconds(long milliseconds) {
  return std::to_string(milliseconds / 1000) + "." + std::to_string((milliseconds % 1000) / 100) + " s";
}

Transfer::Transfer(const Policy& policy, const std::string& url, const Request& conditional, std::size_t max_body)
    : easy_(make_easy()),
      url_(url),
      max_body_(max_body),
      connect_timeout_ms_(policy.connect_timeout_ms),
      total_timeout_ms_(policy.total_timeout_ms) {
  CURL* e = easy_.get();
  curl_easy_setopt(e, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!policy.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, policy.ca_file.c_str());
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, policy.connect_timeout_ms);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, policy.total_timeout_ms);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, policy.user_agent.c_str());
  // curl decodes gzip/deflate; on_body counts the decoded bytes, which is what stops a bomb.
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  // Rejects early when Content-Length already says too much.
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_body));
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, error_);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(e, CURLOPT_PRIVATE, this);
  if (!conditional.if_none_match.empty()) headers_.append("If-None-Match: " + conditional.if_none_match);
  if (!conditional.if_modified_since.empty()) headers_.append("If-Modified-Since: " + conditional.if_modified_since);
  if (headers_.get() != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers_.get());
}

std::size_t Transfer::on_body(char* data, std::size_t size, std::size_t count, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  const std::size_t n = size * count;
  if (transfer->body_.size() + n > transfer->max_body_) {
    transfer->too_large_ = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  transfer->body_.append(data, n);
  return n;
}

std::string Transfer::header(const char* name) const {
  curl_header* h = nullptr;
  if (curl_easy_header(easy_.get(), name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || h == nullptr) return {};
  return h->value;
}

Outcome Transfer::finish(CURLcode code) {
  Outcome out;
  CURL* e = easy_.get();
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &out.status);
  const auto retry = [&](std::string reason) {
    out.kind = Outcome::Kind::retry;
    out.reason = std::move(reason);
    return out;
  };
  const auto fail = [&](std::string reason) {
    out.kind = Outcome::Kind::fail;
    out.reason = std::move(reason);
    return out;
  };
  const std::string detail = error_[0] != '\0' ? std::string(" (") + error_ + ")" : std::string();

  if (too_large_ || code == CURLE_FILESIZE_EXCEEDED) {
    // A huge error page is still an error status: say the status, not the size.
    if (out.status < 300) return fail("body larger than " + std::to_string(max_body_) + " bytes");
    code = CURLE_OK;
  }
  switch (code) {
    case CURLE_OK: break;
    case CURLE_OPERATION_TIMEDOUT: {
      curl_off_t connected = 0;
      curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &connected);
      if (connected == 0 && out.status == 0 && connect_timeout_ms_ < total_timeout_ms_) {
        return retry("could not connect within " + format_seconds(connect_timeout_ms_));
      }
      return retry("timed out after " + format_seconds(total_timeout_ms_));
    }
    case CURLE_PARTIAL_FILE: return retry("body shorter than its Content-Length");
    case CURLE_COULDNT_CONNECT: return retry("could not connect");
    case CURLE_GOT_NOTHING: return retry("empty reply from server");
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR: return retry("connection lost" + detail);
    case CURLE_COULDNT_RESOLVE_HOST: return fail("could not resolve host");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR: return fail("TLS failure" + detail);
    case CURLE_BAD_CONTENT_ENCODING: return fail("bad Content-Encoding" + detail);
    default: return fail(std::string(curl_easy_strerror(code)) + detail);
  }

  out.content_type = header("Content-Type");
  out.etag = header("ETag");
  out.last_modified = header("Last-Modified");
  if (out.status == 304) {
    out.kind = Outcome::Kind::not_modified;
    return out;
  }
  if (out.status >= 200 && out.status < 300) {
    out.kind = Outcome::Kind::ok;
    return out;
  }
  const std::string http = "HTTP " + std::to_string(out.status);
  if (out.status == 301 || out.status == 302 || out.status == 303 || out.status == 307 || out.status == 308) {
    const std::string location = header("Location");
    if (location.empty()) return fail(http + " without Location");
    auto target = url::resolve(url_, location);
    if (!target) return fail(http + " to a malformed Location: " + location);
    out.kind = Outcome::Kind::redirect;
    out.location = *target;
    return out;
  }
  if (retryable_status(out.status)) {
    out.retry_after = parse_retry_after(header("Retry-After"), std::time(nullptr));
    return retry(http);
  }
  return fail(http);
}

}  // namespace bidrag::fetch::detail
