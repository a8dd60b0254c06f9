// parse_pdf: a PDF (browser print, office export) → the common document model. Words and
// links from Poppler, print header/footer removed, lines in reading order, blocks.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "bidrag/common/error.h"
#include "bidrag/parse/parse.h"
#include "bidrag/parse/pdf_tables.h"
#include "bidrag/parse/pdf_words.h"
#include "blocks.h"
#include "layout.h"
#include "pdf_article.h"
#include "print_chrome.h"
#include "reader.h"

namespace bidrag::parse {
namespace {

bool is_marker(const std::string& token) {
  static const std::vector<std::string> bullets = {"•", "-", "–", "*", "·", "◦", "▪", "●", "\xEF\x82\xB7"};
  if (std::find(bullets.begin(), bullets.end(), token) != bullets.end()) return true;
  return token.size() >= 2 && token.size() <= 3 && (token.back() == '.' || token.back() == ')') &&
         std::all_of(token.begin(), token.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

// A cell of list markers only ("1.", "•", or "• •" where the finder joined two rows).
bool is_marker_cell(const std::string& text) {
  std::size_t begin = 0, markers = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find(' ', begin), text.size());
    if (end > begin) {
      if (!is_marker(text.substr(begin, end - begin))) return false;
      ++markers;
    }
    begin = end + 1;
  }
  return markers > 0;
}

// The table finder also lines up text that is not a table: two columns of prose, or a list
// whose markers stand in a column of their own. Those stay paragraphs and list items.
bool is_table(const doc::Table& t) {
  std::size_t cells = 0, words = 0, led = 0, marker_led = 0;
  for (const auto& row : t.rows) {
    if (!row.empty() && !row.front().text.empty()) {
      ++led;
      if (is_marker_cell(row.front().text)) ++marker_led;
    }
    for (const doc::Cell& c : row) {
      if (c.text.empty()) continue;
      ++cells;
      words += 1 + static_cast<std::size_t>(std::count(c.text.begin(), c.text.end(), ' '));
    }
  }
  if (cells == 0 || (led > 0 && marker_led == led)) return false;
  return words < 4 * cells;
}

// Which words of the page lie inside one of its tables.
std::vector<bool> in_tables(const pdf::Page& p, const std::vector<doc::Table>& tables) {
  std::vector<bool> skip(p.words.size(), false);
  for (const doc::Table& t : tables) {
    if (t.page != p.number) continue;
    for (std::size_t i = 0; i < p.words.size(); ++i) {
      const doc::BBox& b = p.words[i].box;
      const double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
      if (cx >= t.bbox.x0 && cx <= t.bbox.x1 && cy >= t.bbox.y0 && cy <= t.bbox.y1) skip[i] = true;
    }
  }
  return skip;
}

// Puts each table block before the first block that starts below it on its page.
void insert_tables(std::vector<doc::Block>& blocks, std::vector<doc::Table> tables) {
  for (doc::Table& t : tables) {
    doc::Block b;
    b.kind = doc::BlockKind::table;
    b.where = doc::Locator::pdf(t.page, t.bbox);
    const auto at = std::find_if(blocks.begin(), blocks.end(), [&](const doc::Block& o) {
      return o.where.page > t.page || (o.where.page == t.page && o.where.bbox.y0 > t.bbox.y0);
    });
    b.table = std::move(t);
    blocks.insert(at, std::move(b));
  }
}

}  // namespace

doc::Document parse_pdf(const Snapshot& s) {
  // One reading of the file: words, links, information, the tagged article, up to the page
  // limit (a warning when there are more). The table finder here works from the words alone,
  // as it always has (`bidrag tables` adds the ruling lines).
  pdf::Reading reading = pdf::read_pdf(s, {.links = true, .rules = false, .article = true, .threads = 0});
  std::vector<pdf::Page>& pages = reading.pages;
  const bool has_text = std::any_of(pages.begin(), pages.end(), [](const pdf::Page& p) { return !p.words.empty(); });
  if (!has_text) throw Error(s.url, "", "PDF has no text layer (scanned image?)");
  const auto& info = reading.info;
  const std::string pdf_title = info.count("title") ? info.at("title") : std::string();

  // Tables first: their words become one table block each and stay out of the paragraphs.
  std::vector<doc::Table> tables = pdf::find_tables(pages);
  std::erase_if(tables, [](const doc::Table& t) { return !is_table(t); });
  std::vector<std::vector<pdf::Line>> per_page;
  per_page.reserve(pages.size());
  for (const pdf::Page& p : pages) per_page.push_back(pdf::page_lines(p, in_tables(p, tables)));
  const pdf::Chrome chrome = pdf::remove_chrome(per_page, pages, pdf_title);

  std::vector<pdf::Line> lines;
  for (auto& page_lines : per_page) {
    for (auto& l : page_lines) lines.push_back(std::move(l));
  }

  doc::Document d;
  d.url = s.url;
  d.format = doc::Format::pdf;
  d.pages = static_cast<int>(pages.size());
  d.warnings = std::move(reading.warnings);
  d.blocks = pdf::build_blocks(lines, pages);
  insert_tables(d.blocks, std::move(tables));
  // A browser print of a web page: keep the tagged article, as the HTML parser keeps <main>.
  if (reading.article) pdf::keep_article(d.blocks, *reading.article);
  if (!chrome.printed_at.empty()) d.meta["printed_at"] = chrome.printed_at;
  if (!chrome.printed_url.empty()) d.meta["printed_url"] = chrome.printed_url;
  for (const auto& [key, value] : info) d.meta["pdf_" + key] = value;

  // The title: the top-level heading of the first page, else the document information.
  const doc::Block* top = nullptr;
  for (const doc::Block& b : d.blocks) {
    if (b.where.page != 1) break;
    if (b.kind == doc::BlockKind::heading && (!top || b.level < top->level)) top = &b;
  }
  d.title = top ? top->text : pdf_title;

  // The words as printed stay with the document for later stages (no stage reads the PDF again).
  auto printed = std::make_shared<std::vector<doc::PrintedPage>>();
  printed->reserve(pages.size());
  for (pdf::Page& p : pages) {
    doc::PrintedPage& out = printed->emplace_back();
    out.number = p.number;
    out.words.reserve(p.words.size());
    for (pdf::Word& w : p.words) out.words.push_back({std::move(w.text), w.box});
  }
  d.printed = std::move(printed);
  return d;
}

}  // namespace bidrag::parse
