// The report as Markdown: a heading with the window, then one table per section that has rows;
// a section with nothing to say says so in one line.
#include <sstream>

#include "bidrag/diff/render.h"
#include "bidrag/report/report.h"
#include "report/words.h"

namespace bidrag::report {
namespace {

// A table cell: pipes escaped, line breaks folded.
std::string cell(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string link(const std::string& text, const std::string& url) {
  if (url.empty()) return cell(text);
  return "[" + cell(text.empty() ? url : text) + "](" + cell(url) + ")";
}

std::string code(const std::string& s) { return s.empty() ? std::string() : "`" + cell(s) + "`"; }

class Table {
 public:
  explicit Table(std::ostream& out) : out_(out) {}
  void head(std::initializer_list<const char*> cols) {
    std::string sep;
    for (const char* c : cols) out_ << "| " << c << " ", sep += "| --- ";
    out_ << "|\n" << sep << "|\n";
  }
  void row(std::initializer_list<std::string> cells) {
    for (const auto& c : cells) out_ << "| " << c << " ";
    out_ << "|\n";
  }

 private:
  std::ostream& out_;
};

void section(std::ostream& out, const char* title, std::size_t rows) {
  out << "\n## " << title << " (" << rows << ")\n\n";
  if (rows == 0) out << "None.\n";
}

}  // namespace

std::string render_markdown(const Report& r) {
  std::ostringstream out;
  out << "# What changed since " << when(r.since) << "\n\n";
  out << "Store `" << r.store << "`, report made " << when(r.until) << ".\n";

  section(out, "Runs", r.runs.size());
  if (!r.runs.empty()) {
    Table t(out);
    t.head({"Run", "Pipeline", "Started", "Ended", "Documents", "Changed", "Failed"});
    for (const auto& run : r.runs)
      t.row({std::to_string(run.id), cell(run.pipeline), when(run.started_at), run.ended_at.empty() ? "not ended" : when(run.ended_at),
             std::to_string(run.counts.documents), std::to_string(run.counts.changed), std::to_string(run.counts.failed)});
  }

  section(out, "New calls", r.new_calls.size());
  if (!r.new_calls.empty()) {
    Table t(out);
    t.head({"Call", "Funder", "Status", "Closes", "Ceilings", "Sum of ceilings (kr)"});
    for (const auto& c : r.new_calls)
      t.row({link(c.title.empty() ? c.call_id : c.title, c.url) + "<br>" + code(c.call_id), cell(c.funder), c.status,
             c.application_close, std::to_string(c.ceilings), kronor(c.ceilings_total_ore)});
  }

  section(out, "Calls that opened or closed", r.status_changes.size());
  if (!r.status_changes.empty()) {
    Table t(out);
    t.head({"Call", "Change", "Was", "Now"});
    for (const auto& s : r.status_changes)
      t.row({link(s.title.empty() ? s.call_id : s.title, s.url), status_change(s), s.from, s.to});
  }

  section(out, "Deadlines", r.deadlines.size());
  if (!r.deadlines.empty()) {
    Table t(out);
    t.head({"Call", "Deadline", "Change", "Was", "Now", "Days"});
    for (const auto& d : r.deadlines)
      t.row({code(d.call_id), d.kind, deadline_change(d), d.old_date, d.new_date,
             d.days ? (*d.days > 0 ? "+" : "") + std::to_string(*d.days) : std::string()});
  }

  section(out, "Ceilings", r.ceilings.size());
  if (!r.ceilings.empty()) {
    Table t(out);
    t.head({"Call", "Recipient", "Change", "Was (kr)", "Now (kr)", "Difference (kr)", "%"});
    for (const auto& c : r.ceilings)
      t.row({code(c.call_id), cell(c.recipient.empty() ? c.key : c.recipient), diff::to_string(c.change), kronor(c.old_ore),
             kronor(c.new_ore), signed_kronor(c.delta_ore), c.percent.value_or("")});
  }

  section(out, "Documents", r.documents.size());
  if (!r.documents.empty()) {
    Table t(out);
    t.head({"Call", "Change", "Document", "Role"});
    for (const auto& d : r.documents) t.row({code(d.call_id), diff::to_string(d.change), link(d.title, d.url), d.role});
  }

  section(out, "Errors", r.errors.size());
  if (!r.errors.empty()) {
    Table t(out);
    t.head({"Document", "Stage", "Message"});
    for (const auto& e : r.errors) t.row({cell(e.url), e.stage, cell(e.message)});
  }

  section(out, "New editions compared with the previous year", r.editions.size());
  for (const auto& e : r.editions) {
    out << "\n`" << e.call_id << "` against `" << e.previous_call_id << "`: " << e.changes.size() << " changes.\n\n";
    // The diff engine's own Markdown, one level down.
    std::istringstream body(diff::render_markdown(e.changes));
    for (std::string line; std::getline(body, line);) out << (line.starts_with("#") ? "#" : "") << line << "\n";
  }
  return out.str();
}

}  // namespace bidrag::report
