// `bidrag diff`: placeholder until its issue lands; replaced by the real command.
#include "bidrag/common/error.h"
#include "cli/commands.h"

namespace bidrag::cli {

Runner setup_diff(CLI::App&, const Globals&) {
  return []() -> int { throw UsageError("'diff' is not implemented yet"); };
}

}  // namespace bidrag::cli
