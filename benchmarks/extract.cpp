// Announcements per second through extract() (parse + call extractor) for HTML, plain text and
// the PDF print, and Poppler's own floor: `pdftotext` on the same PDF.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "bidrag/extract/extract.h"

namespace {

std::string read(const std::string& rel) {
  std::ifstream in(std::string(BIDRAG_SOURCE_DIR) + "/fixtures/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void run_extract(benchmark::State& state, const std::string& rel) {
  const bidrag::Snapshot s = bidrag::make_snapshot("https://example.se/page", read(rel));
  std::size_t records = 0;
  for (auto _ : state) {
    auto out = bidrag::extract::extract(s);
    records += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));  // announcements
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.bytes.size()));
  state.counters["records"] = static_cast<double>(records) / static_cast<double>(state.iterations());
}

void BM_ExtractHtml(benchmark::State& state) { run_extract(state, "corpus/sociala-insatser-2023/announcement-open.html"); }
void BM_ExtractText(benchmark::State& state) { run_extract(state, "seeds/001_99e31430945983a0.txt"); }
void BM_ExtractPdf(benchmark::State& state) { run_extract(state, "corpus/sociala-insatser-2023/announcement-open.pdf"); }

// Poppler's floor: the whole pdftotext process (text only, no links, no layout analysis).
void BM_PdftotextSameFile(benchmark::State& state) {
  const std::string cmd = "pdftotext -q '" + std::string(BIDRAG_SOURCE_DIR) +
                          "/fixtures/corpus/sociala-insatser-2023/announcement-open.pdf' /dev/null";
  for (auto _ : state) {
    const int rc = std::system(cmd.c_str());
    if (rc != 0) state.SkipWithError("pdftotext failed");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdftotextSameFile)->Unit(benchmark::kMillisecond);

}  // namespace
