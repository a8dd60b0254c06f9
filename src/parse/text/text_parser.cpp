// parse_text: plain-text captures of grant pages (browser text, pdftotext-style PDF prints).
// Headings are told by shape, facts by "Label: value", steps by "1." and bullets by "- ";
// blank lines and sentence ends separate paragraphs; URL lines are attached to the lines
// they name (link_lines.h).
#include <cctype>
#include <string_view>

#include "bidrag/common/error.h"
#include "bidrag/normalize/text.h"
#include "bidrag/parse/parse.h"
#include "bidrag/vocab/vocab.h"
#include "parse/facts.h"
#include "parse/text/link_lines.h"
#include "parse/text/lynx.h"

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

std::size_t word_count(std::string_view s) {
  std::size_t n = s.empty() ? 0 : 1;
  for (char c : s)
    if (c == ' ') ++n;
  return n;
}

bool starts_lower(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (std::islower(c)) return true;
  // å, ä, ö, é (UTF-8 lead 0xC3 followed by a lower-case code point 0xA0–0xBF)
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0xA0;
}

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
    // A line of the site's chrome copied with the page ("Lyssna" under every heading, "Hoppa
    // till huvudinnehåll", "Meny") is no content: left out, so it splits no section.
    if (vocab::set("heading_title_chrome").equals(s)) return;
    const bool after_blank = blank_;
    blank_ = false;
    // The first line is the page's title, unless it is a "Label: value" fact (a capture that
    // starts below the title).
    if (d_.blocks.empty() && !open_ && !split_label_value(s)) {
      start(doc::BlockKind::heading, s, number).level = 1;
      close();
      return;
    }
    std::size_t text_start = 0;
    if (const int ordinal = list_marker(s, text_start); ordinal >= 0) {
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
      const bool continues = !ends_sentence(last_line_) || starts_lower(s) || !heading_shaped(s);
      if (continues) {
        cur.text += ' ';
        cur.text += s;
        last_line_ = s;
        return;
      }
    }
    close();
    if (heading_shaped(s)) {
      start(doc::BlockKind::heading, s, number).level = 2;
      close();
      return;
    }
    start(doc::BlockKind::paragraph, s, number);
    // A cookie notice copied with the page is a block of its own: the menu and title lines
    // below it do not continue its sentence.
    if (vocab::set("cookie_notice").in(s)) close();
  }

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

 private:
  doc::Block& start(doc::BlockKind kind, std::string_view text, int number) {
    doc::Block b;
    b.kind = kind;
    b.text = std::string(text);
    b.where = doc::Locator::text(number);
    d_.blocks.push_back(std::move(b));
    open_ = kind == doc::BlockKind::paragraph || kind == doc::BlockKind::list_item;
    last_line_ = std::string(text);
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
  std::size_t segment_start_ = 0, segment_end_ = 0;
};

}  // namespace

doc::Document parse_text(const Snapshot& s) {
  doc::Document d;
  d.url = s.url;
  d.format = doc::Format::text;
  const std::string utf8 = normalize::decode_to_utf8(s.bytes, s.content_type);
  if (utf8.find('\0') != std::string::npos) throw Error(s.url, "", "binary data, not text");
  TextParser parser(d);
  if (const auto dump = text::read_dump(utf8)) {
    for (const auto& l : *dump) parser.dump_line(l);
    parser.finish_dump();
    for (const auto& b : d.blocks) {
      if (b.kind == doc::BlockKind::heading && b.level == 1) d.title = b.text;
    }
    if (d.title.empty() && !d.blocks.empty()) d.title = d.blocks.front().text;
    return d;
  }
  std::size_t pos = 0;
  int number = 0;
  while (pos <= utf8.size()) {
    auto nl = utf8.find('\n', pos);
    std::string_view line = std::string_view(utf8).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    ++number;
    parser.line(line, number);
    if (d.title.empty() && !d.blocks.empty()) d.title = d.blocks.front().text;
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  parser.finish();
  return d;
}

}  // namespace bidrag::parse
