// Strings per second for each normalizer (dates, amounts, phones, e-mails, municipalities, text).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bidrag/normalize/amounts.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/municipality.h"
#include "bidrag/normalize/text.h"

namespace nz = bidrag::normalize;

namespace {

// Typical strings of each kind, as grant pages and allocation lists print them.
const std::vector<std::string> kDates = {
    "2023-01-18", "Sista ansökningsdag: 2023-05-12", "den 12 maj 2023", "måndag den 15 maj 2023",
    "till och med den 31 december 2023", "senast den 15 februari 2024", "fr.o.m. den 1 februari", "1:a mars",
    "den förste mars", "15 jan. 2024", "3 sept 2024", "15/3 2024", "15/3", "2024-03-15 kl. 23.59", "2021–2023",
    "1 februari–15 mars 2024", "en månad", "två veckor", "14 kalenderdagar", "Tid kvar att ansöka: 77 dagar",
};
const std::vector<std::string> kAmounts = {
    "1 234 567 kr", "1\u00a0234\u00a0567 kronor", "1 234 567:-", "1.234.567 kr", "1 234 567,50 kr",
    "12,5 miljoner kronor", "12,5 mnkr", "150 mkr", "2,3 miljarder kronor", "500 tkr", "högst 2,5 mnkr", "\u22122 500 kr",
};
const std::vector<std::string> kPhones = {
    "075-247 41 28", "08-555 123 45", "+46 (0)75-247 30 00", "0046 75 247 41 28", "075 247 30 00",
    "Telefonnummer: 075-247 41 28", "tel. 075-247 41 28 (växel)", "075\u2013247 41 28",
};
const std::vector<std::string> kEmails = {
    "emilia.strom@socialstyrelsen.se", "E-post:emilia.strom@socialstyrelsen.se", "SSPF-nätverket: soderberg@bra.se",
    "namn(at)example.se", "namn [at] example [dot] se", "Skriv till namn@example.se.",
};
const std::vector<std::string> kMunicipalities = {
    "Södertälje", "Upplands Bro", "UPPLANDS-BRO", "Malmö stad", "Göteborgs Stad", "Stockholms stad",
    "Botkyrka kommun", "Falu kommun", "Region Gotland", "Södertälje*", "Stockholm¹", "Malmö 1)", "Malmo", "Stokholm",
};
const std::vector<std::string> kTexts = {
    "SÃ¶dertÃ¤lje kommun", "1\u00a0234\u202f567 kr", "Vilka som kan rekvirera", "rekvi-\nrera medel",
    "Återrapportering till Socialstyrelsen", "Upplands-\nBro kommun",
};

template <typename F>
void run(benchmark::State& state, const std::vector<std::string>& inputs, F f) {
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f(inputs[i]));
    if (++i == inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Date(benchmark::State& state) {
  nz::DateContext ctx;
  ctx.document_year = 2023;
  run(state, kDates, [&](const std::string& s) { return nz::parse_date(s, ctx); });
}
void BM_Amount(benchmark::State& state) {
  run(state, kAmounts, [](const std::string& s) { return nz::parse_amount(s); });
}
void BM_AmountCell(benchmark::State& state) {
  const std::vector<std::string> cells = {"1 234", "1\u00a0234\u00a0567", "–", "1 234*", "12 500 000", "987"};
  run(state, cells, [](const std::string& s) { return nz::parse_amount_cell(s, nz::Unit::tkr); });
}
void BM_Phone(benchmark::State& state) {
  run(state, kPhones, [](const std::string& s) { return nz::parse_phone(s); });
}
void BM_Email(benchmark::State& state) {
  run(state, kEmails, [](const std::string& s) { return nz::find_emails(s); });
}
void BM_Municipality(benchmark::State& state) {
  const auto& registry = nz::Registry::instance();
  run(state, kMunicipalities, [&](const std::string& s) { return registry.resolve(s).municipality; });
}
void BM_Text(benchmark::State& state) {
  run(state, kTexts, [](const std::string& s) {
    return nz::fold_case(nz::fold_spaces(nz::join_hyphenated_lines(nz::repair_mojibake(nz::nfc(s)))));
  });
}

// A whole call page (the seed text capture): every date in running text, bytes per second.
void BM_FindDatesInPage(benchmark::State& state) {
  std::ifstream in(std::string(BIDRAG_SOURCE_DIR) + "/fixtures/seeds/001_99e31430945983a0.txt", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string page = ss.str();
  nz::DateContext ctx;
  ctx.document_year = 2023;
  for (auto _ : state) benchmark::DoNotOptimize(nz::find_dates(page, ctx));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_Date);
BENCHMARK(BM_Amount);
BENCHMARK(BM_AmountCell);
BENCHMARK(BM_Phone);
BENCHMARK(BM_Email);
BENCHMARK(BM_Municipality);
BENCHMARK(BM_Text);
BENCHMARK(BM_FindDatesInPage);
