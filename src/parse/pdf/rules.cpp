// load_rules: the drawn ruling lines of each page (cell borders), from Poppler's core renderer.
// An OutputDev that draws nothing collects stroked lines and thin filled rectangles in
// device space at 72 dpi, which is the frame poppler-cpp's word boxes use (top-left origin).
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/parse/pdf_words.h"

namespace bidrag::parse::pdf {
namespace {

void quiet(ErrorCategory, Goffset, const char*) {}

constexpr double thin = 3.0;  // a filled rectangle this narrow is a line, wider is a cell background

class RuleCollector final : public OutputDev {
 public:
  std::vector<doc::BBox> rules;

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needCharCount() override { return false; }
  // Text is not needed: skipping it keeps the pass cheap.
  bool beginType3Char(GfxState*, double, double, double, double, CharCode, const Unicode*, int) override {
    return true;
  }

  void stroke(GfxState* state) override { collect(state, false); }
  void fill(GfxState* state) override { collect(state, true); }
  void eoFill(GfxState* state) override { collect(state, true); }

 private:
  void add(double x0, double y0, double x1, double y1) {
    rules.push_back({std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)});
  }

  // A subpath of four corners (a fifth closing one allowed) with axis-aligned sides.
  static bool axis_rectangle(const GfxState* state, const GfxSubpath* sub) {
    const int n = sub->getNumPoints();
    if (n != 4 && n != 5) return false;
    double xs[5], ys[5];
    for (int k = 0; k < n; ++k) state->transform(sub->getX(k), sub->getY(k), &xs[k], &ys[k]);
    if (n == 5 && (std::abs(xs[4] - xs[0]) > 0.5 || std::abs(ys[4] - ys[0]) > 0.5)) return false;
    for (int k = 0; k < 4; ++k) {
      const int j = (k + 1) % 4;
      if (std::abs(xs[j] - xs[k]) > 0.5 && std::abs(ys[j] - ys[k]) > 0.5) return false;
    }
    return true;
  }

  // Axis-aligned pieces only: a stroked segment becomes a box as wide as the pen; a filled
  // path counts when its bounding box is thin in one direction.
  void collect(GfxState* state, bool filled) {
    const GfxPath* path = state->getPath();
    if (!path) return;
    const double pen = std::max(0.1, state->getTransformedLineWidth());
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      const int n = sub->getNumPoints();
      if (n < 2) continue;
      double px = 0, py = 0;
      double bx0 = 1e18, by0 = 1e18, bx1 = -1e18, by1 = -1e18;
      for (int k = 0; k < n; ++k) {
        double x = 0, y = 0;
        state->transform(sub->getX(k), sub->getY(k), &x, &y);
        bx0 = std::min(bx0, x), by0 = std::min(by0, y), bx1 = std::max(bx1, x), by1 = std::max(by1, y);
        if (!filled && k > 0) {
          if (std::abs(y - py) < 0.5 && std::abs(x - px) > thin) add(px, py - pen / 2, x, y + pen / 2);
          else if (std::abs(x - px) < 0.5 && std::abs(y - py) > thin) add(px - pen / 2, py, x + pen / 2, y);
        }
        px = x, py = y;
      }
      if (filled && (bx1 - bx0 <= thin || by1 - by0 <= thin) && std::max(bx1 - bx0, by1 - by0) > thin) {
        add(bx0, by0, bx1, by1);
      } else if (filled && axis_rectangle(state, sub)) {
        // A filled cell background or a border thicker than a line: its edges are where
        // cells meet (cells on a dark table background, parted by the gaps between them).
        add(bx0, by0, bx1, by0), add(bx0, by1, bx1, by1), add(bx0, by0, bx0, by1), add(bx1, by0, bx1, by1);
      }
      // A stroked closed rectangle's last edge.
      if (!filled && sub->isClosed()) {
        double x = 0, y = 0;
        state->transform(sub->getX(0), sub->getY(0), &x, &y);
        if (std::abs(y - py) < 0.5 && std::abs(x - px) > thin) add(px, py - pen / 2, x, y + pen / 2);
        else if (std::abs(x - px) < 0.5 && std::abs(y - py) > thin) add(px - pen / 2, py, x + pen / 2, y);
      }
    }
  }
};

}  // namespace

void load_rules(const Snapshot& s, std::vector<Page>& pages) {
  static GlobalParamsIniter params(quiet);
  // PDFDoc owns the stream; the stream borrows the snapshot's bytes, which outlive the doc.
  auto* stream = new MemStream(s.bytes.data(), 0, static_cast<Goffset>(s.bytes.size()), Object(objNull));
  PDFDoc doc(stream);
  if (!doc.isOk()) throw Error(s.url, "", "PDF cannot be opened: damaged or truncated");
  RuleCollector out;
  for (auto& page : pages) {
    if (page.number < 1 || page.number > doc.getNumPages()) continue;
    out.rules.clear();
    // Same parameters as poppler-cpp's text_list, so rules and word boxes share one frame.
    doc.displayPage(&out, page.number, 72, 72, 0, false, false, false);
    page.rules = out.rules;
  }
}

}  // namespace bidrag::parse::pdf
