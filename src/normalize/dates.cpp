// Swedish dates in running text: a hand-written scanner (linear, no std::regex) over a
// lower-cased copy, then year inference for dates printed without a year.
#include "bidrag/normalize/dates.h"

#include <cstdlib>

#include "bidrag/vocab/vocab.h"
#include "normalize/date_words.h"
#include "normalize/utf8.h"

namespace bidrag::normalize {
namespace {

constexpr std::size_t npos = std::string_view::npos;

struct DayMonth {
  int day = 0, month = 0;
  std::optional<int> year;
  std::size_t end = 0;
  int weekday = 0;  // printed before it ("måndag, sep 16"): 1 Monday … 7 Sunday; 0 none
};

// 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
int weekday_of(const Date& d) noexcept {
  const std::int64_t days = d.days_since_epoch();
  return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;
}

struct Candidate {
  DateMatch m;
  std::optional<DayMonth> start, finish;  // printed parts, when the date still needs a year
  std::optional<std::string> invalid;     // "30 februari 2023 is not a date"
  bool bare_year = false;
};

bool valid_day(int year, int month, int day) noexcept { return Date{year, month, day}.valid(); }

class Scanner {
 public:
  Scanner(std::string_view text, const DateContext& ctx) : s_(text), t_(words::lower_swedish(text)), ctx_(ctx) {}

  std::vector<Candidate> run() {
    for (std::size_t i = 0; i < t_.size();) {
      const auto c = static_cast<unsigned char>(t_[i]);
      if ((c & 0xC0u) == 0x80u || !(utf8::is_digit(t_[i]) || c >= 0x80 || (c >= 'a' && c <= 'z')) ||
          !utf8::at_word_start(t_, i)) {
        ++i;
        continue;
      }
      const std::size_t end = try_at(i);
      i = end > i ? end : i + 1;
    }
    infer_years();
    return std::move(out_);
  }

 private:
  std::size_t sp(std::size_t i) const noexcept { return utf8::skip_spaces(t_, i); }

  // A run of exactly min..max digits at i (not longer); sets value and end.
  bool digits(std::size_t i, std::size_t min, std::size_t max, int& value, std::size_t& end) const noexcept {
    std::size_t j = i;
    while (j < t_.size() && utf8::is_digit(t_[j]) && j - i <= max) ++j;
    const std::size_t n = j - i;
    if (n < min || n > max) return false;
    value = std::atoi(std::string(t_.substr(i, n)).c_str());
    end = j;
    return true;
  }

  std::size_t word(std::size_t i, std::string_view w) const noexcept {
    return std::string_view(t_).substr(i).starts_with(w) && utf8::at_word_end(t_, i + w.size()) ? i + w.size() : npos;
  }

  std::size_t dash(std::size_t i) const noexcept {
    if (i >= t_.size()) return npos;
    char32_t cp = 0;
    const std::size_t n = utf8::decode(t_, i, cp);
    if (cp == '-' && i + 1 < t_.size() && t_[i + 1] == '-') return i + 2;  // "--", a dash typed as two hyphens
    return (cp == '-' || cp == 0x2013 || cp == 0x2014) ? i + n : npos;
  }

  // The end of the word at j that joins the two days of a range, or npos: an end cue of the
  // vocabulary ("till": "1 till 31 mars"), or a conjunction ("och") after a word that asks for
  // two ends (set date_range_lead: "mellan 1 och 31 mars"). `i` is where the range's first day
  // stands.
  std::size_t range_word(std::size_t i, std::size_t j) const {
    const std::string_view window = std::string_view(t_).substr(j, 12);
    const auto end_cue = vocab::set("date_side").starts(window);
    if (end_cue && end_cue->meaning() == "end" && end_cue->entry->folded.find(' ') == std::string::npos &&
        utf8::at_word_end(t_, j + end_cue->end))
      return j + end_cue->end;
    const auto conj = vocab::set("coordinating_conjunction").starts(window);
    if (!conj || conj->meaning() != "and" || !utf8::at_word_end(t_, j + conj->end)) return npos;
    const std::size_t from = i > 16 ? i - 16 : 0;
    if (!vocab::set("date_range_lead").in(std::string_view(t_).substr(from, i - from))) return npos;
    return j + conj->end;
  }

  bool year_at(std::size_t i, int& year, std::size_t& end) const noexcept {
    return digits(i, 4, 4, year, end) && year >= 1900 && year <= 2100 && utf8::at_word_end(t_, end);
  }

  // "2023-01-18"
  bool iso(std::size_t i, DayMonth& dm) const noexcept {
    int y = 0, m = 0, d = 0;
    std::size_t e = 0;
    if (!digits(i, 4, 4, y, e) || e >= t_.size() || t_[e] != '-') return false;
    // "2015-3-3" as well as "2015-03-03".
    if (!digits(e + 1, 1, 2, m, e) || e >= t_.size() || t_[e] != '-') return false;
    if (!digits(e + 1, 1, 2, d, e)) return false;
    // "2023-05-12T23:59:00+01:00" (HTML <time datetime>) continues with a 'T' and the time.
    if (!utf8::at_word_end(t_, e) && !(t_[e] == 't' && e + 1 < t_.size() && utf8::is_digit(t_[e + 1]))) return false;
    dm = {d, m, y, e};
    return true;
  }

  // "[måndag] [den] 15 maj [2023]", "1:a mars", "den förste mars", "15 jan. 2024".
  bool day_month(std::size_t i, DayMonth& dm, bool allow_prefix = true) const {
    std::size_t j = i;
    int weekday = 0;
    if (allow_prefix) {
      if (const std::size_t w = words::weekday(std::string_view(t_).substr(j), weekday)) {
        j = sp(j + w);
        if (j < t_.size() && t_[j] == ',') j = sp(j + 1);
      }
      if (const std::size_t e = word(j, "den"); e != npos) j = sp(e);
    }
    int day = 0;
    std::size_t k = 0;
    if (digits(j, 1, 2, day, k)) {
      if (k + 1 < t_.size() && t_[k] == ':' && (t_[k + 1] == 'a' || t_[k + 1] == 'e') && utf8::at_word_end(t_, k + 2)) {
        k += 2;  // "1:a", "3:e"
      }
    } else if (const std::size_t w = words::ordinal(std::string_view(t_).substr(j), day)) {
      k = j + w;
    } else {
      return false;
    }
    // A space before the month, or none after digits: "14april 2015".
    const std::size_t m0 = sp(k);
    if (m0 == k && !(k > j && utf8::is_digit(t_[k - 1]))) return false;
    int month = 0;
    const std::size_t mw = words::month(std::string_view(t_).substr(m0), month);
    if (mw == 0 || day < 1 || day > 31) return false;
    dm = {day, month, std::nullopt, m0 + mw, weekday};
    int year = 0;
    std::size_t ye = 0;
    if (const std::size_t y0 = sp(dm.end); y0 > dm.end && year_at(y0, year, ye)) dm.year = year, dm.end = ye;
    return true;
  }

  // "15/3 2024", "15/3-2024", "15/3"
  bool slash(std::size_t i, DayMonth& dm) const noexcept {
    int d = 0, m = 0;
    std::size_t e = 0;
    if (!digits(i, 1, 2, d, e) || e >= t_.size() || t_[e] != '/') return false;
    if (!digits(e + 1, 1, 2, m, e) || d < 1 || d > 31 || m < 1 || m > 12) return false;
    if (e < t_.size() && (t_[e] == '/' || utf8::is_letter(static_cast<unsigned char>(t_[e])))) return false;
    dm = {d, m, std::nullopt, e};
    int year = 0;
    std::size_t ye = 0;
    if (const std::size_t y0 = sp(e); y0 > e && year_at(y0, year, ye)) {
      dm.year = year, dm.end = ye;
    } else if (e + 1 < t_.size() && t_[e] == '-' && year_at(e + 1, year, ye) && !glued_after(ye)) {
      dm.year = year, dm.end = ye;  // "3/3-2015", the Swedish handwritten form
    }
    return true;
  }

  // A digit, then one of the separators, right before i ("10.3.3.2015", "Dnr 12-3/3/2015"):
  // the start of a longer number, not a date.
  bool glued_before(std::size_t i) const noexcept {
    return i >= 2 && (t_[i - 1] == '.' || t_[i - 1] == '-' || t_[i - 1] == '/') && utf8::is_digit(t_[i - 2]);
  }
  bool glued_after(std::size_t e) const noexcept {
    return e + 1 < t_.size() && (t_[e] == '.' || t_[e] == '-' || t_[e] == '/') && utf8::is_digit(t_[e + 1]);
  }

  // Day first, all numeric, with a four-digit year: "3/3/2015", "03-03-2015", "3.3.2015".
  // The two separators are the same; a day over 31 or a month over 12 is no date of this form.
  bool numeric_dmy(std::size_t i, DayMonth& dm) const noexcept {
    int d = 0, m = 0, y = 0;
    std::size_t e = 0;
    if (glued_before(i) || !digits(i, 1, 2, d, e) || e >= t_.size()) return false;
    const char sep = t_[e];
    if (sep != '/' && sep != '-' && sep != '.') return false;
    if (!digits(e + 1, 1, 2, m, e) || e >= t_.size() || t_[e] != sep) return false;
    if (!year_at(e + 1, y, e) || glued_after(e)) return false;
    if (d < 1 || d > 31 || m < 1 || m > 12) return false;
    dm = {d, m, y, e};
    return true;
  }

  // Month first: "februari 15", "feb. 18, 2019", "måndag, feb 18", "Feb 18 2019". Without a
  // weekday before it or a year after it, the day must end its phrase (a line end or
  // punctuation follows): "under mars 12 ansökningar" is a count, not the 12th of March.
  bool month_day(std::size_t i, DayMonth& dm) const {
    std::size_t j = i;
    int weekday_number = 0;
    bool weekday = false;
    if (const std::size_t w = words::weekday(std::string_view(t_).substr(j), weekday_number)) {
      j = sp(j + w);
      if (j < t_.size() && t_[j] == ',') j = sp(j + 1);
      weekday = true;
    }
    int month = 0, day = 0;
    const std::size_t mw = words::month(std::string_view(t_).substr(j), month);
    if (mw == 0) return false;
    const std::size_t d0 = sp(j + mw);
    std::size_t e = 0;
    if (d0 == j + mw || !digits(d0, 1, 2, day, e) || !utf8::at_word_end(t_, e) || day < 1 || day > 31) return false;
    if (e < t_.size() && (t_[e] == ':' || t_[e] == '.') && e + 1 < t_.size() && utf8::is_digit(t_[e + 1])) return false;
    dm = {day, month, std::nullopt, e, weekday_number};
    std::size_t y0 = e < t_.size() && t_[e] == ',' ? e + 1 : e;
    int year = 0;
    std::size_t ye = 0;
    if (const std::size_t y = sp(y0); y > e && year_at(y, year, ye)) {
      dm.year = year, dm.end = ye;
      return true;
    }
    if (weekday) return true;
    const std::size_t after = sp(e);
    if (after >= t_.size() || t_.substr(e, after - e).find('\n') != std::string::npos) return true;
    const char c = t_[after];
    return after == e && (c == ',' || c == '.' || c == ';' || c == ')' || c == '!' || c == '?');
  }

  // ", kl. 23.59", " kl 12", " klockan 9.00", or " 23:59" right after a date (after a written
  // date only with a colon: "10 april 2025 14:00"; "10 april 2025 14.00" may be anything).
  std::optional<std::string> time_after(std::size_t& end, bool iso_form) const {
    std::size_t j = sp(end);
    if (j < t_.size() && t_[j] == ',') j = sp(j + 1);
    return time_at(j, end, iso_form ? Unmarked::dot_or_colon : Unmarked::colon);
  }

  enum class Unmarked { none, colon, dot_or_colon };
  // A time at j ("kl. 12.00", "klockan 9", "14:00" as `unmarked` allows); its end in `end`.
  std::optional<std::string> time_at(std::size_t j, std::size_t& end, Unmarked unmarked) const {
    bool marked = false;
    for (std::string_view w : {std::string_view("klockan"), std::string_view("kl.")}) {
      if (std::string_view(t_).substr(j).starts_with(w)) j = sp(j + w.size()), marked = true;
    }
    if (!marked && word(j, "kl") != npos) j = sp(j + 2), marked = true;
    if (!marked && unmarked == Unmarked::none) return std::nullopt;
    int h = 0, m = 0;
    std::size_t e = 0;
    if (!digits(j, 1, 2, h, e)) return std::nullopt;
    if (e + 1 < t_.size() && (t_[e] == '.' || t_[e] == ':') && digits(e + 1, 2, 2, m, e)) {
      if (!marked && unmarked == Unmarked::colon && t_[e - 3] != ':') return std::nullopt;
    } else if (!marked) {
      return std::nullopt;
    }
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
    end = e;
    char buf[6] = {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                   static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), 0};
    return std::string(buf);
  }

  // "T23:59", "T23:59:00", "T23:59:00Z", "T23:59:00+01:00": the local time as printed.
  std::optional<std::string> iso_time(std::size_t& end) const {
    int h = 0, m = 0, sec = 0;
    std::size_t e = 0;
    if (!digits(end + 1, 2, 2, h, e) || e >= t_.size() || t_[e] != ':' || !digits(e + 1, 2, 2, m, e)) return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    if (e + 1 < t_.size() && t_[e] == ':' && digits(e + 1, 2, 2, sec, e)) {
      if (e + 1 < t_.size() && t_[e] == '.' && utf8::is_digit(t_[e + 1]))
        for (++e; e < t_.size() && utf8::is_digit(t_[e]);) ++e;
    }
    if (e < t_.size() && t_[e] == 'z') {
      ++e;
    } else if (e + 5 < t_.size() && (t_[e] == '+' || t_[e] == '-') && utf8::is_digit(t_[e + 1]) &&
               utf8::is_digit(t_[e + 2]) && t_[e + 3] == ':' && utf8::is_digit(t_[e + 4]) && utf8::is_digit(t_[e + 5])) {
      e += 6;
    }
    end = e;
    char buf[6] = {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                   static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), 0};
    return std::string(buf);
  }

  void push(std::size_t begin, std::size_t end, Candidate c) {
    c.m.text = std::string(s_.substr(begin, end - begin));
    c.m.begin = begin;
    c.m.end_offset = end;
    out_.push_back(std::move(c));
  }

  // A complete date (with year) or the pending parts of one without.
  void push_date(std::size_t begin, std::size_t end, const DayMonth& a, std::optional<DayMonth> b,
                 std::optional<std::string> time) {
    Candidate c;
    c.m.time = std::move(time);
    const std::string text(s_.substr(begin, end - begin));
    // A range's start takes the year of its end ("1 februari–15 mars 2024").
    DayMonth first = a;
    if (b && b->year && !first.year) {
      first.year = (first.month > b->month || (first.month == b->month && first.day > b->day)) ? *b->year - 1 : *b->year;
    }
    if (first.year) {
      if (!valid_day(*first.year, first.month, first.day)) {
        c.invalid = text + " is not a date";
      } else {
        c.m.date = Date{*first.year, first.month, first.day};
      }
      if (b && b->year) {
        if (!valid_day(*b->year, b->month, b->day)) c.invalid = text + " is not a date";
        else c.m.end = Date{*b->year, b->month, b->day};
      }
    } else {
      if (!valid_day(2024, a.month, a.day) || (b && !valid_day(2024, b->month, b->day))) {
        c.invalid = text + " is not a date";
      } else {
        c.start = a, c.finish = b;
      }
    }
    push(begin, end, std::move(c));
  }

  std::size_t try_at(std::size_t i) {
    // "Tid kvar att ansöka: 77 dagar": the counter of the call page.
    if (std::string_view(t_).substr(i).starts_with("tid kvar")) {
      for (std::size_t j = i + 8; j < t_.size() && j < i + 80 && t_[j] != '\n'; ++j) {
        int n = 0;
        std::size_t e = 0;
        if (utf8::is_digit(t_[j]) && digits(j, 1, 4, n, e)) {
          char unit = 0;
          const std::size_t u = sp(e);
          if (const std::size_t w = words::duration_unit(std::string_view(t_).substr(u), unit); w && unit == 'D') {
            Candidate c;
            c.m.days_left = n;
            push(i, u + w, std::move(c));
            return u + w;
          }
          break;
        }
      }
    }
    DayMonth a, b;
    // "kl. 12.00 den 14 november 2025": a marked time, then the date it is on.
    if (t_[i] == 'k') {
      std::size_t te = 0;
      if (auto time = time_at(i, te, Unmarked::none); time && te > i) {
        const std::size_t d0 = sp(te);
        if (d0 > te && day_month(d0, a)) {
          std::size_t end = a.end;
          push_date(d0, end, a, std::nullopt, std::move(time));
          return end;
        }
      }
    }
    if (iso(i, a)) {
      std::size_t end = a.end;
      auto time = end < t_.size() && t_[end] == 't' ? iso_time(end) : time_after(end, true);
      std::optional<DayMonth> second;
      if (const std::size_t d = dash(sp(end)); !time && d != npos && iso(sp(d), b)) second = b, end = b.end;
      push_date(i, end, a, second, std::move(time));
      return end;
    }
    if (day_month(i, a)) {
      std::size_t end = a.end;
      std::optional<DayMonth> second;
      if (const std::size_t d = dash(sp(end)); d != npos && day_month(sp(d), b, false)) second = b, end = b.end;
      auto time = time_after(end, false);
      push_date(i, end, a, second, std::move(time));
      return end;
    }
    if (numeric_dmy(i, a) || month_day(i, a)) {
      std::size_t end = a.end;
      auto time = time_after(end, false);
      push_date(i, end, a, std::nullopt, std::move(time));
      return end;
    }
    int day = 0, year = 0, year2 = 0;
    std::size_t e = 0, e2 = 0;
    // "1–15 mars 2024", "1 till 31 mars 2025", "mellan 1 och 31 mars 2025"
    if (digits(i, 1, 2, day, e)) {
      std::size_t d = dash(sp(e));
      if (d == npos && sp(e) > e && sp(e) < t_.size() && t_[sp(e)] >= 'a' && t_[sp(e)] <= 'z') d = range_word(i, sp(e));
      if (d != npos && day_month(sp(d), b, d != dash(sp(e)))) {
        a = b, a.day = day;
        push_date(i, b.end, a, b, std::nullopt);
        return b.end;
      }
    }
    if (slash(i, a)) {
      push_date(i, a.end, a, std::nullopt, std::nullopt);
      return a.end;
    }
    // "2021–2023"
    if (year_at(i, year, e)) {
      if (const std::size_t d = dash(e); d != npos && year_at(d, year2, e2) && year2 >= year) {
        Candidate c;
        c.m.year_from = year, c.m.year_to = year2;
        push(i, e2, std::move(c));
        return e2;
      }
    }
    // Durations: "30 dagar", "en månad", "14 kalenderdagar"; "77 dagar kvar" counts down.
    int n = 0;
    std::size_t ne = 0;
    if (digits(i, 1, 3, n, ne) || (ne = words::number(std::string_view(t_).substr(i), n)) != 0) {
      if (!utf8::is_digit(t_[i])) ne += i;
      char unit = 0;
      const std::size_t u = sp(ne);
      if (const std::size_t w = words::duration_unit(std::string_view(t_).substr(u), unit); w && u > ne) {
        Candidate c;
        const std::size_t kvar = word(sp(u + w), "kvar");
        if (unit == 'D' && kvar != npos) {
          c.m.days_left = n;
          push(i, kvar, std::move(c));
          return kvar;
        }
        c.m.duration = "P" + std::to_string(n) + unit;
        push(i, u + w, std::move(c));
        return u + w;
      }
    }
    if (year_at(i, year, e)) {
      Candidate c;
      c.m.year_from = year, c.m.year_to = year;
      c.bare_year = true;
      push(i, e, std::move(c));
      return e;
    }
    // Skip the rest of this word: nothing starts inside it.
    std::size_t j = i;
    while (j < t_.size() && !utf8::at_word_end(t_, j)) {
      char32_t cp = 0;
      j += utf8::decode(t_, j, cp);
    }
    return j;
  }

  // "Socialstyrelsen har den 11 december skickat": a perfect or past tense near the date.
  bool past_tense(std::size_t begin) const noexcept {
    const std::size_t from = begin > 60 ? begin - 60 : 0;
    std::string_view before = std::string_view(t_).substr(from, begin - from);
    if (const std::size_t stop = before.find_last_of(".\n"); stop != npos) before.remove_prefix(stop + 1);
    for (std::string_view w : {" har ", " hade ", "har ", "hade "}) {
      const std::size_t at = before.find(w);
      if (at != npos && (w.front() == ' ' || at == 0)) return true;
    }
    std::size_t e = before.size();
    while (e > 0 && before[e - 1] == ' ') --e;
    if (std::string_view(before.substr(0, e)).ends_with("den")) e -= 3;
    while (e > 0 && before[e - 1] == ' ') --e;
    return before.substr(0, e).ends_with("ade");
  }

  // The nearest date stated with its year in the same paragraph: after it first, else before.
  const Candidate* anchor(std::size_t index, bool following) const noexcept {
    const Candidate& c = out_[index];
    if (following) {
      for (std::size_t k = index + 1; k < out_.size(); ++k) {
        const Candidate& o = out_[k];
        if (o.m.begin - c.m.end_offset > 400) break;
        if (!o.m.date || o.m.year_inferred) continue;
        const std::string_view gap = std::string_view(t_).substr(c.m.end_offset, o.m.begin - c.m.end_offset);
        return gap.find("\n\n") == npos ? &o : nullptr;
      }
    } else {
      for (std::size_t k = index; k-- > 0;) {
        const Candidate& o = out_[k];
        if (c.m.begin - o.m.end_offset > 400) break;
        if (!o.m.date || o.m.year_inferred) continue;
        const std::string_view gap = std::string_view(t_).substr(o.m.end_offset, c.m.begin - o.m.end_offset);
        return gap.find("\n\n") == npos ? &o : nullptr;
      }
    }
    return nullptr;
  }

  static bool on_or_before(int month, int day, const Date& d) noexcept {
    return month < d.month || (month == d.month && day <= d.day);
  }

  std::optional<int> year_for(std::size_t index) const {
    const Candidate& c = out_[index];
    const int month = c.start->month, day = c.start->day;
    const Candidate* after = anchor(index, true);
    const Candidate* before = after ? nullptr : anchor(index, false);
    // Text order is time order: a date precedes the stated date that follows it.
    auto fit_after = [&](const Date& d) { return on_or_before(month, day, d) ? d.year : d.year - 1; };
    auto fit_before = [&](const Date& d) { return !on_or_before(month, day, d) || (d.month == month && d.day == day) ? d.year : d.year + 1; };
    if (ctx_.document_year) {
      const int y = *ctx_.document_year;
      if (after && Date{y, month, day} > *after->m.date) return fit_after(*after->m.date);
      if (before && Date{y, month, day} < *before->m.date) return fit_before(*before->m.date);
      return y;
    }
    if (after) return fit_after(*after->m.date);
    if (before) return fit_before(*before->m.date);
    if (!ctx_.neighbours.empty()) {
      // The year that puts the date nearest to a stated neighbour.
      std::optional<int> best;
      std::int64_t best_gap = INT64_MAX;
      for (const Date& n : ctx_.neighbours) {
        for (int y = n.year - 1; y <= n.year + 1; ++y) {
          if (!valid_day(y, month, day)) continue;
          const std::int64_t gap = std::llabs(days_between(n, Date{y, month, day}));
          if (gap < best_gap) best_gap = gap, best = y;
        }
      }
      return best;
    }
    if (ctx_.reference) {
      const Date& r = *ctx_.reference;
      if (past_tense(c.m.begin)) return on_or_before(month, day, r) ? r.year : r.year - 1;
      return (month > r.month || (month == r.month && day >= r.day)) ? r.year : r.year + 1;
    }
    return std::nullopt;
  }

  void infer_years() {
    for (std::size_t k = 0; k < out_.size(); ++k) {
      Candidate& c = out_[k];
      if (!c.start || c.invalid) continue;
      std::optional<int> year = year_for(k);
      // A printed weekday settles the year among the inferred one and its neighbours
      // ("måndag, sep 16" on a page about next year's grants is last September's Monday).
      if (year && c.start->weekday) {
        for (const int y : {*year, *year - 1, *year + 1}) {
          if (valid_day(y, c.start->month, c.start->day) && weekday_of(Date{y, c.start->month, c.start->day}) == c.start->weekday) {
            year = y;
            break;
          }
        }
      }
      if (!year) {
        c.invalid = c.m.text + " has no year and nothing to take it from";
        continue;
      }
      if (!valid_day(*year, c.start->month, c.start->day)) {
        c.invalid = c.m.text + " is not a date in " + std::to_string(*year);
        continue;
      }
      c.m.date = Date{*year, c.start->month, c.start->day};
      c.m.year_inferred = true;
      if (c.finish) {
        int y2 = *year;
        if (!on_or_before(c.start->month, c.start->day, Date{y2, c.finish->month, c.finish->day})) ++y2;
        if (valid_day(y2, c.finish->month, c.finish->day)) c.m.end = Date{y2, c.finish->month, c.finish->day};
      }
    }
  }

  std::string_view s_;
  std::string t_;
  const DateContext& ctx_;
  std::vector<Candidate> out_;
};

}  // namespace

std::vector<DateMatch> find_dates(std::string_view text, const DateContext& context) {
  std::vector<DateMatch> out;
  for (Candidate& c : Scanner(text, context).run())
    if (!c.invalid) out.push_back(std::move(c.m));
  return out;
}

DateResult parse_date(std::string_view text, const DateContext& context) {
  DateResult r;
  std::vector<Candidate> all = Scanner(text, context).run();
  // A date, duration or counter beats a bare year ("för 2023 … den 12 maj 2023").
  for (Candidate& c : all) {
    if (c.bare_year) continue;
    if (c.invalid) r.error = std::move(c.invalid);
    else r.match = std::move(c.m);
    return r;
  }
  if (!all.empty()) {
    r.match = std::move(all.front().m);
    return r;
  }
  r.error = "no date found";
  return r;
}

}  // namespace bidrag::normalize
