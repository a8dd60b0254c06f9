// Ceilings throughput: a generated 300-page allocation list (scripts/make-fixtures
// --bench-pages 300) read end to end — parse_pdf (words, tables) and the ceilings extractor —
// against the yardstick `pdftotext -bbox` on the same file; pages/s and peak memory.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <string>

#include "bidrag/common/file.h"
#include "bidrag/extract/extract.h"
#include "bidrag/parse/parse.h"

namespace {

std::string list_path() {
  if (const char* p = std::getenv("BIDRAG_BENCH_LIST")) return p;
  return std::string(BIDRAG_SOURCE_DIR) + "/build/bench/long-list.pdf";
}

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: KiB
}

void BM_Ceilings(benchmark::State& state) {
  const bidrag::Snapshot s = bidrag::make_snapshot(list_path(), bidrag::read_file(list_path()), "application/pdf");
  int pages = 0;
  std::size_t ceilings = 0;
  for (auto _ : state) {
    const auto d = bidrag::parse::parse(s);
    const auto records = bidrag::extract::extract_allocation_list(d, s, {});
    pages = d.pages;
    ceilings = records ? records->size() : 0;
    benchmark::DoNotOptimize(records);
  }
  state.counters["pages"] = pages;
  state.counters["records"] = static_cast<double>(ceilings);
  state.counters["pages_per_s"] = benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()),
                                                     benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_Ceilings)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The yardstick: Poppler's own word dump of the same file (a separate process, as people run it).
void BM_PdftotextBbox(benchmark::State& state) {
  const std::string cmd = "pdftotext -bbox '" + list_path() + "' /dev/null";
  for (auto _ : state) {
    if (std::system(cmd.c_str()) != 0) state.SkipWithError("pdftotext failed");
  }
}
BENCHMARK(BM_PdftotextBbox)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
