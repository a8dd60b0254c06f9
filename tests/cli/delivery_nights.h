// The store the delivery tests (report, calendar, export, run --report) read: three nights of
// the demo pipeline on a copy of the captured site, changed between the nights as a publisher
// would change it.
//   night 1: the 2022 call and its allocation list;
//   night 2: the 2023 call appears (open), with its list: a new edition of the series;
//   night 3: the 2023 call closes (report deadlines added, documents changed), its
//            funds_usable_until moves from 2023-12-31 to 2024-03-31, a revised list replaces
//            its list (the 2022 list's amounts at the 2023 list's address), and a page named
//            in the pipeline is missing (an error).
#pragma once
#include <string>
#include <vector>

namespace bidrag::test {

struct Nights {
  std::string dir;     // the folder of the site copy, pipelines, outputs
  std::string db;      // the SQLite store
  std::string night2;  // RFC 3339 UTC times taken just before nights 2 and 3 started
  std::string night3;
  std::string report_dir;  // night 3 ran with --report here
};

// Built once per test process (three `bidrag run`s, about a second apart).
const Nights& three_nights();

// Runs Debian's `python3 script args…` (script under tests/support/) and returns its standard output;
// the exit code goes to *exit_code.
std::string run_python(const std::string& script, const std::vector<std::string>& args, int* exit_code);

}  // namespace bidrag::test
