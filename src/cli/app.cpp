// Argument parsing and dispatch; the only place where exceptions become exit codes.
#include <algorithm>
#include <iostream>
#include <string>

#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/common/log.h"
#include "cli/commands.h"

#ifndef BIDRAG_VERSION
#define BIDRAG_VERSION "0.0.0"
#endif

namespace bidrag::cli {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string command_list() {
  std::string s;
  for (const auto& c : commands()) s += (s.empty() ? "" : ", ") + std::string(c.name);
  return s;
}

// "bidrag: 'extrakt' is not a bidrag command. Did you mean 'extract'?"
int unknown_command(std::string_view word) {
  std::string_view best;
  std::size_t best_d = SIZE_MAX;
  for (const auto& c : commands()) {
    const std::size_t d = c.name.starts_with(word) ? 0 : edit_distance(word, c.name);
    if (d < best_d) best_d = d, best = c.name;
  }
  std::cerr << "bidrag: '" << word << "' is not a bidrag command.";
  if (best_d <= std::max<std::size_t>(2, word.size() / 3)) {
    std::cerr << " Did you mean '" << best << "'?\n";
  } else {
    std::cerr << " Did you mean one of: " << command_list() << "? See 'bidrag --help'.\n";
  }
  return static_cast<int>(ExitCode::usage);
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"run", "Run pipelines: fetch sources, extract records, store them (nightly job)", setup_run},
      {"extract", "Extract records from documents (files or URLs) to JSON Lines on stdout", setup_extract},
      {"tables", "Print every table found in a PDF, as CSV or JSON", setup_tables},
      {"normalize", "Normalize dates, amounts, phones, e-mails, municipalities or text", setup_normalize},
      {"diff", "Compare two sets of records: captures of a call, or two years", setup_diff},
      {"report", "Report what changed in the store since a date or the last run (Markdown, HTML, JSON)", setup_report},
      {"calendar", "Print the deadlines of open and upcoming calls as an iCalendar feed", setup_calendar},
      {"export", "Print one record type of the store as a flat CSV (or for Excel) or JSON Lines", setup_export},
      {"schema", "Print the JSON Schema of the records", setup_schema},
  };
  return table;
}

int main(int argc, char** argv) {
  CLI::App app{"bidrag: Swedish state-grant publications to clean, typed, traceable records.", "bidrag"};
  app.footer(std::string("\n") + kExitCodeHelp + "\nRun 'bidrag COMMAND --help' for a command's options.");
  app.set_version_flag("--version", std::string("bidrag ") + BIDRAG_VERSION);
  app.require_subcommand(1);
  Globals globals;
  app.add_flag("-v,--verbose", globals.verbose, "Say more about what is done");
  app.add_flag("-q,--quiet", globals.quiet, "Print errors only");
  app.option_defaults()->always_capture_default();

  std::vector<Runner> runners(commands().size());
  for (std::size_t i = 0; i < commands().size(); ++i) {
    const auto& c = commands()[i];
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
    sub->footer(kExitCodeHelp);
    runners[i] = c.setup(*sub, globals);
    // An option never swallows the inputs that follow it: a repeatable option (a vector, such
    // as --sink) takes exactly one value per use; repeat the option for more.
    for (CLI::Option* opt : sub->get_options()) {
      if (!opt->get_positional() && opt->get_expected_max() > 1) opt->allow_extra_args(false);
    }
  }

  // A first word that is neither an option nor a command gets a suggestion, not CLI11's
  // generic "arguments were not expected".
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.starts_with("-")) continue;
    const bool known = std::any_of(commands().begin(), commands().end(), [&](const Command& c) { return c.name == word; });
    if (!known) return unknown_command(word);
    break;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }
  log::set_level(globals.quiet ? log::Level::quiet : globals.verbose ? log::Level::verbose : log::Level::normal);

  try {
    for (std::size_t i = 0; i < commands().size(); ++i) {
      if (app.got_subcommand(std::string(commands()[i].name))) return runners[i]();
    }
  } catch (const UsageError& e) {
    log::error(e.what());
    return static_cast<int>(ExitCode::usage);
  } catch (const IoError& e) {
    log::error(e.what());
    return static_cast<int>(ExitCode::io);
  } catch (const std::exception& e) {
    log::error(e.what());
    return static_cast<int>(ExitCode::io);
  }
  return static_cast<int>(ExitCode::usage);
}

}  // namespace bidrag::cli
