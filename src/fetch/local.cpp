// Local reads for fetching: paths, file:// URLs and the URL-prefix → folder mirror.
#include "fetch/local.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fetch/sniff.h"
#include "bidrag/url/url.h"

namespace bidrag::fetch::detail {
namespace fs = std::filesystem;

std::optional<MirrorHit> mirror_lookup(const std::map<std::string, std::string>& mirror, const std::string& url) {
  const std::pair<const std::string, std::string>* best = nullptr;
  for (const auto& entry : mirror) {
    if (url.compare(0, entry.first.size(), entry.first) == 0 && (!best || entry.first.size() > best->first.size())) {
      best = &entry;
    }
  }
  if (best == nullptr) return std::nullopt;

  std::string rest = url.substr(best->first.size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  rest = url::unescape(rest);
  if (rest.empty() || rest.back() == '/') rest += "index.html";
  while (!rest.empty() && rest.front() == '/') rest.erase(0, 1);

  MirrorHit hit;
  for (const auto& segment : fs::path(rest)) {
    if (segment == "..") hit.refused = "path escapes the mirror folder";
  }
  hit.path = (fs::path(best->second) / rest).string();
  return hit;
}

bool is_file_url(std::string_view url) {
  constexpr std::string_view scheme = "file://";
  if (url.size() < scheme.size()) return false;
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
  }
  return true;
}

std::optional<std::string> file_url_path(const std::string& url) {
  // file://[host]/path (RFC 8089); curl's parser rejects other hosts outright, so split here.
  std::string_view rest = std::string_view(url).substr(7);
  const auto slash = rest.find('/');
  const std::string_view host = rest.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  if (slash == std::string_view::npos) return std::nullopt;
  rest = rest.substr(slash);
  return url::unescape(rest.substr(0, rest.find_first_of("?#")));
}

Response read_local(const std::string& source, const std::string& path, std::size_t max_bytes,
                    const std::string& missing) {
  Response response;
  response.url = source;
  response.final_url = source;
  response.attempts = 1;
  auto fail = [&](const std::string& reason) {
    response.error = source + ": " + reason;
    return response;
  };

  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) return fail(missing);
  if (fs::is_directory(status)) return fail("is a directory: " + path);
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) return fail("body larger than " + std::to_string(max_bytes) + " bytes");

  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read " + path + " (" + std::strerror(errno) + ")");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return fail("cannot read " + path);

  // A local file has no fetch time and no HTTP status; its type comes from its name and bytes.
  auto check = check_content_type(media_type_of_path(path), bytes.view());
  response.snapshot = make_snapshot(source, std::move(bytes).str(), std::move(check.content_type));
  if (check.note) response.notes.push_back(*check.note);
  return response;
}

namespace {

Response error_response(const std::string& url, const std::string& reason) {
  Response response;
  response.url = response.final_url = url;
  response.attempts = 1;
  response.error = url + ": " + reason;
  return response;
}

}  // namespace

std::optional<Response> read_without_network(const Policy& policy, const std::string& url) {
  if (auto hit = mirror_lookup(policy.mirror, url)) {
    if (hit->refused) return error_response(url, *hit->refused);
    // ".../page" saved by a crawler as ".../page/index.html".
    std::error_code ec;
    if (fs::is_directory(hit->path, ec)) hit->path += "/index.html";
    return read_local(url, hit->path, policy.max_body_bytes, "not found in mirror (no file " + hit->path + ")");
  }
  if (!url::has_scheme(url)) return read_local(url, url, policy.max_body_bytes, "no such file");
  if (is_file_url(url)) {
    auto path = file_url_path(url);
    if (!path) return error_response(url, "file:// URL names a remote host");
    return read_local(url, *path, policy.max_body_bytes, "no such file " + *path);
  }
  return std::nullopt;
}

}  // namespace bidrag::fetch::detail
