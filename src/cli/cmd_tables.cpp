// `bidrag tables`: prints every table the PDF layout stage finds, as CSV blocks or JSON, so
// people can check what bidrag saw (the same engine reads the allocation lists).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <iostream>
#include <memory>
#include <sstream>

#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/common/file.h"
#include "bidrag/common/log.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/parse/pdf_tables.h"
#include "cli/commands.h"

namespace bidrag::cli {
namespace {

struct TablesOptions {
  std::string file;
  std::string pages;
  std::string area;
  std::string format = "csv";
};

bool to_int(std::string_view s, int& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// "1,3-5" → {1, 3, 4, 5}.
std::vector<int> parse_pages(const std::string& spec) {
  std::vector<int> pages;
  std::stringstream in(spec);
  std::string part;
  while (std::getline(in, part, ',')) {
    const auto dash = part.find('-');
    int a = 0, b = 0;
    const bool ok = dash == std::string::npos
                        ? to_int(part, a) && (b = a, true)
                        : to_int(std::string_view(part).substr(0, dash), a) &&
                              to_int(std::string_view(part).substr(dash + 1), b);
    if (!ok || a < 1 || b < a) {
      throw UsageError("--pages: '" + part + "' is not a page or a range (expected e.g. 1,3-5)");
    }
    for (int p = a; p <= b; ++p) pages.push_back(p);
  }
  if (pages.empty()) throw UsageError("--pages: no pages given (expected e.g. 1,3-5)");
  return pages;
}

// "TOP,LEFT,BOTTOM,RIGHT" in points from the page's top-left corner.
doc::BBox parse_area(const std::string& spec) {
  double v[4] = {0, 0, 0, 0};
  std::stringstream in(spec);
  std::string part;
  int n = 0;
  while (std::getline(in, part, ',')) {
    if (n == 4) break;
    const auto r = std::from_chars(part.data(), part.data() + part.size(), v[n]);
    if (r.ec != std::errc() || r.ptr != part.data() + part.size()) n = 99;
    ++n;
  }
  if (n != 4 || v[0] >= v[2] || v[1] >= v[3] || v[0] < 0 || v[1] < 0) {
    throw UsageError("--area: '" + spec + "' is not TOP,LEFT,BOTTOM,RIGHT in points with TOP < BOTTOM and LEFT < RIGHT");
  }
  return {v[1], v[0], v[3], v[2]};
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string to_csv(const std::vector<doc::Table>& tables) {
  std::string out;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (t > 0) out += '\n';
    for (const auto& row : tables[t].rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c > 0) out += ',';
        out += csv_field(row[c].text);
      }
      out += '\n';
    }
  }
  return out;
}

std::string to_json(const std::vector<doc::Table>& tables) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.SetMaxDecimalPlaces(2);
  w.StartObject();
  w.Key("tables");
  w.StartArray();
  for (const auto& t : tables) {
    w.StartObject();
    w.Key("page");
    w.Int(t.page);
    w.Key("bbox");
    w.StartArray();
    for (double v : {t.bbox.x0, t.bbox.y0, t.bbox.x1, t.bbox.y1}) w.Double(v);
    w.EndArray();
    w.Key("rows");
    w.StartArray();
    for (const auto& row : t.rows) {
      w.StartArray();
      for (const auto& cell : row) w.String(cell.text.data(), static_cast<rapidjson::SizeType>(cell.text.size()));
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + '\n';
}

int run(const TablesOptions& o) {
  parse::pdf::TableOptions options;
  if (!o.pages.empty()) options.pages = parse_pages(o.pages);
  if (!o.area.empty()) options.area = parse_area(o.area);

  std::vector<parse::pdf::Page> pages;
  try {
    const Snapshot snapshot = make_snapshot(o.file, read_file(o.file), "application/pdf");
    pages = parse::pdf::load_words(snapshot);
    parse::pdf::load_rules(snapshot, pages);
  } catch (const Error& e) {
    log::error(e.what());
    return static_cast<int>(ExitCode::documents_failed);
  } catch (const IoError& e) {
    log::error(e.what());
    return static_cast<int>(ExitCode::documents_failed);
  }
  for (int p : options.pages) {
    if (p > static_cast<int>(pages.size())) {
      throw UsageError("--pages: page " + std::to_string(p) + " does not exist in " + o.file + " (" +
                       std::to_string(pages.size()) + (pages.size() == 1 ? " page)" : " pages)"));
    }
  }
  const auto tables = parse::pdf::find_tables(pages, options);
  std::cout << (o.format == "json" ? to_json(tables) : to_csv(tables));
  std::cout.flush();
  return std::cout ? static_cast<int>(ExitCode::ok) : static_cast<int>(ExitCode::io);
}

}  // namespace

Runner setup_tables(CLI::App& app, const Globals&) {
  auto o = std::make_shared<TablesOptions>();
  app.description(
      "Print every table found in a PDF: rows of cells as the layout stage reads them (the same\n"
      "engine reads the allocation lists). Columns come from ruling lines when the PDF draws them\n"
      "and from whitespace when not; wrapped cells are joined into their row; running page headers\n"
      "and footers are left out. Column groups printed side by side (Kommun | Belopp | Kommun |\n"
      "Belopp) come out as one table with the header repeated. A table continued over pages is one\n"
      "table per page.");
  app.add_option("file", o->file, "The PDF file")->required();
  app.add_option("--pages", o->pages, "Pages to read, 1-based: 1,3-5 (default: all)");
  app.add_option("--area", o->area,
                 "Only text inside TOP,LEFT,BOTTOM,RIGHT (PDF points from the page's top-left corner)");
  app.add_option("--format", o->format, "csv (blocks separated by a blank line) or json")
      ->check(CLI::IsMember({"csv", "json"}));
  app.footer(
      "Examples:\n"
      "  bidrag tables fordelningslista.pdf\n"
      "  bidrag tables report.pdf --pages 2-4 --format json\n"
      "  bidrag tables report.pdf --area 100,0,500,595\n\n"
      "JSON: {\"tables\": [{\"page\": 1, \"bbox\": [x0, y0, x1, y1], \"rows\": [[cell, ...], ...]}]}\n\n"
      "Exit codes: 0 tables printed (possibly none), 1 the PDF cannot be read (not a PDF,\n"
      "damaged, encrypted), 2 usage error.");
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
