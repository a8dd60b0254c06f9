// Rows per second loading 100,000 ceiling records into PostgreSQL: COPY staging against one
// INSERT per row. Needs a server: BIDRAG_TEST_PG_URL (scripts/bench starts a throw-away one).
#include <benchmark/benchmark.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <string>

#include "bidrag/record/ids.h"
#include "bidrag/store/postgres.h"

namespace {

constexpr const char* kCall = "bench:allocation:2023";

std::vector<bidrag::record::Record> ceilings(int n) {
  std::vector<bidrag::record::Record> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    bidrag::record::Ceiling c;
    c.call_id = kCall;
    const std::string code = std::to_string(100000 + i);
    c.id = bidrag::record::ceiling_id(kCall, code);
    c.municipality = {"Kommun " + code, "Kommun " + code, std::nullopt, std::nullopt, std::nullopt};
    c.amount = bidrag::record::Amount{static_cast<std::int64_t>(i) * 100'000 + 50};
    c.amount_as_printed = std::to_string(i * 1000);
    c.source.url = "https://example.se/lista.pdf";
    c.source.format = bidrag::doc::Format::pdf;
    out.emplace_back(std::move(c));
  }
  return out;
}

void drop_schema(const std::string& url, const std::string& schema) {
  PGconn* c = PQconnectdb(url.c_str());
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  PQclear(PQexec(c, ("DROP SCHEMA IF EXISTS " + schema + " CASCADE").c_str()));
  PQfinish(c);
}

void BM_LoadCeilings(benchmark::State& state) {
  const char* url = std::getenv("BIDRAG_TEST_PG_URL");
  if (!url) {
    state.SkipWithError("BIDRAG_TEST_PG_URL is not set (run through scripts/bench)");
    return;
  }
  const bool copy = state.range(0) != 0;
  const auto records = ceilings(static_cast<int>(state.range(1)));
  const std::string schema = copy ? "bench_copy" : "bench_rows";
  const auto snap = bidrag::make_snapshot("https://example.se/lista.pdf", "%PDF-bench", "application/pdf",
                                          std::string("2023-01-18T08:00:00Z"));
  for (auto _ : state) {
    state.PauseTiming();
    drop_schema(url, schema);
    bidrag::store::postgres::Options o;
    o.schema = schema;
    o.use_copy = copy;
    auto sink = bidrag::store::postgres::make_sink(url, o);
    state.ResumeTiming();
    benchmark::DoNotOptimize(sink->put(snap, records));
  }
  state.SetItemsProcessed(state.iterations() * state.range(1));
  state.SetLabel(copy ? "COPY" : "row by row");
  drop_schema(url, schema);
}
BENCHMARK(BM_LoadCeilings)->Args({1, 100000})->Args({0, 100000})->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
