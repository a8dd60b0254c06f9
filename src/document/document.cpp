#include "bidrag/document/document.h"

#include <algorithm>

namespace bidrag::doc {

const char* to_string(Format f) noexcept {
  switch (f) {
    case Format::html: return "html";
    case Format::pdf: return "pdf";
    case Format::text: return "text";
    case Format::xlsx: return "xlsx";
    case Format::csv: return "csv";
  }
  return "text";
}

const char* to_string(BlockKind k) noexcept {
  switch (k) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::link: return "link";
    case BlockKind::fact: return "fact";
    case BlockKind::table: return "table";
  }
  return "paragraph";
}

std::string cell_reference(int row, int column) {
  if (column <= 0 || row <= 0) return {};
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

BBox BBox::united(const BBox& o) const noexcept {
  return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

}  // namespace bidrag::doc
