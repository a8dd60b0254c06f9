// `bidrag diff`: what changed in substance between two sets of records (two captures of a
// call, or two yearly editions), as text, Markdown or JSON.
#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/diff/diff.h"
#include "bidrag/diff/render.h"
#include "bidrag/diff/series.h"
#include "bidrag/diff/store_input.h"
#include "bidrag/pipeline/sinks.h"
#include "bidrag/store/series.h"
#include "bidrag/store/sqlite_store.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace bidrag::cli {
namespace {

struct DiffOptions {
  std::string older;
  std::string newer;
  std::string db;    // --db: compare two selections of the store instead of two files
  std::string call;  // --call: series (with years) or call id (with capture times)
  std::string from;  // --from/--to: years or RFC 3339 UTC times
  std::string to;
  std::string series;  // --series: compare two editions of a call series from the store
  std::string years;   // --years: "2022,2023", "2023", or "" (the two latest editions)
  bool list = false;   // --list: the store's series and their editions
  std::string format = "text";
  bool exit_code = false;
};

bool is_url(const std::string& spec) { return spec.find("://") != std::string::npos; }

// A store that keeps series: the SQLite file or a PostgreSQL URL, as `bidrag run --db` takes it.
struct SeriesStore {
  std::unique_ptr<store::Sink> sink;
  store::SeriesIndex* index = nullptr;
  std::string where;  // for messages: the path, or the masked URL
};

SeriesStore open_series_store(const std::string& spec) {
  if (!is_url(spec)) {
    const std::string path = spec.rfind("sqlite:", 0) == 0 ? spec.substr(7) : spec;
    // Opening would create an empty store; a missing file is a mistyped path.
    if (!std::filesystem::exists(path)) throw UsageError("diff: no store at " + path);
  }
  SeriesStore s;
  s.sink = pipeline::make_sink(spec);
  s.index = s.sink->series_index();
  if (!s.index) throw UsageError("diff: the store \"" + spec + "\" keeps no call series");
  s.where = is_url(spec) ? s.sink->describe() : spec;
  return s;
}

diff::RecordSet load(const std::string& path) {
  try {
    return diff::load_jsonl_file(path);
  } catch (const Error& e) {
    throw UsageError(e.what());  // a malformed input is a bad argument: exit 2
  } catch (const IoError& e) {
    throw UsageError(e.what());
  }
}

bool colour_wanted() {
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) == 1 && !(no_colour && *no_colour);
}

std::pair<diff::RecordSet, diff::RecordSet> load_both(const DiffOptions& o) {
  if (!o.series.empty()) {
    if (!o.older.empty() || !o.call.empty() || !o.from.empty() || !o.to.empty())
      throw UsageError("diff: --series takes no OLD/NEW files, --call, --from or --to (use --years)");
    const auto years = diff::parse_years(o.years);
    auto s = open_series_store(o.db.empty() ? "bidrag.db" : o.db);
    const auto pair = diff::pick_editions(*s.index, o.series, years, s.where);
    return read_store([&] {
      return std::pair{diff::load_edition(*s.index, pair.older.call_id, s.where),
                       diff::load_edition(*s.index, pair.newer.call_id, s.where)};
    });
  }
  if (!o.years.empty()) throw UsageError("diff: --years needs --series");
  if (o.db.empty()) {
    if (o.older.empty() || o.newer.empty())
      throw UsageError("diff: give OLD and NEW files, --series SERIES, or --db with --call, --from and --to");
    if (!o.call.empty() || !o.from.empty() || !o.to.empty()) throw UsageError("diff: --call, --from and --to need --db");
    return {load(o.older), load(o.newer)};
  }
  if (!o.older.empty()) throw UsageError("diff: give either OLD and NEW files or --db, not both");
  if (o.call.empty() || o.from.empty() || o.to.empty()) throw UsageError("diff: --db needs --call, --from and --to");
  const auto db = open_store(o.db, "diff");
  return read_store([&] { return std::pair{diff::load_store(*db, o.call, o.from), diff::load_store(*db, o.call, o.to)}; });
}

int list(const DiffOptions& o) {
  if (!o.older.empty() || !o.call.empty() || !o.from.empty() || !o.to.empty() || !o.years.empty())
    throw UsageError("diff: --list takes only --db, --series and --format");
  auto s = open_series_store(o.db.empty() ? "bidrag.db" : o.db);
  print(diff::render_series_list(*s.index, o.series, o.format == "json", s.where), "diff");
  return static_cast<int>(ExitCode::ok);
}

int run(const DiffOptions& o) {
  if (o.list) return list(o);
  const auto [older, newer] = load_both(o);
  const auto changes = diff::diff(older, newer);
  std::string out;
  if (o.format == "json") {
    out = diff::render_json(changes);
  } else if (o.format == "markdown") {
    out = diff::render_markdown(changes);
  } else {
    out = diff::render_text(changes, colour_wanted());
  }
  print(out, "diff");
  return o.exit_code && !changes.empty() ? 1 : static_cast<int>(ExitCode::ok);
}

}  // namespace

Runner setup_diff(CLI::App& app, const Globals&) {
  auto o = std::make_shared<DiffOptions>();
  app.description(
      "Compare two sets of records and print what changed in substance: dates moved (with the\n"
      "shift in days), status, fields that appeared or vanished, texts (word diff, white space\n"
      "ignored), deadlines, contacts and documents added/removed/changed, and per-municipality\n"
      "ceilings with the exact change in kronor and percent, plus the change of the total.\n"  // vocab-scan: not a cue (help text)
      "Calls pair up by series (the call id without its year), so the 2022 and 2023 editions of a\n"
      "call are compared; records inside a call pair up by id, never by position. Provenance\n"
      "(source, ids, warnings), the capture date (as_of) and how amounts were printed are ignored.\n"
      "OLD and NEW are JSON Lines files of records, or use --db with --call, --from and --to to\n"
      "compare two years of a call series, or two capture times of a call, from the SQLite store.\n"
      "--series compares a call with last year's straight from the store (SQLite or PostgreSQL,\n"
      "default bidrag.db): the store ties every call to its series and links each new edition to\n"
      "the previous one it holds; --list shows the series and their editions.");
  app.add_option("OLD", o->older, "Older records: JSON Lines as written by 'bidrag extract'");
  app.add_option("NEW", o->newer, "Newer records: JSON Lines as written by 'bidrag extract'");
  app.add_option("--db", o->db,
                 "The store to read instead of two files: a SQLite path; with --series or --list also "
                 "postgresql://… (default there: bidrag.db)");
  app.add_option("--call", o->call, "With --db: the call series (with years) or call id (with times)");
  app.add_option("--from", o->from, "With --db: the older year (2022) or UTC time (2023-02-24T00:00:00Z)");
  app.add_option("--to", o->to, "With --db: the newer year or UTC time");
  app.add_option("--series", o->series,
                 "Compare two editions of this call series from the store (--db, default bidrag.db): "
                 "the latest and the previous one, or those of --years");
  app.add_option("--years", o->years,
                 "With --series: OLD,NEW (2022,2023), or one YEAR to compare with its previous edition");
  app.add_flag("--list", o->list,
               "List the store's call series and their editions, oldest first (with --series: only that series)");
  app.add_option("--format", o->format, "Output: text (coloured on a terminal), markdown, or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  app.add_flag("--exit-code", o->exit_code, "Exit with 1 when there are changes, 0 when none (like git diff)");
  app.footer(std::string(
                 "\nExamples:\n"
                 "  bidrag extract open.html > old.jsonl; bidrag extract closed.html > new.jsonl\n"
                 "  bidrag diff old.jsonl new.jsonl\n"
                 "  bidrag diff --format json 2022.jsonl 2023.jsonl\n"
                 "  bidrag diff --format markdown --exit-code old.jsonl new.jsonl > changes.md\n"
                 "  bidrag diff --db bidrag.db --call socialstyrelsen:sociala-insatser-i-utsatta-omraden \\\n"
                 "              --from 2022 --to 2023\n"
                 "  bidrag diff --db bidrag.db --call socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023 \\\n"
                 "              --from 2023-02-24T00:00:00Z --to 2023-12-20T00:00:00Z\n"
                 "  bidrag diff --list                                   # series and editions in bidrag.db\n"
                 "  bidrag diff --series socialstyrelsen:sociala-insatser-i-utsatta-omraden   # latest vs previous\n"
                 "  bidrag diff --series socialstyrelsen:sociala-insatser-i-utsatta-omraden --years 2022,2023\n"
                 "  bidrag diff --db postgresql://bidrag@localhost/grants --series SERIES --years 2023\n"
                 "\nNo change prints nothing (text, markdown) or [] (json); --list of an empty store likewise.\n"
                 "Exit codes:\n"
                 "  0  done (with --exit-code: no changes)\n"
                 "  1  with --exit-code: there are changes\n"
                 "  2  usage error, or an input that is not records (the message names file and line);\n"
                 "     with --series: a series the store does not know, a year it has no edition of, or a\n"
                 "     series with one edition (nothing to compare it with)\n"
                 "  3  cannot read the store or write the output\n"));
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
