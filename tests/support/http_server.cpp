// A loopback HTTP server for integration tests: cpp-httplib behind a small recording facade.
#include "support/http_server.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <strings.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace bidrag::test {

std::string HttpRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && ::strncasecmp(key.data(), name.data(), name.size()) == 0) return value;
  }
  return {};
}

HttpReply HttpReply::make(int status, std::string body, std::string content_type) {
  HttpReply reply;
  reply.status = status;
  reply.body = std::move(body);
  reply.content_type = std::move(content_type);
  return reply;
}

HttpReply& HttpReply::with_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

HttpReply& HttpReply::with_delay(std::chrono::milliseconds wait) {
  delay = wait;
  return *this;
}

HttpReply& HttpReply::with_content_length(std::size_t declared) {
  content_length = declared;
  return *this;
}

HttpReply HttpReply::redirect(std::string location, int status) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "text/plain";
  reply.headers.emplace_back("Location", std::move(location));
  return reply;
}

std::string gzip(std::string_view bytes) {
  httplib::detail::gzip_compressor compressor;
  std::string out;
  const bool ok = compressor.compress(bytes.data(), bytes.size(), true, [&out](const char* data, std::size_t n) {
    out.append(data, n);
    return true;
  });
  if (!ok) throw std::runtime_error("gzip failed");
  return out;
}

namespace {

// A self-signed P-256 certificate for `host` (an IP address), valid for a day.
struct SelfSigned {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{nullptr, &EVP_PKEY_free};
  std::unique_ptr<X509, decltype(&X509_free)> cert{nullptr, &X509_free};
  std::string pem;
};

SelfSigned self_signed(const std::string& host) {
  SelfSigned out;
  out.key.reset(EVP_EC_gen("P-256"));
  out.cert.reset(X509_new());
  if (!out.key || !out.cert) throw std::runtime_error("HttpServer: cannot create a key");
  X509* cert = out.cert.get();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, out.key.get());
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(host.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  const std::string san = "IP:" + host;
  std::unique_ptr<X509_EXTENSION, decltype(&X509_EXTENSION_free)> ext(
      X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, san.c_str()), &X509_EXTENSION_free);
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) throw std::runtime_error("HttpServer: cannot add " + san);
  if (X509_sign(cert, out.key.get(), EVP_sha256()) == 0) throw std::runtime_error("HttpServer: cannot sign");
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  PEM_write_bio_X509(bio.get(), cert);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  out.pem.assign(data, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

struct HttpServer::Impl {
  std::string host;
  std::string scheme = "http";
  std::string certificate_pem;
  int port = 0;
  std::unique_ptr<httplib::Server> owned;
  httplib::Server& server;

  explicit Impl(const std::string& h, Scheme s) : host(h), owned(make(h, s, scheme, certificate_pem)), server(*owned) {}

  static std::unique_ptr<httplib::Server> make(const std::string& host, Scheme s, std::string& scheme,
                                               std::string& pem) {
    if (s == Scheme::http) return std::make_unique<httplib::Server>();
    SelfSigned tls = self_signed(host);
    scheme = "https";
    pem = tls.pem;
    return std::make_unique<httplib::SSLServer>(tls.cert.get(), tls.key.get());  // takes its own references
  }
  std::thread thread;

  mutable std::mutex mutex;
  std::condition_variable stopping_cv;
  bool stopping = false;
  std::map<std::string, HttpHandler> handlers;
  std::vector<HttpRequest> log;

  void handle(const httplib::Request& req, httplib::Response& res) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    request.target = req.target;
    request.remote_addr = req.remote_addr;
    request.received_at = std::chrono::steady_clock::now();
    request.received_at_wall = std::chrono::system_clock::now();
    for (const auto& [key, value] : req.headers) request.headers.emplace_back(key, value);

    HttpHandler handler;
    {
      std::lock_guard lock(mutex);
      log.push_back(request);
      if (auto it = handlers.find(req.path); it != handlers.end()) handler = it->second;
    }
    HttpReply reply;
    if (handler) {
      reply = handler(request);
    } else {
      reply.status = 404;
      reply.content_type = "text/plain";
      reply.body = "not found";
    }
    if (reply.delay.count() > 0) {
      // Interruptible, so stopping the server never waits for a deliberately slow reply.
      std::unique_lock lock(mutex);
      stopping_cv.wait_for(lock, reply.delay, [this] { return stopping; });
    }
    res.status = reply.status;
    for (const auto& [key, value] : reply.headers) res.set_header(key, value);
    if (reply.content_length && *reply.content_length > reply.body.size()) {
      // Announce more than we send, then fail the provider: httplib closes the connection.
      auto body = std::make_shared<std::string>(std::move(reply.body));
      res.set_content_provider(*reply.content_length, reply.content_type,
                               [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                 if (offset >= body->size()) return false;
                                 sink.write(body->data() + offset, body->size() - offset);
                                 return true;
                               });
    } else {
      res.set_content(reply.body, reply.content_type);
    }
  }
};

HttpServer::HttpServer(std::string host, Scheme scheme) : impl_(std::make_unique<Impl>(host, scheme)) {
  // Short keep-alive so idle client connections do not hold a worker long after a test.
  impl_->server.set_keep_alive_timeout(1);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle and delayed ACKs
  // add ~40 ms to every exchange.
  impl_->server.set_tcp_nodelay(true);
  impl_->server.Get(".*", [impl = impl_.get()](const httplib::Request& req, httplib::Response& res) {
    impl->handle(req, res);
  });
  impl_->port = impl_->server.bind_to_any_port(impl_->host);
  if (impl_->port <= 0) throw std::runtime_error("HttpServer: cannot bind " + impl_->host);
  impl_->thread = std::thread([impl = impl_.get()] { impl->server.listen_after_bind(); });
  // stop() is a no-op before the listen loop runs, so wait until it does.
  while (!impl_->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->stopping_cv.notify_all();
  if (impl_->thread.joinable()) {
    impl_->server.stop();
    impl_->thread.join();
  }
}

int HttpServer::port() const { return impl_->port; }

const std::string& HttpServer::host() const { return impl_->host; }

std::string HttpServer::url(std::string_view path) const {
  return impl_->scheme + "://" + impl_->host + ":" + std::to_string(impl_->port) + std::string(path);
}

const std::string& HttpServer::certificate_pem() const { return impl_->certificate_pem; }

void HttpServer::on(const std::string& path, HttpHandler handler) {
  std::lock_guard lock(impl_->mutex);
  impl_->handlers[path] = std::move(handler);
}

void HttpServer::serve(const std::string& path, HttpReply reply) {
  on(path, [reply = std::move(reply)](const HttpRequest&) { return reply; });
}

void HttpServer::serve_sequence(const std::string& path, std::vector<HttpReply> replies) {
  if (replies.empty()) throw std::invalid_argument("HttpServer::serve_sequence: no replies");
  auto state = std::make_shared<std::pair<std::mutex, std::size_t>>();
  on(path, [replies = std::move(replies), state](const HttpRequest&) {
    std::lock_guard lock(state->first);
    const std::size_t n = state->second++;
    return replies[std::min(n, replies.size() - 1)];
  });
}

std::vector<HttpRequest> HttpServer::requests(const std::string& path) const {
  std::lock_guard lock(impl_->mutex);
  if (path.empty()) return impl_->log;
  std::vector<HttpRequest> out;
  for (const auto& r : impl_->log) {
    if (r.path == path) out.push_back(r);
  }
  return out;
}

std::size_t HttpServer::hits(const std::string& path) const { return requests(path).size(); }

}  // namespace bidrag::test
