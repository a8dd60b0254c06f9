#include "bidrag/common/snapshot.h"

#include <chrono>
#include <ctime>

#include "bidrag/common/slug.h"

namespace bidrag {

Snapshot make_snapshot(std::string url, std::string bytes, std::string content_type,
                       std::optional<std::string> fetched_at) {
  Snapshot s;
  s.sha256 = sha256_hex(bytes);
  s.url = std::move(url);
  s.bytes = std::move(bytes);
  s.content_type = std::move(content_type);
  s.fetched_at = std::move(fetched_at);
  return s;
}

std::string now_rfc3339() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace bidrag
