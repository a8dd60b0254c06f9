// `bidrag schema`: prints the record JSON Schema (draft-04) that every emitted record obeys.
#include <iostream>

#include "bidrag/common/exit_code.h"
#include "bidrag/record/schema.h"
#include "cli/commands.h"

namespace bidrag::cli {

Runner setup_schema(CLI::App&, const Globals&) {
  return [] {
    std::cout << record::schema_text();
    std::cout.flush();
    return std::cout ? static_cast<int>(ExitCode::ok) : static_cast<int>(ExitCode::io);
  };
}

}  // namespace bidrag::cli
