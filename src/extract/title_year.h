// The grant year a title prints and the title without it, the part of an id that names a call
// or a list (record::call_id, series_id, list keys): one reader for both extractors.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::extract {

struct TitleYear {
  std::optional<int> year;  // 1990–2100
  std::string bare;         // the title without the year
};

// How a kind of document prints the year in its title.
enum class TitleForm {
  // A call page's heading: the year is the last four-digit number, even in a span or a date
  // ("Stöd 2024/2025" → 2025, bare "Stöd 2024/"); its digits go, the punctuation left at the
  // end (" -–:,") goes too; words before it stay ("Bidrag för år 2024" → "Bidrag för år").
  call_page,
  // An allocation list's title: the year is the last year standing as a word (year_in); the
  // year word ending the title goes with the words that lead to it (vocabulary set
  // list_title_year_lead: "… för år 2023") and dashes, else the first year word inside it.
  allocation_list,
};

[[nodiscard]] TitleYear title_year(std::string_view title, TitleForm form);

// A year (1990–2100) printed as a word of `text` (not joined to another number by '-', '/',
// '.' or ':', as in a date), the last one when there are several.
[[nodiscard]] std::optional<int> year_in(std::string_view text);

}  // namespace bidrag::extract
