// The delivery commands on three nights of the demo site (cli/delivery_nights.h): `bidrag report`
// in its three forms, `bidrag calendar` read back by an independent iCalendar parser,
// `bidrag export` read back by Python's csv module, and `bidrag run --report`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <rapidjson/document.h>

#include "cli/delivery_nights.h"
#include "support/support.h"

namespace bidrag::test {
namespace {

constexpr const char* k2022 = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2022";
constexpr const char* k2023 = "socialstyrelsen:sociala-insatser-i-utsatta-omraden:2023";

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = temp_dir("delivery-out") + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

RunResult bidrag_ok(const std::vector<std::string>& args) {
  auto r = run_bidrag(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return r;
}


std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const auto a = text.find(from);
  if (a == std::string::npos) return "<no " + from + ">";
  const auto b = text.find(to, a + from.size());
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

// The capture time of night 1 (the 2022 page), as the records of that night state it.
std::string night1_fetched_at() {
  const std::string jsonl = read_file(three_nights().dir + "/night1.jsonl");
  const std::string key = R"("fetched_at":")";
  const auto at = jsonl.find(key);
  return at == std::string::npos ? std::string() : jsonl.substr(at + key.size(), 20);
}

TEST(ReportCli, LastRunInMarkdown) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"report", "--db", n.db, "--last-run"});
  const std::string k = std::string("`") + k2023 + "`";
  EXPECT_EQ(between(r.out, "## New calls", "## Calls"), "## New calls (0)\n\nNone.\n\n");
  EXPECT_EQ(between(r.out, "## Calls that opened or closed", "## Deadlines"),
            "## Calls that opened or closed (1)\n\n| Call | Change | Was | Now |\n| --- | --- | --- | --- |\n"
            "| [Sociala insatser i utsatta områden 2023](https://statsbidrag.socialstyrelsen.se/statsbidrag/"
            "sociala-insatser-i-utsatta-omraden-2023/) | closed | open | closed |\n\n");
  EXPECT_EQ(between(r.out, "## Deadlines", "## Ceilings"),
            "## Deadlines (3)\n\n| Call | Deadline | Change | Was | Now | Days |\n| --- | --- | --- | --- | --- | --- |\n"
            "| " + k + " | funds_usable_until | moved | 2023-12-31 | 2024-03-31 | +91 |\n"
            "| " + k + " | report_due | added |  | 2024-02-15 |  |\n"
            "| " + k + " | report_request_sent | added |  | 2023-12-11 |  |\n\n");
  // The revised list (the 2022 amounts) against the 2023 list: 26 recipients changed, 2 gone.
  EXPECT_EQ(count_of(r.out, "## Ceilings (28)\n"), 1u);
  EXPECT_EQ(count_of(r.out, "| " + k + " | Södertälje | changed | 13 820 044 | 13 443 523 | -376 521 | -2.72 |\n"), 1u);
  EXPECT_EQ(count_of(r.out, "| " + k + " | Sigtuna | removed | 5 426 349 |  | -5 426 349 | -100.00 |\n"), 1u);
  EXPECT_EQ(count_of(r.out, "| " + k + " | Norrköping | changed | 3 348 784 | 7 037 058 | +3 688 274 | 110.14 |\n"), 1u);
  EXPECT_EQ(count_of(r.out, " | changed | "), 26u);
  EXPECT_EQ(count_of(r.out, "## Documents (7)\n"), 1u);
  EXPECT_EQ(count_of(r.out, "| " + k + " | removed | [Rekvirera nu](https://statsbidrag.socialstyrelsen.se/inloggning/"
                                       "?returnUri=/minsida/?utlysningsid=2cc867dd-d970-471a-861c-d05532f72c4e) | application |\n"),
            1u);
  EXPECT_EQ(count_of(r.out, "| " + k + " | added | [www.bra.se](https://bra.se/) | other |\n"), 1u);
  EXPECT_EQ(between(r.out, "## Errors", "\n\n## New editions"),
            "## Errors (1)\n\n| Document | Stage | Message |\n| --- | --- | --- |\n"
            "| https://statsbidrag.socialstyrelsen.se/statsbidrag/nedlagt-bidrag-2023/ | fetch | "
            "https://statsbidrag.socialstyrelsen.se/statsbidrag/nedlagt-bidrag-2023/: not found in mirror (no file " +
                n.dir + "/site/statsbidrag/nedlagt-bidrag-2023/index.html) |");
  EXPECT_EQ(count_of(r.out, "## New editions compared with the previous year (0)\n\nNone.\n"), 1u);
  EXPECT_EQ(count_of(r.out, "| nightly | "), 1u);  // night 3 only
  EXPECT_EQ(count_of(r.out, " | 5 | 2 | 1 |\n"), 1u);  // 5 documents, 2 changed, 1 failed

  // --last-run is the default.
  const auto d = bidrag_ok({"report", "--db", n.db});
  EXPECT_EQ(d.out.substr(d.out.find("## Runs")), r.out.substr(r.out.find("## Runs")));
}

TEST(ReportCli, SinceNightTwoInJsonHasTheNewEditionDiffedAgainstLastYear) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"report", "--db", n.db, "--since", n.night2, "--format", "json"});
  rapidjson::Document doc;
  ASSERT_FALSE(doc.Parse(r.out.c_str()).HasParseError()) << r.out;
  EXPECT_EQ(std::string(doc["since"].GetString()), n.night2);
  EXPECT_EQ(doc["runs"].Size(), 2u);
  ASSERT_EQ(doc["new_calls"].Size(), 1u);
  const auto& call = doc["new_calls"][0];
  EXPECT_EQ(std::string(call["call_id"].GetString()), k2023);
  EXPECT_EQ(std::string(call["title"].GetString()), "Sociala insatser i utsatta områden 2023");
  EXPECT_EQ(std::string(call["status"].GetString()), "closed");
  EXPECT_EQ(std::string(call["application_close"].GetString()), "2023-05-12");
  EXPECT_EQ(call["ceilings"].GetUint(), 26u);  // the revised list's rows
  EXPECT_EQ(call["ceilings_total"].GetInt64(), 243'500'000);
  // A new call's changes are in its edition diff, not in the capture-to-capture sections.
  EXPECT_EQ(doc["status_changes"].Size(), 0u);
  EXPECT_EQ(doc["ceilings"].Size(), 0u);
  EXPECT_EQ(doc["errors"].Size(), 1u);
  ASSERT_EQ(doc["editions"].Size(), 1u);
  const auto& e = doc["editions"][0];
  EXPECT_EQ(std::string(e["call_id"].GetString()), k2023);
  EXPECT_EQ(std::string(e["previous_call_id"].GetString()), k2022);
  EXPECT_EQ(e["changes"].Size(), 42u);
  const auto& moved = e["changes"][9];
  EXPECT_EQ(std::string(moved["path"].GetString()), "call.funds_usable_until");
  EXPECT_EQ(std::string(moved["old"].GetString()), "2022-12-31");
  EXPECT_EQ(std::string(moved["new"].GetString()), "2024-03-31");
  EXPECT_EQ(moved["days"].GetInt(), 456);
}

TEST(ReportCli, HtmlIsOneSelfContainedPage) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"report", "--db", n.db, "--last-run", "--format", "html"});
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>\n", 0), 0u);
  // Nothing from the network: no external script, style sheet, image or font.
  EXPECT_EQ(count_of(r.out, "<script src"), 0u);
  EXPECT_EQ(count_of(r.out, "<link"), 0u);
  EXPECT_EQ(count_of(r.out, "<img"), 0u);
  EXPECT_EQ(count_of(r.out, "url("), 0u);
  EXPECT_EQ(count_of(r.out, "default-src 'none'"), 1u);
  EXPECT_EQ(count_of(r.out, "<table class=\"sortable\""), 6u);  // runs, status, deadlines, ceilings, documents, errors
  EXPECT_EQ(count_of(r.out, "<svg id=\"ceiling-chart\""), 1u);
  EXPECT_EQ(count_of(r.out, "<g class=\"bar\">"), 28u);
  EXPECT_EQ(count_of(r.out, "<g class=\"bar\"><text x=\"182\" y=\"22\" text-anchor=\"end\">Sigtuna</text>"), 1u);
  EXPECT_EQ(count_of(r.out, "<td class=\"num down\" data-sort=\"-37652100\">-376 521</td>"), 1u);
}

// The page as headless Chromium runs it: the script sorts the ceilings by their difference
// when the address asks for it. Skipped where Chromium is not installed (scripts/setup --screenshot).
TEST(ReportCli, HtmlSortsInHeadlessChromium) {
  if (!std::filesystem::exists("/usr/bin/chromium")) GTEST_SKIP() << "no /usr/bin/chromium";
  const auto& n = three_nights();
  const auto r = bidrag_ok({"report", "--db", n.db, "--last-run", "--format", "html"});
  const std::string page = write_temp("report.html", r.out), dom = page + ".dom";
  const std::string cmd = "/usr/bin/chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://" + page +
                          "#sort=ceilings:5:asc' > '" + dom + "' 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string out = read_file(dom);
  EXPECT_EQ(count_of(out, "data-sortable=\"6\""), 1u) << "the script did not run";
  const std::string table = between(out, "<table class=\"sortable\" id=\"ceilings\"", "</table>");
  EXPECT_EQ(count_of(table, "aria-sort=\"ascending\">Difference (kr)</th>"), 1u);
  // Ascending by difference: Sigtuna (-5 426 349), Malmö (-3 629 100), …, Norrköping (+3 688 274) last.
  const auto sigtuna = table.find("<td>Sigtuna</td>"), malmo = table.find("<td>Malmö</td>"),
             nacka = table.find("<td>Nacka</td>"), norrkoping = table.find("<td>Norrköping</td>"),
             haninge = table.find("<td>Haninge</td>");
  ASSERT_NE(norrkoping, std::string::npos);
  EXPECT_LT(sigtuna, malmo);
  EXPECT_LT(malmo, nacka);
  EXPECT_LT(haninge, norrkoping);
  EXPECT_EQ(table.find("<tr>", norrkoping), std::string::npos);  // the last row
}

TEST(ReportCli, UsageErrors) {
  const auto& n = three_nights();
  auto r = run_bidrag({"report", "--db", n.db, "--since", "last week"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "bidrag: error: report: --since 'last week' is neither a date (2026-11-30) nor a UTC time "
                   "(2026-11-30T22:00:00Z)\n");
  r = run_bidrag({"report", "--db", n.db, "--since", "2026-11-30", "--last-run"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_bidrag({"report", "--db", n.dir + "/missing.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "bidrag: error: report: no store at " + n.dir + "/missing.db\n");
  EXPECT_FALSE(std::filesystem::exists(n.dir + "/missing.db"));
  r = run_bidrag({"report", "--db", n.db, "--format", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CalendarCli, OpenCallsReadBackByAnIndependentParser) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"calendar", "--db", n.db});
  const std::string ics = write_temp("open.ics", r.out);
  int code = -1;
  const std::string seen = run_python("read_ics.py", {ics}, &code);
  ASSERT_EQ(code, 0) << seen;
  // After night 3 only the 2022 page still says open (its status as captured). Its list also
  // states the requisition deadline; the event is the call page's sentence.
  const std::string stamp = night1_fetched_at();
  ASSERT_EQ(stamp.size(), 20u);
  const std::string at = stamp.substr(0, 19) + "+00:00";
  const std::string url = "https://statsbidrag.socialstyrelsen.se/statsbidrag/sociala-insatser-i-utsatta-omraden-2022/";
  const std::string title = "Sociala insatser i utsatta områden 2022";
  const std::string id = std::string(k2022) + ":deadline:";
  EXPECT_EQ(seen,
            "calendar 2.0 -//bidrag//deadlines//EN 4\n" +
                id + "application_close@bidrag | 2022-05-13 | 2022-05-14 | " + at + " | Application deadline: " + title +
                " | " + url + " | \"Sista ansökningsdag: 2022-05-13\\n" + url + "\\n" + k2022 + "\"\n" +
                id + "requisition_close@bidrag | 2022-05-13 | 2022-05-14 | " + at + " | Requisition deadline: " + title +
                " | " + url + " | \"Kommuner som har rätt att rekvirera medel kan göra det till och med den 13 maj 2022.\\n" + url +
                "\\n" + k2022 + "\"\n" +
                id + "funds_usable_until@bidrag | 2022-12-31 | 2023-01-01 | " + at + " | Funds usable until: " + title +
                " | " + url + " | \"Medlen kan användas till och med den 31 december 2022.\\n" + url + "\\n" + k2022 +
                "\"\n" +
                id + "report_due@bidrag | 2023-02-28 | 2023-03-01 | " + at + " | Report due: " + title + " | " + url +
                " | \"Återrapporteringen ska ha kommit in till Socialstyrelsen senast den 28 februari 2023.\\n" + url +
                "\\n" + k2022 + "\"\n");
  // The same store gives the same feed (stable UIDs and stamps): a subscriber sees no change.
  EXPECT_EQ(bidrag_ok({"calendar", "--db", n.db}).out, r.out);
}

TEST(CalendarCli, NamedCallWhateverItsStatus) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"calendar", "--db", n.db, "--call", k2023});
  int code = -1;
  const std::string seen = run_python("read_ics.py", {write_temp("closed.ics", r.out)}, &code);
  ASSERT_EQ(code, 0) << seen;
  std::vector<std::string> events;
  std::istringstream in(seen);
  for (std::string line; std::getline(in, line);) events.push_back(line.substr(0, line.find(" | ", line.find(" | ") + 3)));
  const std::string id = std::string(k2023) + ":deadline:";
  EXPECT_EQ(events, (std::vector<std::string>{"calendar 2.0 -//bidrag//deadlines//EN 5",
                                              id + "application_close@bidrag | 2023-05-12",
                                              id + "requisition_close@bidrag | 2023-05-12",
                                              id + "report_request_sent@bidrag | 2023-12-11",
                                              id + "report_due@bidrag | 2024-02-15",
                                              id + "funds_usable_until@bidrag | 2024-03-31"}));
  // Two calls, one option use each.
  const auto both = bidrag_ok({"calendar", "--db", n.db, "--call", k2023, "--call", k2022});
  EXPECT_EQ(count_of(both.out, "BEGIN:VEVENT\r\n"), 9u);
  const auto unknown = run_bidrag({"calendar", "--db", n.db, "--call", "socialstyrelsen:finns-inte:2023"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "bidrag: error: calendar: " + n.db + " holds no current call socialstyrelsen:finns-inte:2023\n");
}

TEST(ExportCli, CeilingsReadBackByPythonsCsvModule) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"export", "--db", n.db, "--type", "ceiling"});
  int code = -1;
  const std::string seen = run_python("read_csv.py", {write_temp("ceilings.csv", r.out), ",", "id", "recipient.name",
                                                      "recipient.code", "amount.value", "year", "source.format"},
                                      &code);
  ASSERT_EQ(code, 0) << seen;
  // 26 ceilings of the 2022 list, and the 2023 call's 26 from its revised list.
  EXPECT_EQ(seen.substr(0, seen.find('\n')), "bom no rows 52 columns 29");
  EXPECT_EQ(count_of(seen, std::string(k2022) + ":ceiling:0181 | Södertälje | 0181 | 13443523 | 2022 | pdf\n"), 1u);
  EXPECT_EQ(count_of(seen, std::string(k2023) + ":ceiling:0181 | Södertälje | 0181 | 13443523 | 2022 | pdf\n"), 1u);
  EXPECT_EQ(count_of(seen, std::string(k2022) + ":ceiling:1480 | Göteborg | 1480 | 29963828 | 2022 | pdf\n"), 1u);
  EXPECT_EQ(count_of(seen, ":ceiling:0191 "), 0u);  // Sigtuna is not in the revised list
}

TEST(ExportCli, ExcelCsvForSwedishExcel) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"export", "--db", n.db, "--type", "ceiling", "--excel"});
  EXPECT_EQ(r.out.rfind("\xEF\xBB\xBFtype;id;call_id;", 0), 0u);
  int code = -1;
  const std::string seen = run_python("read_csv.py", {write_temp("excel.csv", r.out), ";", "id", "recipient.name",
                                                      "recipient.code", "recipient.county_code", "amount.value",
                                                      "source.locator.bbox.1"},
                                      &code);
  ASSERT_EQ(code, 0) << seen;
  EXPECT_EQ(seen.substr(0, seen.find('\n')), "bom yes rows 52 columns 29");
  // Codes stay text (="0181"), numbers get a decimal comma.
  EXPECT_EQ(count_of(seen, std::string(k2022) + ":ceiling:0181 | Södertälje | =\"0181\" | =\"01\" | 13443523 | 63,30\n"), 1u);
}

TEST(ExportCli, DeadlinesAsFlatJsonLinesAndCallsAsCsv) {
  const auto& n = three_nights();
  const auto r = bidrag_ok({"export", "--db", n.db, "--type", "deadline", "--format", "jsonl"});
  EXPECT_EQ(count_of(r.out, "\n"), 11u);
  EXPECT_EQ(count_of(r.out, std::string(R"({"type":"deadline","id":")") + k2023 +
                                R"(:deadline:funds_usable_until","call_id":")" + k2023 +
                                R"(","kind":"funds_usable_until","date":"2024-03-31",)"),
            1u);
  EXPECT_EQ(count_of(r.out, R"("source.url":"https://statsbidrag.socialstyrelsen.se/)"), 11u);
  const auto calls = bidrag_ok({"export", "--db", n.db, "--type", "call"});
  int code = -1;
  const std::string seen = run_python("read_csv.py", {write_temp("calls.csv", calls.out), ",", "id", "status",
                                                      "application_close", "funder.name", "applicant_types.1",
                                                      "program_years.1", "program_years.2"},
                                      &code);
  ASSERT_EQ(code, 0) << seen;
  EXPECT_EQ(seen.substr(seen.find('\n') + 1),
            std::string(k2022) + " | open | 2022-05-13 | Socialstyrelsen | kommun | 2021 | 2023\n" + k2023 +
                " | closed | 2023-05-12 | Socialstyrelsen | kommun | 2021 | 2023\n");
  const auto bad = run_bidrag({"export", "--db", n.db, "--type", "call", "--format", "jsonl", "--excel"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "bidrag: error: export: --excel applies to --format csv only\n");
  EXPECT_EQ(run_bidrag({"export", "--db", n.db, "--type", "person"}).exit_code, 2);
}

TEST(RunReportCli, TheNightWritesReportAndCalendarNextToTheRecords) {
  const auto& n = three_nights();
  const std::string md = read_file(n.report_dir + "/report.md"), html = read_file(n.report_dir + "/report.html");
  const std::string ics = read_file(n.report_dir + "/calendar.ics");
  // The same sections as `bidrag report --last-run` (night 3 was the last run); only the
  // heading's times may differ by the second between the invocation and its run starting.
  const auto last = bidrag_ok({"report", "--db", n.db, "--last-run"});
  ASSERT_NE(md.find("## Runs"), std::string::npos);
  EXPECT_EQ(md.substr(md.find("## Runs")), last.out.substr(last.out.find("## Runs")));
  EXPECT_EQ(count_of(html, "<svg id=\"ceiling-chart\""), 1u);
  EXPECT_EQ(count_of(html, "<g class=\"bar\">"), 28u);
  EXPECT_EQ(ics, bidrag_ok({"calendar", "--db", n.db}).out);

  // Only the SQLite store can be reported on; checked before anything is fetched.
  const auto bad = run_bidrag({"run", n.dir + "/nightly.json", "--db", "null", "--report", n.dir + "/r2"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "bidrag: error: run: --report reads the SQLite store; give --db PATH (the store is \"null\")\n");
  EXPECT_FALSE(std::filesystem::exists(n.dir + "/r2"));
}

}  // namespace
}  // namespace bidrag::test
