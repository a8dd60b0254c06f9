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

// A capital letter first: ASCII A-Z or a Latin-1 capital (Å Ä Ö É …, U+00C0–U+00DE).
bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  if (w[0] >= 'A' && w[0] <= 'Z') return true;
  std::size_t i = 0;
  const char32_t c = next_cp(w, i);
  return c >= 0xC0 && c <= 0xDE && c != 0xD7;
}

}  // namespace

Line resplit(const Line& line, const std::vector<std::pair<double, double>>& cols) {
  Line out = line;
  out.segments.clear();
  for (const auto& s : line.segments) {
    std::vector<std::size_t> col_of;
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
    if (!straddles || !ok) {
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
  return out;
}

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
    // Thresholds in ems of the font (box heights differ between producers for one size).
    auto em_of = [&](const Word& w) { return w.font_size > 0 ? w.font_size : 0.77 * w.box.height(); };
    for (std::size_t k = 0; k < ws.size(); ++k) {
      const Word& w = ws[k];
      const std::string text = fold_space(w.text);
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
        join = !ruled && !name_after_amount && (gap <= 0.55 * em || (group && gap <= 0.65 * em));
      }
      const bool space = k > 0 && (gap > 0.08 * h || ws[k - 1].space_after);
      if (join) {
        auto& seg = line.segments.back();
        if (space) seg.text += ' ';
        seg.text += text;
        seg.box = seg.box.united(w.box);
        seg.bold = seg.bold && w.bold;
        seg.words.push_back({text, w.box, space});
      } else {
        line.segments.push_back({text, w.box, h, w.box.width(), w.bold, {{text, w.box, false}}});
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
