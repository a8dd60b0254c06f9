// The report as one self-contained HTML page: inline CSS, a few lines of inline script that sort
// a table by the column clicked, and an inline SVG bar chart of the ceiling changes per
// recipient. Nothing is loaded from the network, so the page works from a file or an e-mail.
//
// Sorting: click (or Enter on) a column heading; again for the other direction. A cell's
// data-sort attribute (öre, days) sorts numerically. The fragment #sort=TABLE:COLUMN[:desc]
// (e.g. report.html#sort=ceilings:5:desc) opens the page sorted.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "bidrag/diff/money.h"
#include "bidrag/report/report.h"
#include "report/words.h"

namespace bidrag::report {
namespace {

std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Only http(s) addresses become links; anything else is shown as text.
std::string link(const std::string& text, const std::string& url) {
  const std::string shown = esc(text.empty() ? url : text);
  if (!(url.starts_with("https://") || url.starts_with("http://"))) return shown;
  return "<a href=\"" + esc(url) + "\">" + shown + "</a>";
}

constexpr const char* kStyle = R"css(
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--head:#f3f5f7;--up:#1a7f37;--down:#cf222e;--accent:#0969da}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:1em;margin:20px 0 6px}
.meta{color:var(--muted);margin:0 0 16px}
.summary{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0;padding:0;list-style:none}
.summary li{border:1px solid var(--line);border-radius:6px;padding:6px 12px;background:var(--head)}
.summary b{font-size:1.2em;margin-right:4px}
table{border-collapse:collapse;width:100%;margin:4px 0 12px;font-size:.93em}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--head);cursor:pointer;user-select:none;white-space:nowrap}
th::after{content:" \2195";color:var(--muted);font-size:.8em}
th[aria-sort=ascending]::after{content:" \2191";color:var(--fg)}th[aria-sort=descending]::after{content:" \2193";color:var(--fg)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td code{font-size:.85em;color:var(--muted)}
.up{color:var(--up)}.down{color:var(--down)}
.none{color:var(--muted);font-style:italic}
a{color:var(--accent)}
svg text{font:12px system-ui,sans-serif;fill:var(--fg)}
)css";

constexpr const char* kScript = R"js(
(function(){
  function key(td){var v=td.getAttribute('data-sort');if(v!==null&&v!==''&&!isNaN(v))return Number(v);return td.textContent.trim();}
  function sortBy(th,dir){
    var table=th.closest('table'),body=table.tBodies[0],col=th.cellIndex;
    var asc=dir?dir==='asc':th.getAttribute('aria-sort')!=='ascending';
    table.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',asc?'ascending':'descending');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){
      var x=key(a.cells[col]),y=key(b.cells[col]);
      var r=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y),'sv');
      return asc?r:-r;
    });
    rows.forEach(function(r){body.appendChild(r);});
  }
  document.querySelectorAll('table.sortable th').forEach(function(th){
    th.tabIndex=0;
    th.addEventListener('click',function(){sortBy(th);});
    th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sortBy(th);}});
  });
  var m=/^#sort=([\w-]+):(\d+)(?::(asc|desc))?$/.exec(location.hash);
  if(m){var t=document.getElementById(m[1]);if(t&&t.tHead){var th=t.tHead.rows[0].cells[Number(m[2])];if(th)sortBy(th,m[3]||'asc');}}
  document.documentElement.setAttribute('data-sortable',String(document.querySelectorAll('table.sortable').length));
})();
)js";

class Html {
 public:
  std::ostringstream out;

  void section(const char* id, const char* title, std::size_t rows) {
    out << "<h2 id=\"" << id << "-heading\">" << title << " <small>(" << rows << ")</small></h2>\n";
    if (rows == 0) out << "<p class=\"none\">None.</p>\n";
  }
  void table(const char* id, std::initializer_list<const char*> cols) {
    out << "<table class=\"sortable\" id=\"" << id << "\"><thead><tr>";
    for (const char* c : cols) out << "<th>" << c << "</th>";
    out << "</tr></thead><tbody>\n";
  }
  void end_table() { out << "</tbody></table>\n"; }
  void row_start() { out << "<tr>"; }
  void row_end() { out << "</tr>\n"; }
  void td(const std::string& html) { out << "<td>" << html << "</td>"; }
  void num(const std::string& shown, const std::string& sort, const char* cls = "") {
    out << "<td class=\"num" << (*cls ? " " : "") << cls << "\" data-sort=\"" << sort << "\">" << esc(shown) << "</td>";
  }
};

std::string ore_sort(const std::optional<std::int64_t>& ore) { return ore ? std::to_string(*ore) : std::string(); }
const char* sign_class(std::int64_t v) { return v > 0 ? "up" : v < 0 ? "down" : ""; }

// Horizontal bars around a zero line: one row per recipient, gains right in green, losses left
// in red, each labelled with the change in kronor.
void chart(Html& h, const std::vector<CeilingChange>& ceilings) {
  if (ceilings.empty()) return;
  std::int64_t largest = 1;
  for (const auto& c : ceilings) largest = std::max(largest, c.delta_ore < 0 ? -c.delta_ore : c.delta_ore);
  constexpr int kLabel = 190, kHalf = 300, kValue = 110, kRow = 20, kTop = 8;
  const int width = kLabel + 2 * kHalf + kValue, zero = kLabel + kHalf;
  const int height = kTop * 2 + kRow * static_cast<int>(ceilings.size());
  h.out << "<figure><svg id=\"ceiling-chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
        << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height
        << "\" aria-labelledby=\"ceiling-chart-title\"><title id=\"ceiling-chart-title\">Ceiling changes per recipient "
           "(SEK)</title>\n";
  int y = kTop;
  for (const auto& c : ceilings) {
    const double share = static_cast<double>(c.delta_ore < 0 ? -c.delta_ore : c.delta_ore) / static_cast<double>(largest);
    // The longest bar leaves room for its value beside it, short of the names on the left.
    const int len = std::max(1, static_cast<int>(share * (kHalf - kValue)));
    const int x = c.delta_ore < 0 ? zero - len : zero;
    const std::string name = c.recipient.empty() ? c.key : c.recipient;
    char bar[200];
    std::snprintf(bar, sizeof bar, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">", x, y + 3, len, kRow - 6,
                  c.delta_ore < 0 ? "#cf222e" : "#1a7f37");
    h.out << "<g class=\"bar\"><text x=\"" << kLabel - 8 << "\" y=\"" << y + 14 << "\" text-anchor=\"end\">" << esc(name)
          << "</text>" << bar << "<title>" << esc(name) << " (" << esc(c.call_id) << "): " << esc(signed_kronor(c.delta_ore))
          << " kr</title></rect><text x=\"" << (c.delta_ore < 0 ? x - 4 : x + len + 4) << "\" y=\"" << y + 14
          << "\" text-anchor=\"" << (c.delta_ore < 0 ? "end" : "start") << "\">" << esc(signed_kronor(c.delta_ore))
          << "</text></g>\n";
    y += kRow;
  }
  h.out << "<line x1=\"" << zero << "\" y1=\"0\" x2=\"" << zero << "\" y2=\"" << height
        << "\" stroke=\"#57606a\" stroke-width=\"1\"/></svg><figcaption class=\"meta\">Change of each ceiling in SEK "
           "(new − old); a removed ceiling counts as 0.</figcaption></figure>\n";
}

}  // namespace

std::string render_html(const Report& r) {
  Html h;
  auto& o = h.out;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
       "script-src 'unsafe-inline'; img-src data:\">"
    << "<title>bidrag: what changed since " << esc(when(r.since)) << "</title><style>" << kStyle << "</style></head><body>\n";
  o << "<h1>What changed since " << esc(when(r.since)) << "</h1>\n<p class=\"meta\">Store <code>" << esc(r.store)
    << "</code>, report made " << esc(when(r.until)) << ".</p>\n";
  o << "<ul class=\"summary\">";
  const std::pair<const char*, std::size_t> counts[] = {
      {"new calls", r.new_calls.size()}, {"opened or closed", r.status_changes.size()}, {"deadlines", r.deadlines.size()},
      {"ceilings", r.ceilings.size()},   {"documents", r.documents.size()},            {"errors", r.errors.size()}};
  for (const auto& [label, n] : counts) o << "<li><b>" << n << "</b>" << label << "</li>";
  o << "</ul>\n";

  h.section("runs", "Runs", r.runs.size());
  if (!r.runs.empty()) {
    h.table("runs", {"Run", "Pipeline", "Started", "Ended", "Documents", "Changed", "Failed"});
    for (const auto& run : r.runs) {
      h.row_start();
      h.num(std::to_string(run.id), std::to_string(run.id));
      h.td(esc(run.pipeline));
      h.td(esc(when(run.started_at)));
      h.td(run.ended_at.empty() ? "not ended" : esc(when(run.ended_at)));
      h.num(std::to_string(run.counts.documents), std::to_string(run.counts.documents));
      h.num(std::to_string(run.counts.changed), std::to_string(run.counts.changed));
      h.num(std::to_string(run.counts.failed), std::to_string(run.counts.failed));
      h.row_end();
    }
    h.end_table();
  }

  h.section("new-calls", "New calls", r.new_calls.size());
  if (!r.new_calls.empty()) {
    h.table("new-calls", {"Call", "Funder", "Status", "Closes", "Ceilings", "Sum of ceilings (kr)"});
    for (const auto& c : r.new_calls) {
      h.row_start();
      h.td(link(c.title.empty() ? c.call_id : c.title, c.url) + "<br><code>" + esc(c.call_id) + "</code>");
      h.td(esc(c.funder));
      h.td(esc(c.status));
      h.td(esc(c.application_close));
      h.num(std::to_string(c.ceilings), std::to_string(c.ceilings));
      h.num(kronor(c.ceilings_total_ore), ore_sort(c.ceilings_total_ore));
      h.row_end();
    }
    h.end_table();
  }

  h.section("status", "Calls that opened or closed", r.status_changes.size());
  if (!r.status_changes.empty()) {
    h.table("status", {"Call", "Change", "Was", "Now"});
    for (const auto& s : r.status_changes) {
      h.row_start();
      h.td(link(s.title.empty() ? s.call_id : s.title, s.url));
      h.td(esc(status_change(s)));
      h.td(esc(s.from));
      h.td(esc(s.to));
      h.row_end();
    }
    h.end_table();
  }

  h.section("deadlines", "Deadlines", r.deadlines.size());
  if (!r.deadlines.empty()) {
    h.table("deadlines", {"Call", "Deadline", "Change", "Was", "Now", "Days"});
    for (const auto& d : r.deadlines) {
      h.row_start();
      h.td("<code>" + esc(d.call_id) + "</code>");
      h.td(esc(d.kind));
      h.td(esc(deadline_change(d)));
      h.td(esc(d.old_date));
      h.td(esc(d.new_date));
      if (d.days) h.num((*d.days > 0 ? "+" : "") + std::to_string(*d.days), std::to_string(*d.days));
      else h.num("", "");
      h.row_end();
    }
    h.end_table();
  }

  h.section("ceilings", "Ceilings", r.ceilings.size());
  chart(h, r.ceilings);
  if (!r.ceilings.empty()) {
    h.table("ceilings", {"Call", "Recipient", "Change", "Was (kr)", "Now (kr)", "Difference (kr)", "%"});
    for (const auto& c : r.ceilings) {
      h.row_start();
      h.td("<code>" + esc(c.call_id) + "</code>");
      h.td(esc(c.recipient.empty() ? c.key : c.recipient));
      h.td(diff::to_string(c.change));
      h.num(kronor(c.old_ore), ore_sort(c.old_ore));
      h.num(kronor(c.new_ore), ore_sort(c.new_ore));
      h.num(signed_kronor(c.delta_ore), std::to_string(c.delta_ore), sign_class(c.delta_ore));
      h.num(c.percent.value_or(""), c.percent.value_or(""));
      h.row_end();
    }
    h.end_table();
  }

  h.section("documents", "Documents", r.documents.size());
  if (!r.documents.empty()) {
    h.table("documents", {"Call", "Change", "Document", "Role"});
    for (const auto& d : r.documents) {
      h.row_start();
      h.td("<code>" + esc(d.call_id) + "</code>");
      h.td(diff::to_string(d.change));
      h.td(link(d.title, d.url));
      h.td(esc(d.role));
      h.row_end();
    }
    h.end_table();
  }

  h.section("errors", "Errors", r.errors.size());
  if (!r.errors.empty()) {
    h.table("errors", {"Document", "Stage", "Message"});
    for (const auto& e : r.errors) {
      h.row_start();
      h.td(link(e.url, e.url));
      h.td(esc(e.stage));
      h.td(esc(e.message));
      h.row_end();
    }
    h.end_table();
  }

  h.section("editions", "New editions compared with the previous year", r.editions.size());
  for (std::size_t i = 0; i < r.editions.size(); ++i) {
    const auto& e = r.editions[i];
    o << "<h3><code>" << esc(e.call_id) << "</code> against <code>" << esc(e.previous_call_id) << "</code> ("
      << e.changes.size() << " changes)</h3>\n";
    if (e.changes.empty()) continue;
    const std::string id = "edition-" + std::to_string(i + 1);
    h.table(id.c_str(), {"Change", "Field", "Who or what", "Was", "Now", "Difference"});
    for (const auto& c : e.changes) {
      h.row_start();
      h.td(diff::to_string(c.kind));
      h.td("<code>" + esc(c.path) + "</code>");
      h.td(esc(c.label));
      const auto shown = [](const diff::Value& v) {
        return v.is_null() ? std::string() : v.kind == diff::Value::Kind::string || v.kind == diff::Value::Kind::number
                                                  ? v.text
                                                  : diff::to_json(v);
      };
      h.td(esc(shown(c.old_value)));
      h.td(esc(shown(c.new_value)));
      if (c.delta_ore) h.num(signed_kronor(*c.delta_ore) + " kr", std::to_string(*c.delta_ore), sign_class(*c.delta_ore));
      else if (c.days) h.num((*c.days > 0 ? "+" : "") + std::to_string(*c.days) + " days", std::to_string(*c.days));
      else h.num("", "");
      h.row_end();
    }
    h.end_table();
  }
  o << "<script>" << kScript << "</script>\n</body></html>\n";
  return o.str();
}

}  // namespace bidrag::report
