// URL-line attachment by monotone alignment (a small dynamic programme).
#include "parse/text/link_lines.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>
#include <string_view>

#include "bidrag/common/slug.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/text.h"
#include "bidrag/url/url.h"
#include "bidrag/vocab/vocab.h"

namespace bidrag::parse::text {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  const std::string slug = slugify(text);
  std::size_t i = 0;
  while (i < slug.size()) {
    const auto dash = slug.find('-', i);
    std::string w = slug.substr(i, dash == std::string::npos ? std::string::npos : dash - i);
    if (!w.empty()) out.push_back(std::move(w));
    if (dash == std::string::npos) break;
    i = dash + 1;
  }
  return out;
}

bool all_digits(const std::string& w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Path words that say nothing about which link it is.
const std::set<std::string>& url_stopwords() {
  static const std::set<std::string> s{"www",        "http",      "https",  "html", "htm",     "pdf",  "aspx",
                                       "php",        "index",     "globalassets", "contentassets",
                                       "documents",  "download",  "files",  "sites", "default", "www2"};
  return s;
}

// The host a printed address names, "www." dropped: "www.bra.se/x" (printed without a scheme)
// and "https://www.bra.se/x" both give "bra.se"; "" when it names none.
std::string printed_host(const std::string& printed) {
  return url::site_host(url::has_scheme(printed) ? printed : "http://" + printed);
}

// The part of a URL after its host ("/a/b.pdf?x=1#sok"), whose words can name the link.
std::string after_host(const std::string& address) {
  const auto p = url::parse(address);
  if (!p) return {};
  return p->path_query + (p->fragment.empty() ? "" : "#" + p->fragment);
}

// The visible text a URL most likely has inside a block: the address shown for a mailto, the
// "www.…" shown for a web address, else the whole line (the value of a fact).
std::string visible_text(const std::string& url, const doc::Block& b) {
  const std::string full = b.kind == doc::BlockKind::fact ? b.value : b.text;
  if (auto mail = normalize::email_from_mailto(url)) {
    for (const auto& e : normalize::find_emails(full))
      if (e.email == *mail || (mail->size() > e.email.size() && mail->ends_with(e.email))) return e.display;
    return full;
  }
  std::size_t i = 0;
  while (i < full.size()) {
    auto sp = full.find(' ', i);
    std::string tok = full.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
    while (!tok.empty() && std::string_view(".,;:)").find(tok.back()) != std::string_view::npos) tok.pop_back();
    // A printed address on the URL's host names it even when the path differs (a short
    // vanity address that redirects).
    if (tok.rfind("www.", 0) == 0 || tok.find("://") != std::string::npos) {
      const std::string host = printed_host(tok);
      if (!host.empty() && host == url::site_host(url)) return tok;
    }
    if (sp == std::string::npos) break;
    i = sp + 1;
  }
  return full;
}

class Scorer {
 public:
  explicit Scorer(const std::string& title) {
    for (auto& w : words_of(title)) title_words_.insert(w);
  }

  double score(const std::string& url, const doc::Block& b) const {
    const std::string full = b.kind == doc::BlockKind::fact ? b.text + ": " + b.value : b.text;
    const auto words = words_of(full);
    const double length_penalty = 0.02 * static_cast<double>(words.size());
    const bool link_like = b.kind == doc::BlockKind::fact ||
                           (words.size() <= 10 && !full.empty() && std::string_view(".,;!?").find(full.back()) == std::string_view::npos);
    double bonus = link_like ? 0.3 : 0.0;
    // Lines that read as links: "Läs mer om …", "Ansök nu", "Ladda ner …".
    const std::string folded = normalize::fold_case(full);
    if (link_like && vocab::set("link_lead").starts(folded)) bonus += 0.3;
    if (auto mail = normalize::email_from_mailto(url)) {
      for (const auto& e : normalize::find_emails(full)) {
        if (e.email == *mail) return 10 + bonus;
        if (mail->size() > e.email.size() && mail->ends_with(e.email)) return 9 + bonus;
      }
      return bonus - length_penalty;
    }
    if (visible_text(url, b) != (b.kind == doc::BlockKind::fact ? b.value : b.text)) return 9 + bonus;
    const std::string path = after_host(url);
    double matches = 0;
    for (const auto& uw : words_of(path)) {
      if (uw.size() < 3 || all_digits(uw) || url_stopwords().count(uw) || vocab::set("url_stopword").equals(uw) || title_words_.count(uw)) continue;
      double best = 0;
      for (const auto& w : words) {
        if (w == uw) best = 1.0;
        else if (std::min(w.size(), uw.size()) >= 5 && (w.rfind(uw, 0) == 0 || uw.rfind(w, 0) == 0))
          best = std::max(best, 0.6);
      }
      matches += best;
    }
    return matches + bonus - length_penalty;
  }

 private:
  std::set<std::string> title_words_;
};

}  // namespace

void attach_urls(const std::vector<UrlLine>& urls, std::vector<doc::Block*>& blocks, const std::string& title) {
  const std::size_t n = urls.size(), m = blocks.size();
  if (n == 0 || m == 0) return;
  const Scorer scorer(title);
  constexpr double kNone = -std::numeric_limits<double>::infinity();
  // best[i][j]: best total with URL i given to block j; from[i][j]: the block of URL i-1.
  std::vector<std::vector<double>> best(n, std::vector<double>(m, kNone));
  std::vector<std::vector<std::size_t>> from(n, std::vector<std::size_t>(m, 0));
  // Ties go to the block nearer the URL lines.
  auto near = [m](std::size_t j) { return 0.01 * static_cast<double>(j + 1) / static_cast<double>(m); };
  for (std::size_t j = 0; j < m; ++j) best[0][j] = scorer.score(urls[0].url, *blocks[j]) + near(j);
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j) {
      const double s = scorer.score(urls[i].url, *blocks[j]) + near(j);
      for (std::size_t k = 0; k <= j; ++k) {
        if (best[i - 1][k] == kNone) continue;
        // Two links in one block happen (a repeated URL, two addresses on a line) but cost.
        const double share = k == j ? (urls[i].url == urls[i - 1].url ? 0.0 : -2.0) : 0.0;
        const double total = best[i - 1][k] + s + share;
        // ≥ keeps the latest predecessor on ties: links sit close to their URL lines.
        if (total >= best[i][j]) {
          best[i][j] = total;
          from[i][j] = k;
        }
      }
    }
  }
  std::size_t j = 0;
  for (std::size_t k = 0; k < m; ++k)
    if (best[n - 1][k] >= best[n - 1][j]) j = k;
  std::vector<std::size_t> chosen(n);
  for (std::size_t i = n; i-- > 0;) {
    chosen[i] = j;
    j = from[i][j];
  }
  for (std::size_t i = 0; i < n; ++i) {
    doc::Block& b = *blocks[chosen[i]];
    doc::Link link;
    link.text = visible_text(urls[i].url, b);
    // A link that is a whole sentence line does not include the sentence's full stop.
    if (link.text == b.text && link.text.size() > 1 && link.text.back() == '.') {
      link.text.pop_back();
      b.text.pop_back();
    }
    link.href = urls[i].url;
    link.where = doc::Locator::text(urls[i].line);
    b.links.push_back(std::move(link));
  }
}

}  // namespace bidrag::parse::text
