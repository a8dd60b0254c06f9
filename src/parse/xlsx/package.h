// An Office Open XML package (a zip archive of XML parts) read from memory with libzip, with
// limits on what it may unpack. Every failure is a bidrag::Error naming the source and the part.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "bidrag/parse/parse.h"

namespace bidrag::parse::xlsx {

class Package {
 public:
  // Opens the archive in `bytes` (which must outlive the package). Throws bidrag::Error
  // "<source>: not a readable XLSX workbook: broken zip archive (…)".
  Package(std::string source, std::string_view bytes, const SpreadsheetLimits& limits);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  [[nodiscard]] bool has(const std::string& part) const;
  // The part's bytes; throws "<source>:<part>: missing from the workbook", "…: cannot be read
  // from the zip archive (…)", or the size limits.
  [[nodiscard]] std::string read(const std::string& part);
  // The part parsed as XML; throws "<source>:<part>: not well-formed XML (…)".
  void read_xml(const std::string& part, pugi::xml_document& out);

  [[nodiscard]] const std::string& source() const noexcept { return source_; }

 private:
  struct Archive;
  std::string source_;
  SpreadsheetLimits limits_;
  std::uint64_t unpacked_ = 0;
  std::unique_ptr<Archive> zip_;
};

}  // namespace bidrag::parse::xlsx
