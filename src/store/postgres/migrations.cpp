// The schema bidrag owns in PostgreSQL. Typed columns are filled from the record's jsonb in
// SQL, so the jsonb and the columns can never disagree. History is per record id and source:
// record_versions.valid_from/valid_to; the views give the current state and the state at a time.
#include "store/postgres/migrations.h"

#include <string_view>
#include <vector>

#include "bidrag/common/error.h"

namespace bidrag::store::postgres {
namespace {

// ${schema} is replaced by the (validated) schema name.
constexpr std::string_view kMigration1 = R"SQL(
CREATE TABLE ${schema}.snapshots (
  snapshot_id bigserial PRIMARY KEY,
  url text NOT NULL,
  sha256 text NOT NULL,
  first_fetched_at timestamptz NOT NULL,
  last_fetched_at timestamptz NOT NULL,
  http_status integer,
  content_type text,
  etag text,
  last_modified text,
  UNIQUE (url, sha256)
);
CREATE TABLE ${schema}.call_ids (id text PRIMARY KEY);
CREATE TABLE ${schema}.record_versions (
  version_id bigserial PRIMARY KEY,
  record_id text NOT NULL,
  type text NOT NULL,
  call_id text REFERENCES ${schema}.call_ids (id),
  source_url text NOT NULL,
  snapshot_id bigint REFERENCES ${schema}.snapshots (snapshot_id),
  content_sha256 text NOT NULL,
  record jsonb NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  last_seen timestamptz NOT NULL
);
CREATE UNIQUE INDEX record_versions_current ON ${schema}.record_versions (record_id, source_url) WHERE valid_to IS NULL;
CREATE INDEX record_versions_source ON ${schema}.record_versions (source_url) WHERE valid_to IS NULL;
CREATE INDEX record_versions_call ON ${schema}.record_versions (call_id);

CREATE TABLE ${schema}.calls (
  version_id bigint PRIMARY KEY REFERENCES ${schema}.record_versions (version_id),
  id text NOT NULL REFERENCES ${schema}.call_ids (id),
  series text, title text, funder text, year integer,
  published date, application_open date, application_close date, status text, as_of date, days_left integer,
  funds_usable_until date, report_request_sent date, report_due date, signed_original_required boolean,
  record jsonb NOT NULL);
CREATE TABLE ${schema}.deadlines (
  version_id bigint PRIMARY KEY REFERENCES ${schema}.record_versions (version_id),
  id text NOT NULL, call_id text NOT NULL REFERENCES ${schema}.call_ids (id),
  kind text NOT NULL, date date NOT NULL, time text, text text, record jsonb NOT NULL);
CREATE TABLE ${schema}.contacts (
  version_id bigint PRIMARY KEY REFERENCES ${schema}.record_versions (version_id),
  id text NOT NULL, call_id text NOT NULL REFERENCES ${schema}.call_ids (id),
  name text, role text, email text, phone text, record jsonb NOT NULL);
CREATE TABLE ${schema}.documents (
  version_id bigint PRIMARY KEY REFERENCES ${schema}.record_versions (version_id),
  id text NOT NULL, call_id text NOT NULL REFERENCES ${schema}.call_ids (id),
  role text, title text, url text, record jsonb NOT NULL);
CREATE TABLE ${schema}.ceilings (
  version_id bigint PRIMARY KEY REFERENCES ${schema}.record_versions (version_id),
  id text NOT NULL, call_id text NOT NULL REFERENCES ${schema}.call_ids (id),
  municipality text, name_as_printed text, code text, county_code text,
  amount numeric(16,2) NOT NULL, currency text NOT NULL, record jsonb NOT NULL);
CREATE INDEX ceilings_code ON ${schema}.ceilings (code);
CREATE TABLE ${schema}.allocation_lists (
  version_id bigint PRIMARY KEY REFERENCES ${schema}.record_versions (version_id),
  id text NOT NULL, call_id text NOT NULL REFERENCES ${schema}.call_ids (id),
  title text, unit text, rows integer, total_stated numeric(16,2), total_computed numeric(16,2),
  sum_check text, record jsonb NOT NULL);
CREATE TABLE ${schema}.errors (
  version_id bigint PRIMARY KEY REFERENCES ${schema}.record_versions (version_id),
  id text NOT NULL, url text, stage text, message text, record jsonb NOT NULL);
)SQL";

// History and current-state views, one pair per typed table.
std::string views(const std::string& schema) {
  std::string sql;
  for (const char* t : {"calls", "deadlines", "contacts", "documents", "ceilings", "allocation_lists", "errors"}) {
    const std::string table = schema + "." + t;
    sql += "CREATE VIEW " + schema + "." + t + "_history AS SELECT x.*, v.valid_from, v.valid_to, v.source_url FROM " +
           table + " x JOIN " + schema + ".record_versions v USING (version_id);\n";
    sql += "CREATE VIEW " + schema + ".current_" + t + " AS SELECT * FROM " + schema + "." + t +
           "_history WHERE valid_to IS NULL;\n";
  }
  return sql;
}

std::string expand(std::string_view text, const std::string& schema) {
  std::string s(text);
  const std::string key = "${schema}";
  for (auto pos = s.find(key); pos != std::string::npos; pos = s.find(key, pos)) s.replace(pos, key.size(), schema);
  return s;
}

// 2: what `bidrag run` remembers per source when PostgreSQL is its main store (validators and
// hash for conditional requests), and each version's line as emitted with its position in the
// document, so an unchanged document's records come back exactly as they were written.
constexpr std::string_view kMigration2 = R"SQL(
CREATE TABLE ${schema}.sources (
  url text PRIMARY KEY,
  etag text,
  last_modified text,
  sha256 text NOT NULL,
  fetched_at timestamptz NOT NULL
);
ALTER TABLE ${schema}.record_versions ADD COLUMN record_text text, ADD COLUMN position integer;
)SQL";

// 3 (RECORDS.md v2): an allocation list that no call names, and its ceilings, have no call_id;
// ceilings name their recipient's kind and the year of the amount; lists their funder, year,
// recipient kind, reference and date. The two tables' views are made again to show the new
// columns ("x.*" is expanded when a view is created).
constexpr std::string_view kMigration3 = R"SQL(
DROP VIEW ${schema}.current_ceilings;
DROP VIEW ${schema}.ceilings_history;
DROP VIEW ${schema}.current_allocation_lists;
DROP VIEW ${schema}.allocation_lists_history;
ALTER TABLE ${schema}.ceilings ALTER COLUMN call_id DROP NOT NULL,
  ADD COLUMN recipient_kind text, ADD COLUMN year integer;
ALTER TABLE ${schema}.allocation_lists ALTER COLUMN call_id DROP NOT NULL,
  ADD COLUMN funder text, ADD COLUMN funder_org_number text, ADD COLUMN year integer,
  ADD COLUMN recipient_kind text, ADD COLUMN reference text, ADD COLUMN document_date date;
)SQL";

// 4: call series across years. Each call is an edition of its series (the call's `series`),
// linked by previous_call_id to the latest earlier edition of the series in the store. The sink
// keeps both as calls arrive; a schema loaded before this migration gets them from its calls.
constexpr std::string_view kMigration4 = R"SQL(
CREATE TABLE ${schema}.editions (
  call_id text PRIMARY KEY REFERENCES ${schema}.call_ids (id),
  series text NOT NULL,
  year integer,
  previous_call_id text REFERENCES ${schema}.editions (call_id),
  first_seen timestamptz NOT NULL
);
CREATE INDEX editions_series ON ${schema}.editions (series, year);
INSERT INTO ${schema}.editions (call_id, series, year, first_seen)
SELECT DISTINCT ON (record_id) record_id, record->>'series', (record->>'year')::integer, valid_from
FROM ${schema}.record_versions
WHERE type = 'call' AND coalesce(record->>'series', '') <> ''
ORDER BY record_id, valid_from;
UPDATE ${schema}.editions e SET previous_call_id = (
  SELECT p.call_id FROM ${schema}.editions p WHERE p.series = e.series AND p.year < e.year
  ORDER BY p.year DESC LIMIT 1);
CREATE VIEW ${schema}.series AS
SELECT series AS id, count(*) AS editions, min(year) AS first_year, max(year) AS last_year
FROM ${schema}.editions GROUP BY series;
)SQL";

// 5: a discovered page that holds no call is remembered as such, so the next run does not
// extract it again while its bytes stay the same.
constexpr std::string_view kMigration5 = R"SQL(
ALTER TABLE ${schema}.sources ADD COLUMN not_a_call boolean NOT NULL DEFAULT false;
)SQL";

std::vector<std::string> migrations(const std::string& schema) {
  std::string third = expand(kMigration3, schema);
  const std::string all_views = views(schema);
  // Only the views of the two altered tables.
  std::size_t at = 0;
  while (at < all_views.size()) {
    const std::size_t end = all_views.find('\n', at);
    const std::string line = all_views.substr(at, end - at + 1);
    if (line.find(".ceilings") != std::string::npos || line.find(".allocation_lists") != std::string::npos) third += line;
    at = end + 1;
  }
  return {expand(kMigration1, schema) + views(schema), expand(kMigration2, schema), third, expand(kMigration4, schema),
          expand(kMigration5, schema)};
}

}  // namespace

int latest_migration() noexcept { return 5; }

void migrate(Connection& conn, const std::string& schema) {
  for (char c : schema) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      throw UsageError("postgresql schema name '" + schema + "' must be lower-case letters, digits and _");
    }
  }
  conn.exec("BEGIN");
  try {
    conn.exec("SELECT pg_advisory_xact_lock(hashtext('bidrag-migrate-' || $1))", {schema});
    conn.exec("CREATE SCHEMA IF NOT EXISTS " + schema);
    conn.exec("CREATE TABLE IF NOT EXISTS " + schema +
              ".schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const auto r = conn.exec("SELECT coalesce(max(version), 0) FROM " + schema + ".schema_migrations");
    const int current = std::stoi(r.get(0, 0));
    if (current > latest_migration()) {
      throw IoError(conn.masked_url() + ": schema '" + schema + "' is at migration " + std::to_string(current) +
                    ", newer than this bidrag knows (" + std::to_string(latest_migration()) +
                    "); upgrade bidrag before loading into it");
    }
    const auto all = migrations(schema);
    for (int v = current + 1; v <= latest_migration(); ++v) {
      conn.exec(all[static_cast<std::size_t>(v - 1)]);
      conn.exec("INSERT INTO " + schema + ".schema_migrations (version) VALUES ($1)", {std::to_string(v)});
    }
    conn.exec("COMMIT");
  } catch (...) {
    if (conn.ok()) conn.exec("ROLLBACK");
    throw;
  }
}

}  // namespace bidrag::store::postgres
