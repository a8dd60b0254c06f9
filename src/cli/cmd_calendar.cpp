// `bidrag calendar`: the deadlines of open and upcoming calls as an iCalendar feed.
#include <memory>

#include "bidrag/calendar/calendar.h"
#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace bidrag::cli {
namespace {

struct CalendarOptions {
  std::string db;
  std::vector<std::string> calls;
};

int run(const CalendarOptions& o) {
  const auto db = open_store(o.db, "calendar");
  calendar::Options co;
  co.calls = o.calls;
  print(read_store([&] { return calendar::feed(*db, co); }), "calendar");
  return static_cast<int>(ExitCode::ok);
}

}  // namespace

Runner setup_calendar(CLI::App& app, const Globals&) {
  auto o = std::make_shared<CalendarOptions>();
  app.description(
      "Print an iCalendar feed (RFC 5545) of the deadlines of the calls whose status is open or upcoming:\n"
      "one all-day event per deadline, with the call's title and page, and a UID that stays the same\n"
      "from night to night, so a calendar application that subscribes to the file updates its events.");
  app.add_option("--db", o->db, "The SQLite store to read")->required()->option_text("PATH");
  app.add_option("--call", o->calls, "Only this call id, whatever its status; repeat for more")->option_text("ID");
  app.footer(std::string("\nExamples:\n"
                         "  bidrag calendar --db bidrag.db > deadlines.ics\n"
                         "  bidrag calendar --db bidrag.db --call socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023\n\n") +
             kExitCodeHelp);
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
