// The visible text of a link annotation: the words under its area.
#include "pdf_links.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace bidrag::parse::pdf {
namespace {

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

}  // namespace

// The words whose centre lies inside the link's box, in the page's reading order: the
// visible text of the link. A small tolerance absorbs producers that draw the box tight.
std::string link_text(const Page& page, const doc::BBox& box) {
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

}  // namespace bidrag::parse::pdf
