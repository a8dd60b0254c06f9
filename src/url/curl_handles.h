// RAII owners for libcurl handles (CURL*, CURLM*, CURLU*, curl_slist*, strings libcurl allocates)
// and the one-time global init: the one copy, used by the URL module and by fetch.
#pragma once
#include <curl/curl.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace bidrag::curl {

struct EasyDeleter {
  void operator()(CURL* handle) const noexcept { curl_easy_cleanup(handle); }
};
struct MultiDeleter {
  void operator()(CURLM* handle) const noexcept { curl_multi_cleanup(handle); }
};
struct UrlDeleter {
  void operator()(CURLU* handle) const noexcept { curl_url_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
struct CurlFree {
  void operator()(char* text) const noexcept { curl_free(text); }
};

using Easy = std::unique_ptr<CURL, EasyDeleter>;
using Multi = std::unique_ptr<CURLM, MultiDeleter>;
using Url = std::unique_ptr<CURLU, UrlDeleter>;
using CurlString = std::unique_ptr<char, CurlFree>;

// curl_global_init is not thread-safe; every entry point calls this first.
void ensure_global_init();

// A header list that owns its nodes; append() keeps the list valid on allocation failure.
class Slist {
 public:
  void append(const std::string& line) {
    curl_slist* next = curl_slist_append(list_.get(), line.c_str());
    if (next == nullptr) throw std::bad_alloc();
    (void)list_.release();
    list_.reset(next);
  }
  [[nodiscard]] curl_slist* get() const noexcept { return list_.get(); }

 private:
  std::unique_ptr<curl_slist, SlistDeleter> list_;
};

[[nodiscard]] inline Easy make_easy() {
  ensure_global_init();
  Easy easy(curl_easy_init());
  if (!easy) throw std::runtime_error("curl_easy_init failed");
  return easy;
}

}  // namespace bidrag::curl
