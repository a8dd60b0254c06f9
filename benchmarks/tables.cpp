// Table finding on a generated 300-page allocation list (ruled and unruled), against
// `pdftotext -bbox` on the same file: both stand on Poppler, so its time is the yardstick.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/parse/pdf_tables.h"

namespace {

constexpr int kPages = 300;
constexpr int kRows = 45;

// A plain PDF 1.4 writer: Helvetica (WinAnsi, so å ä ö are single Latin-1 bytes), one content
// stream per page: running header, a table header repeated on each page, rows, a footer.
std::string make_list(bool ruled) {
  const char* names[] = {"Botkyrka", "Upplands V\xe4sby", "S\xf6" "dert\xe4lje", "\xd6rebro", "G\xf6teborg", "Malm\xf6"};
  std::vector<std::string> objs;
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push_back("");  // pages, filled below
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string kids;
  long amount = 1234567;
  for (int p = 0; p < kPages; ++p) {
    std::string s = "BT /F1 10 Tf 60 800 Td (Socialstyrelsen) Tj 340 0 Td (Datum: 2024-01-18) Tj ET\n";
    s += "BT /F1 10 Tf 60 760 Td (L\xe4n) Tj 150 0 Td (Kommun) Tj 180 0 Td (Belopp \\(kr\\)) Tj ET\n";
    for (int r = 0; r < kRows; ++r) {
      const double y = 745 - r * 15.0;
      amount = (amount * 7919 + 13) % 30000000;
      char num[32];
      std::snprintf(num, sizeof num, "%ld %03ld %03ld", amount / 1000000, amount / 1000 % 1000, amount % 1000);
      const double w = 5.56 * static_cast<double>(std::string(num).size());
      char line[256];
      std::snprintf(line, sizeof line, "BT /F1 10 Tf 60 %.1f Td (%s l\xe4n) Tj 150 0 Td (%s) Tj %.2f 0 Td (%s) Tj ET\n", y,
                    names[(p + r) % 6], names[(p * 7 + r) % 6], 240 - w, num);
      s += line;
      if (ruled) {
        char rule[96];
        std::snprintf(rule, sizeof rule, "0.5 w 55 %.1f m 455 %.1f l S\n", y - 4, y - 4);
        s += rule;
      }
    }
    if (ruled) s += "0.5 w 55 756 m 455 756 l S 55 773 m 55 68 l S 205 773 m 205 68 l S 385 773 m 385 68 l S 455 773 m 455 68 l S\n";
    s += "BT /F1 10 Tf 400 40 Td (Sida " + std::to_string(p + 1) + " av " + std::to_string(kPages) + ") Tj ET\n";
    const std::size_t content = objs.size() + 1;
    objs.push_back("<< /Length " + std::to_string(s.size()) + " >>\nstream\n" + s + "endstream");
    kids += std::to_string(objs.size() + 1) + " 0 R ";
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                   std::to_string(content) + " 0 R >>");
  }
  objs[1] = "<< /Type /Pages /Count " + std::to_string(kPages) + " /Kids [" + kids + "] >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    char e[24];
    std::snprintf(e, sizeof e, "%010zu 00000 n \n", o);
    pdf += e;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

const std::string& list(bool ruled) {
  static const std::string plain = make_list(false), lined = make_list(true);
  return ruled ? lined : plain;
}

std::string write_temp(bool ruled) {
  const auto path = std::filesystem::temp_directory_path() / (ruled ? "bidrag-bench-ruled.pdf" : "bidrag-bench-plain.pdf");
  std::ofstream(path, std::ios::binary) << list(ruled);
  return path.string();
}

double peak_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// The whole layout stage: words, rules, tables.
void BM_FindTables(benchmark::State& state) {
  const bool ruled = state.range(0) != 0;
  const auto snapshot = bidrag::make_snapshot("bench.pdf", list(ruled), "application/pdf");
  std::size_t rows = 0;
  for (auto _ : state) {
    auto pages = bidrag::parse::pdf::load_words(snapshot);
    const auto tables = bidrag::parse::pdf::find_tables(pages);
    rows = 0;
    for (const auto& t : tables) rows += t.rows.size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["pages/s"] = benchmark::Counter(kPages, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["peak_MiB"] = peak_mib();
}
BENCHMARK(BM_FindTables)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// Only find_tables, on words already read: the part bidrag adds on top of Poppler.
void BM_FindTablesOnly(benchmark::State& state) {
  const auto snapshot = bidrag::make_snapshot("bench.pdf", list(true), "application/pdf");
  auto pages = bidrag::parse::pdf::load_words(snapshot);
  for (auto _ : state) benchmark::DoNotOptimize(bidrag::parse::pdf::find_tables(pages));
  state.counters["pages/s"] = benchmark::Counter(kPages, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FindTablesOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

// The yardstick: pdftotext -bbox on the same file (a child process; includes its start-up).
void BM_PdftotextBbox(benchmark::State& state) {
  const std::string path = write_temp(state.range(0) != 0);
  const std::string cmd = "pdftotext -bbox '" + path + "' /dev/null";
  for (auto _ : state) {
    if (std::system(cmd.c_str()) != 0) state.SkipWithError("pdftotext failed (install poppler-utils)");
  }
  state.counters["pages/s"] = benchmark::Counter(kPages, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_PdftotextBbox)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

}  // namespace
