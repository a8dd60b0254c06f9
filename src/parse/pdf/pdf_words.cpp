// Words and boxes from poppler-cpp's text_list (font info included).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse::pdf {
namespace {

// Poppler reports syntax problems on stderr by default; bidrag reports its own errors.
void quiet_poppler(const std::string&, void*) {}

std::string strip_subset_prefix(std::string font) {
  if (font.size() > 7 && font[6] == '+' &&
      std::all_of(font.begin(), font.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; })) {
    font.erase(0, 7);
  }
  return font;
}

bool is_bold(const std::string& font) {
  for (const char* w : {"Bold", "bold", "BOLD", "Semibold", "SemiBold", "Black", "Heavy", "Demi"}) {
    if (font.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<Page> load_words(const Snapshot& s, std::vector<std::string>* warnings, int max_pages) {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  if (s.bytes.compare(0, 5, "%PDF-") != 0 && s.bytes.find("%PDF-") > 1024) {
    throw Error(s.url, "", "not a PDF (no %PDF- header)");
  }
  std::unique_ptr<poppler::document> d(
      poppler::document::load_from_raw_data(s.bytes.data(), static_cast<int>(s.bytes.size())));
  if (!d) throw Error(s.url, "", "PDF cannot be opened: damaged or truncated");
  if (d->is_locked()) throw Error(s.url, "", "PDF is encrypted with a user password");
  const int n = d->pages();
  if (n <= 0) throw Error(s.url, "", "PDF has no pages");
  const int read = std::min(n, std::max(max_pages, 1));
  if (read < n && warnings) {
    warnings->push_back("PDF has " + std::to_string(n) + " pages; only the first " + std::to_string(read) +
                        " were read (limit)");
  }

  std::vector<Page> pages;
  pages.reserve(static_cast<std::size_t>(read));
  for (int i = 0; i < read; ++i) {
    std::unique_ptr<poppler::page> p(d->create_page(i));
    if (!p) throw Error(s.url, "page " + std::to_string(i + 1), "page cannot be read");
    Page page;
    page.number = i + 1;
    const auto rect = p->page_rect(poppler::media_box);
    const bool turned = p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape;
    page.width = turned ? rect.height() : rect.width();
    page.height = turned ? rect.width() : rect.height();
    for (auto& box : p->text_list(poppler::page::text_list_include_font)) {
      Word w;
      const auto utf8 = box.text().to_utf8();
      w.text.assign(utf8.begin(), utf8.end());
      const auto b = box.bbox();
      w.box = {b.left(), b.top(), b.right(), b.bottom()};
      w.space_after = box.has_space_after();
      w.rotation = box.rotation() * 90;
      if (box.has_font_info()) {
        w.font_size = box.get_font_size();
        w.font = strip_subset_prefix(box.get_font_name());
        w.bold = is_bold(w.font);
      }
      page.words.push_back(std::move(w));
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace bidrag::parse::pdf
