// The process exit codes, in one place; main() alone maps outcomes to them.
#pragma once

namespace bidrag {

enum class ExitCode : int {
  ok = 0,                // everything was processed
  documents_failed = 1,  // some documents failed; the others were processed and stored
  usage = 2,             // bad arguments or configuration (pipeline file, unknown names)
  io = 3,                // I/O or storage failure (cannot write the store, output or database)
};

// For --help and README: one line per code.
inline constexpr const char* kExitCodeHelp =
    "Exit codes:\n"
    "  0  all documents processed\n"
    "  1  some documents failed (the others were still processed and stored)\n"
    "  2  usage or configuration error\n"
    "  3  I/O or storage failure\n";

}  // namespace bidrag
