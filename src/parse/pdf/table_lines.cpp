// Words → lines → segments: baseline grouping, word-space vs column-gap splitting, digit-group
// merging inside numbers, and the small text tests the table finder needs.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "parse/pdf/table_layout.h"

namespace bidrag::parse::pdf::layout {
namespace {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes come back as themselves.
char32_t next_cp(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (i + static_cast<std::size_t>(extra) >= s.size() + (extra ? 0 : 1)) extra = 0;
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1Fu) : extra == 2 ? (c & 0x0Fu) : (c & 0x07u);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
  return cp;
}

bool is_space_cp(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Nothing but white space (what fold_space would make empty).
bool blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (!is_space_cp(next_cp(s, i))) return false;
  return true;
}

// "603", "603,50", "816)" or "816*": a group of three digits continuing a number.
bool is_digit_group(std::string_view w) {
  if (w.size() < 3 || !is_digit(w[0]) || !is_digit(w[1]) || !is_digit(w[2])) return false;
  return w.size() == 3 || !is_digit(w[3]);
}

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

// A capital letter first: ASCII A-Z or a Latin-1 capital (Å Ä Ö É …, U+00C0–U+00DE).
bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  if (w[0] >= 'A' && w[0] <= 'Z') return true;
  std::size_t i = 0;
  const char32_t c = next_cp(w, i);
  return c >= 0xC0 && c <= 0xDE && c != 0xD7;
}

// Leader dots between a label and its amount ("Lokalhyra ........ 186 500"): full stops,
// middle dots, ellipses, underscores. Fewer than four in a row are text (".." for "no data").
bool is_leader_cp(char32_t c) {
  return c == U'.' || c == U'_' || c == 0xB7 || c == 0x2024 || c == 0x2025 || c == 0x2026 || c == 0x22EF;
}
constexpr std::size_t leader_run = 4;

// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
// presentation forms) and the combining marks among them.
bool is_rtl_cp(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}
bool is_rtl_mark(char32_t c) {
  return (c >= 0x0591 && c <= 0x05C7 && c != 0x05BE && c != 0x05C0 && c != 0x05C3 && c != 0x05C6) ||
         (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED);
}
bool is_latin_letter(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool has_cp(std::string_view w, bool (*test)(char32_t)) {
  for (std::size_t i = 0; i < w.size();) {
    if (test(next_cp(w, i))) return true;
  }
  return false;
}

// Poppler gives a right-to-left word's letters in the order they stand on the page (left to
// right); reversed, they read as typed. A combining mark stays after its letter.
std::string reverse_rtl(std::string_view w) {
  std::vector<std::string_view> clusters;
  for (std::size_t i = 0; i < w.size();) {
    const std::size_t start = i;
    const char32_t c = next_cp(w, i);
    if (is_rtl_mark(c) && !clusters.empty()) {
      clusters.back() = w.substr(clusters.back().data() - w.data(), i - static_cast<std::size_t>(clusters.back().data() - w.data()));
    } else {
      clusters.push_back(w.substr(start, i - start));
    }
  }
  std::string out;
  out.reserve(w.size());
  for (auto it = clusters.rbegin(); it != clusters.rend(); ++it) out.append(*it);
  return out;
}

// How many leader characters `w` ends with (begins with, when `front`), and the byte where
// that run starts (ends). An ellipsis counts as three.
std::pair<std::size_t, std::size_t> leaders(std::string_view w, bool front) {
  const auto weight = [](char32_t c) -> std::size_t { return c == 0x2026 || c == 0x22EF ? 3 : c == 0x2025 ? 2 : 1; };
  std::size_t count = 0;
  if (front) {
    std::size_t i = 0;
    while (i < w.size()) {
      std::size_t next = i;
      const char32_t c = next_cp(w, next);
      if (!is_leader_cp(c)) break;
      count += weight(c);
      i = next;
    }
    return {count, i};
  }
  // The trailing run: read forwards, as next_cp reads (malformed UTF-8 included).
  std::size_t run = w.size();
  for (std::size_t i = 0; i < w.size();) {
    const std::size_t start = i;
    const char32_t c = next_cp(w, i);
    if (!is_leader_cp(c)) {
      count = 0;
      continue;
    }
    if (count == 0) run = start;
    count += weight(c);
  }
  return {count, count > 0 ? run : w.size()};
}

// Whether a word begins or ends with a leader character (most words do not: drop_leaders
// leaves a line without any untouched).
bool touches_leader(std::string_view w) { return leaders(w, true).first > 0 || leaders(w, false).first > 0; }

// Takes leader dots out of a line's words (sorted left to right): a run of four or more,
// standing alone or stuck to a word, goes, and the words on either side of it are cut apart.
// Returns for each kept word whether a leader run stood before it.
std::vector<bool> drop_leaders(std::vector<Word>& ws) {
  if (std::none_of(ws.begin(), ws.end(), [](const Word& w) { return touches_leader(w.text); }))
    return std::vector<bool>(ws.size(), false);
  std::vector<Word> kept;
  std::vector<bool> cut;
  kept.reserve(ws.size());
  std::size_t k = 0;
  bool pending = false;
  while (k < ws.size()) {
    // A run of words made of leader characters only.
    std::size_t j = k, dots = 0;
    for (; j < ws.size(); ++j) {
      const auto [n, at] = leaders(ws[j].text, false);
      if (at != 0 || n == 0) break;
      dots += n;
    }
    if (j > k && dots >= leader_run) {
      pending = true;
      k = j;
      continue;
    }
    Word w = std::move(ws[k]);
    ++k;
    if (const auto [n, at] = leaders(w.text, true); n >= leader_run && at < w.text.size()) {
      const double frac = static_cast<double>(at) / static_cast<double>(w.text.size());
      w.box.x0 += frac * w.box.width();
      w.text.erase(0, at);
      pending = true;
    }
    bool after = false;
    if (const auto [n, at] = leaders(w.text, false); n >= leader_run && at > 0) {
      const double frac = static_cast<double>(w.text.size() - at) / static_cast<double>(w.text.size());
      w.box.x1 -= frac * w.box.width();
      w.text.erase(at);
      after = true;
    }
    kept.push_back(std::move(w));
    cut.push_back(pending);
    pending = after;
  }
  ws = std::move(kept);
  return cut;
}

}  // namespace

namespace {

// The column of each of a segment's words, in `col_of`; true when the segment splits there:
// its words fall in more than one column, each word in one, in left-to-right order.
bool split_columns(const Segment& s, const std::vector<std::pair<double, double>>& cols, std::vector<std::size_t>& col_of) {
  col_of.clear();
  bool straddles = false, ok = true;
  for (const auto& w : s.words) {
    std::size_t hits = 0, at = cols.size();
    double best = 0;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const double ov = overlap(w.box.x0, w.box.x1, cols[c].first, cols[c].second);
      if (ov > 0.5) ++hits;
      if (ov > best) best = ov, at = c;
    }
    if (hits > 1 || at == cols.size()) ok = false;
    if (!col_of.empty() && at != col_of.back()) straddles = true;
    if (!col_of.empty() && at < col_of.back()) ok = false;
    col_of.push_back(at);
  }
  return straddles && ok;
}

}  // namespace

std::optional<Line> resplit(const Line& line, const std::vector<std::pair<double, double>>& cols) {
  std::vector<std::size_t> col_of;
  // Most lines have nothing to split: they are not copied.
  if (std::none_of(line.segments.begin(), line.segments.end(),
                   [&](const Segment& s) { return split_columns(s, cols, col_of); })) {
    return std::nullopt;
  }
  Line out;
  out.box = line.box;
  out.height = line.height;
  out.rtl = line.rtl;
  for (const auto& s : line.segments) {
    if (!split_columns(s, cols, col_of)) {
      out.segments.push_back(s);
      continue;
    }
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      const auto& w = s.words[k];
      if (k == 0 || col_of[k] != col_of[k - 1]) {
        out.segments.push_back({w.text, w.box, s.height, w.box.width(), s.bold, {{w.text, w.box, false}}});
      } else {
        auto& seg = out.segments.back();
        if (w.space_before) seg.text += ' ';
        seg.text += w.text;
        seg.box = seg.box.united(w.box);
        seg.words.push_back(w);
      }
    }
  }
  if (line.rtl) {
    for (auto& seg : out.segments) logical_order(seg);
  }
  return out;
}

void logical_order(Segment& segment) {
  auto& ws = segment.words;
  std::vector<std::size_t> order;  // word indexes, right to left, Latin runs turned back
  for (std::size_t k = ws.size(); k-- > 0;) order.push_back(k);
  for (std::size_t a = 0; a < order.size();) {
    std::size_t b = a;
    while (b < order.size() && has_cp(ws[order[b]].text, is_latin_letter)) ++b;
    std::reverse(order.begin() + static_cast<std::ptrdiff_t>(a), order.begin() + static_cast<std::ptrdiff_t>(b));
    a = b == a ? a + 1 : b;
  }
  std::string text;
  for (std::size_t n = 0; n < order.size(); ++n) {
    const std::size_t k = order[n];
    if (n > 0) {
      const std::size_t right = std::max(k, order[n - 1]);  // the word of the two further right
      if (ws[right].space_before) text += ' ';
    }
    text += ws[k].text;
  }
  segment.text = std::move(text);
}

std::string fold_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    // A run of ASCII other than white space is copied whole.
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80 && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
           s[i] != '\r')
      ++i;
    if (i == start) {
      const char32_t c = next_cp(s, i);
      if (is_space_cp(c)) {
        pending = !out.empty();
        continue;
      }
    }
    if (pending) out += ' ';
    pending = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

bool is_numeric(std::string_view text) {
  bool digit = false, dash = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_cp(text, i);
    if (c >= U'0' && c <= U'9') {
      digit = true;
    } else if (c == 0x2013 || c == 0x2014 || c == 0x2212 || c == U'-') {
      dash = true;
    } else if (!(is_space_cp(c) || c == U'.' || c == U',' || c == U'+' || c == U'%' || c == U'(' ||
                 c == U')' || c == U'*' || c == U':' || c == 0xB9 || c == 0xB2 || c == 0xB3 ||
                 (c >= 0x2070 && c <= 0x2079) || c == U'k' || c == U'r' || c == U't' || c == U'S' ||
                 c == U'E' || c == U'K')) {
      return false;
    }
  }
  return digit || (dash && fold_space(text).size() <= 3);
}

Rules split_rules(const std::vector<doc::BBox>& rules) {
  constexpr double thin = 3.0;
  Rules r;
  for (const auto& b : rules) {
    if (b.height() <= thin && b.width() > thin) r.horizontal.push_back(b);
    else if (b.width() <= thin && b.height() > thin) r.vertical.push_back(b);
  }
  // Pieces of one line drawn cell by cell (browsers draw each cell's border on its own) are
  // one rule: collinear pieces that touch are joined.
  const auto join = [](std::vector<doc::BBox>& v, bool across) {
    const auto pos = [&](const doc::BBox& b) { return across ? (b.y0 + b.y1) / 2 : (b.x0 + b.x1) / 2; };
    const auto from = [&](const doc::BBox& b) { return across ? b.x0 : b.y0; };
    const auto to = [&](const doc::BBox& b) { return across ? b.x1 : b.y1; };
    std::sort(v.begin(), v.end(), [&](const doc::BBox& a, const doc::BBox& b) { return pos(a) < pos(b); });
    std::vector<doc::BBox> out;
    for (std::size_t k = 0; k < v.size();) {
      std::size_t e = k + 1;  // a group of pieces at one position
      while (e < v.size() && pos(v[e]) - pos(v[k]) <= 0.75) ++e;
      std::sort(v.begin() + static_cast<std::ptrdiff_t>(k), v.begin() + static_cast<std::ptrdiff_t>(e),
                [&](const doc::BBox& a, const doc::BBox& b) { return from(a) < from(b); });
      for (std::size_t m = k; m < e; ++m) {
        if (m > k && from(v[m]) <= to(out.back()) + 1.5) out.back() = out.back().united(v[m]);
        else out.push_back(v[m]);
      }
      k = e;
    }
    v = std::move(out);
  };
  join(r.horizontal, true);
  join(r.vertical, false);
  std::sort(r.horizontal.begin(), r.horizontal.end(), [](auto& a, auto& b) { return a.y0 < b.y0; });
  std::sort(r.vertical.begin(), r.vertical.end(), [](auto& a, auto& b) { return a.x0 < b.x0; });
  return r;
}

doc::BBox Frame::to_frame(const doc::BBox& b) const noexcept {
  switch (rotation) {
    case 90: return {b.y0, width - b.x1, b.y1, width - b.x0};
    case 180: return {width - b.x1, height - b.y1, width - b.x0, height - b.y0};
    case 270: return {height - b.y1, b.x0, height - b.y0, b.x1};
    default: return b;
  }
}

doc::BBox Frame::to_page(const doc::BBox& b) const noexcept {
  switch (rotation) {
    case 90: return {width - b.y1, b.x0, width - b.y0, b.x1};
    case 180: return {width - b.x1, height - b.y1, width - b.x0, height - b.y0};
    case 270: return {b.y0, height - b.x1, b.y1, height - b.x0};
    default: return b;
  }
}

std::vector<Line> build_lines(std::vector<Word> words, const std::vector<doc::BBox>& vertical) {
  std::erase_if(words, [](const Word& w) { return blank(w.text) || w.box.height() <= 0; });
  // The words stay where they are; their indexes are sorted (std::sort puts indexes in the
  // order it would put the words themselves, ties included, at a fraction of the moves).
  std::vector<std::uint32_t> order(words.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
  std::sort(order.begin(), order.end(), [&](std::uint32_t ia, std::uint32_t ib) {
    const Word &a = words[ia], &b = words[ib];
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });

  // Sweep top to bottom; a word joins the open line it overlaps most (at least half of the
  // smaller height), measured against the line's tallest word so superscripts do not chain lines.
  struct Open {
    std::vector<std::uint32_t> words;
    double core0, core1;
  };
  std::vector<Open> done, open;
  for (const std::uint32_t index : order) {
    const Word& w = words[index];
    for (auto it = open.begin(); it != open.end();) {
      if (it->core1 <= w.box.y0) {
        done.push_back(std::move(*it));
        it = open.erase(it);
      } else {
        ++it;
      }
    }
    Open* best = nullptr;
    double best_ov = 0;
    for (auto& o : open) {
      const double ov = overlap(o.core0, o.core1, w.box.y0, w.box.y1);
      if (ov >= 0.5 * std::min(o.core1 - o.core0, w.box.height()) && ov > best_ov) {
        best = &o;
        best_ov = ov;
      }
    }
    if (best) {
      if (w.box.height() > best->core1 - best->core0) best->core0 = w.box.y0, best->core1 = w.box.y1;
      best->words.push_back(index);
    } else {
      open.push_back({{index}, w.box.y0, w.box.y1});
    }
  }
  for (auto& o : open) done.push_back(std::move(o));

  std::vector<Line> lines;
  lines.reserve(done.size());
  std::vector<Word> ws;
  for (auto& o : done) {
    std::sort(o.words.begin(), o.words.end(),
              [&](std::uint32_t ia, std::uint32_t ib) { return words[ia].box.x0 < words[ib].box.x0; });
    ws.clear();
    for (const std::uint32_t index : o.words) ws.push_back(std::move(words[index]));
    const std::vector<bool> leader_before = drop_leaders(ws);
    if (ws.empty()) continue;
    Line line;
    int rtl_words = 0, ltr_words = 0;
    for (auto& w : ws) {
      if (has_cp(w.text, is_rtl_cp)) {
        w.text = reverse_rtl(w.text);
        ++rtl_words;
      } else if (has_cp(w.text, is_latin_letter)) {
        ++ltr_words;
      }
    }
    line.rtl = rtl_words > ltr_words;
    line.height = o.core1 - o.core0;
    line.box = ws.front().box;
    const double h = line.height;
    // Thresholds in ems of the font (box heights differ between producers for one size).
    auto em_of = [&](const Word& w) { return w.font_size > 0 ? w.font_size : 0.77 * w.box.height(); };
    for (std::size_t k = 0; k < ws.size(); ++k) {
      const Word& w = ws[k];
      std::string text = fold_space(w.text);
      line.box = line.box.united(w.box);
      bool join = false;
      double gap = 0;
      if (k > 0) {
        const Word& prev = ws[k - 1];
        const double em = std::max(em_of(prev), em_of(w));
        gap = w.box.x0 - prev.box.x1;
        const double mid0 = prev.box.x1 - 0.5, mid1 = w.box.x0 + 0.5;
        const bool ruled = std::any_of(vertical.begin(), vertical.end(), [&](const doc::BBox& r) {
          const double x = (r.x0 + r.x1) / 2;
          return x > mid0 && x < mid1 && overlap(r.y0, r.y1, o.core0, o.core1) > 0.3 * h;
        });
        const auto& seg = line.segments.back();
        const bool numeric = is_numeric(seg.text);
        const bool group = numeric && is_digit(seg.text.back()) && is_digit_group(text);
        // An amount followed closely by a capitalised word: the next column's name (cells of
        // adjacent columns can sit closer than a word space).
        const bool name_after_amount = numeric && starts_upper(text);
        join = !ruled && !name_after_amount && !leader_before[k] && (gap <= 0.55 * em || (group && gap <= 0.65 * em));
      }
      const bool space = k > 0 && (gap > 0.08 * h || ws[k - 1].space_after);
      if (join) {
        auto& seg = line.segments.back();
        if (space) seg.text += ' ';
        seg.text += text;
        seg.box = seg.box.united(w.box);
        seg.bold = seg.bold && w.bold;
        seg.words.push_back({std::move(text), w.box, space});
      } else {
        Segment& seg = line.segments.emplace_back();
        seg.text = text;
        seg.box = w.box;
        seg.height = h;
        seg.first_word_width = w.box.width();
        seg.bold = w.bold;
        seg.words.push_back({std::move(text), w.box, false});
      }
    }
    if (line.rtl) {
      for (auto& seg : line.segments) logical_order(seg);
    }
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });
  return lines;
}

}  // namespace bidrag::parse::pdf::layout
