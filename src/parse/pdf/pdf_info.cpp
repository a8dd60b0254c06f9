// Document information (Title, Producer, Creator) from poppler-cpp.
#include "pdf_info.h"

#include <poppler/cpp/poppler-document.h>

#include <memory>

namespace bidrag::parse::pdf {

std::map<std::string, std::string> load_info(const Snapshot& s) {
  std::map<std::string, std::string> info;
  std::unique_ptr<poppler::document> d(
      poppler::document::load_from_raw_data(s.bytes.data(), static_cast<int>(s.bytes.size())));
  if (!d || d->is_locked()) return info;
  for (const auto& [key, name] : {std::pair{"Title", "title"}, {"Producer", "producer"}, {"Creator", "creator"}}) {
    const auto utf8 = d->info_key(key).to_utf8();
    std::string value(utf8.begin(), utf8.end());
    value.erase(0, value.find_first_not_of(" \t"));
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    if (!value.empty()) info[name] = std::move(value);
  }
  return info;
}

}  // namespace bidrag::parse::pdf
