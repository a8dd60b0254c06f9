#include "cli/delivery_nights.h"

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "support/support.h"

namespace bidrag::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHost = "https://statsbidrag.socialstyrelsen.se/";
constexpr const char* kPage = "statsbidrag/sociala-insatser-i-utsatta-omraden-";
constexpr const char* kList = "globalassets/dokument/fordelning/statsbidrag-fordelningslista-sociala-insatser-";

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Waits until the wall clock's second changes, so that what one night stored and what the next
// stores never share a second (the store keeps times in whole seconds).
void next_second() {
  const std::string now = utc_now();
  while (utc_now() == now) std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void put(const fs::path& site, const std::string& path, const std::string& bytes) {
  const fs::path target = site / path;
  fs::create_directories(target.parent_path());
  std::ofstream(target, std::ios::binary | std::ios::trunc) << bytes;
}

void write_pipeline(const std::string& file, const fs::path& site, const std::vector<std::string>& sources) {
  std::ofstream out(file);
  out << R"({"name": "nightly", "sources": [)";
  for (std::size_t i = 0; i < sources.size(); ++i)
    out << (i ? ", " : "") << R"({"url": ")" << sources[i] << R"(", "kind": "announcement"})";
  out << R"(], "follow": ["allocation_list"], "fetch": {"obey_robots": false, "per_host_delay_ms": 0},)"
      << R"( "mirror": {")" << kHost << R"(": ")" << site.string() << R"(/"}})";
}

void run_night(const std::vector<std::string>& args) {
  const auto r = run_bidrag(args);
  // Night 3 names a missing page: exit 1 (a document failed), the rest stored.
  if (r.exit_code != 0 && r.exit_code != 1) throw std::runtime_error("bidrag run failed: " + r.err);
}

Nights build() {
  Nights n;
  n.dir = temp_dir("delivery-nights");
  n.db = n.dir + "/bidrag.db";
  n.report_dir = n.dir + "/report";
  const fs::path site = fs::path(n.dir) / "site";
  const std::string page22 = std::string(kPage) + "2022/index.html", page23 = std::string(kPage) + "2023/index.html";
  const std::string list22 = std::string(kList) + "2022.pdf", list23 = std::string(kList) + "2023.pdf";
  const std::string url22 = std::string(kHost) + kPage + "2022/", url23 = std::string(kHost) + kPage + "2023/";
  const std::string pipeline = n.dir + "/nightly.json";

  // Night 1: last year's call.
  put(site, page22, read_fixture("corpus/sociala-insatser-2022/announcement.html"));
  put(site, list22, read_fixture("corpus/sociala-insatser-2022/fordelningslista.pdf"));
  write_pipeline(pipeline, site, {url22});
  run_night({"run", pipeline, "--db", n.db, "--out", n.dir + "/night1.jsonl"});

  // Night 2: this year's edition is published, open, with its list.
  next_second();
  n.night2 = utc_now();
  put(site, page23, read_fixture("corpus/sociala-insatser-2023/announcement-open.html"));
  put(site, list23, read_fixture("corpus/sociala-insatser-2023/fordelningslista.pdf"));
  write_pipeline(pipeline, site, {url22, url23});
  run_night({"run", pipeline, "--db", n.db, "--out", n.dir + "/night2.jsonl"});

  // Night 3: the call has closed; the funds may be used three months longer; a revised list;
  // and a page the pipeline names is gone.
  next_second();
  n.night3 = utc_now();
  std::string closed = read_fixture("corpus/sociala-insatser-2023/announcement-closed.html");
  const std::string until = "31&nbsp;december 2023", later = "31&nbsp;mars 2024";
  const auto at = closed.find(until);
  if (at == std::string::npos) throw std::runtime_error("the closed announcement no longer prints " + until);
  closed.replace(at, until.size(), later);
  put(site, page23, closed);
  put(site, list23, read_fixture("corpus/sociala-insatser-2022/fordelningslista.pdf"));
  write_pipeline(pipeline, site, {url22, url23, std::string(kHost) + "statsbidrag/nedlagt-bidrag-2023/"});
  run_night({"run", pipeline, "--db", n.db, "--out", n.dir + "/night3.jsonl", "--report", n.report_dir});
  return n;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

const Nights& three_nights() {
  static const Nights nights = build();
  return nights;
}

std::string run_python(const std::string& script, const std::vector<std::string>& args, int* exit_code) {
  // Debian's interpreter, which sees the Debian packages (python3-icalendar), not one on PATH.
  const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::string cmd = python + " " + quoted(std::string(BIDRAG_SOURCE_DIR) + "/tests/support/" + script);
  for (const auto& a : args) cmd += " " + quoted(a);
  cmd += " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int status = pclose(p);
  if (exit_code) *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace bidrag::test
