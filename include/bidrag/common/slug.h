// Slugs and hashes used in record ids (RECORDS.md, "Ids").
#pragma once
#include <string>
#include <string_view>

namespace bidrag {

// Lower case, å→a, ä→a, ö→o, other marks dropped (é→e, ü→u), runs of anything else → '-',
// no leading or trailing '-'. Input is UTF-8.
[[nodiscard]] std::string slugify(std::string_view utf8);

// Lower-case hex digests of the bytes.
[[nodiscard]] std::string sha1_hex(std::string_view bytes);
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace bidrag
