// parse_xlsx: the package's relationships to the workbook, its sheets, shared strings and
// styles; each visible worksheet's cells (merged ranges repeated into the cells they cover) to
// a grid, and the grid to blocks.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "bidrag/common/error.h"
#include "bidrag/normalize/text.h"
#include "bidrag/parse/parse.h"
#include "parse/grid/grid.h"
#include "parse/xlsx/number_format.h"
#include "parse/xlsx/package.h"

namespace bidrag::parse {
namespace {

using xlsx::Package;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The local name of an element or attribute ("x:row" → "row"): producers may prefix the
// SpreadsheetML namespace.
std::string_view local(const char* name) {
  const std::string_view n = name;
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c.name()) == name) return c;
  return {};
}

template <typename F>
void each_child(pugi::xml_node n, std::string_view name, F f) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c.name()) == name) f(c);
}

// The relationship id of a <sheet>: r:id with whatever prefix the producer bound.
std::string relationship_id(pugi::xml_node sheet) {
  for (pugi::xml_attribute a = sheet.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view n = a.name();
    if (n != "id" && ends_with(n, ":id")) return a.value();
  }
  return {};
}

// "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml".
std::string normalize_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    const auto slash = std::min(path.find('/', i), path.size());
    const std::string part = path.substr(i, slash - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string folder_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

struct Relationship {
  std::string type;    // the URI's last segment: "worksheet", "sharedStrings", "styles", ...
  std::string target;  // a part name
};

// The relationships of `part` (its _rels/<name>.rels), by id; empty when there are none.
std::map<std::string, Relationship> relationships(Package& pkg, const std::string& part) {
  const std::string folder = folder_of(part);
  const std::string rels = folder + "_rels/" + part.substr(folder.size()) + ".rels";
  std::map<std::string, Relationship> out;
  if (!pkg.has(rels)) return out;
  pugi::xml_document x;
  pkg.read_xml(rels, x);
  each_child(x.document_element(), "Relationship", [&](pugi::xml_node r) {
    if (std::string_view(r.attribute("TargetMode").value()) == "External") return;
    std::string type = r.attribute("Type").value();
    type = type.substr(type.rfind('/') + 1);
    const std::string target = r.attribute("Target").value();
    out[r.attribute("Id").value()] = {type, normalize_path(target.starts_with("/") ? target : folder + target)};
  });
  return out;
}

std::string target_of_type(const std::map<std::string, Relationship>& rels, std::string_view type,
                           const std::string& fallback) {
  for (const auto& [id, r] : rels)
    if (r.type == type) return r.target;
  return fallback;
}

// "_x000D_" and friends (control characters escaped in shared strings) to the character.
std::string unescape_x(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i) + 2, s.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
      const unsigned long code = std::stoul(s.substr(i + 2, 4), nullptr, 16);
      if (code < 0x80) {
        out += static_cast<char>(code);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string clean(std::string text) { return normalize::fold_spaces(normalize::nfc(unescape_x(std::move(text)))); }

// The text of a rich or plain string item (<si>, <is>): its <t> and runs' <t>, phonetic runs left out.
std::string string_item(pugi::xml_node si) {
  std::string out;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view n = local(c.name());
    if (n == "t") out += c.text().get();
    if (n == "r") out += child(c, "t").text().get();
  }
  return out;
}

struct Styles {
  std::vector<std::string> formats;  // per cellXfs index: the number format code
  std::vector<double> font_sizes;    // per cellXfs index
  double default_font_size = 0;
};

Styles read_styles(Package& pkg, const std::string& part) {
  Styles st;
  if (part.empty() || !pkg.has(part)) return st;
  pugi::xml_document x;
  pkg.read_xml(part, x);
  const pugi::xml_node root = x.document_element();
  std::map<int, std::string> custom;
  each_child(child(root, "numFmts"), "numFmt",
             [&](pugi::xml_node f) { custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value(); });
  std::vector<double> fonts;
  each_child(child(root, "fonts"), "font",
             [&](pugi::xml_node f) { fonts.push_back(child(f, "sz").attribute("val").as_double()); });
  if (!fonts.empty()) st.default_font_size = fonts.front();
  each_child(child(root, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    const int id = xf.attribute("numFmtId").as_int();
    const auto c = custom.find(id);
    st.formats.push_back(c != custom.end() ? c->second : xlsx::builtin_format(id));
    const auto font = xf.attribute("fontId").as_uint();
    st.font_sizes.push_back(font < fonts.size() ? fonts[font] : st.default_font_size);
  });
  return st;
}

// "B7" → {7, 2}; {0, 0} when it is not a cell reference.
std::pair<int, int> parse_ref(std::string_view ref) {
  int column = 0, row = 0;
  std::size_t i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (column > 16384) return {0, 0};
  }
  for (; i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i])); ++i) {
    row = row * 10 + (ref[i] - '0');
    if (row > 1048576) return {0, 0};
  }
  if (i != ref.size() || column == 0 || row == 0) return {0, 0};
  return {row, column};
}

struct Workbook {
  std::vector<std::string> shared;
  Styles styles;
  bool date1904 = false;
  std::size_t cells = 0;
};

// The displayed text and exact number of one <c>.
grid::GridCell read_cell(Package& pkg, const std::string& part, pugi::xml_node c, int column, Workbook& wb) {
  grid::GridCell out;
  out.column = column;
  const std::string_view type = c.attribute("t").value();
  const unsigned style = c.attribute("s").as_uint();
  if (style < wb.styles.font_sizes.size()) out.font_size = wb.styles.font_sizes[style];
  const pugi::xml_node v = child(c, "v");
  const std::string value = v.text().get();
  if (type == "s") {
    if (!v) return out;
    const auto index = v.text().as_ullong(~0ULL);
    if (index >= wb.shared.size()) {
      throw Error(pkg.source(), part,
                  "cell " + std::string(c.attribute("r").value()) + " refers to shared string " + value +
                      ", but the workbook has " + std::to_string(wb.shared.size()));
    }
    out.text = wb.shared[index];
  } else if (type == "inlineStr") {
    out.text = clean(string_item(child(c, "is")));
  } else if (type == "str" || type == "e") {
    out.text = clean(value);
  } else if (type == "b") {
    if (v) out.text = value == "1" || value == "true" ? "TRUE" : "FALSE";
  } else if (type == "d") {
    // An ISO 8601 date-time (Strict and later producers): the date, and the time when it has one.
    std::string t = value;
    const auto tpos = t.find('T');
    if (tpos != std::string::npos) {
      const std::string time = t.substr(tpos + 1);
      t = time.starts_with("00:00:00") ? t.substr(0, tpos) : t.substr(0, tpos) + " " + time.substr(0, 5);
    }
    out.text = clean(t);
  } else if (v) {
    out.number = xlsx::plain_decimal(value);
    if (!out.number) {
      out.text = clean(value);
    } else {
      const std::string& code = style < wb.styles.formats.size() ? wb.styles.formats[style] : std::string();
      out.text = normalize::fold_spaces(xlsx::format_number(*out.number, code.empty() ? "General" : code, wb.date1904));
    }
  }
  return out;
}

struct Range {
  int row0, col0, row1, col1;
};

std::vector<doc::Block> read_sheet(Package& pkg, const std::string& part, const std::string& name, Workbook& wb,
                                   const SpreadsheetLimits& limits) {
  pugi::xml_document x;
  pkg.read_xml(part, x);
  const pugi::xml_node root = x.document_element();
  std::map<int, std::map<int, grid::GridCell>> cells;  // row → column → cell
  int next_row = 1;
  each_child(child(root, "sheetData"), "row", [&](pugi::xml_node r) {
    const int row = r.attribute("r") ? r.attribute("r").as_int() : next_row;
    if (row < 1 || row > 1048576) {
      throw Error(pkg.source(), part, "row number " + std::string(r.attribute("r").value()) + " is out of range");
    }
    next_row = row + 1;
    int next_column = 1;
    each_child(r, "c", [&](pugi::xml_node c) {
      if (++wb.cells > limits.max_cells) {
        throw Error(pkg.source(), part, "more than " + std::to_string(limits.max_cells) + " cells (the limit)");
      }
      int column = next_column;
      if (c.attribute("r")) {
        const auto [ref_row, ref_column] = parse_ref(c.attribute("r").value());
        if (ref_row == 0) {
          throw Error(pkg.source(), part, "cell reference \"" + std::string(c.attribute("r").value()) + "\" is not valid");
        }
        column = ref_column;
      }
      next_column = column + 1;
      grid::GridCell cell = read_cell(pkg, part, c, column, wb);
      if (!cell.text.empty()) cells[row][column] = std::move(cell);
    });
  });
  // Merged ranges: the top-left value belongs to every cell the range covers.
  std::size_t copies = 0;
  each_child(child(root, "mergeCells"), "mergeCell", [&](pugi::xml_node m) {
    const std::string ref = m.attribute("ref").value();
    const auto colon = ref.find(':');
    if (colon == std::string::npos) return;
    const auto [r0, c0] = parse_ref(std::string_view(ref).substr(0, colon));
    const auto [r1, c1] = parse_ref(std::string_view(ref).substr(colon + 1));
    if (r0 == 0 || r1 < r0 || c1 < c0) return;
    const auto row_it = cells.find(r0);
    if (row_it == cells.end()) return;
    const auto anchor_it = row_it->second.find(c0);
    if (anchor_it == row_it->second.end()) return;
    const grid::GridCell anchor = anchor_it->second;
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) {
        if (r == r0 && c == c0) continue;
        if (++copies + wb.cells > limits.max_cells) {
          throw Error(pkg.source(), part, "more than " + std::to_string(limits.max_cells) + " cells (the limit)");
        }
        grid::GridCell copy = anchor;
        copy.column = c;
        copy.merged_copy = true;
        cells[r][c] = std::move(copy);
      }
  });
  grid::Grid g;
  g.default_font_size = wb.styles.default_font_size;
  for (auto& [row, by_column] : cells) {
    grid::GridRow gr;
    gr.position = row;
    gr.where = doc::Locator::cell(name, row);
    for (auto& [column, cell] : by_column) gr.cells.push_back(std::move(cell));
    g.rows.push_back(std::move(gr));
  }
  return grid::blocks_of(g);
}

}  // namespace

doc::Document parse_xlsx(const Snapshot& s, const SpreadsheetLimits& limits) {
  doc::Document d;
  d.url = s.url;
  d.format = doc::Format::xlsx;
  Package pkg(s.url, s.bytes, limits);

  const auto package_rels = relationships(pkg, "");
  const std::string workbook_part = target_of_type(package_rels, "officeDocument", "xl/workbook.xml");
  pugi::xml_document wbx;
  pkg.read_xml(workbook_part, wbx);
  const pugi::xml_node workbook = wbx.document_element();
  if (local(workbook.name()) != "workbook") throw Error(s.url, workbook_part, "is not a SpreadsheetML workbook");

  Workbook wb;
  const std::string_view date1904 = child(workbook, "workbookPr").attribute("date1904").value();
  wb.date1904 = date1904 == "1" || date1904 == "true";
  const auto rels = relationships(pkg, workbook_part);
  const std::string folder = folder_of(workbook_part);
  const std::string shared_part = target_of_type(rels, "sharedStrings", "");
  if (!shared_part.empty()) {
    pugi::xml_document sst;
    pkg.read_xml(shared_part, sst);
    each_child(sst.document_element(), "si", [&](pugi::xml_node si) { wb.shared.push_back(clean(string_item(si))); });
  }
  wb.styles = read_styles(pkg, target_of_type(rels, "styles", ""));

  int sheets = 0;
  const std::string rels_part = folder + "_rels/" + workbook_part.substr(folder.size()) + ".rels";
  each_child(child(workbook, "sheets"), "sheet", [&](pugi::xml_node sheet) {
    const std::string_view state = sheet.attribute("state").value();
    if (state == "hidden" || state == "veryHidden") return;
    const std::string name = clean(sheet.attribute("name").value());
    const std::string id = relationship_id(sheet);
    const auto rel = rels.find(id);
    if (rel == rels.end()) {
      throw Error(s.url, rels_part, "has no relationship \"" + id + "\" for the sheet \"" + name + "\"");
    }
    if (rel->second.type != "worksheet") return;  // chart sheets and dialog sheets hold no cells
    auto blocks = read_sheet(pkg, rel->second.target, name, wb, limits);
    ++sheets;
    d.meta["sheets"] += (d.meta["sheets"].empty() ? "" : "\n") + name;
    d.blocks.insert(d.blocks.end(), std::make_move_iterator(blocks.begin()), std::make_move_iterator(blocks.end()));
  });
  if (sheets == 0) throw Error(s.url, workbook_part, "lists no worksheet");
  d.pages = sheets;

  // Title: the workbook's own (docProps/core.xml), else the first heading or prose line of the
  // first sheet that holds a table.
  const std::string core_part = target_of_type(package_rels, "core-properties", "docProps/core.xml");
  if (pkg.has(core_part)) {
    pugi::xml_document core;
    pkg.read_xml(core_part, core);
    d.title = clean(child(core.document_element(), "title").text().get());
  }
  if (d.title.empty()) {
    std::string sheet;
    for (const auto& b : d.blocks)
      if (b.kind == doc::BlockKind::table) {
        sheet = b.where.sheet;
        break;
      }
    const doc::Block* first = nullptr;
    for (const auto& b : d.blocks) {
      if (b.kind == doc::BlockKind::table || (!sheet.empty() && b.where.sheet != sheet)) continue;
      if (b.kind == doc::BlockKind::heading) {
        first = &b;
        break;
      }
      if (first == nullptr) first = &b;
    }
    if (first != nullptr) d.title = first->text;
  }
  return d;
}

}  // namespace bidrag::parse
