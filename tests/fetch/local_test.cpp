// Sources read without the network: local paths, file:// URLs, the mirror map, sniffing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bidrag/common/error.h"
#include "bidrag/common/slug.h"
#include "bidrag/fetch/fetch.h"
#include "fetch/local.h"
#include "fetch/sniff.h"
#include "support/support.h"

namespace bidrag::fetch {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

Response fetch(const std::string& url, const Policy& policy) { return make_curl_fetcher(policy)->fetch_all({{url, {}, {}}}).front(); }

TEST(Mirror, MapsUrlPrefixesToFolders) {
  const std::map<std::string, std::string> mirror = {{"https://example.invalid/", "site"},
                                                     {"https://example.invalid/files/", "files"}};
  struct Case {
    std::string url, path;
  };
  const std::vector<Case> cases = {
      {"https://example.invalid/a/b.html", "site/a/b.html"},
      {"https://example.invalid/files/lista%20f%C3%B6rdelning.pdf", "files/lista fördelning.pdf"},
      {"https://example.invalid/a/?page=2#top", "site/a/index.html"},
      {"https://example.invalid/", "site/index.html"},
  };
  for (const auto& c : cases) {
    auto hit = detail::mirror_lookup(mirror, c.url);
    ASSERT_TRUE(hit) << c.url;
    EXPECT_EQ(hit->path, c.path) << c.url;
    EXPECT_FALSE(hit->refused) << c.url;
  }
  EXPECT_FALSE(detail::mirror_lookup(mirror, "https://other.invalid/a.html"));
  EXPECT_EQ(detail::mirror_lookup(mirror, "https://example.invalid/%2E%2E/secret")->refused,
            "path escapes the mirror folder");
}

TEST(Mirror, ReplaysACapturedSiteOffline) {
  const fs::path dir = bidrag::test::temp_dir("fetch-mirror");
  const std::string pdf = "%PDF-1.4\nlista\n";
  write(dir / "bidrag/lista 2024.pdf", pdf);
  Policy policy;
  policy.mirror = {{"https://example.invalid/", dir.string()}};

  const std::string url = "https://example.invalid/bidrag/lista%202024.pdf";
  const Response r = fetch(url, policy);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_EQ(r.url, url);
  EXPECT_EQ(r.snapshot.url, url);  // records cite the real URL, not the folder
  EXPECT_EQ(r.snapshot.bytes, pdf);
  EXPECT_EQ(r.snapshot.content_type, "application/pdf");
  EXPECT_EQ(r.snapshot.sha256, sha256_hex(pdf));
  EXPECT_EQ(r.snapshot.http_status, 0);
  EXPECT_FALSE(r.snapshot.fetched_at);

  write(dir / "bidrag/utlysning/index.html", "<!doctype html><p>utlysning</p>");
  for (const std::string page : {"https://example.invalid/bidrag/utlysning/", "https://example.invalid/bidrag/utlysning"}) {
    const Response html = fetch(page, policy);
    ASSERT_FALSE(html.error) << *html.error;
    EXPECT_EQ(html.snapshot.bytes, "<!doctype html><p>utlysning</p>") << page;
    EXPECT_EQ(html.snapshot.content_type, "text/html") << page;
  }

  const Response missing = fetch("https://example.invalid/bidrag/saknas.pdf", policy);
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(*missing.error, "https://example.invalid/bidrag/saknas.pdf: not found in mirror (no file " +
                                (dir / "bidrag/saknas.pdf").string() + ")");
}

TEST(Local, PathsAndFileUrls) {
  const fs::path dir = bidrag::test::temp_dir("fetch-local");
  write(dir / "sida.html", "<!doctype html><p>hej</p>");
  write(dir / "text.txt", "Ansökan senast 2024-03-01");
  const Policy policy;

  const Response path = fetch((dir / "sida.html").string(), policy);
  ASSERT_FALSE(path.error) << *path.error;
  EXPECT_EQ(path.snapshot.url, (dir / "sida.html").string());
  EXPECT_EQ(path.snapshot.content_type, "text/html");
  EXPECT_EQ(path.snapshot.bytes, "<!doctype html><p>hej</p>");

  const std::string file_url = "file://" + (dir / "text.txt").string();
  const Response file = fetch(file_url, policy);
  ASSERT_FALSE(file.error) << *file.error;
  EXPECT_EQ(file.snapshot.url, file_url);
  EXPECT_EQ(file.snapshot.content_type, "text/plain");
  EXPECT_EQ(file.snapshot.bytes, "Ansökan senast 2024-03-01");

  EXPECT_EQ(*fetch((dir / "nej.pdf").string(), policy).error, (dir / "nej.pdf").string() + ": no such file");
  EXPECT_EQ(*fetch("file://" + (dir / "nej.pdf").string(), policy).error,
            "file://" + (dir / "nej.pdf").string() + ": no such file " + (dir / "nej.pdf").string());
  EXPECT_EQ(*fetch("file://fileserver/share/a.pdf", policy).error,
            "file://fileserver/share/a.pdf: file:// URL names a remote host");
  EXPECT_EQ(*fetch(dir.string(), policy).error, dir.string() + ": is a directory: " + dir.string());

  Policy tiny;
  tiny.max_body_bytes = 10;
  EXPECT_EQ(*fetch((dir / "text.txt").string(), tiny).error, (dir / "text.txt").string() + ": body larger than 10 bytes");
}

TEST(Local, FetchOneReadsFixturesAndThrowsForMissingFiles) {
  const std::string pdf = bidrag::test::fixture("corpus/sociala-insatser-2023/fordelningslista.pdf");
  const Snapshot snapshot = fetch_one(pdf);
  EXPECT_EQ(snapshot.url, pdf);
  EXPECT_EQ(snapshot.content_type, "application/pdf");
  EXPECT_EQ(snapshot.bytes, bidrag::test::read_fixture("corpus/sociala-insatser-2023/fordelningslista.pdf"));
  EXPECT_EQ(snapshot.sha256, sha256_hex(snapshot.bytes));
  try {
    (void)fetch_one("fixtures/does-not-exist.pdf");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "fixtures/does-not-exist.pdf: no such file");
  }
}

struct SniffCase {
  std::string declared, bytes, kept;
  std::optional<std::string> note;
};

TEST(Sniff, DeclaredTypeCheckedAgainstTheBytes) {
  const std::vector<SniffCase> cases = {
      {"text/html", "%PDF-1.7\n", "application/pdf", "declared text/html but the bytes are application/pdf"},
      {"text/html; charset=utf-8", "<!DOCTYPE html><html>", "text/html; charset=utf-8", std::nullopt},
      {"application/pdf", "\xEF\xBB\xBF  <html><body>Logga in</body></html>", "text/html",
       "declared application/pdf but the bytes are text/html"},
      {"application/octet-stream", "garbage\n%PDF-1.4", "application/pdf",
       "declared application/octet-stream but the bytes are application/pdf"},
      {"application/xhtml+xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\">", "application/xhtml+xml", std::nullopt},
      {"text/plain", "Sista ansökningsdag 1 mars", "text/plain", std::nullopt},
      {"", "%PDF-1.3", "application/pdf", std::nullopt},
      {"", "just text", "", std::nullopt},
      {"Application/PDF", "%PDF-1.3", "Application/PDF", std::nullopt},
      {"application/octet-stream", std::string("PK\x03\x04\x14\0\0\0xl/workbook.xml", 23),
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       "declared application/octet-stream but the bytes are "
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"application/zip", "PK\x03\x04 word/document.xml", "application/zip", std::nullopt},
  };
  for (const auto& c : cases) {
    const auto check = detail::check_content_type(c.declared, c.bytes);
    EXPECT_EQ(check.content_type, c.kept) << c.declared;
    EXPECT_EQ(check.note, c.note) << c.declared;
  }
  // The header must be within the first KiB.
  EXPECT_EQ(detail::sniff_media_type(std::string(2000, ' ') + "%PDF-1.4"), "");
  EXPECT_EQ(detail::media_type_of_path("/x/lista.XLSX"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(detail::media_type_of_path("/x/lista.csv"), "text/csv");
}

}  // namespace
}  // namespace bidrag::fetch
