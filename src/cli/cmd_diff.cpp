// `bidrag diff`: what changed in substance between two sets of records (two captures of a
// call, or two yearly editions), as text, Markdown or JSON.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/diff/diff.h"
#include "bidrag/diff/render.h"
#include "cli/commands.h"

namespace bidrag::cli {
namespace {

struct DiffOptions {
  std::string older;
  std::string newer;
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

int run(const DiffOptions& o) {
  const auto older = load(o.older);
  const auto newer = load(o.newer);
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
      "ceilings with the exact change in kronor and percent, plus the change of the total.\n"
      "Calls pair up by series (the call id without its year), so the 2022 and 2023 editions of a\n"
      "call are compared; records inside a call pair up by id, never by position. Provenance\n"
      "(source, ids, warnings), the capture date (as_of) and how amounts were printed are ignored.");
  app.add_option("OLD", o->older, "Older records: JSON Lines as written by 'bidrag extract'")->required();
  app.add_option("NEW", o->newer, "Newer records: JSON Lines as written by 'bidrag extract'")->required();
  app.add_option("--format", o->format, "Output: text (coloured on a terminal), markdown, or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  app.add_flag("--exit-code", o->exit_code, "Exit with 1 when there are changes, 0 when none (like git diff)");
  app.footer(std::string(
                 "\nExamples:\n"
                 "  bidrag extract open.html > old.jsonl; bidrag extract closed.html > new.jsonl\n"
                 "  bidrag diff old.jsonl new.jsonl\n"
                 "  bidrag diff --format json 2022.jsonl 2023.jsonl\n"
                 "  bidrag diff --format markdown --exit-code old.jsonl new.jsonl > changes.md\n"
                 "\nNo change prints nothing (text, markdown) or [] (json).\n"
                 "Exit codes:\n"
                 "  0  done (with --exit-code: no changes)\n"
                 "  1  with --exit-code: there are changes\n"
                 "  2  usage error, or an input that is not records (the message names file and line)\n"
                 "  3  cannot write the output\n"));
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
