// Schema migrations of the embedded store. A migration is only ever appended: a file written by
// an older build is brought forward step by step, never rebuilt.
#include "store/sqlite_schema.h"

#include <array>
#include <chrono>
#include <string>
#include <thread>

#include "bidrag/common/error.h"

namespace bidrag::store::sqlite {
namespace {

// migrations[i] brings user_version i to i + 1.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    R"sql(
CREATE TABLE blobs(
  sha256 TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  pipeline TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  documents INTEGER, changed INTEGER, unchanged INTEGER, failed INTEGER, records INTEGER, bytes INTEGER
);
CREATE TABLE snapshots(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  content_type TEXT
);
CREATE INDEX snapshots_by_url ON snapshots(url, fetched_at);
-- What the next run needs per URL: validators for conditional requests and the last hash.
CREATE TABLE sources(
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id)
);
CREATE TABLE record_versions(
  version INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  call_id TEXT,
  url TEXT NOT NULL,
  json TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  snapshot_id INTEGER REFERENCES snapshots(id),
  position INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  valid_to TEXT,
  superseded_by INTEGER REFERENCES record_versions(version)
);
-- At most one current version per document and record id: a resumed run cannot duplicate.
CREATE UNIQUE INDEX current_versions ON record_versions(url, id) WHERE valid_to IS NULL;
CREATE INDEX versions_by_id ON record_versions(id);
CREATE INDEX versions_by_call ON record_versions(call_id);
)sql",
    // 2: an unchanged capture (304 or the same SHA-256) moves only sources.fetched_at, one row per
    // document instead of one per record; `versions` gives every version's true last_seen: for a
    // current version the later of its own and its document's last good capture.
    R"sql(
CREATE VIEW versions AS
SELECT v.version, v.id, v.type, v.call_id, v.url, v.json, v.content_sha256, v.snapshot_id, v.position,
       v.first_seen,
       CASE WHEN v.valid_to IS NULL AND s.fetched_at > v.last_seen THEN s.fetched_at ELSE v.last_seen END
         AS last_seen,
       v.valid_to, v.superseded_by
FROM record_versions v LEFT JOIN sources s ON s.url = v.url;
)sql",
    // 3: call series across years. Each call the store has seen is an edition of its series
    // (the call's `series`); `previous_call_id` links it to the latest earlier edition of the series in
    // the store. put() keeps both as calls arrive; a store made before this migration gets them
    // from the call versions it already holds.
    R"sql(
CREATE TABLE editions(
  call_id TEXT PRIMARY KEY,
  series TEXT NOT NULL,
  year INTEGER,
  previous_call_id TEXT REFERENCES editions(call_id),
  first_seen TEXT NOT NULL
);
CREATE INDEX editions_by_series ON editions(series, year);
INSERT INTO editions(call_id, series, year, first_seen)
SELECT id, json_extract(json, '$.series'), json_extract(json, '$.year'), min(first_seen)
FROM record_versions
WHERE type = 'call' AND coalesce(json_extract(json, '$.series'), '') <> ''
GROUP BY id;
UPDATE editions SET previous_call_id = (
  SELECT p.call_id FROM editions p WHERE p.series = editions.series AND p.year < editions.year
  ORDER BY p.year DESC LIMIT 1);
CREATE VIEW series AS
SELECT series AS id, count(*) AS editions, min(year) AS first_year, max(year) AS last_year
FROM editions GROUP BY series;
)sql",
    // 4: a discovered page that holds no call is remembered as such, so the next run does not
    // extract it again while its bytes stay the same.
    R"sql(
ALTER TABLE sources ADD COLUMN not_a_call INTEGER NOT NULL DEFAULT 0;
)sql",
};

int user_version(const Db& db) {
  Stmt s(db, "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

}  // namespace

void migrate(const Db& db) {
  // Reading the header first turns "file is not a database" into a clear error.
  int found = 0;
  try {
    found = user_version(db);
  } catch (const IoError&) {
    throw IoError(db.path() + ": cannot open the store: " + sqlite3_errmsg(db.get()));
  }
  if (found > kSchemaVersion)
    throw IoError(db.path() + ": the store has schema version " + std::to_string(found) +
                  ", newer than this bidrag (" + std::to_string(kSchemaVersion) + ")");
  // Switching a new store to WAL takes an exclusive lock that SQLite's busy handler does not
  // wait for: a second run opening the same new file at that moment fails at once. Retry a
  // while (up to the busy timeout) instead.
  for (int attempt = 0;; ++attempt) {
    try {
      db.exec("PRAGMA journal_mode=WAL");
      break;
    } catch (const IoError&) {
      if (attempt >= 100) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  // NORMAL is durable across process kills in WAL mode; only an OS crash may lose the last commit.
  db.exec("PRAGMA synchronous=NORMAL");
  db.exec("PRAGMA foreign_keys=ON");
  for (int v = found; v < kSchemaVersion; ++v) {
    Transaction tx(db);
    if (user_version(db) > v) continue;  // another process migrated while we waited
    db.exec(kMigrations[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA user_version=" + std::to_string(v + 1));
    tx.commit();
  }
}

}  // namespace bidrag::store::sqlite
