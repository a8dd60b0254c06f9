// Sources read without the network: local paths, file:// URLs and mirrored URL prefixes.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "bidrag/fetch/fetch.h"

namespace bidrag::fetch::detail {

struct MirrorHit {
  std::string path;                   // the local file the URL maps to
  std::optional<std::string> refused; // why the URL cannot map ("path escapes the mirror folder")
};

// The longest prefix of `mirror` that starts `url` maps it to a file: "https://h/a/b%20c.pdf"
// with {"https://h/": "fixtures/site"} → "fixtures/site/a/b c.pdf" (query and fragment dropped,
// a trailing '/' reads index.html). nullopt when no prefix matches.
[[nodiscard]] std::optional<MirrorHit> mirror_lookup(const std::map<std::string, std::string>& mirror,
                                                     const std::string& url);

// "file://…" in any letter case.
[[nodiscard]] bool is_file_url(std::string_view url);

// The path of a file:// URL (percent-decoded); nullopt when it names another host.
[[nodiscard]] std::optional<std::string> file_url_path(const std::string& url);

// Reads `path` into a Response for `source` (the URL or path as requested). `missing` is the
// reason used when the file does not exist. Never throws for the file's own problems.
[[nodiscard]] Response read_local(const std::string& source, const std::string& path, std::size_t max_bytes,
                                  const std::string& missing);

// Mirrored prefixes (Policy::mirror), local paths and file:// URLs; nullopt for a URL that
// needs the network.
[[nodiscard]] std::optional<Response> read_without_network(const Policy& policy, const std::string& url);

}  // namespace bidrag::fetch::detail
