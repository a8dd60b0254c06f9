// `bidrag run`: placeholder until its issue lands; replaced by the real command.
#include "bidrag/common/error.h"
#include "cli/commands.h"

namespace bidrag::cli {

Runner setup_run(CLI::App&, const Globals&) {
  return []() -> int { throw UsageError("'run' is not implemented yet"); };
}

}  // namespace bidrag::cli
