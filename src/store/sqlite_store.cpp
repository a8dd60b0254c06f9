// The embedded SQLite store: one document's snapshot and records per transaction, versions
// per (URL, record id) under the versioning contract of sink.h.
#include "bidrag/store/sqlite_store.h"

#include <map>
#include <set>

#include "bidrag/common/error.h"
#include "bidrag/common/slug.h"
#include "bidrag/record/ids.h"
#include "store/sqlite_handle.h"
#include "store/sqlite_schema.h"

namespace bidrag::store {

using sqlite::Stmt;
using sqlite::Transaction;

struct SqliteStore::Impl {
  sqlite::Db db;
  explicit Impl(const std::string& path) : db(path) {}
};

namespace {

struct Current {
  std::int64_t version = 0;
  std::string content_sha256;
};

std::int64_t insert_snapshot(const sqlite::Db& db, const Snapshot& s, const std::string& seen) {
  Stmt(db, "INSERT OR IGNORE INTO blobs(sha256, bytes) VALUES(?1, ?2)").bind(1, s.sha256).bind_blob(2, s.bytes).run();
  Stmt snap(db,
            "INSERT INTO snapshots(url, fetched_at, http_status, etag, last_modified, sha256, content_type) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  snap.bind(1, s.url).bind(2, seen).bind(3, std::int64_t{s.http_status}).bind_opt(4, s.etag);
  snap.bind_opt(5, s.last_modified).bind(6, s.sha256).bind_opt(7, s.content_type).run();
  return sqlite3_last_insert_rowid(db.get());
}

void remember(const sqlite::Db& db, const Snapshot& s, const std::string& seen, std::int64_t snapshot_id,
              bool not_a_call) {
  Stmt st(db,
          "INSERT INTO sources(url, etag, last_modified, sha256, fetched_at, snapshot_id, not_a_call) "
          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
          "last_modified = excluded.last_modified, sha256 = excluded.sha256, fetched_at = excluded.fetched_at, "
          "snapshot_id = excluded.snapshot_id, not_a_call = excluded.not_a_call");
  st.bind(1, s.url).bind_opt(2, s.etag).bind_opt(3, s.last_modified).bind(4, s.sha256).bind(5, seen);
  st.bind(6, snapshot_id).bind(7, std::int64_t{not_a_call}).run();
}

std::map<std::string, Current> current_versions(const sqlite::Db& db, const std::string& url) {
  std::map<std::string, Current> out;
  Stmt st(db, "SELECT version, id, content_sha256 FROM record_versions WHERE url = ?1 AND valid_to IS NULL");
  st.bind(1, url);
  while (st.step()) out[st.text(1)] = Current{st.integer(0), st.text(2)};
  return out;
}

std::vector<std::string> json_column(Stmt& st) {
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

// Ties each call of `records` to its series (an edition first seen at `seen`) and links every
// edition of those series to its previous one: an earlier year stored later (the 2022 page read
// after the 2023 one) moves the link of the editions after it.
void tie_editions(const sqlite::Db& db, const std::vector<record::Record>& records, const std::string& seen) {
  Stmt add(db, "INSERT INTO editions(call_id, series, year, first_seen) VALUES(?1, ?2, ?3, ?4) "
               "ON CONFLICT(call_id) DO NOTHING");
  Stmt link(db,
            "UPDATE editions SET previous_call_id = (SELECT p.call_id FROM editions p WHERE p.series = editions.series "
            "AND p.year < editions.year ORDER BY p.year DESC LIMIT 1) WHERE series = ?1");
  for (const auto& r : records) {
    const auto* call = std::get_if<record::Call>(&r);
    if (!call) continue;
    const std::string series = call->series.empty() ? record::series_of(call->id) : call->series;
    add.bind(1, call->id).bind(2, series);
    if (call->year) add.bind(3, std::int64_t{*call->year});
    add.bind(4, seen).run();
    link.bind(1, series).run();
  }
}

// An edition with the title of its call's current version.
constexpr const char* kEdition =
    "SELECT e.call_id, e.series, e.year, coalesce(e.previous_call_id, ''), e.first_seen, coalesce((SELECT "
    "json_extract(v.json, '$.title') FROM record_versions v WHERE v.id = e.call_id AND v.type = 'call' AND "
    "v.valid_to IS NULL ORDER BY v.version DESC LIMIT 1), '') FROM editions e ";

std::vector<Edition> edition_rows(Stmt& st) {
  std::vector<Edition> out;
  while (st.step()) {
    Edition e{st.text(0), st.text(1), std::nullopt, st.text(3), st.text(4), st.text(5)};
    if (!st.is_null(2)) e.year = static_cast<int>(st.integer(2));
    out.push_back(std::move(e));
  }
  return out;
}

// Selector: empty (everything), or a prefix of the record id or of its call id.
constexpr const char* kSelect =
    "(?1 = '' OR substr(id, 1, length(?1)) = ?1 OR substr(coalesce(call_id, ''), 1, length(?1)) = ?1)";

}  // namespace

SqliteStore::SqliteStore(const std::string& path) : path_(path) {
  try {
    impl_ = std::make_unique<Impl>(path);
    sqlite::migrate(impl_->db);
  } catch (const IoError&) {
    throw;
  } catch (const std::exception& e) {
    throw IoError(path + ": cannot open the store: " + e.what());
  }
}

SqliteStore::~SqliteStore() = default;

std::string SqliteStore::describe() const { return "sqlite:" + path_; }

PutResult SqliteStore::put(const Snapshot& snapshot, const std::vector<record::Record>& records) {
  return store(snapshot, records, false);
}

PutResult SqliteStore::put_not_a_call(const Snapshot& snapshot) { return store(snapshot, {}, true); }

PutResult SqliteStore::store(const Snapshot& snapshot, const std::vector<record::Record>& records, bool not_a_call) {
  const auto& db = impl_->db;
  const std::string seen = snapshot.fetched_at.value_or(now_rfc3339());
  bool failed = false;
  for (const auto& r : records) failed |= std::holds_alternative<record::ErrorRecord>(r);

  PutResult result;
  Transaction tx(db);
  // The document's last good capture: its current versions were all seen then, even if only
  // touch() recorded it (in sources, not per version), so a version closed now keeps that date.
  std::string seen_before;
  {
    Stmt last(db, "SELECT fetched_at FROM sources WHERE url = ?1");
    last.bind(1, snapshot.url);
    if (last.step()) seen_before = last.text(0);
  }
  std::optional<std::int64_t> snapshot_id;
  if (!snapshot.sha256.empty()) {
    snapshot_id = insert_snapshot(db, snapshot, seen);
    // A failed document is not remembered, so the next run extracts it again.
    if (!failed) remember(db, snapshot, seen, *snapshot_id, not_a_call);
  }
  auto current = current_versions(db, snapshot.url);

  Stmt keep(db, "UPDATE record_versions SET last_seen = ?1, position = ?2 WHERE version = ?3");
  Stmt close(db, "UPDATE record_versions SET valid_to = ?1, last_seen = max(last_seen, ?3) WHERE version = ?2");
  Stmt link(db, "UPDATE record_versions SET superseded_by = ?1 WHERE version = ?2");
  Stmt insert(db,
              "INSERT INTO record_versions(id, type, call_id, url, json, content_sha256, snapshot_id, position, "
              "first_seen, last_seen) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
  std::set<std::string> given;
  std::int64_t position = 0;
  for (const auto& r : records) {
    const auto& c = record::common(r);
    if (!given.insert(c.id).second) continue;  // an id given twice: the first wins
    const std::string hash = sha256_hex(content_json(r));
    const auto it = current.find(c.id);
    if (it != current.end() && it->second.content_sha256 == hash) {
      keep.bind(1, seen).bind(2, position++).bind(3, it->second.version).run();
      ++result.unchanged;
      continue;
    }
    // Close first: the unique index allows one current version per (url, id).
    if (it != current.end()) close.bind(1, seen).bind(2, it->second.version).bind(3, seen_before).run();
    insert.bind(1, c.id).bind(2, record::type_name(r)).bind_opt(3, c.call_id).bind(4, snapshot.url);
    insert.bind(5, record::to_json(r)).bind(6, hash);
    if (snapshot_id) insert.bind(7, *snapshot_id);
    insert.bind(8, position++).bind(9, seen).run();
    const std::int64_t version = sqlite3_last_insert_rowid(db.get());
    if (it != current.end()) link.bind(1, version).bind(2, it->second.version).run();
    ++result.added;
  }
  // Only a good capture retires what the document no longer says.
  if (snapshot_id && !failed) {
    for (const auto& [id, cur] : current) {
      if (given.count(id)) continue;
      close.bind(1, seen).bind(2, cur.version).bind(3, seen_before).run();
      ++result.closed;
    }
  }
  tie_editions(db, records, seen);
  tx.commit();
  return result;
}

std::optional<Remembered> SqliteStore::remembered(const std::string& url) {
  Stmt st(impl_->db,
          "SELECT coalesce(etag, ''), coalesce(last_modified, ''), sha256, fetched_at, not_a_call FROM sources "
          "WHERE url = ?1");
  st.bind(1, url);
  if (!st.step()) return std::nullopt;
  return Remembered{st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0};
}

std::vector<std::string> SqliteStore::current_records_of(const std::string& url) {
  Stmt st(impl_->db, "SELECT json FROM record_versions WHERE url = ?1 AND valid_to IS NULL ORDER BY position, version");
  st.bind(1, url);
  return json_column(st);
}

std::vector<record::DocumentRef> SqliteStore::current_links_of(const std::string& url) {
  Stmt st(impl_->db,
          "SELECT id, coalesce(call_id, ''), json_extract(json, '$.role'), coalesce(json_extract(json, '$.title'), ''), "
          "json_extract(json, '$.url') FROM record_versions WHERE url = ?1 AND valid_to IS NULL AND type = 'document' "
          "AND json_extract(json, '$.url') IS NOT NULL ORDER BY position, version");
  st.bind(1, url);
  std::vector<record::DocumentRef> out;
  while (st.step())
    if (auto d = stored_link(st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), url)) out.push_back(std::move(*d));
  return out;
}

void SqliteStore::touch(const std::vector<Snapshot>& seen) {
  const auto& db = impl_->db;
  Transaction tx(db);
  // The fetch succeeded, so an error left by an earlier failed attempt no longer holds.
  Stmt close(db, "UPDATE record_versions SET valid_to = ?1 WHERE url = ?2 AND valid_to IS NULL AND type = 'error'");
  // The current versions' last_seen moves with sources.fetched_at (the `versions` view): one row
  // written per unchanged document, not one per record.
  Stmt remember(db,
                "UPDATE sources SET fetched_at = ?1, etag = coalesce(?2, etag), "
                "last_modified = coalesce(?3, last_modified) WHERE url = ?4");
  for (const auto& s : seen) {
    const std::string at = s.fetched_at.value_or(now_rfc3339());
    close.bind(1, at).bind(2, s.url).run();
    remember.bind(1, at).bind_opt(2, s.etag).bind_opt(3, s.last_modified).bind(4, s.url).run();
  }
  tx.commit();
}

std::int64_t SqliteStore::begin_run(const std::string& pipeline) {
  Stmt(impl_->db, "INSERT INTO runs(pipeline, started_at) VALUES(?1, ?2)").bind(1, pipeline).bind(2, now_rfc3339()).run();
  return sqlite3_last_insert_rowid(impl_->db.get());
}

void SqliteStore::end_run(std::int64_t run_id, const RunCounts& c) {
  Stmt st(impl_->db,
          "UPDATE runs SET ended_at = ?1, documents = ?2, changed = ?3, unchanged = ?4, failed = ?5, records = ?6, "
          "bytes = ?7 WHERE id = ?8");
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  st.bind(1, now_rfc3339()).bind(2, n(c.documents)).bind(3, n(c.changed)).bind(4, n(c.unchanged));
  st.bind(5, n(c.failed)).bind(6, n(c.records)).bind(7, n(c.bytes)).bind(8, run_id).run();
}

std::vector<std::string> SqliteStore::current_records(const std::string& selector) {
  Stmt st(impl_->db, std::string("SELECT json FROM record_versions WHERE valid_to IS NULL AND ") + kSelect +
                         " ORDER BY coalesce(call_id, id), type, id, url");
  st.bind(1, selector);
  return json_column(st);
}

std::vector<std::string> SqliteStore::records_at(const std::string& selector, const std::string& time) {
  Stmt st(impl_->db, std::string("SELECT json FROM record_versions WHERE first_seen <= ?2 AND "
                                 "(valid_to IS NULL OR valid_to > ?2) AND ") +
                         kSelect + " ORDER BY coalesce(call_id, id), type, id, url");
  st.bind(1, selector).bind(2, time);
  return json_column(st);
}

std::vector<std::string> SqliteStore::records_before(const std::string& time) {
  Stmt st(impl_->db,
          "SELECT json FROM record_versions WHERE first_seen < ?1 AND (valid_to IS NULL OR valid_to >= ?1) "
          "ORDER BY coalesce(call_id, id), type, id, url");
  st.bind(1, time);
  return json_column(st);
}

namespace {
constexpr const char* kRunColumns =
    "SELECT id, pipeline, started_at, coalesce(ended_at, ''), coalesce(documents, 0), coalesce(changed, 0), "
    "coalesce(unchanged, 0), coalesce(failed, 0), coalesce(records, 0), coalesce(bytes, 0) FROM runs ";

SqliteStore::Run run_row(Stmt& st) {
  SqliteStore::Run r;
  r.id = st.integer(0);
  r.pipeline = st.text(1);
  r.started_at = st.text(2);
  r.ended_at = st.text(3);
  auto n = [&](int col) { return static_cast<std::size_t>(st.integer(col)); };
  r.counts = RunCounts{n(4), n(5), n(6), n(7), n(8), n(9)};
  return r;
}
}  // namespace

std::vector<SqliteStore::Run> SqliteStore::runs_since(const std::string& time) {
  Stmt st(impl_->db, std::string(kRunColumns) + "WHERE started_at >= ?1 ORDER BY started_at, id");
  st.bind(1, time);
  std::vector<Run> out;
  while (st.step()) out.push_back(run_row(st));
  return out;
}

std::optional<SqliteStore::Run> SqliteStore::last_run() {
  Stmt st(impl_->db, std::string(kRunColumns) + "WHERE ended_at IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1");
  if (!st.step()) return std::nullopt;
  return run_row(st);
}

std::vector<std::string> SqliteStore::capture_times(const std::string& url) {
  Stmt st(impl_->db, "SELECT DISTINCT fetched_at FROM snapshots WHERE url = ?1 ORDER BY fetched_at");
  st.bind(1, url);
  return json_column(st);
}

std::vector<std::string> SqliteStore::series_ids() {
  Stmt st(impl_->db, "SELECT DISTINCT series FROM editions ORDER BY series");
  return json_column(st);
}

std::vector<Edition> SqliteStore::editions(const std::string& series) {
  Stmt st(impl_->db, std::string(kEdition) + "WHERE e.series = ?1 ORDER BY e.year IS NULL, e.year, e.call_id");
  st.bind(1, series);
  return edition_rows(st);
}

std::optional<Edition> SqliteStore::edition(const std::string& call_id) {
  Stmt st(impl_->db, std::string(kEdition) + "WHERE e.call_id = ?1");
  st.bind(1, call_id);
  auto rows = edition_rows(st);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<Edition> SqliteStore::previous_edition(const std::string& call_id) {
  const auto e = edition(call_id);
  if (!e || e->previous.empty()) return std::nullopt;
  return edition(e->previous);
}

std::vector<std::string> SqliteStore::edition_records(const std::string& call_id) {
  Stmt st(impl_->db,
          "SELECT json FROM record_versions WHERE valid_to IS NULL AND (id = ?1 OR call_id = ?1) "
          "ORDER BY type, id, url");
  st.bind(1, call_id);
  return json_column(st);
}

namespace {
std::size_t count(const sqlite::Db& db, const char* sql) {
  Stmt st(db, sql);
  st.step();
  return static_cast<std::size_t>(st.integer(0));
}
}  // namespace

std::size_t SqliteStore::count_versions() { return count(impl_->db, "SELECT count(*) FROM record_versions"); }
std::size_t SqliteStore::count_current_versions() {
  return count(impl_->db, "SELECT count(*) FROM record_versions WHERE valid_to IS NULL");
}
std::size_t SqliteStore::count_snapshots() { return count(impl_->db, "SELECT count(*) FROM snapshots"); }

std::string SqliteStore::integrity_check() {
  Stmt st(impl_->db, "PRAGMA integrity_check");
  return st.step() ? st.text(0) : std::string();
}

}  // namespace bidrag::store
