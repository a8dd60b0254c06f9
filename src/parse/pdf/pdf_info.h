// The PDF's document information dictionary (title, producer, creator), read with poppler-cpp.
#pragma once
#include <map>
#include <string>

#include "bidrag/common/snapshot.h"

namespace bidrag::parse::pdf {

// Keys "title", "producer", "creator" for the entries present and not blank.
[[nodiscard]] std::map<std::string, std::string> load_info(const Snapshot& snapshot);

}  // namespace bidrag::parse::pdf
