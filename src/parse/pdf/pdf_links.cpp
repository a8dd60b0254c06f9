// Link annotations (URI actions) with poppler-glib: poppler-cpp has no link API.
#include <poppler.h>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "bidrag/common/error.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse::pdf {
namespace {

struct GObjectDeleter {
  void operator()(gpointer p) const noexcept {
    if (p) g_object_unref(p);
  }
};
struct GBytesDeleter {
  void operator()(GBytes* p) const noexcept {
    if (p) g_bytes_unref(p);
  }
};
struct GErrorDeleter {
  void operator()(GError* p) const noexcept {
    if (p) g_error_free(p);
  }
};
struct LinkMappingDeleter {
  void operator()(GList* p) const noexcept {
    if (p) poppler_page_free_link_mapping(p);
  }
};
using DocumentPtr = std::unique_ptr<PopplerDocument, GObjectDeleter>;
using PagePtr = std::unique_ptr<PopplerPage, GObjectDeleter>;
using BytesPtr = std::unique_ptr<GBytes, GBytesDeleter>;
using ErrorPtr = std::unique_ptr<GError, GErrorDeleter>;
using MappingPtr = std::unique_ptr<GList, LinkMappingDeleter>;

// A word that sticks out of the link box ("segregation." where only "segregation" is linked,
// "E-post:namn@example.se" where only the address is): cut where the box ends, estimated
// from the share of the word's width outside it and snapped to a separator near that point.
// Without a separator only punctuation is dropped: letters are never cut at a guess.
std::string covered_part(const Word& w, const doc::BBox& box) {
  constexpr double slack = 1.5;
  const double width = w.box.width();
  if (width <= 0 || (w.box.x0 >= box.x0 - slack && w.box.x1 <= box.x1 + slack)) return w.text;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(w.text);
  std::vector<UChar32> cps;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) cps.push_back(u.char32At(i));
  const auto n = static_cast<int>(cps.size());
  auto outside = [&](double d) { return static_cast<int>(std::lround(std::max(0.0, d) / width * n)); };
  auto separator = [](UChar32 c) { return c == ':' || c == '(' || c == ')' || c == '/' || c == ',' || c == ';'; };
  int begin = 0, end = n;
  if (const int head = outside(box.x0 - w.box.x0); head > 0) {
    int snap = -1;
    for (int k = std::max(1, head - 2); k <= std::min(n - 1, head + 2); ++k) {
      if (separator(cps[static_cast<std::size_t>(k - 1)]) && (snap < 0 || std::abs(k - head) < std::abs(snap - head))) snap = k;
    }
    if (snap > 0) begin = snap;
    while (begin < head && begin < n && u_ispunct(cps[static_cast<std::size_t>(begin)])) ++begin;
  }
  if (const int tail = outside(w.box.x1 - box.x1); tail > 0) {
    while (end > begin && n - end < tail && u_ispunct(cps[static_cast<std::size_t>(end - 1)])) --end;
  }
  std::string out;
  for (int k = begin; k < end; ++k) icu::UnicodeString(cps[static_cast<std::size_t>(k)]).toUTF8String(out);
  return out;
}

// The words whose centre lies inside the link's box, in the page's reading order: the
// visible text of the link. A small tolerance absorbs producers that draw the box tight.
std::string text_under(const Page& page, const doc::BBox& box) {
  constexpr double slack = 1.5;
  std::string text;
  for (const Word& w : page.words) {
    const double cx = (w.box.x0 + w.box.x1) / 2, cy = (w.box.y0 + w.box.y1) / 2;
    if (cx < box.x0 - slack || cx > box.x1 + slack || cy < box.y0 - slack || cy > box.y1 + slack) continue;
    if (!text.empty()) text += ' ';
    text += covered_part(w, box);
  }
  return text;
}

}  // namespace

void load_links(const Snapshot& s, std::vector<Page>& pages) {
  BytesPtr bytes(g_bytes_new(s.bytes.data(), s.bytes.size()));
  GError* raw_error = nullptr;
  DocumentPtr d(poppler_document_new_from_bytes(bytes.get(), nullptr, &raw_error));
  ErrorPtr error(raw_error);
  if (!d) {
    throw Error(s.url, "", std::string("PDF cannot be opened for its links: ") + (error ? error->message : "unknown error"));
  }
  const int n = poppler_document_get_n_pages(d.get());
  for (Page& page : pages) {
    if (page.number < 1 || page.number > n) continue;
    PagePtr p(poppler_document_get_page(d.get(), page.number - 1));
    if (!p) continue;
    // Link areas are in the rotated page's user space with the origin at the bottom left;
    // the words are top-left based, so y is flipped against the page height.
    double width = 0, height = 0;
    poppler_page_get_size(p.get(), &width, &height);
    MappingPtr mapping(poppler_page_get_link_mapping(p.get()));
    // The mapping lists the annotations last to first; the page's order is wanted.
    std::vector<doc::Link> found;
    for (GList* it = mapping.get(); it; it = it->next) {
      const auto* m = static_cast<const PopplerLinkMapping*>(it->data);
      if (!m->action || m->action->type != POPPLER_ACTION_URI || !m->action->uri.uri) continue;
      doc::BBox box{std::min(m->area.x1, m->area.x2), height - std::max(m->area.y1, m->area.y2),
                    std::max(m->area.x1, m->area.x2), height - std::min(m->area.y1, m->area.y2)};
      doc::Link link;
      link.href = m->action->uri.uri;
      link.text = text_under(page, box);
      link.where = doc::Locator::pdf(page.number, box);
      found.push_back(std::move(link));
    }
    std::stable_sort(found.begin(), found.end(), [](const doc::Link& a, const doc::Link& b) {
      if (a.where.bbox.y0 != b.where.bbox.y0) return a.where.bbox.y0 < b.where.bbox.y0;
      return a.where.bbox.x0 < b.where.bbox.x0;
    });
    page.links = std::move(found);
  }
}

}  // namespace bidrag::parse::pdf
