// parse_pdf throughput on the corpus print (pages per second), against running `pdftotext`
// on the same file: Poppler's own text extraction is the floor both stand on. The counter
// `x_pdftotext` is our wall time per document divided by pdftotext's (process start included).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "bidrag/parse/parse.h"

namespace {

const std::string corpus_pdf = std::string(BIDRAG_SOURCE_DIR) + "/fixtures/corpus/sociala-insatser-2023/announcement-open.pdf";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using Clock = std::chrono::steady_clock;

// Seconds per run of `pdftotext FILE -`, the mean of `runs`; negative when it cannot run.
double pdftotext_seconds(int runs) {
  const std::string cmd = "pdftotext '" + corpus_pdf + "' - > /dev/null 2>&1";
  const auto start = Clock::now();
  for (int i = 0; i < runs; ++i) {
    if (std::system(cmd.c_str()) != 0) return -1;
  }
  return std::chrono::duration<double>(Clock::now() - start).count() / runs;
}

void BM_ParsePdf(benchmark::State& state) {
  const bidrag::Snapshot s = bidrag::make_snapshot(corpus_pdf, read(corpus_pdf), "application/pdf");
  int pages = 0;
  const auto start = Clock::now();
  for (auto _ : state) {
    const auto d = bidrag::parse::parse_pdf(s);
    pages = d.pages;
    benchmark::DoNotOptimize(d.blocks.data());
  }
  const double ours = std::chrono::duration<double>(Clock::now() - start).count() / static_cast<double>(state.iterations());
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  if (const double theirs = pdftotext_seconds(20); theirs > 0) state.counters["x_pdftotext"] = ours / theirs;
}
BENCHMARK(BM_ParsePdf)->Unit(benchmark::kMillisecond)->UseRealTime();

// `pdftotext` as people run it (a process per file), for the pages-per-second comparison.
void BM_Pdftotext(benchmark::State& state) {
  const int pages = bidrag::parse::parse_pdf(bidrag::make_snapshot(corpus_pdf, read(corpus_pdf))).pages;
  const std::string cmd = "pdftotext '" + corpus_pdf + "' - > /dev/null 2>&1";
  for (auto _ : state) {
    if (std::system(cmd.c_str()) != 0) {
      state.SkipWithError("pdftotext failed (poppler-utils not installed?)");
      return;
    }
  }
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Pdftotext)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
