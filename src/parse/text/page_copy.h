// Browser copies of a whole web page (Ctrl+A, Ctrl+C: the body's innerText): the site's chrome
// (skip links, browser notices, cookie banner, logo, menu, breadcrumb) comes before the page's
// main heading. These functions find that heading and tell the chrome lines above it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::parse::text {

// A line that is only site furniture: one or more skip links or reading aids ("Gå till sidans
// meny Gå till sidans innehåll"), a cookie banner, a browser notice, a footer/menu link text.
[[nodiscard]] bool is_chrome_only(std::string_view line);

// A reading aid or skip link standing alone ("Lyssna" beside every heading, "Skriv ut", "Dela"):
// dropped wherever it is, so it does not end the section it stands in.
[[nodiscard]] bool is_reading_aid(std::string_view line);

// A breadcrumb line: "Start /", "Sök bidrag /" (one crumb a line, as a list copies), or a
// whole trail "Start / Bidrag / X" / "Start > Bidrag > X".
[[nodiscard]] bool is_breadcrumb(std::string_view line);

// Whether `line` names the page's address: a run of its words (two or more, or one in a line of
// three words or more) makes up most (three in five letters) of the URL's last path segment ("Stöd för upprustning av lekplatser och
// utemiljöer 2026" names …/stod-for-upprustning-av-lekplatser/).
[[nodiscard]] bool names_page_url(std::string_view line, std::string_view url);

// The index (into `lines`, white-space folded, "" for a blank line) of the main heading of a
// whole-page copy, when the copy starts with chrome (a skip link, a notice, a cookie banner or a
// breadcrumb before the first paragraph): the first heading-shaped line that names the page's
// URL, else the first heading-shaped line after the chrome that a blank line follows (a menu,
// a breadcrumb and badges copy as single lines, a heading as a block). nullopt when the copy
// does not start with chrome (a copy of the article only, a print, a seed).
[[nodiscard]] std::optional<std::size_t> main_heading_line(const std::vector<std::string>& lines, std::string_view url);

// Lines before the main heading that carry nothing for a call and are dropped: chrome-only lines,
// breadcrumbs, the logo, menu items and category labels (short lines that are no badge, chip or
// date line), and any short line in a run of three or more (a menu).
[[nodiscard]] std::vector<bool> top_chrome_lines(const std::vector<std::string>& lines, std::size_t heading);

// The ordinal (1, 2, …) of each line that is a step of a numbered list copied without its numbers
// (innerText drops <ol> markers), 0 for other lines: two or more sentence lines in a row, with no
// blank line between them, right under a heading or an introducing line ending in ':' that
// speaks of steps (vocabulary set "steps_intro": "Process för att söka", "Följ punkterna stegvis:").
[[nodiscard]] std::vector<int> unnumbered_steps(const std::vector<std::string>& lines);

}  // namespace bidrag::parse::text
