// Words → lines → segments: baseline grouping, word-space vs column-gap splitting, digit-group
// merging inside numbers, and the small text tests the table finder needs.
#include <algorithm>
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

// "603", "603,50", "816)" or "816*": a group of three digits continuing a number.
bool is_digit_group(std::string_view w) {
  if (w.size() < 3 || !is_digit(w[0]) || !is_digit(w[1]) || !is_digit(w[2])) return false;
  return w.size() == 3 || !is_digit(w[3]);
}

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

}  // namespace

std::string fold_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t c = next_cp(s, i);
    if (is_space_cp(c)) {
      pending = !out.empty();
      continue;
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
  std::erase_if(words, [](const Word& w) { return fold_space(w.text).empty() || w.box.height() <= 0; });
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });

  // Sweep top to bottom; a word joins the open line it overlaps most (at least half of the
  // smaller height), measured against the line's tallest word so superscripts do not chain lines.
  struct Open {
    std::vector<Word> words;
    double core0, core1;
  };
  std::vector<Open> done, open;
  for (auto& w : words) {
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
      best->words.push_back(std::move(w));
    } else {
      const double y0 = w.box.y0, y1 = w.box.y1;
      open.push_back({{std::move(w)}, y0, y1});
    }
  }
  for (auto& o : open) done.push_back(std::move(o));

  std::vector<Line> lines;
  lines.reserve(done.size());
  for (auto& o : done) {
    auto& ws = o.words;
    std::sort(ws.begin(), ws.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    Line line;
    line.height = o.core1 - o.core0;
    line.box = ws.front().box;
    const double h = line.height;
    for (std::size_t k = 0; k < ws.size(); ++k) {
      const Word& w = ws[k];
      const std::string text = fold_space(w.text);
      line.box = line.box.united(w.box);
      bool join = false;
      if (k > 0) {
        const Word& prev = ws[k - 1];
        const double gap = w.box.x0 - prev.box.x1;
        const double mid0 = prev.box.x1 - 0.5, mid1 = w.box.x0 + 0.5;
        const bool ruled = std::any_of(vertical.begin(), vertical.end(), [&](const doc::BBox& r) {
          const double x = (r.x0 + r.x1) / 2;
          return x > mid0 && x < mid1 && overlap(r.y0, r.y1, o.core0, o.core1) > 0.3 * h;
        });
        const auto& seg = line.segments.back();
        const bool group = is_digit(seg.text.back()) && is_digit_group(text) && is_numeric(seg.text);
        join = !ruled && (gap <= 0.35 * h || (group && gap <= 0.5 * h));
      }
      if (join) {
        auto& seg = line.segments.back();
        const double gap = w.box.x0 - ws[k - 1].box.x1;
        if (gap > 0.08 * h || ws[k - 1].space_after) seg.text += ' ';
        seg.text += text;
        seg.box = seg.box.united(w.box);
        seg.bold = seg.bold && w.bold;
      } else {
        line.segments.push_back({text, w.box, h, w.box.width(), w.bold});
      }
    }
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });
  return lines;
}

}  // namespace bidrag::parse::pdf::layout
