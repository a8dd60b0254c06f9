// `bidrag diff`: what changed in substance between two sets of records (two captures of a
// call, or two yearly editions), as text, Markdown or JSON.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/diff/diff.h"
#include "bidrag/diff/render.h"
#include "bidrag/diff/store_input.h"
#include "bidrag/store/sqlite_store.h"
#include "cli/commands.h"

namespace bidrag::cli {
namespace {

struct DiffOptions {
  std::string older;
  std::string newer;
  std::string db;    // --db: compare two selections of the store instead of two files
  std::string call;  // --call: series (with years) or call id (with capture times)
  std::string from;  // --from/--to: years or RFC 3339 UTC times
  std::string to;
  std::string format = "text";
  bool exit_code = false;
};

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
  if (o.db.empty()) {
    if (o.older.empty() || o.newer.empty()) throw UsageError("diff: give OLD and NEW files, or --db with --call, --from and --to");
    if (!o.call.empty() || !o.from.empty() || !o.to.empty()) throw UsageError("diff: --call, --from and --to need --db");
    return {load(o.older), load(o.newer)};
  }
  if (!o.older.empty()) throw UsageError("diff: give either OLD and NEW files or --db, not both");
  if (o.call.empty() || o.from.empty() || o.to.empty()) throw UsageError("diff: --db needs --call, --from and --to");
  // Opening would create an empty store; a missing file is a mistyped path.
  if (!std::filesystem::exists(o.db)) throw UsageError("diff: no store at " + o.db);
  store::SqliteStore db(o.db);
  try {
    return {diff::load_store(db, o.call, o.from), diff::load_store(db, o.call, o.to)};
  } catch (const Error& e) {
    throw IoError(e.what());  // the store itself holds something that is not a record
  }
}

int run(const DiffOptions& o) {
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
  std::cout << out;
  std::cout.flush();
  if (!std::cout) throw IoError("diff: cannot write to standard output");
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
      "compare two years of a call series, or two capture times of a call, from the SQLite store.");
  app.add_option("OLD", o->older, "Older records: JSON Lines as written by 'bidrag extract'");
  app.add_option("NEW", o->newer, "Newer records: JSON Lines as written by 'bidrag extract'");
  app.add_option("--db", o->db, "Compare two selections of this SQLite store instead of two files");
  app.add_option("--call", o->call, "With --db: the call series (with years) or call id (with times)");
  app.add_option("--from", o->from, "With --db: the older year (2022) or UTC time (2023-02-24T00:00:00Z)");
  app.add_option("--to", o->to, "With --db: the newer year or UTC time");
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
                 "\nNo change prints nothing (text, markdown) or [] (json).\n"
                 "Exit codes:\n"
                 "  0  done (with --exit-code: no changes)\n"
                 "  1  with --exit-code: there are changes\n"
                 "  2  usage error, or an input that is not records (the message names file and line)\n"
                 "  3  cannot read the store or write the output\n"));
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
