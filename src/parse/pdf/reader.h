// read_pdf: one Poppler document per input and one interpretation of each page's content,
// giving everything the PDF parser and the table finder use: words with boxes and fonts,
// drawn ruling lines, link annotations, the document information and the text at both ends
// of a tagged article. Long documents are read by two threads (one Poppler document each,
// on the same bytes), with the same result as one.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bidrag/common/snapshot.h"
#include "bidrag/parse/limits.h"
#include "bidrag/parse/pdf_words.h"
#include "pdf_article.h"

namespace bidrag::parse::pdf {

struct ReadOptions {
  bool links = true;    // link annotations (with the text under them)
  bool rules = true;    // drawn ruling lines
  bool article = true;  // the tagged article's first and last items' text
  // Threads reading pages: 0 = decide (two on a machine with two cores or more, for a
  // document long enough to pay for a second Poppler document; BIDRAG_PDF_THREADS overrides).
  unsigned threads = 0;
  // Pages read: the first ones up to this many; a warning in Reading says how many were not.
  int max_pages = limits::kMaxPdfPages;
};

struct Reading {
  std::vector<Page> pages;
  std::map<std::string, std::string> info;  // "title", "producer", "creator" when set
  std::optional<ArticleEnds> article;       // nullopt: untagged, or not exactly one article
  std::vector<std::string> warnings;        // the page limit, when the PDF has more pages
};

// Reads at most options.max_pages pages (the first ones). Throws bidrag::Error naming the
// source (and page) for: not a PDF, damaged or truncated, encrypted with a user password,
// zero pages.
[[nodiscard]] Reading read_pdf(const Snapshot& snapshot, const ReadOptions& options = {});

// Poppler's global parameters, made once per process (read_pdf makes them when first called).
void init_poppler();

// The number of threads read_pdf uses for `pages` pages under `options`.
[[nodiscard]] unsigned reading_threads(int pages, const ReadOptions& options);

}  // namespace bidrag::parse::pdf
