// The human forms of a diff: terminal text (optionally coloured) and a Markdown report.
#include "bidrag/diff/money.h"
#include "bidrag/diff/render.h"

namespace bidrag::diff {
namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kYellow = "\033[33m";

std::string shown(const Value& v);

// An amount object {"value": 1234567.5, "currency": "SEK"} → "1 234 567,50 kr", else "".
std::string amount_object(const Value& v) {
  const Value* value = v.find("value");
  if (!value || value->kind != Value::Kind::number) return {};
  const auto ore = parse_ore(value->text);
  if (!ore) return {};
  const std::string currency(v.str("currency"));
  return kronor_display(*ore) + " " + (currency == "SEK" || currency.empty() ? "kr" : currency);
}

// A whole record or part of one for people: its stated fields as "key: value", dotted for
// nested objects ("municipality.name: Nacka, municipality.code: 0182, amount: 250 000 kr").
void summarise(const Value& v, const std::string& prefix, std::string& out) {
  for (const auto& [k, m] : v.members) {
    if (!stated(&m)) continue;
    const std::string key = prefix.empty() ? k : prefix + "." + k;
    if (m.is_object() && amount_object(m).empty()) {
      summarise(m, key, out);
      continue;
    }
    if (!out.empty()) out += ", ";
    out += key + ": " + shown(m);
  }
}

std::string shown(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return "null";
    case Value::Kind::boolean: return v.boolean ? "true" : "false";
    case Value::Kind::number:
    case Value::Kind::string: return v.text;
    case Value::Kind::object: {
      if (std::string a = amount_object(v); !a.empty()) return a;
      std::string out;
      summarise(v, "", out);
      return out;
    }
    case Value::Kind::array: break;
  }
  return to_json(v);
}

std::string signed_number(const std::string& s) { return s.starts_with("-") ? s : "+" + s; }

std::string amount_shown(const Value& v) {
  if (v.is_null()) return "null";
  const auto ore = parse_ore(v.text);
  return ore ? kronor_display(*ore) + " kr" : v.text;
}

// "(+363 days)", "(+100 000 kr, +10,00 %)", or "".
std::string difference(const Change& c) {
  if (c.days) return signed_number(std::to_string(*c.days)) + (*c.days == 1 || *c.days == -1 ? " day" : " days");
  if (c.delta_ore) {
    std::string s = signed_number(kronor_display(*c.delta_ore)) + " kr";
    if (c.percent) {
      std::string p = signed_number(*c.percent);
      if (const auto dot = p.find('.'); dot != std::string::npos) p[dot] = ',';  // Swedish decimal comma
      s += ", ";  // piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on ", " + std::string
      s += p;
      s += " %";
    }
    return s;
  }
  return {};
}

std::string old_shown(const Change& c) { return c.is_amount ? amount_shown(c.old_value) : shown(c.old_value); }
std::string new_shown(const Change& c) { return c.is_amount ? amount_shown(c.new_value) : shown(c.new_value); }

std::string words_text(const std::vector<WordRun>& runs, bool colour) {
  if (!colour) return wdiff_string(runs);
  std::string s;
  for (const auto& r : runs) {
    if (!s.empty()) s += ' ';
    switch (r.op) {
      case WordRun::Op::same: s += r.text; break;
      case WordRun::Op::removed: s += std::string(kRed) + "[-" + r.text + "-]" + kReset; break;
      case WordRun::Op::added: s += std::string(kGreen) + "{+" + r.text + "+}" + kReset; break;
    }
  }
  return s;
}

std::string md_cell(std::string s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') {
      out += "\\|";
    } else if (ch == '\n' || ch == '\r') {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

std::string md_words(const std::vector<WordRun>& runs) {
  std::string s;
  for (const auto& r : runs) {
    if (!s.empty()) s += ' ';
    switch (r.op) {
      case WordRun::Op::same: s += r.text; break;
      case WordRun::Op::removed: s += "~~" + r.text + "~~"; break;
      case WordRun::Op::added: s += "**" + r.text + "**"; break;
    }
  }
  return s;
}

}  // namespace

std::string render_text(const std::vector<Change>& changes, bool colour) {
  std::string out, series;
  for (const auto& c : changes) {
    if (out.empty() || c.series != series) {
      series = c.series;
      out += colour ? std::string(kBold) + series + kReset + "\n" : series + "\n";
    }
    const char* sym = c.kind == Change::Kind::added ? "+" : c.kind == Change::Kind::removed ? "-" : "~";
    const char* col = c.kind == Change::Kind::added ? kGreen : c.kind == Change::Kind::removed ? kRed : kYellow;
    out += "  ";
    out += colour ? std::string(col) + sym + kReset : std::string(sym);
    out += " " + c.path;
    if (!c.label.empty()) out += " (" + c.label + ")";
    out += ": ";
    if (!c.words.empty()) {
      out += words_text(c.words, colour);
    } else if (c.kind == Change::Kind::added) {
      out += new_shown(c);
    } else if (c.kind == Change::Kind::removed) {
      out += old_shown(c);
    } else {
      out += old_shown(c) + " → " + new_shown(c);
    }
    if (const std::string d = difference(c); !d.empty()) out += " (" + d + ")";
    out += "\n";
  }
  return out;
}

std::string render_markdown(const std::vector<Change>& changes) {
  std::string out, series;
  for (const auto& c : changes) {
    if (out.empty() || c.series != series) {
      series = c.series;
      if (!out.empty()) out += "\n";
      out += "### " + series + "\n\n| Change | Field | Old | New | Difference |\n| --- | --- | --- | --- | --- |\n";
    }
    std::string field = "`" + c.path + "`";
    if (!c.label.empty()) field += " (" + c.label + ")";
    const bool words = !c.words.empty();
    const std::string old_cell = words || c.kind == Change::Kind::added ? "" : old_shown(c);
    const std::string new_cell = words || c.kind == Change::Kind::removed ? "" : new_shown(c);
    const std::string diff_cell = words ? md_words(c.words) : difference(c);
    out += "| " + std::string(to_string(c.kind)) + " | " + md_cell(field) + " | " + md_cell(old_cell) + " | " +
           md_cell(new_cell) + " | " + md_cell(diff_cell) + " |\n";
  }
  return out;
}

}  // namespace bidrag::diff
