// Page headers and footers that are not content: a browser's print header and footer (date
// and time, page title, URL, "1/5") and an office document's running header and footer.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "layout.h"

namespace bidrag::parse::pdf {

struct Chrome {
  std::string printed_at;   // "2023-02-24" from a print header or footer date, else empty
  std::string printed_url;  // the address a browser printed in the margin, else empty
};

// Removes from `pages_lines` (one vector per page) the lines in the top and bottom margin
// bands that repeat on the pages (digits ignored, so "2/5" matches "3/5"; the first page's
// copy is kept as content unless a rule below drops it), page numbers
// ("N/M", "Sida N av M", "N (M)", "Page N of M"), and on any page a print date-time or URL
// alone in a band. `pdf_title` (document metadata) is also removed where it stands alone in a
// band, as browsers print it there.
Chrome remove_chrome(std::vector<std::vector<Line>>& pages_lines, const std::vector<Page>& pages,
                     const std::string& pdf_title);

// Exposed for tests: "2023-02-24 14:03" → "2023-02-24", "2/24/23, 2:03 PM" → "2023-02-24",
// "24.02.2023 14:03" → "2023-02-24"; empty when the text is not a print date (and time).
[[nodiscard]] std::string print_date(const std::string& text);
// "1/5", "Sida 2 av 7", "3 (4)", "Page 1 of 3", "- 2 -", "12".
[[nodiscard]] bool is_page_number(const std::string& text);

}  // namespace bidrag::parse::pdf
