// libFuzzer target for the XLSX reader and the allocation-list extractor behind it. Bytes that
// start as a zip archive ("PK\3\4") are the workbook as served, so the zip layer itself is
// fuzzed. Anything else is a workbook's parts, separated by form feeds, each "PART-NAME\nBYTES"
// ("xl/worksheets/sheet1.xml\n<worksheet …"): they are stored (not compressed) into a zip
// here, so that mutations reach the XML of sheets, shared strings, styles and relationships
// instead of being refused by a checksum. scripts/fuzz makes such seeds from the fixtures.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "bidrag/common/snapshot.h"
#include "bidrag/extract/extract.h"

namespace {

// The parts stored into a zip archive in memory; "" when libzip refuses (an invalid name).
std::string zip_of_parts(std::string_view in) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return {};
  zip_source_keep(buffer);
  std::string out;
  if (zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error)) {
    bool ok = true;
    for (std::size_t begin = 0; ok && begin <= in.size();) {
      const std::size_t end = std::min(in.find('\f', begin), in.size());
      const std::string_view part = in.substr(begin, end - begin);
      begin = end + 1;
      const std::size_t nl = part.find('\n');
      if (nl == std::string_view::npos || nl == 0) continue;
      const std::string name(part.substr(0, nl));
      const std::string_view bytes = part.substr(nl + 1);
      zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
      const zip_int64_t index = s ? zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
      if (index < 0) {
        if (s) zip_source_free(s);
        ok = false;
      } else {
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
      }
    }
    if (!ok || zip_close(archive) != 0) zip_discard(archive);
    else if (zip_source_open(buffer) == 0) {
      zip_source_seek(buffer, 0, SEEK_END);
      const zip_int64_t n = zip_source_tell(buffer);
      zip_source_seek(buffer, 0, SEEK_SET);
      if (n > 0) {
        out.resize(static_cast<std::size_t>(n));
        if (zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(n)) != n) out.clear();
      }
      zip_source_close(buffer);
    }
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bidrag;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string bytes = in.substr(0, 4) == std::string_view("PK\3\4", 4) ? std::string(in) : zip_of_parts(in);
  if (bytes.empty()) return 0;
  const Snapshot s = make_snapshot("https://www.exempel.se/fordelning.xlsx", std::move(bytes),
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  (void)extract::extract(s, {});
  return 0;
}
