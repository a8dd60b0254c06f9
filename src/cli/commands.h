// The subcommand table. Each subcommand lives in its own cmd_<name>.cpp with an options
// struct, a setup function (declares options, opens no files) and a run function.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <string_view>
#include <vector>

namespace bidrag::cli {

// Options every subcommand sees.
struct Globals {
  bool verbose = false;
  bool quiet = false;
};

// Runs the command with its parsed options; returns an exit code (bidrag::ExitCode).
using Runner = std::function<int()>;
// Declares the command's options on `app` and returns how to run it once parsing is done.
using Setup = Runner (*)(CLI::App& app, const Globals& globals);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, shown in `bidrag --help`
  Setup setup;
};

[[nodiscard]] const std::vector<Command>& commands();

Runner setup_run(CLI::App&, const Globals&);
Runner setup_extract(CLI::App&, const Globals&);
Runner setup_tables(CLI::App&, const Globals&);
Runner setup_normalize(CLI::App&, const Globals&);
Runner setup_diff(CLI::App&, const Globals&);
Runner setup_schema(CLI::App&, const Globals&);
Runner setup_report(CLI::App&, const Globals&);
Runner setup_calendar(CLI::App&, const Globals&);
Runner setup_export(CLI::App&, const Globals&);

// The whole program: parses argv, runs one subcommand, maps every outcome to an exit code.
int main(int argc, char** argv);

}  // namespace bidrag::cli
