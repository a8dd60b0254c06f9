// parse_pdf: a PDF (browser print, office export) → the common document model. Words and
// links from Poppler, print header/footer removed, lines in reading order, blocks.
#include <algorithm>

#include "bidrag/common/error.h"
#include "bidrag/parse/parse.h"
#include "bidrag/parse/pdf_words.h"
#include "blocks.h"
#include "layout.h"
#include "pdf_info.h"
#include "print_chrome.h"

namespace bidrag::parse {

doc::Document parse_pdf(const Snapshot& s) {
  std::vector<pdf::Page> pages = pdf::load_words(s);
  const bool has_text = std::any_of(pages.begin(), pages.end(), [](const pdf::Page& p) { return !p.words.empty(); });
  if (!has_text) throw Error(s.url, "", "PDF has no text layer (scanned image?)");
  pdf::load_links(s, pages);
  const auto info = pdf::load_info(s);
  const std::string pdf_title = info.count("title") ? info.at("title") : std::string();

  std::vector<std::vector<pdf::Line>> per_page;
  per_page.reserve(pages.size());
  for (const pdf::Page& p : pages) per_page.push_back(pdf::page_lines(p));
  const pdf::Chrome chrome = pdf::remove_chrome(per_page, pages, pdf_title);

  std::vector<pdf::Line> lines;
  for (auto& page_lines : per_page) {
    for (auto& l : page_lines) lines.push_back(std::move(l));
  }

  doc::Document d;
  d.url = s.url;
  d.format = doc::Format::pdf;
  d.pages = static_cast<int>(pages.size());
  d.blocks = pdf::build_blocks(lines, pages);
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
  return d;
}

}  // namespace bidrag::parse
