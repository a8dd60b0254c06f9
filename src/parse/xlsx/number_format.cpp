// Number formats: a small interpreter of the format-code language for the codes lists use
// (General, 0, #,##0, 0.00, 0 %, #,##0 "kr", #,##0, (thousands), dates and times). Codes it does
// not model (fractions, scientific) fall back to General.
#include "parse/xlsx/number_format.h"

#include <cctype>
#include <cstdint>
#include <vector>

#include "bidrag/common/date.h"

namespace bidrag::parse::xlsx {
namespace {

constexpr char kDecimalSeparator = ',';
constexpr char kGroupSeparator = ' ';

// An exact decimal: sign, integer digits without leading zeros ("" for 0), fraction digits
// without trailing zeros.
struct Decimal {
  bool negative = false;
  std::string whole;
  std::string fraction;

  [[nodiscard]] bool zero() const { return whole.empty() && fraction.empty(); }
};

void trim(Decimal& d) {
  const auto first = d.whole.find_first_not_of('0');
  d.whole = first == std::string::npos ? std::string() : d.whole.substr(first);
  const auto last = d.fraction.find_last_not_of('0');
  d.fraction = last == std::string::npos ? std::string() : d.fraction.substr(0, last + 1);
  if (d.zero()) d.negative = false;
}

std::optional<Decimal> parse_decimal(std::string_view v) {
  Decimal d;
  std::size_t i = 0;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) d.negative = v[i++] == '-';
  std::string digits;
  int point = -1;
  bool any = false;
  for (; i < v.size(); ++i) {
    const char c = v[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
      any = true;
    } else if (c == '.' && point < 0) {
      point = static_cast<int>(digits.size());
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (point < 0) point = static_cast<int>(digits.size());
  if (i < v.size()) {
    if (v[i] != 'e' && v[i] != 'E') return std::nullopt;
    ++i;
    bool neg = false;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) neg = v[i++] == '-';
    int exp = 0;
    bool exp_digits = false;
    for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) {
      if (exp < 10000) exp = exp * 10 + (v[i] - '0');
      exp_digits = true;
    }
    if (!exp_digits || i != v.size() || exp > 400) return std::nullopt;
    point += neg ? -exp : exp;
  }
  if (point < 0) {
    digits.insert(0, static_cast<std::size_t>(-point), '0');
    point = 0;
  }
  if (point > static_cast<int>(digits.size())) digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
  d.whole = digits.substr(0, static_cast<std::size_t>(point));
  d.fraction = digits.substr(static_cast<std::size_t>(point));
  trim(d);
  return d;
}

std::string to_plain(const Decimal& d) {
  std::string out = d.negative ? "-" : "";
  out += d.whole.empty() ? "0" : d.whole;
  if (!d.fraction.empty()) out += "." + d.fraction;
  return out;
}

// Multiplies by 10^k (k may be negative).
Decimal shifted(Decimal d, int k) {
  std::string digits = d.whole + d.fraction;
  int point = static_cast<int>(d.whole.size()) + k;
  if (point < 0) {
    digits.insert(0, static_cast<std::size_t>(-point), '0');
    point = 0;
  }
  if (point > static_cast<int>(digits.size())) digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
  d.whole = digits.substr(0, static_cast<std::size_t>(point));
  d.fraction = digits.substr(static_cast<std::size_t>(point));
  trim(d);
  return d;
}

// Rounds half away from zero to `places` decimals (as spreadsheets display).
Decimal rounded(Decimal d, std::size_t places) {
  if (d.fraction.size() <= places) return d;
  const bool up = d.fraction[places] >= '5';
  std::string digits = d.whole + d.fraction.substr(0, places);
  if (up) {
    std::size_t i = digits.size();
    while (i > 0) {
      --i;
      if (digits[i] == '9') {
        digits[i] = '0';
        if (i == 0) digits.insert(digits.begin(), '1');
      } else {
        ++digits[i];
        break;
      }
    }
    if (digits.empty()) digits = "1";
  }
  const std::size_t whole = digits.size() - places;
  d.whole = digits.substr(0, whole);
  d.fraction = digits.substr(whole);
  trim(d);
  return d;
}

std::string grouped(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += kGroupSeparator;
    out += digits[i];
  }
  return out;
}

// General: the number as stored, decimal comma, at most about ten significant digits.
std::string general(const Decimal& value) {
  Decimal d = value;
  const std::size_t whole = d.whole.size();
  if (!d.fraction.empty() && whole + d.fraction.size() > 10) d = rounded(d, whole >= 10 ? 0 : 10 - whole);
  std::string out = d.negative ? "-" : "";
  out += d.whole.empty() ? "0" : d.whole;
  if (!d.fraction.empty()) out += kDecimalSeparator + d.fraction;
  return out;
}

// Splits a code into its sections at ';' outside quotes, escapes and brackets.
std::vector<std::string> sections(std::string_view code) {
  std::vector<std::string> out(1);
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' && i + 1 < code.size()) {
      out.back() += c;
      out.back() += code[++i];
      continue;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']' && bracket > 0) {
      --bracket;
    } else if (c == ';' && bracket == 0) {
      out.emplace_back();
      continue;
    }
    out.back() += c;
  }
  return out;
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// One piece of a numeric section: a digit placeholder (0 # ?) or literal text.
struct Piece {
  char placeholder = 0;
  std::string literal;
};

struct NumericSection {
  std::vector<Piece> whole;     // before the decimal point
  std::vector<Piece> fraction;  // after it
  bool point = false;
  bool grouping = false;
  int thousands = 0;  // trailing commas: each divides by 1000
  int percent = 0;
  bool unsupported = false;  // scientific, fractions
  bool literal_only = false;  // no digit placeholder: the section's text is all it shows ("-")
  std::string prefix, suffix;
};

// "[$kr-41D]" → "kr"; "[Red]", "[$-41D]", "[>100]" → "".
std::string bracket_text(std::string_view inside) {
  if (inside.empty() || inside[0] != '$') return {};
  const auto dash = inside.find('-');
  return std::string(inside.substr(1, dash == std::string_view::npos ? std::string_view::npos : dash - 1));
}

NumericSection parse_numeric(std::string_view code) {
  NumericSection s;
  std::vector<Piece> pieces;  // in order, with the point and commas as markers in `placeholder`
  auto literal = [&](std::string text) {
    if (text.empty()) return;
    if (!pieces.empty() && pieces.back().placeholder == 0) {
      pieces.back().literal += text;
    } else {
      pieces.push_back({0, std::move(text)});
    }
  };
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const auto end = code.find('"', i + 1);
      literal(std::string(code.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1)));
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' && i + 1 < code.size()) {
      literal(std::string(1, code[++i]));
    } else if ((c == '_' || c == '*') && i + 1 < code.size()) {
      ++i;  // alignment space or fill: no text of its own
    } else if (c == '[') {
      const auto end = code.find(']', i);
      if (end == std::string_view::npos) break;
      literal(bracket_text(code.substr(i + 1, end - i - 1)));
      i = end;
    } else if (c == '0' || c == '#' || c == '?' || c == '.' || c == ',') {
      pieces.push_back({c, {}});
    } else if (c == '%') {
      ++s.percent;
      literal("%");
    } else if (c == 'E' || c == 'e' || c == '/') {
      s.unsupported = true;
    } else if (c == '@') {
      // text placeholder: nothing for a number
    } else {
      literal(std::string(1, c));
    }
  }
  // Commas: between digit placeholders of the whole part → grouping; right after the last
  // placeholder of the whole part (before the point or the end) → thousands scaling.
  auto is_digit = [](const Piece& p) { return p.placeholder == '0' || p.placeholder == '#' || p.placeholder == '?'; };
  std::size_t first_digit = pieces.size(), last_digit = pieces.size();
  for (std::size_t i = 0; i < pieces.size(); ++i)
    if (is_digit(pieces[i]) || pieces[i].placeholder == '.') {
      if (first_digit == pieces.size()) first_digit = i;
      last_digit = i;
    }
  if (first_digit == pieces.size()) {
    s.literal_only = true;
    for (const Piece& p : pieces) s.prefix += p.literal;
    return s;
  }
  for (std::size_t i = 0; i < first_digit; ++i) s.prefix += pieces[i].literal;
  bool in_fraction = false;
  std::size_t i = first_digit;
  for (; i <= last_digit; ++i) {
    const Piece& p = pieces[i];
    if (p.placeholder == '.') {
      if (!in_fraction) {
        in_fraction = s.point = true;
      }
      continue;
    }
    if (p.placeholder == ',') {
      if (in_fraction) continue;
      bool digit_after = false;
      for (std::size_t j = i + 1; j <= last_digit && pieces[j].placeholder != '.'; ++j)
        if (is_digit(pieces[j])) digit_after = true;
      if (digit_after) {
        s.grouping = true;
      } else {
        ++s.thousands;
      }
      continue;
    }
    (in_fraction ? s.fraction : s.whole).push_back(p);
  }
  // Commas right after the last placeholder scale too ("#,##0,").
  for (; i < pieces.size() && pieces[i].placeholder == ','; ++i) ++s.thousands;
  for (; i < pieces.size(); ++i) {
    if (pieces[i].placeholder == ',') continue;
    if (pieces[i].placeholder != 0) {
      s.suffix += pieces[i].placeholder;
    } else {
      s.suffix += pieces[i].literal;
    }
  }
  return s;
}

std::string format_numeric(const Decimal& value, const NumericSection& s, bool with_sign) {
  Decimal d = shifted(value, 2 * s.percent - 3 * s.thousands);
  std::size_t places = 0;
  for (const Piece& p : s.fraction)
    if (p.placeholder != 0) ++places;
  d = rounded(d, places);
  // Whole part: placeholders filled from the right; the leftmost takes every remaining digit.
  std::string whole_text;
  bool literals_inside = false;
  for (const Piece& p : s.whole)
    if (p.placeholder == 0) literals_inside = true;
  if (!literals_inside) {
    std::size_t min_digits = 0;
    for (const Piece& p : s.whole)
      if (p.placeholder == '0') ++min_digits;
    std::string digits = d.whole;
    if (digits.size() < min_digits) digits.insert(0, min_digits - digits.size(), '0');
    whole_text = s.grouping ? grouped(digits) : digits;
  } else {
    std::size_t next = d.whole.size();  // digits of d.whole not yet placed: [0, next)
    std::size_t leftmost = s.whole.size();
    for (std::size_t k = 0; k < s.whole.size(); ++k)
      if (s.whole[k].placeholder != 0) {
        leftmost = k;
        break;
      }
    for (std::size_t k = s.whole.size(); k-- > 0;) {
      const Piece& p = s.whole[k];
      if (p.placeholder == 0) {
        whole_text.insert(0, p.literal);
        continue;
      }
      if (k == leftmost) {
        whole_text.insert(0, d.whole.substr(0, next));
        if (next == 0 && p.placeholder == '0') whole_text.insert(0, "0");
        next = 0;
      } else if (next > 0) {
        whole_text.insert(0, 1, d.whole[--next]);
      } else if (p.placeholder == '0') {
        whole_text.insert(0, "0");
      }
    }
  }
  // Fraction: '0' always shows a digit, '#' and '?' only up to the last significant one.
  std::string fraction_text;
  std::size_t required = 0, k = 0;
  for (const Piece& p : s.fraction) {
    if (p.placeholder == 0) continue;
    ++k;
    if (p.placeholder == '0') required = k;
  }
  const std::size_t shown = std::max(required, d.fraction.size());
  k = 0;
  for (const Piece& p : s.fraction) {
    if (p.placeholder == 0) {
      if (k < shown) fraction_text += p.literal;
      continue;
    }
    if (k < shown) fraction_text += k < d.fraction.size() ? d.fraction[k] : '0';
    ++k;
  }
  std::string out = s.prefix;
  if (with_sign && d.negative) out.insert(0, "-");
  out += whole_text;
  if (!fraction_text.empty()) out += kDecimalSeparator + fraction_text;
  out += s.suffix;
  return out;
}

struct DateParts {
  bool date = false;
  bool time = false;
  bool seconds = false;
};

// What a date code shows, from its letters outside quotes, escapes and (non-time) brackets.
DateParts date_parts(std::string_view code) {
  DateParts p;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (code[i] == '"') {
      const auto end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (code[i] == '\\' || code[i] == '_' || code[i] == '*') {
      ++i;
    } else if (code[i] == '[') {
      const auto end = code.find(']', i);
      if (end == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, end - i - 1);
      // Elapsed time: [h], [mm], [ss]; colours and locales ([Red], [$-41D]) show nothing.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) p.time = true;
      i = end;
    } else if (c == 'y' || c == 'd') {
      p.date = true;
    } else if (c == 'h') {
      p.time = true;
    } else if (c == 's') {
      p.time = p.seconds = true;
    } else if (c == 'm') {
      // Minutes when next to h or s, else a month.
      p.date = true;
    }
  }
  if (p.time) {
    // "h:mm" or "mm:ss": the m was minutes after all unless y or d are there.
    bool y_or_d = false;
    for (char c : code) {
      const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l == 'y' || l == 'd') y_or_d = true;
    }
    p.date = y_or_d;
  }
  return p;
}

std::string two(std::int64_t v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

std::optional<std::string> format_date(const Decimal& serial, std::string_view code, bool date1904) {
  if (serial.negative || serial.whole.size() > 7) return std::nullopt;
  const std::int64_t days = serial.whole.empty() ? 0 : std::stoll(serial.whole);
  if (days > 2958465) return std::nullopt;  // after 9999-12-31
  // Seconds of the day from the fraction, rounded to the nearest second, exactly.
  std::int64_t seconds = 0;
  if (!serial.fraction.empty()) {
    const std::string f = serial.fraction.substr(0, 12);  // 86400 × 10^12 fits in 64 bits
    std::int64_t num = 0, den = 1;
    for (char c : f) {
      num = num * 10 + (c - '0');
      den *= 10;
    }
    seconds = (num * 86400 + den / 2) / den;
  }
  std::int64_t day_number = days + seconds / 86400;
  seconds %= 86400;
  const DateParts parts = date_parts(code);
  std::string out;
  if (parts.date || !parts.time) {
    // 1900 system: serial 1 is 1900-01-01 and serial 60 the 29 February 1900 the first
    // spreadsheets believed in; from 61 on, day 0 is 1899-12-30.
    Date date;
    if (date1904) {
      date = Date{1904, 1, 1}.plus_days(day_number);
    } else if (day_number == 60) {
      out = "1900-02-29";
    } else {
      date = Date{1899, 12, day_number < 60 ? 31 : 30}.plus_days(day_number);
    }
    if (out.empty()) {
      if (!date1904 && day_number == 0) return std::nullopt;  // "1900-01-00": not a date
      out = date.iso();
    }
  }
  if (parts.time) {
    if (!out.empty()) out += ' ';
    out += two(seconds / 3600) + ":" + two(seconds / 60 % 60);
    if (parts.seconds) out += ":" + two(seconds % 60);
  }
  return out;
}

}  // namespace

std::optional<std::string> plain_decimal(std::string_view v) {
  auto d = parse_decimal(v);
  if (!d) return std::nullopt;
  return to_plain(*d);
}

std::string builtin_format(int id) {
  switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: case 5: case 6: case 37: case 38: return "#,##0";
    case 4: case 7: case 8: case 39: case 40: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13: return "# ?\?/?\?";
    case 14: case 15: case 16: case 17: return "yyyy-mm-dd";
    case 18: case 20: return "hh:mm";
    case 19: case 21: return "hh:mm:ss";
    case 22: return "yyyy-mm-dd hh:mm";
    case 41: case 42: return "#,##0;-#,##0";
    case 43: case 44: return "#,##0.00;-#,##0.00";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: break;
  }
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "yyyy-mm-dd";
  return "General";
}

bool is_date_format(std::string_view code) {
  if (equals_ci(code, "general")) return false;
  const auto secs = sections(code);
  const DateParts p = date_parts(secs.front());
  return p.date || p.time;
}

std::string format_number(const std::string& value, std::string_view code, bool date1904) {
  const auto d = parse_decimal(value);
  if (!d) return value;
  if (code.empty() || equals_ci(code, "general") || code == "@") return general(*d);
  if (is_date_format(code)) {
    if (auto text = format_date(*d, sections(code).front(), date1904)) return *text;
    return general(*d);
  }
  const auto secs = sections(code);
  // Which section: positive (and all numbers when there is one), negative, zero.
  std::size_t index = 0;
  bool with_sign = true;
  if (secs.size() >= 2 && d->negative) {
    index = 1;
    with_sign = false;
  } else if (secs.size() >= 3 && d->zero()) {
    index = 2;
  }
  std::string_view section = secs[index];
  if (equals_ci(section, "general")) return general(*d);
  const NumericSection s = parse_numeric(section);
  if (s.literal_only && !s.prefix.empty()) return s.prefix;
  if (s.unsupported || s.literal_only) return (with_sign ? "" : "-") + general(Decimal{false, d->whole, d->fraction});
  return format_numeric(*d, s, with_sign);
}

}  // namespace bidrag::parse::xlsx
