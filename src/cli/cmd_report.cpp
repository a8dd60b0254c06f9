// `bidrag report`: what changed in the store since a date or since the last run, as Markdown,
// one self-contained HTML page, or JSON.
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/report/report.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace bidrag::cli {
namespace {

struct ReportOptions {
  std::string db;
  std::string since;
  bool last_run = false;
  std::string format = "markdown";
};

std::string render(const report::Report& r, const std::string& format) {
  if (format == "html") return report::render_html(r);
  if (format == "json") return report::render_json(r);
  return report::render_markdown(r);
}

int run(const ReportOptions& o) {
  const auto db = open_store(o.db, "report");
  report::Options ro;
  if (!o.since.empty()) {
    const auto since = report::parse_since(o.since);
    if (!since) throw UsageError("report: --since '" + o.since + "' is neither a date (2026-11-30) nor a UTC time (2026-11-30T22:00:00Z)");
    ro.since = *since;
  } else if (const auto last = db->last_run()) {
    ro.since = last->started_at;
  } else {
    ro.since = "0000-01-01T00:00:00Z";  // no run logged yet: everything the store holds is new
  }
  const auto r = read_store([&] { return report::collect(*db, ro); });
  print(render(r, o.format), "report");
  return static_cast<int>(ExitCode::ok);
}

}  // namespace

Runner setup_report(CLI::App& app, const Globals&) {
  auto o = std::make_shared<ReportOptions>();
  app.description(
      "Report what changed in the store since a date or since the last run: new calls (each new edition\n"
      "of a series compared with the previous year), calls that opened or closed, moved deadlines,\n"
      "changed ceilings, new and removed documents, and errors. Markdown for e-mail, one self-contained\n"
      "HTML page (sortable tables, a chart of ceiling changes per recipient), or JSON.");
  app.add_option("--db", o->db, "The SQLite store to read")->required()->option_text("PATH");
  auto* since = app.add_option("--since", o->since, "Changes stored at or after this date (2026-11-30, midnight UTC) "
                                                    "or UTC time (2026-11-30T22:00:00Z)")
                    ->option_text("DATE");
  app.add_flag("--last-run", o->last_run, "Changes stored since the start of the last finished run (the default)")
      ->excludes(since);
  app.add_option("--format", o->format, "Output: markdown, html or json")
      ->check(CLI::IsMember({"markdown", "html", "json"}));
  app.footer(std::string("\nExamples:\n"
                         "  bidrag report --db bidrag.db --last-run > changes.md\n"
                         "  bidrag report --db bidrag.db --since 2026-11-01 --format html > report.html\n"
                         "  bidrag report --db bidrag.db --since 2026-11-30T22:00:00Z --format json\n\n") +
             kExitCodeHelp);
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
