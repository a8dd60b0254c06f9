// The common document model: what every parser (HTML, PDF, plain text) produces and every
// extractor reads. Each block remembers where it came from.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace bidrag::doc {

enum class Format { html, pdf, text };
[[nodiscard]] const char* to_string(Format f) noexcept;  // "html", "pdf", "text"

// PDF points, origin at the page's top-left corner, y growing downwards.
struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] double width() const noexcept { return x1 - x0; }
  [[nodiscard]] double height() const noexcept { return y1 - y0; }
  [[nodiscard]] BBox united(const BBox& o) const noexcept;
};

// Where a piece came from: a PDF page and box, an HTML DOM path, or a line of plain text.
struct Locator {
  enum class Kind { none, pdf, html, text };
  Kind kind = Kind::none;
  int page = 0;       // pdf: 1-based
  BBox bbox;          // pdf
  std::string xpath;  // html: e.g. /html/body/main/div[2]/p[3]
  int line = 0;       // text: 1-based

  [[nodiscard]] static Locator pdf(int page, BBox box) { return {Kind::pdf, page, box, {}, 0}; }
  [[nodiscard]] static Locator html(std::string xpath) { return {Kind::html, 0, {}, std::move(xpath), 0}; }
  [[nodiscard]] static Locator text(int line) { return {Kind::text, 0, {}, {}, line}; }
};

// A hyperlink: visible text (alt text for an image) and the absolute target (http(s), mailto:, tel:).
struct Link {
  std::string text;
  std::string href;
  Locator where;
};

struct Cell {
  std::string text;  // as printed, NFC, white space runs folded to one space
  BBox bbox;         // pdf only
};

struct Table {
  std::vector<std::vector<Cell>> rows;  // rows in reading order; header rows included
  int page = 0;                         // pdf: first page of the table
  BBox bbox;                            // pdf: on that page
};

enum class BlockKind { heading, paragraph, list_item, link, fact, table };
[[nodiscard]] const char* to_string(BlockKind k) noexcept;

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;         // heading, paragraph, list item or link text; fact label ("Sista ansökningsdag")
  std::string value;        // fact: the value ("2023-05-12")
  int level = 0;            // heading: 1..6
  int ordinal = 0;          // list item: 1, 2, … for ordered lists, 0 for bullets
  std::string href;         // link: absolute target
  std::vector<Link> links;  // links inside a paragraph, list item, heading or fact
  Table table;              // table
  Locator where;
};

struct Document {
  std::string url;  // the source's URL (base for relative links)
  Format format = Format::text;
  std::string title;  // <title>, PDF title, or the first heading
  int pages = 0;      // pdf
  // Facts about the capture that are not content: "printed_at" (a browser print's header date,
  // "2023-02-24"), "canonical" (<link rel=canonical>), "lang", "pdf_producer".
  std::map<std::string, std::string> meta;
  std::vector<Block> blocks;
  // What the parser had to cut or repair (a limit of bidrag/parse/limits.h reached); the
  // extractor passes them on to the document's first record.
  std::vector<std::string> warnings;
};

}  // namespace bidrag::doc
