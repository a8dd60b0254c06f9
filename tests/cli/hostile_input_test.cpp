// Hostile input through the real binary: each shape is generated here (nothing large is
// committed), and `bidrag extract` must exit 0 or 1 (never a signal), within 2 s of CPU time,
// with an error record where extraction failed.
#include <sys/resource.h>

#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "support/support.h"

namespace bidrag::test {
namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string page(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>Bidrag</title></head><body><main><h1>Statsbidrag för test 2024</h1>" + body +
         "</main></body></html>";
}

std::string pdf_fixture() { return read_fixture("corpus/sociala-insatser-2023/fordelningslista.pdf"); }

struct Hostile {
  const char* name;
  const char* file;  // file name (its extension matters for random bytes)
  std::string (*make)();
  bool error_expected;  // the document gives an error record
};
using test::PrintTo;  // cases print their name, not their bytes

double child_cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_CHILDREN, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

class HostileInput : public ::testing::TestWithParam<Hostile> {};

// The 2-second bound is the shipped (optimised) binary's. The sanitizer build is unoptimised
// and instrumented, 10 to 20 times slower: there the bound only tells a hang from slowness.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kCpuBound = 60.0;
#else
constexpr double kCpuBound = 2.0;
#endif

TEST_P(HostileInput, ExitsZeroOrOneWithinTwoSecondsOfCpu) {
  const Hostile& h = GetParam();
  const std::string path = temp_dir(std::string("hostile-") + h.name) + "/" + h.file;
  std::ofstream(path, std::ios::binary) << h.make();
  const double before = child_cpu_seconds();
  const auto r = run_bidrag({"extract", path});
  const double cpu = child_cpu_seconds() - before;
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << ": " << r.err;
  EXPECT_LT(cpu, kCpuBound) << h.name;
  EXPECT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.find("\"type\":\"error\"") != std::string::npos, h.error_expected) << r.out.substr(0, 400);
  EXPECT_EQ(r.exit_code, h.error_expected ? 1 : 0);
  EXPECT_TRUE(records_valid(r.out));
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, HostileInput,
    ::testing::Values(
        Hostile{"nested_div_20000", "a.html", [] { return page(repeat("<div>", 20000) + "x" + repeat("</div>", 20000)); },
                true},
        Hostile{"nested_div_200000", "a.html", [] { return page(repeat("<div>", 200000) + "x"); }, true},
        Hostile{"unclosed_nested_li_50000", "a.html", [] { return page(repeat("<ul><li>punkt ", 50000)); }, true},
        Hostile{"paragraph_of_100000_links", "a.html",
                [] { return page("<p>" + repeat("<a href=\"/dok/a.pdf\">dokument</a> ", 100000) + "</p>"); }, true},
        Hostile{"div_in_table_50000", "a.html", [] { return page(repeat("<div><table></div>", 50000)); }, true},
        Hostile{"self_closed_div_100000", "a.html", [] { return page(repeat("<div/>", 100000)); }, true},
        Hostile{"stray_end_tags_100000", "a.html", [] { return page(repeat("<div></x>", 100000)); }, true},
        Hostile{"nul_bytes_in_html", "a.html",
                [] {
                  return page(std::string("<p>Exempelmyndigheten har f\xc3\xa5tt i uppdrag\0 att f\xc3\xb6rdela medel.</p>", 66) +
                              std::string(10000, '\0') + "<p>Sista ans\xc3\xb6kningsdag: 2024-05-12</p>");
                },
                false},
        Hostile{"invalid_utf8_text", "a.txt",
                [] {
                  std::mt19937 rng(7);
                  std::string s = "Statsbidrag \xff\xfe\xc3 2024\n";
                  for (int i = 0; i < 200000; ++i) s += static_cast<char>(128 + rng() % 128);
                  return s + "\n";
                },
                true},
        Hostile{"text_line_of_8_MB", "a.txt", [] { return "Statsbidrag 2024\n" + repeat("ord ", 2u << 20) + "\n"; }, true},
        Hostile{"pdf_every_thousandth_byte_flipped", "a.pdf",
                [] {
                  std::string p = pdf_fixture();
                  for (std::size_t i = 999; i < p.size(); i += 1000) p[i] = static_cast<char>(p[i] ^ 0xff);
                  return p;
                },
                true},
        Hostile{"pdf_cut_to_a_third", "a.pdf", [] { const std::string p = pdf_fixture(); return p.substr(0, p.size() / 3); }, true},
        Hostile{"random_bytes_named_pdf", "a.pdf",
                [] {
                  std::mt19937 rng(11);
                  std::string s(300000, '\0');
                  for (char& c : s) c = static_cast<char>(rng());
                  return s;
                },
                true},
        Hostile{"html_over_the_byte_limit", "a.html", [] { return page(repeat("<p>text</p>", (17u << 20) / 11)); }, true},
        Hostile{"text_line_of_8_MB_without_spaces", "a.txt",
                [] { return "Statsbidrag 2024\n" + std::string(8u << 20, 'x') + "\n"; }, true},
        Hostile{"csv_field_of_8_MB", "a.csv",
                [] { return "Kommun;Belopp\nAle;100 000\nBorås;" + std::string(8u << 20, '9') + "\nEda;300 000\n"; },
                false},
        Hostile{"announcement_pdf_cut_to_a_third", "a.pdf",
                [] {
                  const std::string p = read_fixture("corpus/sociala-insatser-2023/announcement-open.pdf");
                  return p.substr(0, p.size() / 3);
                },
                true},
        Hostile{"random_bytes_named_xlsx", "a.xlsx",
                [] {
                  std::mt19937 rng(13);
                  std::string s(300000, '\0');
                  for (char& c : s) c = static_cast<char>(rng());
                  return "PK\3\4" + s;
                },
                true},
        Hostile{"workbook_cut_to_a_third", "a.xlsx",
                [] {
                  const std::string x = read_fixture("labelled-lists/skolverket-sommarskola-2025.xlsx");
                  return x.substr(0, x.size() / 3);
                },
                true}),
    [](const ::testing::TestParamInfo<Hostile>& p) { return std::string(p.param.name); });

// A real page with deep wrapping: the call is still found and the call record says what was cut.
TEST(HostileInputWarnings, DeepPageStillGivesTheCallWithAWarning) {
  std::string html = read_fixture("corpus/sociala-insatser-2023/announcement-open.html");
  const auto h1 = html.find("</h1>");
  ASSERT_NE(h1, std::string::npos);
  html.insert(h1 + 5, repeat("<span>", 300) + repeat("</span>", 300));
  const std::string path = temp_dir("hostile-deep-page") + "/page.html";
  std::ofstream(path, std::ios::binary) << html;
  const auto r = run_bidrag({"extract", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string first = r.out.substr(0, r.out.find('\n'));
  EXPECT_NE(first.find("\"type\":\"call\""), std::string::npos) << first;
  EXPECT_NE(first.find("elements nested deeper than 256 were flattened into their ancestor (limit)"), std::string::npos)
      << first;
  EXPECT_TRUE(records_valid(r.out));
}

}  // namespace
}  // namespace bidrag::test
