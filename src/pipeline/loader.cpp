// Loads pipelines/*.json with RapidJSON and checks every key, so a typo in a nightly job's
// definition stops it at once with the file, the key and what was expected.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <memory>

#include "bidrag/common/error.h"
#include "bidrag/common/file.h"
#include "bidrag/pipeline/pipeline.h"
#include "bidrag/url/url.h"

namespace bidrag::pipeline {
namespace {

namespace fs = std::filesystem;
using Value = rapidjson::Value;

// A value as the user wrote it, for messages: "ftp://x" quoted, 12 bare, long ones cut.
std::string shown(const Value& v) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  v.Accept(w);
  std::string s(sb.GetString(), sb.GetSize());
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

class Checker {
 public:
  explicit Checker(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& expected, const Value& got) const {
    throw UsageError(file_ + ": " + key + ": expected " + expected + ", got " + shown(got));
  }
  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw UsageError(file_ + ": " + key + ": " + message);
  }

  // Rejects keys not in `known`, naming them and listing the valid ones.
  void keys(const Value& object, const std::string& where, std::initializer_list<const char*> known) const {
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
      const std::string key(it->name.GetString(), it->name.GetStringLength());
      bool ok = false;
      std::string list;
      for (const char* k : known) {
        ok |= key == k;
        list += (list.empty() ? "" : ", ") + std::string(k);
      }
      if (!ok) fail(where.empty() ? key : where + "." + key, "unknown key (valid keys: " + list + ")");
    }
  }

  const Value& object(const Value& v, const std::string& key) const {
    if (!v.IsObject()) fail(key, "an object", v);
    return v;
  }
  std::string string(const Value& v, const std::string& key) const {
    if (!v.IsString()) fail(key, "a string", v);
    return {v.GetString(), v.GetStringLength()};
  }
  long count(const Value& v, const std::string& key, long min, long max) const {
    if (!v.IsInt64() || v.GetInt64() < min || v.GetInt64() > max)
      fail(key, "a whole number from " + std::to_string(min) + " to " + std::to_string(max), v);
    return static_cast<long>(v.GetInt64());
  }
  bool boolean(const Value& v, const std::string& key) const {
    if (!v.IsBool()) fail(key, "true or false", v);
    return v.GetBool();
  }
  std::vector<std::string> strings(const Value& v, const std::string& key) const {
    if (!v.IsArray()) fail(key, "an array of strings", v);
    std::vector<std::string> out;
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) out.push_back(string(v[i], key + "[" + std::to_string(i) + "]"));
    return out;
  }
  // http(s) with a host, or file (bidrag::url, on libcurl's URL parser).
  std::string url(const Value& v, const std::string& key, bool allow_file) const {
    const std::string expected = allow_file ? "an http, https or file URL" : "an http or https URL";
    if (!v.IsString()) fail(key, expected, v);
    const std::string s(v.GetString(), v.GetStringLength());
    const auto parts = url::parse(s);
    if (!parts) fail(key, expected, v);
    const std::string& sch = parts->scheme;
    if (sch != "http" && sch != "https" && !(allow_file && sch == "file")) fail(key, expected, v);
    return s;
  }

 private:
  std::string file_;
};

Source load_source(const Checker& c, const Value& v, const std::string& key) {
  Source s;
  s.kind = "auto";
  if (v.IsString()) {
    s.url = c.url(v, key, true);
    return s;
  }
  if (!v.IsObject()) c.fail(key, "a URL or an object with \"url\"", v);
  c.keys(v, key, {"url", "kind", "call_id", "include", "exclude", "max_pages"});
  if (!v.HasMember("url")) c.fail(key + ".url", "missing (expected an http, https or file URL)");
  s.url = c.url(v["url"], key + ".url", true);
  if (v.HasMember("kind")) {
    s.kind = c.string(v["kind"], key + ".kind");
    if (s.kind != "auto" && s.kind != "announcement" && s.kind != "allocation_list" && !s.discovers())
      c.fail(key + ".kind", "one of auto, announcement, allocation_list, listing, sitemap, feed", v["kind"]);
  }
  for (const char* k : {"include", "exclude", "max_pages"}) {
    if (v.HasMember(k) && !s.discovers())
      c.fail(key + "." + k, "only allowed with \"kind\": \"listing\", \"sitemap\" or \"feed\"");
  }
  if (v.HasMember("include")) s.include = c.strings(v["include"], key + ".include");
  if (v.HasMember("exclude")) s.exclude = c.strings(v["exclude"], key + ".exclude");
  if (v.HasMember("max_pages")) s.max_pages = static_cast<int>(c.count(v["max_pages"], key + ".max_pages", 1, 10000));
  if (v.HasMember("call_id")) {
    if (s.kind != "allocation_list") c.fail(key + ".call_id", "only allowed with \"kind\": \"allocation_list\"");
    s.call_id = c.string(v["call_id"], key + ".call_id");
  }
  return s;
}

// Document roles by their contract names (record/kinds.h).
std::vector<record::DocumentRole> load_follow(const Checker& c, const Value& v) {
  const auto names = c.strings(v, "follow");
  std::vector<record::DocumentRole> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto role = record::parse_document_role(names[i]);
    if (!role) {
      std::string valid;
      for (const auto n : record::names_of<record::DocumentRole>()) valid += (valid.empty() ? "" : ", ") + std::string(n);
      c.fail("follow[" + std::to_string(i) + "]", "a document role (one of " + valid + ")", v[static_cast<rapidjson::SizeType>(i)]);
    }
    out.push_back(*role);
  }
  return out;
}

void load_fetch(const Checker& c, const Value& v, fetch::Policy& p) {
  c.object(v, "fetch");
  c.keys(v, "fetch", {"connect_timeout_ms", "timeout_ms", "retries", "backoff_ms", "per_host_concurrency",
                      "per_host_delay_ms", "max_body_bytes", "user_agent", "obey_robots"});
  constexpr long kHour = 3'600'000;
  if (v.HasMember("connect_timeout_ms")) p.connect_timeout_ms = c.count(v["connect_timeout_ms"], "fetch.connect_timeout_ms", 1, kHour);
  if (v.HasMember("timeout_ms")) p.total_timeout_ms = c.count(v["timeout_ms"], "fetch.timeout_ms", 1, kHour);
  if (v.HasMember("retries")) p.retries = static_cast<int>(c.count(v["retries"], "fetch.retries", 0, 10));
  if (v.HasMember("backoff_ms")) p.backoff_ms = c.count(v["backoff_ms"], "fetch.backoff_ms", 0, kHour);
  if (v.HasMember("per_host_concurrency"))
    p.per_host_concurrency = static_cast<int>(c.count(v["per_host_concurrency"], "fetch.per_host_concurrency", 1, 16));
  if (v.HasMember("per_host_delay_ms")) p.per_host_delay_ms = c.count(v["per_host_delay_ms"], "fetch.per_host_delay_ms", 0, kHour);
  if (v.HasMember("max_body_bytes"))
    p.max_body_bytes = static_cast<std::size_t>(
        c.count(v["max_body_bytes"], "fetch.max_body_bytes", 1, std::numeric_limits<long>::max()));
  if (v.HasMember("obey_robots")) p.obey_robots = c.boolean(v["obey_robots"], "fetch.obey_robots");
  if (v.HasMember("user_agent")) {
    // Sites must be able to reach whoever runs the crawler.
    const std::string ua = c.string(v["user_agent"], "fetch.user_agent");
    if (ua.find("http://") == std::string::npos && ua.find("https://") == std::string::npos &&
        ua.find("mailto:") == std::string::npos)
      c.fail("fetch.user_agent", "a user agent with a contact URL, like \"bidrag/0.1 (+https://example.se/contact)\"",
             v["user_agent"]);
    p.user_agent = ua;
  }
}

void load_outputs(const Checker& c, const Value& v, Outputs& o) {
  c.object(v, "outputs");
  c.keys(v, "outputs", {"jsonl", "db", "sinks"});
  if (v.HasMember("jsonl")) o.jsonl = c.string(v["jsonl"], "outputs.jsonl");
  if (v.HasMember("db")) o.db = c.string(v["db"], "outputs.db");
  if (v.HasMember("sinks")) o.sinks = c.strings(v["sinks"], "outputs.sinks");
}

// A relative folder is looked up next to the pipeline file first, then from the working
// directory (the repository root), so a pipeline works from either place.
std::string resolve_folder(const Checker& c, const Value& v, const std::string& key, const fs::path& base) {
  const std::string folder = c.string(v, key);
  std::error_code ec;
  for (const fs::path& candidate : {base / folder, fs::path(folder)}) {
    const fs::path p = fs::path(folder).is_absolute() ? fs::path(folder) : candidate;
    if (fs::is_directory(p, ec)) {
      std::string s = p.lexically_normal().string();
      return s.ends_with('/') ? s : s + "/";
    }
  }
  c.fail(key, "an existing folder (relative to " + (base.empty() ? std::string(".") : base.string()) +
                  " or the working directory)", v);
}

}  // namespace

Pipeline parse(const std::string& json, const std::string& file) {
  const Checker c(file);
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError())
    throw UsageError(file + ": not valid JSON: " + rapidjson::GetParseError_En(d.GetParseError()) + " (at byte " +
                     std::to_string(d.GetErrorOffset()) + ")");
  if (!d.IsObject()) c.fail("(top level)", "an object", d);
  c.keys(d, "", {"name", "sources", "follow", "fetch", "outputs", "mirror"});
  Pipeline p;
  p.file = file;
  if (!d.HasMember("name")) c.fail("name", "missing (expected a string)");
  p.name = c.string(d["name"], "name");
  if (!d.HasMember("sources")) c.fail("sources", "missing (expected an array of sources)");
  const Value& sources = d["sources"];
  if (!sources.IsArray() || sources.Empty()) c.fail("sources", "a non-empty array of sources", sources);
  for (rapidjson::SizeType i = 0; i < sources.Size(); ++i)
    p.sources.push_back(load_source(c, sources[i], "sources[" + std::to_string(i) + "]"));
  if (d.HasMember("follow")) p.follow = load_follow(c, d["follow"]);
  if (d.HasMember("fetch")) load_fetch(c, d["fetch"], p.policy);
  if (d.HasMember("outputs")) load_outputs(c, d["outputs"], p.outputs);
  if (d.HasMember("mirror")) {
    const Value& m = c.object(d["mirror"], "mirror");
    const fs::path base = fs::path(file).parent_path();
    for (auto it = m.MemberBegin(); it != m.MemberEnd(); ++it) {
      const std::string prefix(it->name.GetString(), it->name.GetStringLength());
      const std::string key = "mirror[\"" + prefix + "\"]";
      (void)c.url(it->name, key, false);
      p.policy.mirror[prefix] = resolve_folder(c, it->value, key, base);
    }
  }
  return p;
}

Pipeline load(const std::string& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const IoError& e) {
    // A pipeline that is not there is a usage problem (a typo on the command line).
    throw UsageError(e.what());
  }
  return parse(text, path);
}

}  // namespace bidrag::pipeline
