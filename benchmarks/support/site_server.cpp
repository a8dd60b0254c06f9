// A static site on loopback for scripts/bench-run: serves a folder over HTTP/1.1 with
// keep-alive, ETag and Last-Modified, and answers conditional requests with 304, the way a
// real web server (nginx, IIS) serves an agency's pages. Files are read once and kept in
// memory, so the server costs next to nothing beside the client it serves.
//
// Usage: bench_site_server DIR [PORT]
//   Binds 127.0.0.1 on PORT (default: a free one), prints "PORT\n" on stdout once it accepts connections,
//   and serves until killed. "/a/" serves DIR/a/index.html.
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct File {
  std::string body, type, etag, last_modified;
};

std::string http_date(std::time_t t) {
  char buf[64];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::string type_of(const fs::path& p) {
  const auto ext = p.extension().string();
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

class Site {
 public:
  explicit Site(fs::path root) : root_(std::move(root)) {}

  // The file for a request path, read on first use; nullptr when there is none.
  const File* find(const std::string& path) {
    std::lock_guard lock(mutex_);
    if (const auto it = cache_.find(path); it != cache_.end()) return &it->second;
    if (path.find("..") != std::string::npos) return nullptr;
    fs::path p = root_ / path.substr(1);
    if (path.back() == '/') p /= "index.html";
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return nullptr;
    std::ifstream in(p, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    File f;
    f.body = bytes.str();
    f.type = type_of(p);
    const auto mtime = fs::last_write_time(p, ec).time_since_epoch().count();
    f.etag = '"';  // built in steps: GCC 12 warns (-Wrestrict) on "\"" + std::string&&
    f.etag += std::to_string(f.body.size()) + "-" + std::to_string(mtime) + '"';
    f.last_modified = http_date(std::time(nullptr) - 3600);
    return &cache_.emplace(path, std::move(f)).first->second;
  }

 private:
  fs::path root_;
  std::mutex mutex_;
  std::map<std::string, File> cache_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: bench_site_server DIR [PORT]\n";
    return 2;
  }
  Site site(argv[1]);
  httplib::Server server;
  server.set_keep_alive_max_count(1'000'000);
  server.set_tcp_nodelay(true);  // no Nagle delay between the headers and the body
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    const File* f = site.find(req.path);
    if (!f) {
      res.status = 404;
      return;
    }
    res.set_header("ETag", f->etag);
    res.set_header("Last-Modified", f->last_modified);
    if (req.get_header_value("If-None-Match") == f->etag ||
        (!req.has_header("If-None-Match") && req.get_header_value("If-Modified-Since") == f->last_modified)) {
      res.status = 304;
      return;
    }
    res.set_content(f->body, f->type.c_str());
  });
  int port = argc == 3 ? std::atoi(argv[2]) : 0;
  if (port > 0 ? !server.bind_to_port("127.0.0.1", port) : (port = server.bind_to_any_port("127.0.0.1")) <= 0) {
    std::cerr << "bench_site_server: cannot bind 127.0.0.1\n";
    return 1;
  }
  std::cout << port << std::endl;
  return server.listen_after_bind() ? 0 : 1;
}
