// The iCalendar writer's building blocks: text escaping and line folding (RFC 5545 3.1, 3.3.11),
// and the feed from a store written with known records.
#include <gtest/gtest.h>

#include "bidrag/calendar/calendar.h"
#include "bidrag/common/error.h"
#include "bidrag/record/ids.h"
#include "support/support.h"

namespace bidrag::calendar {
namespace {

TEST(EscapeText, BackslashSemicolonCommaAndLineBreaks) {
  EXPECT_EQ(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  EXPECT_EQ(escape_text("Sista ansökningsdag: 2023-05-12"), "Sista ansökningsdag: 2023-05-12");
}

TEST(ContentLine, ShortLinesStayWhole) {
  EXPECT_EQ(content_line("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
  const std::string exactly75(75, 'x');
  EXPECT_EQ(content_line(exactly75), exactly75 + "\r\n");
}

TEST(ContentLine, FoldsAt75OctetsWithALeadingSpace) {
  const std::string line(160, 'a');
  EXPECT_EQ(content_line(line), std::string(75, 'a') + "\r\n " + std::string(74, 'a') + "\r\n " + std::string(11, 'a') + "\r\n");
}

TEST(ContentLine, NeverSplitsAUtf8Sequence) {
  // 74 ASCII octets, then "ö" (2 octets) would end at octet 76: it moves whole to the next line.
  const std::string line = std::string(74, 'a') + "\xC3\xB6" + "b";
  EXPECT_EQ(content_line(line), std::string(74, 'a') + "\r\n \xC3\xB6" + "b\r\n");
}

TEST(Feed, OpenCallsDeadlinesAsAllDayEvents) {
  const std::string path = test::temp_dir("calendar-feed") + "/bidrag.db";
  store::SqliteStore db(path);
  const auto snap = make_snapshot("https://example.org/open.html", "open", "text/html", "2026-11-01T02:00:00Z");
  record::Call c;
  c.id = record::call_id("Socialstyrelsen", "Bidrag, för kommuner; och regioner", 2026);
  c.series = record::series_of(c.id);
  c.funder = "Socialstyrelsen";
  c.title = "Bidrag, för kommuner; och regioner 2026";
  c.year = 2026;
  c.status = record::CallStatus::open;
  record::Deadline d;
  d.call_id = c.id;
  d.kind = record::DeadlineKind::application_close;
  d.id = record::deadline_id(c.id, "application_close");
  d.date = Date{2026, 12, 31};
  d.time = "23:59";
  d.text = "Sista dag att ansöka är 31 december 2026.";
  std::vector<record::Record> rs{c, d};
  for (auto& r : rs) {
    record::common(r).source.url = snap.url;
    record::common(r).source.fetched_at = snap.fetched_at;
  }
  db.put(snap, rs);
  const std::string ics = feed(db, {});
  EXPECT_EQ(ics,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bidrag//deadlines//EN\r\nCALSCALE:GREGORIAN\r\n"
            "METHOD:PUBLISH\r\nX-WR-CALNAME:bidrag: grant deadlines\r\n"
            "BEGIN:VEVENT\r\n"
            // Each physical line at most 75 octets: "ö" and "ä" count two.
            "UID:socialstyrelsen:bidrag-for-kommuner-och-regioner:2026:deadline:applicat\r\n"
            " ion_close@bidrag\r\n"
            "DTSTAMP:20261101T020000Z\r\n"
            "DTSTART;VALUE=DATE:20261231\r\n"
            "DTEND;VALUE=DATE:20270101\r\n"
            "SUMMARY:Application deadline: Bidrag\\, för kommuner\\; och regioner 2026 (2\r\n"
            " 3:59)\r\n"
            "DESCRIPTION:Sista dag att ansöka är 31 december 2026.\\nhttps://example.or\r\n"
            " g/open.html\\nsocialstyrelsen:bidrag-for-kommuner-och-regioner:2026\r\n"
            "URL:https://example.org/open.html\r\n"
            "CATEGORIES:application_close\r\n"
            "TRANSP:TRANSPARENT\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");
  try {
    (void)feed(db, Options{{"socialstyrelsen:finns-inte:2026"}, {}});
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "calendar: " + path + " holds no current call socialstyrelsen:finns-inte:2026");
  }
}

}  // namespace
}  // namespace bidrag::calendar
