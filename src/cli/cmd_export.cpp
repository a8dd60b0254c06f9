// `bidrag export`: one record type of the store as a flat CSV (or Excel's CSV) or JSON Lines.
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/export/export.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace bidrag::cli {
namespace {

struct ExportOptions {
  std::string db;
  std::string type;
  std::string format = "csv";
  bool excel = false;
};

int run(const ExportOptions& o) {
  const auto db = open_store(o.db, "export");
  exports::Options eo;
  eo.type = o.type;
  eo.format = o.format == "jsonl" ? exports::Format::jsonl : exports::Format::csv;
  eo.excel = o.excel;
  print(read_store([&] { return exports::export_records(*db, eo); }), "export");
  return static_cast<int>(ExitCode::ok);
}

}  // namespace

Runner setup_export(CLI::App& app, const Globals&) {
  auto o = std::make_shared<ExportOptions>();
  app.description(
      "Print the current records of one type as a flat table: every nested field a column with a dotted\n"
      "name (funder.name, amount.value, recipient.code), list items numbered from 1 (applicant_types.1).\n"
      "--excel writes what Swedish Excel opens correctly: UTF-8 with a byte order mark, semicolons,\n"
      "a decimal comma, and codes such as 0181 or +46… kept as text.");
  app.add_option("--db", o->db, "The SQLite store to read")->required()->option_text("PATH");
  app.add_option("--type", o->type, "Record type: call, deadline, contact, ceiling or allocation_list")
      ->required()
      ->check(CLI::IsMember({"call", "deadline", "contact", "ceiling", "allocation_list", "document", "error"}));
  app.add_option("--format", o->format, "Output: csv or jsonl (flat objects)")->check(CLI::IsMember({"csv", "jsonl"}));
  app.add_flag("--excel", o->excel, "CSV for Swedish Excel: BOM, semicolons, decimal comma");
  app.footer(std::string("\nExamples:\n"
                         "  bidrag export --db bidrag.db --type ceiling > ceilings.csv\n"
                         "  bidrag export --db bidrag.db --type ceiling --format csv --excel > ceilings-excel.csv\n"
                         "  bidrag export --db bidrag.db --type deadline --format jsonl\n\n") +
             kExitCodeHelp);
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
