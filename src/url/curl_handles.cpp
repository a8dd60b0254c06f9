// libcurl's process-wide initialisation, done once before the first handle.
#include "url/curl_handles.h"

#include <mutex>

namespace bidrag::curl {

void ensure_global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init failed");
  });
}

}  // namespace bidrag::curl
