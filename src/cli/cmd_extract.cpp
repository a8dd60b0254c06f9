// `bidrag extract`: one or more pages (files or URLs) to records, as JSON Lines on stdout.
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>

#include "bidrag/common/date.h"
#include "bidrag/common/error.h"
#include "bidrag/common/exit_code.h"
#include "bidrag/common/file.h"
#include "bidrag/common/snapshot.h"
#include "bidrag/extract/extract.h"
#include "bidrag/fetch/fetch.h"
#include "bidrag/pipeline/sinks.h"
#include "bidrag/record/ids.h"
#include "cli/commands.h"

namespace bidrag::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string fetched_at;
  std::string url;
  std::string content_type;
  std::vector<std::string> sinks;  // also store the records there (postgresql://…, sqlite:PATH)
};

bool digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

// "2023-02-24T14:03:00Z" (fractional seconds and "+00:00" accepted) → canonical "…Z" form.
std::string check_rfc3339_utc(const std::string& v) {
  auto bad = [&] {
    return UsageError("--fetched-at: '" + v + "' is not an RFC 3339 UTC time (e.g. 2023-02-24T14:03:00Z)");
  };
  if (v.size() < 20 || (v[10] != 'T' && v[10] != 't') || v[13] != ':' || v[16] != ':') throw bad();
  if (!Date::parse_iso(std::string_view(v).substr(0, 10))) throw bad();
  const std::string_view hh = std::string_view(v).substr(11, 2), mm = std::string_view(v).substr(14, 2),
                         ss = std::string_view(v).substr(17, 2);
  if (!digits(hh) || !digits(mm) || !digits(ss) || std::stoi(std::string(hh)) > 23 || std::stoi(std::string(mm)) > 59 ||
      std::stoi(std::string(ss)) > 60)
    throw bad();
  std::string_view rest = std::string_view(v).substr(19);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t i = 1;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
    if (i == 1) throw bad();
    rest.remove_prefix(i);
  }
  if (rest != "Z" && rest != "z" && rest != "+00:00") throw bad();
  return v.substr(0, 10) + "T" + v.substr(11, 8) + "Z";
}

Snapshot load(const std::string& input, const ExtractOptions& o) {
  if (input.rfind("http://", 0) == 0 || input.rfind("https://", 0) == 0) return fetch::fetch_one(input);
  std::string path = input.rfind("file://", 0) == 0 ? input.substr(7) : input;
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const IoError& e) {
    throw Error(input, "", e.what());
  }
  const std::string url = !o.url.empty() ? o.url : "file://" + std::filesystem::absolute(path).lexically_normal().string();
  return make_snapshot(url, std::move(bytes), o.content_type);
}

int run(const ExtractOptions& o) {
  const std::optional<std::string> fetched_at =
      o.fetched_at.empty() ? std::nullopt : std::optional<std::string>(check_rfc3339_utc(o.fetched_at));
  if (!o.url.empty() && o.inputs.size() != 1) throw UsageError("--url names the source of one FILE; got " + std::to_string(o.inputs.size()));
  // Sinks open (and migrate) before any document is read: a refused connection is exit 3 at once.
  std::vector<std::unique_ptr<store::Sink>> sinks;
  for (const auto& spec : o.sinks) sinks.push_back(pipeline::make_sink(spec));
  bool failed = false;
  for (const auto& input : o.inputs) {
    std::vector<record::Record> records;
    try {
      Snapshot s = load(input, o);
      if (fetched_at) s.fetched_at = fetched_at;
      records = extract::extract(s);
      for (auto& sink : sinks) sink->put(s, records);  // one transaction per document and sink
    } catch (const Error& e) {
      records.emplace_back(record::make_error(input, record::ErrorStage::fetch, e.what()));
    }
    for (const auto& r : records) {
      if (std::holds_alternative<record::ErrorRecord>(r)) failed = true;
      std::cout << record::to_json(r) << '\n';
    }
  }
  std::cout.flush();
  if (!std::cout) throw IoError("cannot write to standard output");
  return static_cast<int>(failed ? ExitCode::documents_failed : ExitCode::ok);
}

}  // namespace

Runner setup_extract(CLI::App& app, const Globals&) {
  auto o = std::make_shared<ExtractOptions>();
  app.description(
      "Reads grant pages (HTML, PDF or plain text; local files, file:// or http(s) URLs) and writes\n"
      "their records as JSON Lines on standard output: an announcement gives one call record and\n"
      "its deadline, contact and document records; an allocation list gives ceilings and one\n"
      "allocation_list record. A document that cannot be read, or holds neither, gives one error\n"
      "record (and exit code 1); the other inputs are still processed.");
  app.add_option("inputs", o->inputs, "Files or URLs to read")->required();
  app.add_option("--fetched-at", o->fetched_at,
                 "When the page was captured (RFC 3339 UTC, e.g. 2023-02-24T14:03:00Z); sets source.fetched_at "
                 "and the call's as_of");
  app.add_option("--url", o->url,
                 "The page's real URL for a local FILE (one input only): the records' source URL and the base for "
                 "relative links");
  app.add_option("--content-type", o->content_type, "Declared content type of a local FILE (e.g. text/html)");
  app.add_option("--sink", o->sinks,
                 "Also store each document's records there, repeatable: postgresql://USER@HOST/DB (or postgresql:// "
                 "with the PG* variables), sqlite:PATH or a .db path");
  app.footer(
      "\nExamples:\n"
      "  bidrag extract page.html\n"
      "  bidrag extract --sink postgresql://bidrag@localhost/grants lista.pdf\n"
      "  bidrag extract --fetched-at 2023-02-24T14:03:00Z https://statsbidrag.socialstyrelsen.se/statsbidrag/x/\n"
      "  bidrag extract --url https://example.se/bidrag/x/ saved-page.html\n\n" +
      std::string(kExitCodeHelp));
  return [o] { return run(*o); };
}

}  // namespace bidrag::cli
