// parse_text: plain-text captures of grant pages (browser text, pdftotext-style PDF prints).
// Headings are told by shape, facts by "Label: value", steps by "1." and bullets by "- ";
// blank lines and sentence ends separate paragraphs; URL lines are attached to the lines
// they name (link_lines.h).
#include <cctype>
#include <map>
#include <set>
#include <optional>
#include <utility>
#include <string_view>

#include "bidrag/common/error.h"
#include "bidrag/normalize/dates.h"
#include "bidrag/normalize/text.h"
#include "bidrag/parse/limits.h"
#include "bidrag/parse/parse.h"
#include "bidrag/vocab/vocab.h"
#include "parse/facts.h"
#include "parse/text/link_lines.h"
#include "parse/text/lynx.h"
#include "parse/text/page_copy.h"

namespace bidrag::parse {
namespace {

bool is_url_line(std::string_view s) {
  if (s.find(' ') != std::string_view::npos) return false;
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("mailto:", 0) == 0 ||
         s.rfind("tel:", 0) == 0;
}

bool ends_sentence(std::string_view s) {
  return !s.empty() && std::string_view(".!?:;").find(s.back()) != std::string_view::npos;
}

using normalize::starts_lower;
using normalize::word_count;

// "… som omfattas av" — a line ending in a preposition or conjunction goes on below.
bool ends_with_function_word(std::string_view s) {
  const auto sp = s.rfind(' ');
  if (sp == std::string_view::npos) return false;
  return vocab::set("function_word").equals(s.substr(sp + 1)).has_value();
}

// A line that can stand alone as a heading or a link: short, no sentence punctuation at the
// end, not starting in lower case.
bool heading_shaped(std::string_view s) {
  if (s.empty() || starts_lower(s)) return false;
  // Two sentences on one line are running text.
  if (s.find(". ") != std::string_view::npos || s.find("? ") != std::string_view::npos) return false;
  // "Vem kan söka?": a short question is a section heading of a call page.
  if (s.back() == '?') return word_count(s) <= 8;
  return word_count(s) <= 12 && std::string_view(".,;:!").find(s.back()) == std::string_view::npos;
}

// "1. ", "2) " → ordinal; bullets "- ", "• ", "– ", "* " → 0; else -1.
int list_marker(std::string_view s, std::size_t& text_start) {
  std::size_t i = 0;
  while (i < s.size() && i < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i < s.size() - 1 && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
    text_start = i + 2;
    return std::stoi(std::string(s.substr(0, i)));
  }
  for (std::string_view bullet : {"- ", "• ", "– ", "* ", "· "}) {
    if (s.rfind(bullet, 0) == 0) {
      text_start = bullet.size();
      return 0;
    }
  }
  return -1;
}

// Browser copies (innerText) ------------------------------------------------------------------

// A question standing as a section heading ("Vem kan söka?", "Hur mycket kan ni söka?"): short,
// one sentence, ending in '?'.
bool question_heading(std::string_view s) {
  if (s.size() < 2 || s.back() != '?' || word_count(s) > 10 || starts_lower(s)) return false;
  const std::string_view body = s.substr(0, s.size() - 1);
  for (std::string_view stop : {". ", "? ", "! ", ": "})
    if (body.find(stop) != std::string_view::npos) return false;
  return true;
}

// A table row copied from the browser: "label<TAB>value" ("Sista ansökningsdag\t2025-03-25").
// The label is one to six words without sentence punctuation; the cells after it are the value.
std::optional<std::pair<std::string, std::string>> tab_row(std::string_view raw) {
  const auto tab = raw.find('\t');
  if (tab == std::string_view::npos) return std::nullopt;
  std::string label = normalize::fold_spaces(raw.substr(0, tab));
  std::string value = normalize::fold_spaces(raw.substr(tab + 1));
  while (!label.empty() && label.back() == ':') label.pop_back();
  if (label.empty() || value.empty() || word_count(label) > 6 || starts_lower(label)) return std::nullopt;
  if (std::string_view(".;!?").find(label.back()) != std::string_view::npos) return std::nullopt;
  return std::pair{label, value};
}

// The value line of a definition list copied as "label" newline "value": it starts with a digit
// ("2025-02-18", "15 mars 2025 kl. 14.00", "300 000 kronor"), is short and is no numbered step.
bool value_line(std::string_view s) {
  std::size_t text_start = 0;
  if (s.empty() || word_count(s) > 12 || list_marker(s, text_start) >= 0) return false;
  if (std::isdigit(static_cast<unsigned char>(s[0]))) return true;
  // "Högst 1,5 miljoner kronor per år": a short value with a number, not a sentence.
  bool digit = false;
  for (char c : s) digit = digit || std::isdigit(static_cast<unsigned char>(c));
  return digit && word_count(s) <= 8 && !ends_sentence(s);
}

// The label line of a <dl> entry: short, and no contact line ("Frida Åkesson, forskningssekreterare"
// above a phone line, a name "Lina Persson"): no comma, no digit, not every word capitalised.
bool dl_label(std::string_view s) {
  if (word_count(s) > 6 || s.find(',') != std::string_view::npos || s.find('@') != std::string_view::npos) return false;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) return false;
  if (word_count(s) < 2) return true;
  std::size_t i = 0;
  while (i < s.size()) {
    if (starts_lower(s.substr(i))) return true;
    const auto sp = s.find(' ', i);
    if (sp == std::string_view::npos) break;
    i = sp + 1;
  }
  return false;
}

// A heading-shaped line that states a full date ("Sista ansökningsdag 10 april 2025 14:00",
// "Öppnar 15/1/2024"): a dated statement of a timeline, a paragraph of its own (the next such
// line starts another one; a line going on in lower case continues it).
// A line of a contact card that is only a phone number ("08-775 40 83", "+46 8 775 40 83",
// "08-527 58 400 (växel)") or only an e-mail address: the name line above it is no heading.
bool card_line(std::string_view s) {
  if (s.empty()) return false;
  if (s.find(' ') == std::string_view::npos && s.find('@') != std::string_view::npos && s.find('@') > 0) return true;
  if (s[0] != '0' && s[0] != '+') return false;
  int digits = 0, groups = 0;
  bool in_paren = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '(') in_paren = true;
    else if (c == ')') in_paren = false;
    else if (std::isdigit(c)) {
      ++digits;
      if (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) ++groups;
    } else if (!in_paren && c != ' ' && c != '-' && c != '+') return false;
  }
  // "05-04-2023" is a date, not a number.
  if (groups == 3 && s.size() == 10 && (s[2] == '-' || s[2] == '/' || s[2] == '.')) return false;
  return digits >= 7;
}

// "gustav.lindahl@x.se, 010-698 16 05": a contact line under a name line, not the name's sentence
// going on in lower case.
bool starts_with_email(std::string_view s) {
  const auto end = s.find_first_of(" ,;");
  const std::string_view first = s.substr(0, end);
  const auto at = first.find('@');
  return at != std::string_view::npos && at > 0 && first.find('.', at) != std::string_view::npos;
}

// Not a row of a layout table (cells apart by runs of spaces, as Lynx and pdftotext print them).
bool timeline_line(std::string_view raw, std::string_view s) {
  std::size_t a = 0, b = raw.size();
  while (a < b && (raw[a] == ' ' || raw[a] == '\t')) ++a;
  while (b > a && (raw[b - 1] == ' ' || raw[b - 1] == '\r')) --b;
  if (raw.substr(a, b - a).find("   ") != std::string_view::npos) return false;
  for (const auto& m : normalize::find_dates(s))
    if (m.date && !m.year_inferred) return true;
  return false;
}

class TextParser {
 public:
  explicit TextParser(doc::Document& d) : d_(d) {}

  void line(std::string_view raw, int number) {
    const std::string s = normalize::fold_spaces(raw);
    if (s.empty()) {
      close();
      blank_ = true;
      return;
    }
    if (is_url_line(s)) {
      close();
      if (!in_url_group_) segment_end_ = d_.blocks.size();
      in_url_group_ = true;
      urls_.push_back({s, number});
      return;
    }
    if (in_url_group_) flush_urls();
    // A reading aid or skip link copied with the page ("Lyssna" under every heading, "Hoppa till
    // huvudinnehåll") is no content: left out, so it splits no section.
    if (text::is_reading_aid(s)) return;
    const bool after_blank = blank_;
    blank_ = false;
    // The first line is the page's title, unless it is a "Label: value" fact (a capture that
    // starts below the title).
    if (d_.blocks.empty() && !open_ && !split_label_value(s)) {
      start(doc::BlockKind::heading, s, number).level = 1;
      close();
      return;
    }
    if (const auto st = steps_.find(number); st != steps_.end()) {
      close();
      start(doc::BlockKind::list_item, s, number).ordinal = st->second;
      return;
    }
    if (card_line(s) || (starts_with_email(s) && !(open_ && !ends_sentence(last_line_)))) {
      close();
      if (!d_.blocks.empty()) {
        doc::Block& prev = d_.blocks.back();
        if (prev.kind == doc::BlockKind::heading && prev.level > 1 && prev.where.line == number - 1)
          prev.kind = doc::BlockKind::paragraph, prev.level = 0;
      }
      start(doc::BlockKind::paragraph, s, number);
      close();
      return;
    }
    if (browser_copy_line(raw, s, number, after_blank)) return;
    std::size_t text_start = 0;
    if (const int ordinal = list_marker(s, text_start); ordinal >= 0) {
      // A terminal browser's numbered "References" list ("12. https://…") holds no steps.
      if (is_url_line(std::string_view(s).substr(text_start))) {
        close();
        return;
      }
      close();
      start(doc::BlockKind::list_item, s.substr(text_start), number).ordinal = ordinal;
      return;
    }
    if (auto lv = split_label_value(s); lv && !(open_ && !ends_sentence(last_line_) && !after_blank)) {
      close();
      doc::Block& b = start(doc::BlockKind::fact, lv->label, number);
      b.value = lv->value;
      close();
      // A name line just before a fact is a contact card line, not a heading.
      if (d_.blocks.size() >= 2) {
        doc::Block& prev = d_.blocks[d_.blocks.size() - 2];
        if (prev.kind == doc::BlockKind::heading && prev.level > 1 && prev.where.line == number - 1)
          prev.kind = doc::BlockKind::paragraph, prev.level = 0;
      }
      return;
    }
    // A short first line whose sentence goes on in lower case on the next line was the start
    // of a paragraph, not a heading.
    if (!open_ && !after_blank && !d_.blocks.empty()) {
      doc::Block& prev = d_.blocks.back();
      if (prev.kind == doc::BlockKind::heading && prev.level > 1 && prev.where.line == number - 1 &&
          (starts_lower(s) || s[0] == '(' || ends_with_function_word(prev.text))) {
        prev.kind = doc::BlockKind::paragraph;
        prev.level = 0;
        prev.text += ' ';
        prev.text += s;
        open_ = true;
        last_line_ = s;
        return;
      }
    }
    if (open_ && !after_blank) {
      doc::Block& cur = d_.blocks.back();
      const bool continues = (!ends_sentence(last_line_) || starts_lower(s) || !heading_shaped(s)) &&
                             !(ends_sentence(last_line_) && question_heading(s)) &&
                             !(heading_shaped(s) && (timeline_line(raw, s) || last_timeline_));
      if (continues) {
        cur.text += ' ';
        cur.text += s;
        last_line_ = s;
        last_timeline_ = false;
        return;
      }
    }
    close();
    if (heading_shaped(s) && timelines_.count(number)) {
      start(doc::BlockKind::paragraph, s, number);
      last_timeline_ = true;
      return;
    }
    if (heading_shaped(s) || question_heading(s)) {
      start(doc::BlockKind::heading, s, number).level = 2;
      close();
      return;
    }
    start(doc::BlockKind::paragraph, s, number);
    // A cookie notice copied with the page is a block of its own: the menu and title lines
    // below it do not continue its sentence.
    if (vocab::set("cookie_notice").in(s)) close();
  }

  // Lines (by number) that are the numbered steps of a list copied without its numbers.
  void set_steps(std::map<int, int> steps) { steps_ = std::move(steps); }
  // Lines (by number) that are dated items of a timeline (see timeline_lines()).
  void set_timelines(std::set<int> lines) { timelines_ = std::move(lines); }

  void finish() {
    close();
    if (in_url_group_) flush_urls();
  }

  // A line of a terminal-browser dump (lynx.h): its layout says what it is. Flush-left lines
  // are section headings, the deeply indented first heading-shaped line is the page's title,
  // body text is indented and never a heading by shape, and a row of a table laid out in
  // columns (lynx.h) is a fact. The line's links go with the block it ends up in.
  void dump_line(const text::DumpLine& l) {
    const std::string s = normalize::fold_spaces(l.text);
    if (s.empty()) {
      close();
      blank_ = true;
      return;
    }
    const bool after_blank = blank_;
    blank_ = false;
    const int number = l.number;
    std::size_t text_start = 0;
    if (const int ordinal = list_marker(s, text_start); ordinal >= 0) {
      close();
      start(doc::BlockKind::list_item, s.substr(text_start), number).ordinal = ordinal;
    } else if (l.indent == 0) {
      close();
      start(doc::BlockKind::heading, s, number).level = 2;
      close();
    } else if (!title_seen_ && l.indent >= 6 && after_blank && heading_shaped(s)) {
      close();
      start(doc::BlockKind::heading, s, number).level = 1;
      title_seen_ = true;
      close();
    } else if (l.row) {
      close();
      doc::Block& b = start(doc::BlockKind::fact, l.row->first, number);
      b.value = l.row->second;
      close();
    } else if (auto lv = split_label_value(s); lv && !(open_ && !ends_sentence(last_line_) && !after_blank)) {
      close();
      doc::Block& b = start(doc::BlockKind::fact, lv->label, number);
      b.value = lv->value;
      close();
    } else if (open_ && !after_blank) {
      doc::Block& cur = d_.blocks.back();
      cur.text += ' ';
      cur.text += s;
      last_line_ = s;
    } else {
      close();
      start(doc::BlockKind::paragraph, s, number);
    }
    if (!l.links.empty() && !d_.blocks.empty()) {
      doc::Block& b = d_.blocks.back();
      b.links.insert(b.links.end(), l.links.begin(), l.links.end());
    }
  }

  // Lines that are all one link are link blocks, as in the HTML and PDF models.
  void finish_dump() {
    close();
    for (doc::Block& b : d_.blocks) {
      if (b.links.size() == 1 && b.links[0].text == b.text && b.kind == doc::BlockKind::paragraph) {
        b.kind = doc::BlockKind::link;
        b.href = b.links[0].href;
      }
    }
  }

  // Whole-page copies (page_copy.h): a line above the main heading that is not pure chrome
  // (a badge, a date line, the site's name) stands alone; the main heading is the level-1 heading.
  void top_line(std::string_view raw, int number) {
    const std::string s = normalize::fold_spaces(raw);
    if (s.empty() || is_url_line(s)) return line(raw, number);
    if (in_url_group_) flush_urls();
    close();
    blank_ = false;
    start(doc::BlockKind::paragraph, s, number);
    close();
  }
  void main_heading(std::string_view raw, int number) {
    if (in_url_group_) flush_urls();
    close();
    blank_ = false;
    start(doc::BlockKind::heading, normalize::fold_spaces(raw), number).level = 1;
    close();
  }

 private:
  // Shapes of a browser copy: a table row "label<TAB>value" is a fact; a value line right under a
  // short heading-shaped label line (a <dl> entry) makes that line a fact.
  bool browser_copy_line(std::string_view raw, const std::string& s, int number, bool after_blank) {
    if (auto row = tab_row(raw)) {
      close();
      doc::Block& b = start(doc::BlockKind::fact, row->first, number);
      b.value = row->second;
      close();
      return true;
    }
    if (!after_blank && !open_ && value_line(s) && !d_.blocks.empty()) {
      doc::Block& prev = d_.blocks.back();
      if (prev.kind == doc::BlockKind::heading && prev.level > 1 && prev.where.line == number - 1 &&
          dl_label(prev.text) && prev.links.empty()) {
        prev.kind = doc::BlockKind::fact;
        prev.level = 0;
        prev.value = s;
        return true;
      }
    }
    return false;
  }

  doc::Block& start(doc::BlockKind kind, std::string_view text, int number) {
    doc::Block b;
    b.kind = kind;
    b.text = std::string(text);
    b.where = doc::Locator::text(number);
    d_.blocks.push_back(std::move(b));
    open_ = kind == doc::BlockKind::paragraph || kind == doc::BlockKind::list_item;
    last_line_ = std::string(text);
    last_timeline_ = false;
    return d_.blocks.back();
  }
  void close() { open_ = false; }

  void flush_urls() {
    std::vector<doc::Block*> segment;
    for (std::size_t i = segment_start_; i < segment_end_; ++i)
      if (!(d_.blocks[i].kind == doc::BlockKind::heading && d_.blocks[i].level == 1)) segment.push_back(&d_.blocks[i]);
    text::attach_urls(urls_, segment, d_.title);
    for (doc::Block* b : segment) {
      // A standalone line that is all link text is a link block, as in the HTML and PDF models.
      if (b->links.size() == 1 && b->links[0].text == b->text &&
          (b->kind == doc::BlockKind::heading || b->kind == doc::BlockKind::paragraph)) {
        b->kind = doc::BlockKind::link;
        b->href = b->links[0].href;
        b->level = 0;
      }
    }
    urls_.clear();
    in_url_group_ = false;
    segment_start_ = segment_end_;
  }

  doc::Document& d_;
  bool title_seen_ = false;
  bool open_ = false, blank_ = true, in_url_group_ = false;
  std::string last_line_;
  std::vector<text::UrlLine> urls_;
  std::map<int, int> steps_;
  std::set<int> timelines_;
  bool last_timeline_ = false;
  std::size_t segment_start_ = 0, segment_end_ = 0;
};

// Lines longer than limits::kMaxLineBytes cut there (at a character boundary), with a warning.
std::string bounded_lines(const std::string& text, std::vector<std::string>& warnings) {
  std::string out;
  std::size_t cut = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::size_t end = nl;
    if (end - pos > limits::kMaxLineBytes) {
      end = pos + limits::kMaxLineBytes;
      while (end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
      ++cut;
    }
    out.append(text, pos, end - pos);
    if (nl < text.size()) out += '\n';
    pos = nl + 1;
  }
  if (cut > 0)
    warnings.push_back(std::to_string(cut) + (cut == 1 ? " line was" : " lines were") + " longer than " +
                       std::to_string(limits::kMaxLineBytes) + " bytes; only the start of each was read (limit)");
  return out;
}

}  // namespace

doc::Document parse_text(const Snapshot& s) {
  doc::Document d;
  d.url = s.url;
  d.format = doc::Format::text;
  const std::string decoded = normalize::decode_to_utf8(s.bytes, s.content_type);
  if (decoded.find('\0') != std::string::npos) throw Error(s.url, "", "binary data, not text");
  const std::string utf8 = bounded_lines(decoded, d.warnings);
  // A terminal-browser dump (lynx.h) is read by its layout.
  if (const auto dump = text::read_dump(utf8)) {
    TextParser dump_parser(d);
    for (const auto& l : *dump) dump_parser.dump_line(l);
    dump_parser.finish_dump();
    for (const auto& b : d.blocks) {
      if (b.kind == doc::BlockKind::heading && b.level == 1) d.title = b.text;
    }
    if (d.title.empty() && !d.blocks.empty()) d.title = d.blocks.front().text;
    return d;
  }
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= utf8.size()) {
    auto nl = utf8.find('\n', pos);
    lines.emplace_back(std::string_view(utf8).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  // A whole-page browser copy: chrome above the main heading (page_copy.h).
  std::vector<std::string> folded;
  folded.reserve(lines.size());
  for (const auto& l : lines) folded.push_back(normalize::fold_spaces(l));
  const auto heading = text::main_heading_line(folded, s.url);
  const std::vector<bool> chrome = heading ? text::top_chrome_lines(folded, *heading) : std::vector<bool>{};
  if (heading) d.title = folded[*heading];
  TextParser parser(d);
  {
    std::map<int, int> steps;
    const auto ordinals = text::unnumbered_steps(folded);
    for (std::size_t i = 0; i < ordinals.size(); ++i)
      if (ordinals[i] > 0) steps[static_cast<int>(i) + 1] = ordinals[i];
    parser.set_steps(std::move(steps));
    // A dated line in a run of lines (a timeline's items copy one a line); a dated line standing
    // alone between blank lines, with no dated line next to it, stays a heading ("Ansök senast
    // 30 september 2025" as a box title).
    // Dated lines apart by blank lines, one after the other, are a timeline too.
    std::set<int> timelines;
    std::vector<bool> dated(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i)
      dated[i] = !folded[i].empty() && heading_shaped(folded[i]) && timeline_line(lines[i], folded[i]);
    auto neighbour = [&](std::size_t i, int step) -> std::optional<std::size_t> {
      for (auto j = static_cast<std::ptrdiff_t>(i) + step; j >= 0 && j < static_cast<std::ptrdiff_t>(lines.size()); j += step)
        if (!folded[static_cast<std::size_t>(j)].empty()) return static_cast<std::size_t>(j);
      return std::nullopt;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (folded[i].empty() || !timeline_line(lines[i], folded[i])) continue;
      const bool run = (i > 0 && !folded[i - 1].empty()) || (i + 1 < lines.size() && !folded[i + 1].empty());
      const auto before = neighbour(i, -1), after = neighbour(i, 1);
      const bool series = dated[i] && ((before && dated[*before]) || (after && dated[*after]));
      if (run || series) timelines.insert(static_cast<int>(i) + 1);
    }
    parser.set_timelines(std::move(timelines));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    if (heading && i < *heading) {
      if (!chrome[i]) parser.top_line(lines[i], number);
    } else if (heading && i == *heading) {
      parser.main_heading(lines[i], number);
    } else {
      parser.line(lines[i], number);
    }
    if (d.title.empty() && !d.blocks.empty()) d.title = d.blocks.front().text;
  }
  parser.finish();
  return d;
}

}  // namespace bidrag::parse
