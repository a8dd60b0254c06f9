// Deadline classification of one sentence: topic × side → kind, from the vocabulary.
#include "extract/deadline_classify.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "bidrag/vocab/vocab.h"
#include "normalize/date_words.h"

namespace bidrag::extract {
namespace {

using record::DeadlineKind;
using Role = DateHit::Role;

// `after`: "efter den 31 maj", a bound that is no date of the call's own.
enum class Side { none, start, end, after };

Side side_of(const std::string& meaning) {
  if (meaning == "start") return Side::start;
  if (meaning == "end") return Side::end;
  if (meaning == "after") return Side::after;
  return Side::none;
}

struct Classifier {
  std::vector<DateHit> out;

  void deadline(DeadlineKind k, const Date& d, const std::optional<std::string>& time) {
    out.push_back({Role::deadline, k, d, time, {}});
  }
  void funds_from(const Date& d) { out.push_back({Role::funds_from, DeadlineKind::other, d, std::nullopt, {}}); }

  // One date (or range) of topic `topic` on side `side`.
  void add(const std::string& topic, Side side, const normalize::DateMatch& m, bool labelled) {
    const Date& d = *m.date;
    const bool range = m.end.has_value();
    const Date& last = range ? *m.end : d;
    // A range's printed time belongs to its end ("10 mars–14 april 2025 kl. 23.59").
    const std::optional<std::string> start_time = range ? std::nullopt : m.time;
    if (topic == "application") {
      if (side == Side::start) {
        deadline(DeadlineKind::application_open, d, start_time);
        if (range) deadline(DeadlineKind::application_close, last, m.time);
      } else if (side == Side::end) {
        deadline(DeadlineKind::application_close, last, m.time);
      } else if (range) {
        deadline(DeadlineKind::application_open, d, std::nullopt);
        deadline(DeadlineKind::application_close, last, m.time);
      }
    } else if (topic == "requisition") {
      if (side == Side::end || range || (side == Side::none && labelled))
        deadline(DeadlineKind::requisition_close, last, m.time);
    } else if (topic == "funds") {
      if (side == Side::start || (side == Side::none && range)) {
        funds_from(d);
        if (range) deadline(DeadlineKind::funds_usable_until, last, std::nullopt);
      } else if (side == Side::end || side == Side::none) {
        // "Medlen ska vara förbrukade den 31 december 2025": a use of the money dated with no
        // side is the day it must be used by.
        deadline(DeadlineKind::funds_usable_until, last, std::nullopt);
      }
    } else if (topic == "funds_start") {
      funds_from(d);
      if (range) deadline(DeadlineKind::funds_usable_until, last, std::nullopt);
    } else if (topic == "report") {
      if (side == Side::end || range || (side == Side::none && labelled))
        deadline(DeadlineKind::report_due, last, m.time);
    } else if (topic == "report_request") {
      deadline(side == Side::end ? DeadlineKind::report_due : DeadlineKind::report_request_sent, d, m.time);
    } else if (topic == "decision") {
      deadline(DeadlineKind::decision, d, m.time);
    }
  }
};

// "(ansökan kan skickas in fram till 23.59 denna dag)": a time after a cue (set time_cue) in
// the words that follow a date, where the date scanner saw no time of its own.
std::optional<std::string> trailing_time(std::string_view words) {
  const std::string folded = vocab::fold(words);  // match offsets refer to the folded text
  const std::string_view after = folded;
  for (const auto& cue : vocab::set("time_cue").all(after)) {
    std::size_t i = cue.end;
    while (i < after.size() && after[i] == ' ') ++i;
    std::size_t j = i;
    while (j < after.size() && j - i < 2 && std::isdigit(static_cast<unsigned char>(after[j]))) ++j;
    if (j == i || j + 2 >= after.size() || (after[j] != '.' && after[j] != ':')) continue;
    if (!std::isdigit(static_cast<unsigned char>(after[j + 1])) || !std::isdigit(static_cast<unsigned char>(after[j + 2])))
      continue;
    if (j + 3 < after.size() && std::isdigit(static_cast<unsigned char>(after[j + 3]))) continue;
    const int hours = std::stoi(std::string(after.substr(i, j - i)));
    const int minutes = (after[j + 1] - '0') * 10 + (after[j + 2] - '0');
    if (hours > 23 || minutes > 59) continue;
    std::string out = hours < 10 ? "0" : "";
    out += std::to_string(hours) + ":" + std::string(after.substr(j + 1, 2));
    return out;
  }
  return std::nullopt;
}

// "september 2025" after a decision cue: the month a decision is expected in.
std::optional<std::string> decision_month(const std::string& folded, const std::vector<normalize::DateMatch>& dates) {
  const auto& topics = vocab::set("deadline_topic");
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(folded[i - 1]))) continue;
    int month = 0;
    const std::size_t n = normalize::words::month(std::string_view(folded).substr(i), month);
    if (n == 0) continue;
    std::size_t j = i + n;
    while (j < folded.size() && folded[j] == ' ') ++j;
    if (j + 4 > folded.size()) continue;
    bool digits = true;
    for (std::size_t k = j; k < j + 4; ++k) digits = digits && std::isdigit(static_cast<unsigned char>(folded[k]));
    if (!digits || (j + 4 < folded.size() && std::isdigit(static_cast<unsigned char>(folded[j + 4])))) continue;
    // A month inside a printed date is no month of its own; the words that give the topic are
    // those since the last date before it (looked at only where a month and year stand).
    std::size_t since = 0;
    bool inside = false;
    for (const auto& d : dates) {
      if (d.begin <= i && i < d.end_offset) inside = true;
      if (d.date && d.end_offset <= i) since = std::max(since, d.end_offset);  // not a bare year ("2019 års medel")
    }
    if (inside) continue;
    const auto topic = topics.find(std::string_view(folded).substr(since, i - since));
    if (!topic || topic->meaning() != "decision") continue;
    char buf[8];
    std::snprintf(buf, sizeof buf, "-%02d", month);
    return folded.substr(j, 4) + buf;
  }
  return std::nullopt;
}

}  // namespace

std::vector<DateHit> classify_dates(std::string_view text, const normalize::DateContext& context, bool labelled) {
  const auto& topics = vocab::set("deadline_topic");
  const auto& sides = vocab::set("date_side");
  const std::string folded = vocab::fold(text);

  // Fully printed dates of the same text place a year-less one ("från den 2 april till och
  // med den 30 juni 2025").
  normalize::DateContext ctx = context;
  const auto first_pass = normalize::find_dates(folded, context);
  for (const auto& m : first_pass)
    if (m.date && !m.year_inferred) ctx.neighbours.push_back(*m.date);
  const auto matches = normalize::find_dates(folded, ctx);

  std::vector<const normalize::DateMatch*> dated;
  for (const auto& m : matches)
    if (m.date) dated.push_back(&m);

  const auto whole = topics.find(folded);
  // A sentence about a later round gives no dates of this call.
  if (vocab::set("other_round").in(folded)) return {};
  Classifier c;
  std::optional<std::string> prev_topic;
  Side prev_side = Side::none;
  std::size_t from = 0;
  for (std::size_t i = 0; i < dated.size(); ++i) {
    normalize::DateMatch m = *dated[i];
    if (m.year_inferred) {
      // "den 28 februari året efter bidragsåret": the words after a year-less date move it on.
      const std::size_t until = i + 1 < dated.size() ? dated[i + 1]->begin : folded.size();
      if (vocab::set("year_shift").in(std::string_view(folded).substr(m.end_offset, until - m.end_offset))) {
        m.date->year += 1;
        if (m.end) m.end->year += 1;
      }
    }
    const std::string_view before = std::string_view(folded).substr(from, m.begin - from);
    // A date labelled by a side cue alone, followed by the next date's own label ("Öppnar 4
    // februari 2025 Sista ansökningsdag 10 april 2025 Senaste beslutsdatum 19 juni 2025", a
    // timeline merged into one line): the topics further on are the later dates'.
    const std::size_t next_begin = i + 1 < dated.size() ? dated[i + 1]->begin : folded.size();
    const bool cue_only = sides.equals(before).has_value();
    const bool next_labelled =
        i + 1 < dated.size() && topics.in(std::string_view(folded).substr(m.end_offset, next_begin - m.end_offset));
    std::optional<std::string> topic;
    if (auto t = topics.find(before)) topic = t->meaning();
    else if (prev_topic) topic = prev_topic;
    else if (whole && !(cue_only && next_labelled)) topic = whole->meaning();
    Side side = Side::none;
    if (const auto cues = sides.all(before); !cues.empty()) {
      side = side_of(cues.back().meaning());
    } else if (prev_side == Side::start && prev_topic == topic) {
      side = Side::end;  // "mellan den 3 februari och den 11 mars"
    } else if (i == 0 && topic == std::string("application")) {
      // "Den 15 mars öppnar ansökan": the cue after the date, up to the next one.
      const std::size_t until = i + 1 < dated.size() ? dated[i + 1]->begin : folded.size();
      const std::string_view after = std::string_view(folded).substr(m.end_offset, until - m.end_offset);
      if (const auto cue = sides.first(after)) side = side_of(cue->meaning());
      // "öppen 27 oktober 2025 till 30 januari 2026": an end cue right before the next date is
      // that date's; this one is the start of the range.
      if (side == Side::end && i + 1 < dated.size()) {
        const std::string between = vocab::fold(after);  // match offsets refer to the folded text
        const auto after_cues = sides.all(between);
        std::string_view rest = std::string_view(between).substr(std::min(between.size(), after_cues.back().end));
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest.empty() || vocab::set("date_article").equals(rest)) side = Side::start;
      }
    }
    // A facts-box row labelled only by a side ("Öppnar 2025-02-18", "Stänger 15 maj") dates the
    // call's own window: applying. A page's own dates ("Senast uppdaterad: …") are not.
    // So does a line that is nothing but such a cue and its date ("Öppnar 4 februari 2025" in a
    // timeline list), alone or before the next date's own label.
    const auto bare_cue_line = [&] {
      if (!cue_only) return false;
      if (next_labelled) return true;
      for (std::size_t k = m.end_offset; k < folded.size(); ++k)
        if (folded[k] != ' ' && folded[k] != '.') return false;
      return true;
    };
    if (!topic && (labelled || bare_cue_line()) && (side == Side::start || side == Side::end) &&
        !vocab::set("published_label").in(before))
      topic = "application";
    from = m.end_offset;
    prev_topic = topic;
    prev_side = side;
    if (!m.time && topic == std::string("application") && side != Side::start) {
      const std::size_t until = i + 1 < dated.size() ? dated[i + 1]->begin : folded.size();
      m.time = trailing_time(std::string_view(folded).substr(m.end_offset, until - m.end_offset));
    }
    if (topic && side != Side::after) c.add(*topic, side, m, labelled);
  }
  // A month only ("i september 2025", "i slutet av januari 2026"), not the month of a printed
  // date ("efter den 31 maj 2017"), and not where the sentence dates the decision by the day.
  const bool decision_dated = std::any_of(c.out.begin(), c.out.end(), [](const DateHit& h) {
    return h.role == Role::deadline && h.kind == DeadlineKind::decision;
  });
  if (!decision_dated) {
    if (auto month = decision_month(folded, matches)) c.out.push_back({Role::decision_month, DeadlineKind::decision, {}, std::nullopt, *month});
  }
  return std::move(c.out);
}

}  // namespace bidrag::extract
