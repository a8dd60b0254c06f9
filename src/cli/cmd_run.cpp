// `bidrag run`: runs pipelines into the store and a JSON Lines file, with progress on a
// terminal and a one-line summary; exit 1 when a document failed, 3 when storage failed.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "bidrag/calendar/calendar.h"
#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/common/file.h"
#include "bidrag/common/log.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/fetch/fetch.h"
#include "bidrag/pipeline/pipeline.h"
#include "bidrag/pipeline/run.h"
#include "bidrag/pipeline/sinks.h"
#include "bidrag/report/report.h"
#include "bidrag/store/memory.h"
#include "bidrag/store/sqlite_store.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace bidrag::cli {
namespace {

struct RunOptions {
  std::vector<std::string> pipelines;
  std::string db;
  std::string out;
  std::vector<std::string> sinks;
  bool stop_on_error = false;
  double budget_s = 60;
  std::size_t memory_mib = 4096;
  std::string report_dir;  // --report: the night's report and calendar go here
};

// One updating line on a terminal: "  12/40 documents  1.2 MB  1 error  3.4 s".
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  ~ProgressLine() { clear(); }
  void show(const std::string& name, const pipeline::Progress& p) {
    if (!enabled_) return;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\r%s: %zu/%zu documents  %.1f MB  %zu error%s  %.1f s\x1b[K", name.c_str(), p.done, p.total,
                 static_cast<double>(p.bytes) / 1e6, p.failed, p.failed == 1 ? "" : "s", secs);
    std::fflush(stderr);
    shown_ = true;
  }
  void clear() {
    if (shown_) std::fputs("\r\x1b[K", stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

// Sinks opened once per spec, shared by every pipeline of the invocation.
class OpenSinks {
 public:
  store::Sink* get(const std::string& spec) {
    auto& slot = open_[spec];
    if (!slot) slot = pipeline::make_sink(spec);
    return slot.get();
  }

 private:
  std::map<std::string, std::unique_ptr<store::Sink>> open_;
};

// The SQLite store the night's report reads: the first pipeline's (or --db). Checked before any
// fetch, so a wrong combination costs nothing.
std::string report_store(const RunOptions& o, const std::vector<pipeline::Pipeline>& pipelines) {
  const std::string spec = o.db.empty() ? pipelines.front().outputs.db : o.db;
  const auto path = pipeline::sqlite_path(spec);
  if (!path) throw UsageError("run: --report reads the SQLite store; give --db PATH (the store is \"" + spec + "\")");
  return *path;
}

// report.md, report.html and calendar.ics in `dir`: what the runs since `since` changed.
void write_report(const std::string& dir, const std::string& db_path, const std::string& since) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw IoError("run: cannot create the report folder " + dir + ": " + ec.message());
  store::SqliteStore db(db_path);
  report::Options ro;
  ro.since = since;
  const auto r = read_store([&] { return report::collect(db, ro); });
  const auto feed = read_store([&] { return calendar::feed(db, {}); });
  write_file_atomic(dir + "/report.md", report::render_markdown(r));
  write_file_atomic(dir + "/report.html", report::render_html(r));
  write_file_atomic(dir + "/calendar.ics", feed);
  log::debug("wrote the report to " + dir);
}

int run_pipelines(const RunOptions& o) {
  std::vector<pipeline::Pipeline> pipelines;
  for (const auto& file : o.pipelines) pipelines.push_back(pipeline::load(file));  // all checked before any fetch
  const std::string report_db = o.report_dir.empty() ? std::string() : report_store(o, pipelines);
  const std::string started = now_rfc3339();

  OpenSinks open;
  std::map<std::string, std::string> outputs;  // JSON Lines path → text
  std::vector<std::string> order;
  bool any_failed = false;
  ProgressLine line(isatty(STDERR_FILENO) && log::level() != log::Level::quiet);
  for (const auto& p : pipelines) {
    const std::string db = o.db.empty() ? p.outputs.db : o.db;
    std::vector<store::Sink*> sinks;
    if (!db.empty()) sinks.push_back(open.get(db));
    for (const auto& spec : o.sinks.empty() ? p.outputs.sinks : o.sinks) sinks.push_back(open.get(spec));
    // The store (--db / outputs.db) is the first sink; what it remembers and its run log are
    // what it says it has.
    store::Memory* memory = sinks.empty() ? nullptr : sinks.front()->memory();
    store::RunLog* runs = sinks.empty() ? nullptr : sinks.front()->run_log();

    const auto fetcher = fetch::make_curl_fetcher(p.policy);
    pipeline::RunOptions ro;
    ro.stop_on_error = o.stop_on_error;
    ro.isolation.budget = std::chrono::milliseconds(static_cast<long long>(o.budget_s * 1000));
    ro.isolation.memory_bytes = o.memory_mib << 20;
    ro.progress = [&](const pipeline::Progress& pr) { line.show(p.name, pr); };
    const auto run_id = runs ? runs->begin_run(p.name) : 0;
    const auto result = pipeline::run(p, *fetcher, sinks, memory, ro);
    if (runs) {
      store::RunCounts counts{result.documents, result.changed, result.unchanged, result.failed,
                              result.lines.size(), result.bytes};
      runs->end_run(run_id, counts);
    }
    line.clear();
    if (log::level() != log::Level::quiet) std::cout << p.name << ": " << pipeline::summary(result) << "\n";
    any_failed |= result.failed > 0;

    const std::string out = o.out.empty() ? p.outputs.jsonl : o.out;
    if (!out.empty()) {
      if (!outputs.count(out)) order.push_back(out);
      auto& text = outputs[out];
      for (const auto& l : result.lines) text += l + "\n";
    }
    if (result.stopped) break;
  }
  for (const auto& path : order) {
    write_file_atomic(path, outputs[path]);
    log::debug("wrote " + path);
  }
  if (!report_db.empty()) write_report(o.report_dir, report_db, started);
  return static_cast<int>(any_failed ? ExitCode::documents_failed : ExitCode::ok);
}

}  // namespace

Runner setup_run(CLI::App& app, const Globals&) {
  auto o = std::make_shared<RunOptions>();
  app.description(
      "Run pipelines (pipelines/*.json): fetch each source politely and conditionally, extract what changed, "
      "follow linked documents (allocation lists), keep every record version in the store, and write the "
      "current records of the run's documents as JSON Lines.");
  app.add_option("pipeline", o->pipelines, "Pipeline definition files (JSON)")->required()->check(CLI::ExistingFile);
  app.add_option("--db", o->db, "The store (overrides the pipeline's outputs.db): PATH or sqlite:PATH, "
                                "postgresql://…, or null")
      ->option_text("PATH");
  app.add_option("--out", o->out, "JSON Lines output (overrides outputs.jsonl); written atomically")->option_text("FILE");
  app.add_option("--sink", o->sinks, "More sinks, repeatable (overrides outputs.sinks): postgresql://…, sqlite:PATH, null")
      ->option_text("URL");
  app.add_option("--budget", o->budget_s,
                 "Time budget per document in seconds: extraction runs in a worker process, stopped after it "
                 "(an error record for that document; the run goes on)")
      ->check(CLI::PositiveNumber)
      ->option_text("SECONDS");
  app.add_option("--memory", o->memory_mib, "Memory ceiling of the extraction worker in MiB (RLIMIT_AS; 0: none)")
      ->option_text("MIB");
  app.add_option("--report", o->report_dir,
                 "Write the night's report (report.md, report.html: what these runs changed) and the deadline "
                 "calendar (calendar.ics) into this folder; needs the SQLite store")
      ->option_text("DIR");
  app.add_flag("--stop-on-error", o->stop_on_error, "Stop at the first document that fails (exit 1)");
  app.footer(std::string("\nExamples:\n"
                         "  bidrag run pipelines/demo.json\n"
                         "  bidrag run pipelines/demo.json --db /tmp/bidrag.db --out /tmp/records.jsonl\n"
                         "  bidrag run pipelines/demo.json --db bidrag.db --report out/report\n"
                         "  bidrag run pipelines/socialstyrelsen.json --sink postgresql://bidrag@localhost/bidrag\n\n"
                         "Progress is shown on a terminal only. Each document is stored in one transaction, so a\n"
                         "killed run is completed by running it again.\n\n") +
             kExitCodeHelp);
  return [o]() { return run_pipelines(*o); };
}

}  // namespace bidrag::cli
