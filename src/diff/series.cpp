// The editions of a call series from a store: which two to compare, their records, their list.
#include "bidrag/diff/series.h"

#include <algorithm>

#include "bidrag/common/error.h"
#include "bidrag/diff/store_input.h"

namespace bidrag::diff {
namespace {

std::string year_text(const store::Edition& e) { return e.year ? std::to_string(*e.year) : "(no year)"; }

std::string years_of(const std::vector<store::Edition>& editions) {
  std::string out;
  for (const auto& e : editions) out += (out.empty() ? "" : ", ") + year_text(e);
  return out;
}

// The editions of `series`, or a UsageError saying what the store does hold.
std::vector<store::Edition> known_editions(store::SeriesIndex& index, const std::string& series,
                                           const std::string& where) {
  auto editions = index.editions(series);
  if (!editions.empty()) return editions;
  std::string hint = "; 'bidrag diff --list' with the same --db lists the series it holds";
  // A call id given for a series: name the series it belongs to.
  if (const auto e = index.edition(series)) hint = "; " + series + " is a call of the series " + e->series;
  throw UsageError("diff: no series \"" + series + "\" in " + where + hint);
}

const store::Edition& edition_of_year(const std::vector<store::Edition>& editions, int year, const std::string& series,
                                      const std::string& where) {
  const auto it = std::find_if(editions.begin(), editions.end(), [&](const auto& e) { return e.year == year; });
  if (it == editions.end())
    throw UsageError("diff: the series " + series + " has no " + std::to_string(year) + " edition in " + where +
                     " (its editions: " + years_of(editions) + ")");
  return *it;
}

const store::Edition& previous_of(const std::vector<store::Edition>& editions, const store::Edition& e,
                                  const std::string& where) {
  const auto it = std::find_if(editions.begin(), editions.end(), [&](const auto& p) { return p.call_id == e.previous; });
  if (e.previous.empty() || it == editions.end()) {
    if (editions.size() == 1)
      throw UsageError("diff: the series " + e.series + " has one edition in " + where + " (" + year_text(e) + ": " +
                       e.call_id + "), nothing to compare it with");
    throw UsageError("diff: the " + year_text(e) + " edition of " + e.series + " is the first in " + where +
                     ", nothing to compare it with (its editions: " + years_of(editions) + ")");
  }
  return *it;
}

void json_string(std::string& out, const std::string& s) { out += to_json(Value::string(s)); }

}  // namespace

std::vector<int> parse_years(const std::string& text) {
  std::vector<int> years;
  if (text.empty()) return years;
  const auto bad = [&](const std::string& why) {
    return UsageError("diff: --years expects YEAR or OLD,NEW (e.g. 2022,2023), got \"" + text + "\": " + why);
  };
  std::size_t at = 0;
  while (true) {
    const auto comma = text.find(',', at);
    const std::string part = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (!is_year(part)) throw bad("\"" + part + "\" is not a four-digit year");
    years.push_back(std::stoi(part));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  if (years.size() > 2) throw bad("at most two years");
  if (years.size() == 2 && years[0] == years[1]) throw bad("the same year twice");
  return years;
}

EditionPair pick_editions(store::SeriesIndex& index, const std::string& series, const std::vector<int>& years,
                          const std::string& where) {
  const auto editions = known_editions(index, series, where);
  if (years.size() == 2)
    return {edition_of_year(editions, years[0], series, where), edition_of_year(editions, years[1], series, where)};
  // The latest edition with a year (editions come oldest first, those without a year last).
  const store::Edition* newer = &editions.front();
  if (years.size() == 1) {
    newer = &edition_of_year(editions, years[0], series, where);
  } else {
    for (const auto& e : editions)
      if (e.year) newer = &e;
  }
  return {previous_of(editions, *newer, where), *newer};
}

RecordSet load_edition(store::SeriesIndex& index, const std::string& call_id, const std::string& where) {
  return load_lines(index.edition_records(call_id), where + " (" + call_id + ")");
}

std::string render_series_list(store::SeriesIndex& index, const std::string& series, bool json,
                               const std::string& where) {
  std::vector<std::string> ids;
  if (series.empty()) {
    ids = index.series_ids();
  } else {
    (void)known_editions(index, series, where);
    ids.push_back(series);
  }
  std::string out = json ? "[\n" : "";
  bool first = true;
  for (const auto& id : ids) {
    const auto editions = index.editions(id);
    if (!json) out += id + ": " + std::to_string(editions.size()) + (editions.size() == 1 ? " edition\n" : " editions\n");
    for (const auto& e : editions) {
      const auto prev = std::find_if(editions.begin(), editions.end(), [&](const auto& p) { return p.call_id == e.previous; });
      if (!json) {
        out += "  " + (e.year ? std::to_string(*e.year) : std::string("----")) + "  " + e.title + "  (" +
               (prev == editions.end() ? std::string("first") : "previous: " + year_text(*prev)) + ")\n";
        continue;
      }
      out += first ? "" : ",\n";
      first = false;
      out += R"({"series":)";
      json_string(out, e.series);
      out += R"(,"year":)" + (e.year ? std::to_string(*e.year) : std::string("null")) + R"(,"call_id":)";
      json_string(out, e.call_id);
      out += R"(,"title":)";
      json_string(out, e.title);
      out += R"(,"previous":)";
      if (e.previous.empty()) {
        out += "null";
      } else {
        json_string(out, e.previous);
      }
      out += R"(,"first_seen":)";
      json_string(out, e.first_seen);
      out += "}";
    }
  }
  if (json) out = first ? "[]\n" : out + "\n]\n";
  return out;
}

}  // namespace bidrag::diff
