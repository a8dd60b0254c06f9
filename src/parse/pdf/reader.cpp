// read_pdf with Poppler's core API: one PDFDoc per reading thread, one display of each page
// through an output device that is Poppler's own text extractor (the words poppler-cpp's
// text_list gives: same device, same parameters) and also collects drawn ruling lines and the
// text of the marked-content items the tagged article needs.
#include "reader.h"

#include <Annot.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <Link.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>
#include <thread>
#include <utility>

#include "bidrag/common/error.h"
#include "pdf_links.h"

namespace bidrag::parse::pdf {
namespace {

// Poppler reports syntax problems on stderr by default; bidrag reports its own errors.
void quiet(ErrorCategory, Goffset, const char*) {}

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

// A PDF text string (document information): UTF-16 with a byte-order mark, else one byte a
// character, as poppler-cpp reads it.
std::string text_string_to_utf8(const GooString& s) {
  const std::string& b = s.toStr();
  const bool be = s.hasUnicodeMarker(), le = s.hasUnicodeMarkerLE();
  icu::UnicodeString u;
  if (be || le) {
    for (std::size_t i = 2; i + 1 < b.size(); i += 2) {
      const auto hi = static_cast<unsigned char>(b[be ? i : i + 1]), lo = static_cast<unsigned char>(b[be ? i + 1 : i]);
      u.append(static_cast<char16_t>((hi << 8) | lo));
    }
  } else {
    for (unsigned char c : b) u.append(static_cast<char16_t>(c));
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::map<std::string, std::string> info_of(PDFDoc& doc) {
  std::map<std::string, std::string> info;
  for (const auto& [key, name] : {std::pair{"Title", "title"}, {"Producer", "producer"}, {"Creator", "creator"}}) {
    const std::unique_ptr<GooString> raw = doc.getDocInfoStringEntry(key);
    if (!raw) continue;
    std::string value = text_string_to_utf8(*raw);
    value.erase(0, value.find_first_not_of(" \t"));
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    if (!value.empty()) info[name] = std::move(value);
  }
  return info;
}

constexpr double thin = 3.0;  // a filled rectangle this narrow is a line, wider is a cell background

// A subpath of four corners (a fifth closing one allowed) with axis-aligned sides.
bool axis_rectangle(const GfxState* state, const GfxSubpath* sub) {
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

// Axis-aligned pieces of a painted path, in device space (72 dpi, top-left origin: the frame
// of the word boxes). A stroked segment becomes a box as wide as the pen; a filled path counts
// when its bounding box is thin in one direction, and a filled axis-aligned rectangle by its
// four edges.
void collect_rules(GfxState* state, bool filled, std::vector<doc::BBox>& rules) {
  const GfxPath* path = state->getPath();
  if (!path) return;
  auto add = [&](double x0, double y0, double x1, double y1) {
    rules.push_back({std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)});
  };
  const double pen = std::max(0.1, state->getTransformedLineWidth());
  auto edge = [&](double px, double py, double x, double y) {
    if (std::abs(y - py) < 0.5 && std::abs(x - px) > thin) add(px, py - pen / 2, x, y + pen / 2);
    else if (std::abs(x - px) < 0.5 && std::abs(y - py) > thin) add(px - pen / 2, py, x + pen / 2, y);
  };
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
      if (!filled && k > 0) edge(px, py, x, y);
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
      edge(px, py, x, y);
    }
  }
}

// Poppler's text extractor, as poppler-cpp's text_list sets it up, that also keeps the drawn
// ruling lines and the text drawn inside the wanted marked-content sequences of the page.
class PageDevice final : public TextOutputDev {
 public:
  PageDevice() : TextOutputDev(nullptr, false, 0, false, false) {}

  std::vector<doc::BBox> rules;
  bool collect = true;                    // keep ruling lines
  const std::set<int>* wanted = nullptr;  // MCIDs whose text is kept on this page
  std::map<int, std::string> marked;      // MCID → its text

  // Paths are wanted too (pattern fills included), as a renderer would see them, when ruling
  // lines are kept; a reading without them (parse_pdf) lets Poppler skip painting, as
  // pdftotext's own device does.
  bool needNonText() override { return collect; }

  void startPage(int number, GfxState* state, XRef* xref) override {
    rules.clear();
    marked.clear();
    open_.clear();
    forms_ = 0;
    TextOutputDev::startPage(number, state, xref);
  }
  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    if (collect) collect_rules(state, false, rules);
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    if (collect) collect_rules(state, true, rules);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    if (collect) collect_rules(state, true, rules);
  }

  // Marked content as Poppler's MarkedContentOutputDev follows it for one MCID, for all wanted
  // MCIDs at once: a sequence with a wanted MCID opens; every later BDC with an MCID deepens
  // the open ones and every EMC closes a level. Only the page's own content stream counts.
  void beginForm(Ref id) override {
    ++forms_;
    TextOutputDev::beginForm(id);
  }
  void endForm(Ref id) override {
    --forms_;
    TextOutputDev::endForm(id);
  }
  void beginMarkedContent(const char* name, Dict* properties) override {
    TextOutputDev::beginMarkedContent(name, properties);
    if (!wanted || wanted->empty() || forms_ > 0 || !properties) return;
    int id = -1;
    properties->lookupInt("MCID", nullptr, &id);
    if (id == -1) return;
    for (auto& [mcid, depth] : open_) ++depth;
    if (wanted->count(id) && !std::any_of(open_.begin(), open_.end(), [&](const auto& o) { return o.first == id; })) {
      open_.emplace_back(id, 1);
    }
  }
  void endMarkedContent(GfxState* state) override {
    TextOutputDev::endMarkedContent(state);
    if (forms_ > 0) return;
    for (auto& [mcid, depth] : open_) --depth;
    std::erase_if(open_, [](const auto& o) { return o.second <= 0; });
  }
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double ox, double oy, CharCode c, int n,
                const Unicode* u, int ulen) override {
    TextOutputDev::drawChar(state, x, y, dx, dy, ox, oy, c, n, u, ulen);
    if (open_.empty() || forms_ > 0) return;
    std::string drawn;
    for (int i = 0; i < ulen; ++i) {
      if (u[i] != 0x00AD) icu::UnicodeString(static_cast<UChar32>(u[i])).toUTF8String(drawn);  // soft hyphens are invisible
    }
    for (const auto& [mcid, depth] : open_) marked[mcid] += drawn;
  }

 private:
  std::vector<std::pair<int, int>> open_;  // MCID, nesting depth
  int forms_ = 0;
};

// A document on the snapshot's bytes (borrowed: they outlive it).
std::unique_ptr<PDFDoc> open(const Snapshot& s) {
  init_poppler();
  auto* stream = new MemStream(s.bytes.data(), 0, static_cast<Goffset>(s.bytes.size()), Object(objNull));
  return std::make_unique<PDFDoc>(stream);
}

// The link annotations with a URI, in the page's top-down order. Areas are in the rotated
// page's user space (origin bottom left, crop box corner); words are top-left based.
std::vector<doc::Link> links_of(::Page& p, const Page& page) {
  const PDFRectangle* crop = p.getCropBox();
  const int rotate = p.getRotate();
  const double width = (rotate == 90 || rotate == 270) ? p.getCropHeight() : p.getCropWidth();
  const double height = (rotate == 90 || rotate == 270) ? p.getCropWidth() : p.getCropHeight();
  std::vector<doc::Link> found;
  const std::unique_ptr<Links> links = p.getLinks();
  if (!links) return found;
  const auto& all = links->getLinks();
  // Last to first, then a stable sort: links at the same place keep that order.
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    const auto* action = dynamic_cast<const LinkURI*>((*it)->getAction());
    if (!action || !action->isOk()) continue;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    (*it)->getRect(&x1, &y1, &x2, &y2);
    x1 -= crop->x1, x2 -= crop->x1, y1 -= crop->y1, y2 -= crop->y1;
    double ax1 = x1, ay1 = y1, ax2 = x2, ay2 = y2;
    if (rotate == 90) {
      ax1 = y1, ay1 = height - x2, ax2 = ax1 + (y2 - y1), ay2 = ay1 + (x2 - x1);
    } else if (rotate == 180) {
      ax1 = width - x2, ay1 = height - y2, ax2 = ax1 + (x2 - x1), ay2 = ay1 + (y2 - y1);
    } else if (rotate == 270) {
      ax1 = width - y2, ay1 = x1, ax2 = ax1 + (y2 - y1), ay2 = ay1 + (x2 - x1);
    }
    const doc::BBox box{std::min(ax1, ax2), height - std::max(ay1, ay2), std::max(ax1, ax2), height - std::min(ay1, ay2)};
    doc::Link link;
    link.href = action->getURI();
    link.text = link_text(page, box);
    link.where = doc::Locator::pdf(page.number, box);
    found.push_back(std::move(link));
  }
  std::stable_sort(found.begin(), found.end(), [](const doc::Link& a, const doc::Link& b) {
    if (a.where.bbox.y0 != b.where.bbox.y0) return a.where.bbox.y0 < b.where.bbox.y0;
    return a.where.bbox.x0 < b.where.bbox.x0;
  });
  return found;
}

// What the article needs from the pages: per page, the MCIDs whose text is kept.
struct MarkedWanted {
  std::vector<MarkedItem> items;
  std::set<int> everywhere;             // items that name no page
  std::map<int, std::set<int>> by_page;  // page → MCIDs (those of `everywhere` included)
};

// Reads pages [first, last] (1-based) of `doc` into `pages` (indexed from page 1) and the
// wanted marked text into `marked` (indexed likewise).
void read_pages(const Snapshot& s, PDFDoc& doc, int first, int last, const ReadOptions& options,
                const MarkedWanted& want, std::vector<Page>& pages, std::vector<std::map<int, std::string>>& marked) {
  PageDevice dev;
  dev.collect = options.rules;
  for (int i = first; i <= last; ++i) {
    ::Page* p = doc.getPage(i);
    if (!p) throw Error(s.url, "page " + std::to_string(i), "page cannot be read");
    Page& page = pages[static_cast<std::size_t>(i - 1)];
    page.number = i;
    const PDFRectangle* media = p->getMediaBox();
    const bool turned = p->getRotate() == 90 || p->getRotate() == 270;
    page.width = turned ? media->y2 - media->y1 : media->x2 - media->x1;
    page.height = turned ? media->x2 - media->x1 : media->y2 - media->y1;
    const auto wanted = want.by_page.find(i);
    dev.wanted = wanted == want.by_page.end() ? &want.everywhere : &wanted->second;
    doc.displayPage(&dev, i, 72, 72, 0, false, false, false);
    if (const std::unique_ptr<TextWordList> list = dev.makeWordList()) {
      page.words.reserve(static_cast<std::size_t>(list->getLength()));
      for (int k = 0; k < list->getLength(); ++k) {
        const TextWord* tw = list->get(k);
        Word w;
        const std::unique_ptr<GooString> text(tw->getText());
        w.text = text ? text->toStr() : std::string();
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        tw->getBBox(&x0, &y0, &x1, &y1);
        w.box = {x0, y0, x1, y1};
        w.space_after = tw->hasSpaceAfter();
        w.rotation = tw->getRotation() * 90;
        w.font_size = tw->getFontSize();
        if (tw->getLength() > 0) {
          if (const GooString* name = tw->getFontInfo(0)->getFontName()) w.font = strip_subset_prefix(name->toStr());
        }
        w.bold = is_bold(w.font);
        page.words.push_back(std::move(w));
      }
    }
    page.rules = std::move(dev.rules);
    dev.rules = {};
    marked[static_cast<std::size_t>(i - 1)] = std::move(dev.marked);
    if (options.links) page.links = links_of(*p, page);
  }
}

}  // namespace

void init_poppler() { static GlobalParamsIniter params(quiet); }

unsigned reading_threads(int pages, const ReadOptions& options) {
  constexpr int pages_per_thread = 24;  // below this a second document costs more than it saves
  unsigned threads = options.threads;
  if (threads == 0) {
    if (const char* env = std::getenv("BIDRAG_PDF_THREADS"); env && *env) {
      threads = static_cast<unsigned>(std::max(1L, std::strtol(env, nullptr, 10)));
    } else {
      threads = std::min(2u, std::max(1u, std::thread::hardware_concurrency()));
      if (pages < 2 * pages_per_thread) threads = 1;
    }
  }
  return std::max(1u, std::min(threads, static_cast<unsigned>(std::max(1, pages))));
}

Reading read_pdf(const Snapshot& s, const ReadOptions& options) {
  if (s.bytes.compare(0, 5, "%PDF-") != 0 && s.bytes.find("%PDF-") > 1024) {
    throw Error(s.url, "", "not a PDF (no %PDF- header)");
  }
  const std::unique_ptr<PDFDoc> doc = open(s);
  if (!doc->isOk()) {
    if (doc->getErrorCode() == errEncrypted) throw Error(s.url, "", "PDF is encrypted with a user password");
    throw Error(s.url, "", "PDF cannot be opened: damaged or truncated");
  }
  const int total = doc->getNumPages();
  if (total <= 0) throw Error(s.url, "", "PDF has no pages");

  Reading r;
  // The first pages up to the limit; the rest are not read, and the reading says so.
  const int n = std::min(total, std::max(options.max_pages, 1));
  if (n < total) {
    r.warnings.push_back("PDF has " + std::to_string(total) + " pages; only the first " + std::to_string(n) +
                         " were read (limit)");
  }
  r.info = info_of(*doc);
  MarkedWanted want;
  if (options.article) {
    if (auto items = article_items(*doc)) want.items = std::move(*items);
    for (const MarkedItem& item : want.items) {
      if (item.mcid < 0) continue;
      if (item.page >= 1 && item.page <= n) want.by_page[item.page].insert(item.mcid);
      else if (item.page == 0) want.everywhere.insert(item.mcid);
    }
    for (auto& [page, mcids] : want.by_page) mcids.insert(want.everywhere.begin(), want.everywhere.end());
  }

  r.pages.resize(static_cast<std::size_t>(n));
  std::vector<std::map<int, std::string>> marked(static_cast<std::size_t>(n));
  const unsigned threads = reading_threads(n, options);
  if (threads == 1) {
    read_pages(s, *doc, 1, n, options, want, r.pages, marked);
  } else {
    // Contiguous page ranges, one Poppler document each (a document is not shared between
    // threads); the first range on this thread with the document already open.
    std::vector<std::exception_ptr> failed(threads);
    std::vector<std::thread> workers;
    const int per = (n + static_cast<int>(threads) - 1) / static_cast<int>(threads);
    for (unsigned t = 1; t < threads; ++t) {
      const int first = static_cast<int>(t) * per + 1, last = std::min(n, first + per - 1);
      if (first > last) break;
      workers.emplace_back([&, t, first, last] {
        try {
          const std::unique_ptr<PDFDoc> own = open(s);
          if (!own->isOk()) throw Error(s.url, "", "PDF cannot be opened: damaged or truncated");
          read_pages(s, *own, first, last, options, want, r.pages, marked);
        } catch (...) {
          failed[t] = std::current_exception();
        }
      });
    }
    try {
      read_pages(s, *doc, 1, std::min(n, per), options, want, r.pages, marked);
    } catch (...) {
      failed[0] = std::current_exception();
    }
    for (auto& w : workers) w.join();
    for (const auto& e : failed) {
      if (e) std::rethrow_exception(e);
    }
  }

  if (!want.items.empty()) {
    std::vector<std::string> texts;
    texts.reserve(want.items.size());
    for (const MarkedItem& item : want.items) {
      std::string text;
      if (item.mcid >= 0 && item.page >= 1 && item.page <= n) {
        const auto& m = marked[static_cast<std::size_t>(item.page - 1)];
        if (auto it = m.find(item.mcid); it != m.end()) text = it->second;
      } else if (item.mcid >= 0 && item.page == 0) {
        for (const auto& m : marked) {
          if (auto it = m.find(item.mcid); it != m.end()) text += it->second;
        }
      }
      texts.push_back(std::move(text));
    }
    r.article = article_ends(texts);
  }
  return r;
}

std::vector<Page> load_words(const Snapshot& snapshot, std::vector<std::string>* warnings, int max_pages) {
  Reading r = read_pdf(snapshot, {.links = false, .rules = true, .article = false, .threads = 0, .max_pages = max_pages});
  if (warnings) warnings->insert(warnings->end(), r.warnings.begin(), r.warnings.end());
  return std::move(r.pages);
}

}  // namespace bidrag::parse::pdf
