// parse_pdf throughput on the corpus print (pages per second), against running `pdftotext`
// on the same file: Poppler's own text extraction is the floor both stand on.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
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

void BM_ParsePdf(benchmark::State& state) {
  const bidrag::Snapshot s = bidrag::make_snapshot(corpus_pdf, read(corpus_pdf), "application/pdf");
  int pages = 0;
  for (auto _ : state) {
    const auto d = bidrag::parse::parse_pdf(s);
    pages = d.pages;
    benchmark::DoNotOptimize(d.blocks.data());
  }
  state.counters["pages_per_s"] = benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()),
                                                     benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParsePdf)->Unit(benchmark::kMillisecond);

// `pdftotext` (a separate process, as people run it) on the same file; its pages per second
// divided by ours is the ratio reported in the README.
void BM_Pdftotext(benchmark::State& state) {
  const std::string cmd = "pdftotext '" + corpus_pdf + "' - > /dev/null 2>&1";
  const int pages = bidrag::parse::parse_pdf(bidrag::make_snapshot(corpus_pdf, read(corpus_pdf))).pages;
  for (auto _ : state) {
    if (std::system(cmd.c_str()) != 0) {
      state.SkipWithError("pdftotext failed (poppler-utils not installed?)");
      return;
    }
  }
  state.counters["pages_per_s"] = benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Pdftotext)->Unit(benchmark::kMillisecond);

}  // namespace
