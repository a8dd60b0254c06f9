// The zip layer of XLSX: libzip over the snapshot's bytes, parts read with a size cap that does
// not trust the sizes the archive declares (a zip bomb stops at the limit).
#include "parse/xlsx/package.h"

#include <zip.h>

#include <cctype>

#include "bidrag/common/error.h"

namespace bidrag::parse::xlsx {
namespace {

std::string lowercase_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

std::string bytes_text(std::uint64_t n) {
  if (n % (1024 * 1024) == 0) return std::to_string(n / (1024 * 1024)) + " MiB";
  return std::to_string(n) + " bytes";
}

}  // namespace

struct Package::Archive {
  zip_t* zip = nullptr;
  ~Archive() {
    if (zip != nullptr) zip_discard(zip);
  }
};

Package::Package(std::string source, std::string_view bytes, const SpreadsheetLimits& limits)
    : source_(std::move(source)), limits_(limits), zip_(std::make_unique<Archive>()) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(source_, "", "not a readable XLSX workbook: broken zip archive (" + lowercase_first(why) + ")");
  }
  zip_->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (zip_->zip == nullptr) {
    zip_source_free(src);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(source_, "", "not a readable XLSX workbook: broken zip archive (" + lowercase_first(why) + ")");
  }
  zip_error_fini(&error);
}

Package::~Package() = default;

bool Package::has(const std::string& part) const { return zip_name_locate(zip_->zip, part.c_str(), 0) >= 0; }

std::string Package::read(const std::string& part) {
  const zip_int64_t index = zip_name_locate(zip_->zip, part.c_str(), 0);
  if (index < 0) throw Error(source_, part, "missing from the workbook");
  zip_file_t* file = zip_fopen_index(zip_->zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    throw Error(source_, part,
                "cannot be read from the zip archive (" + lowercase_first(zip_strerror(zip_->zip)) + ")");
  }
  std::string out;
  char buf[65536];
  while (true) {
    const zip_int64_t n = zip_fread(file, buf, sizeof buf);
    if (n < 0) {
      const std::string why = zip_file_strerror(file);
      zip_fclose(file);
      throw Error(source_, part, "cannot be read from the zip archive (" + lowercase_first(why) + ")");
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > limits_.max_part_bytes) {
      zip_fclose(file);
      throw Error(source_, part, "larger than the limit of " + bytes_text(limits_.max_part_bytes) + " uncompressed");
    }
    if (unpacked_ + out.size() > limits_.max_total_bytes) {
      zip_fclose(file);
      throw Error(source_, part,
                  "the workbook unpacks to more than the limit of " + bytes_text(limits_.max_total_bytes));
    }
  }
  zip_fclose(file);
  unpacked_ += out.size();
  return out;
}

void Package::read_xml(const std::string& part, pugi::xml_document& out) {
  const std::string bytes = read(part);
  const pugi::xml_parse_result r = out.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (!r) {
    throw Error(source_, part,
                std::string("not well-formed XML (") + r.description() + " at byte " + std::to_string(r.offset) + ")");
  }
}

}  // namespace bidrag::parse::xlsx
