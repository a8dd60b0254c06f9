// Hostile shapes at 1×, 10× and 100× through the whole extraction (parse + extract), to show
// the time grows linearly: compare the per-element time across the three sizes.
#include <benchmark/benchmark.h>

#include <string>

#include "bidrag/common/snapshot.h"
#include "bidrag/extract/extract.h"

namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string page(const std::string& body) {
  return "<html><body><main><h1>Statsbidrag 2024</h1>" + body + "</main></body></html>";
}

void run(benchmark::State& state, const std::string& bytes, const char* type) {
  const bidrag::Snapshot s = bidrag::make_snapshot("https://www.exempel.se/a", bytes, type);
  for (auto _ : state) benchmark::DoNotOptimize(bidrag::extract::extract(s, {}));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}

void BM_NestedDivs(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  run(state, page(repeat("<div>", n) + "x" + repeat("</div>", n)), "text/html");
}
void BM_UnclosedNestedLists(benchmark::State& state) {
  run(state, page(repeat("<ul><li>punkt ", static_cast<std::size_t>(state.range(0)))), "text/html");
}
void BM_LinksInOneParagraph(benchmark::State& state) {
  run(state, page("<p>" + repeat("<a href=\"/d/a.pdf\">dokument</a> ", static_cast<std::size_t>(state.range(0))) + "</p>"),
      "text/html");
}
void BM_LongTextLine(benchmark::State& state) {  // range: KiB of one line
  run(state, "Statsbidrag 2024\n" + repeat("ord ", static_cast<std::size_t>(state.range(0)) * 256) + "\n", "text/plain");
}

}  // namespace

BENCHMARK(BM_NestedDivs)->Arg(2000)->Arg(20000)->Arg(200000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UnclosedNestedLists)->Arg(500)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LinksInOneParagraph)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongTextLine)->Arg(80)->Arg(800)->Arg(8000)->Unit(benchmark::kMillisecond);
