// The common document model: what every parser (HTML, PDF, plain text, XLSX, CSV) produces and every
// extractor reads. Each block remembers where it came from.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bidrag::doc {

enum class Format { html, pdf, text, xlsx, csv };
[[nodiscard]] const char* to_string(Format f) noexcept;  // "html", "pdf", "text", "xlsx", "csv"

// PDF points, origin at the page's top-left corner, y growing downwards.
struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] double width() const noexcept { return x1 - x0; }
  [[nodiscard]] double height() const noexcept { return y1 - y0; }
  [[nodiscard]] BBox united(const BBox& o) const noexcept;
};

// Where a piece came from: a PDF page and box, an HTML DOM path, a line of plain text (or of a
// CSV file), or a spreadsheet's sheet, row and column.
struct Locator {
  enum class Kind { none, pdf, html, text, sheet };
  Kind kind = Kind::none;
  int page = 0;       // pdf: 1-based
  BBox bbox;          // pdf
  std::string xpath;  // html: e.g. /html/body/main/div[2]/p[3]
  int line = 0;       // text, csv: 1-based (the line a CSV record starts on)
  std::string sheet;  // sheet: the sheet's name as the workbook lists it ("Fördelning")
  int row = 0;        // sheet: 1-based row number as the spreadsheet shows it
  int column = 0;     // sheet: 1-based column (A = 1); 0 = the whole row

  [[nodiscard]] static Locator pdf(int page, BBox box) {
    Locator l;
    l.kind = Kind::pdf;
    l.page = page;
    l.bbox = box;
    return l;
  }
  [[nodiscard]] static Locator html(std::string xpath) {
    Locator l;
    l.kind = Kind::html;
    l.xpath = std::move(xpath);
    return l;
  }
  [[nodiscard]] static Locator text(int line) {
    Locator l;
    l.kind = Kind::text;
    l.line = line;
    return l;
  }
  [[nodiscard]] static Locator cell(std::string sheet, int row, int column = 0) {
    Locator l;
    l.kind = Kind::sheet;
    l.sheet = std::move(sheet);
    l.row = row;
    l.column = column;
    return l;
  }
};

// "B6" for row 6, column 2; "" when the column is 0.
[[nodiscard]] std::string cell_reference(int row, int column);

// A hyperlink: visible text (alt text for an image) and the absolute target (http(s), mailto:, tel:).
struct Link {
  std::string text;
  std::string href;
  Locator where;
};

struct Cell {
  Cell() = default;
  // {text, box} as before the number existed; the number is optional.
  Cell(std::string t, BBox box = {}, std::optional<std::string> n = std::nullopt)
      : text(std::move(t)), bbox(box), number(std::move(n)) {}

  std::string text;  // as printed (xlsx: as the cell's number format displays it), NFC, white space folded
  BBox bbox;         // pdf only
  // xlsx: the exact value of a numeric cell (a number, a date serial, a formula's cached number)
  // as a plain decimal string in C notation ("1245082", "-0.125", "45716"), never rounded nor
  // passed through floating point; nullopt for text, booleans, errors, empty cells and for
  // every other format (their numbers are in `text` only).
  std::optional<std::string> number;
};

struct Table {
  std::vector<std::vector<Cell>> rows;  // rows in reading order; header rows included
  int page = 0;                         // pdf: first page of the table
  BBox bbox;                            // pdf: on that page
  std::string caption;                  // html: the <caption> text, else empty
  // One per row where the format knows rows' own places: xlsx (sheet, row, first column of the
  // table), csv (the line the record starts on), html (the <tr>'s path). Empty for pdf (cells
  // carry boxes).
  std::vector<Locator> row_where;
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

// A word as a PDF page prints it: its text and box.
struct PrintedWord {
  std::string text;
  BBox box;
};

// A PDF page's words in the text extractor's reading order.
struct PrintedPage {
  int number = 0;  // 1-based
  std::vector<PrintedWord> words;
};

struct Document {
  std::string url;  // the source's URL (base for relative links)
  Format format = Format::text;
  std::string title;  // <title>, PDF title, the workbook's title, or the first heading / prose line
  int pages = 0;      // pdf; xlsx: the number of sheets read
  // Facts about the capture that are not content: "printed_at" (a browser print's header date,
  // "2023-02-24"), "canonical" (<link rel=canonical>), "lang", "pdf_producer", "sheets" (xlsx: the
  // names of the sheets read, in workbook order, one a line), "footer_published" (html: the page
  // footer's text that says when the page was published).
  std::map<std::string, std::string> meta;
  std::vector<Block> blocks;
  // What the parser had to cut or repair (a limit of bidrag/parse/limits.h reached); the
  // extractor passes them on to the document's first record.
  std::vector<std::string> warnings;
  // pdf: every page's words, for what the blocks merge and a later stage needs as printed (the
  // lines of a wrapped cell, a running header). Shared, so copies of the document stay cheap;
  // null for other formats.
  std::shared_ptr<const std::vector<PrintedPage>> printed;
};

}  // namespace bidrag::doc
