// Loads one document's records in one transaction: COPY into a staging table, then set-based
// statements close changed and vanished versions, add new ones and fill the typed tables.
// A lost connection is retried from the start of the document, so nothing is half-loaded.
// As the main store of `bidrag run` it also remembers each source's validators and hash
// (store::Memory), so a PostgreSQL-only nightly run does no work for what did not change.
#include <openssl/evp.h>

#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "bidrag/common/error.h"
#include "bidrag/common/log.h"
#include "bidrag/common/slug.h"
#include "bidrag/store/memory.h"
#include "bidrag/store/postgres.h"
#include "bidrag/store/series.h"
#include "store/postgres/migrations.h"
#include "store/postgres/pg.h"
#include "store/postgres/sink_internal.h"

namespace bidrag::store::postgres {
namespace {

void csv_field(std::string& out, const std::optional<std::string>& v) {
  if (!v) return;  // unquoted empty = NULL
  out += '"';
  for (char c : *v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::optional<std::string> nullable(const std::string& v) { return v.empty() ? std::nullopt : std::optional(v); }

// The series of a staged call: its `series`, else its id without the year.
constexpr const char* kIncomingSeries =
    "coalesce(nullif(record_text::jsonb->>'series', ''), regexp_replace(record_id, ':[^:]*$', ''))";

class PostgresSink final : public Sink, public Memory, public SeriesIndex {
 public:
  Memory* memory() noexcept override { return this; }
  SeriesIndex* series_index() noexcept override { return this; }
  PostgresSink(const std::string& url, Options options) : conn_(url), options_(std::move(options)) {
    migrate(conn_, options_.schema);
  }

  PutResult put(const Snapshot& snapshot, const std::vector<record::Record>& records) override {
    const auto rows = staging_rows(snapshot, records);
    return reconnecting([&](int attempt) { return transaction([&] { return load(snapshot, rows, attempt, false); }); });
  }

  PutResult put_not_a_call(const Snapshot& snapshot) override {
    return reconnecting([&](int attempt) { return transaction([&] { return load(snapshot, {}, attempt, true); }); });
  }

  std::optional<Remembered> remembered(const std::string& url) override {
    const auto r = reconnecting([&](int) {
      return conn_.exec("SELECT coalesce(etag, ''), coalesce(last_modified, ''), sha256, "
                        "to_char(fetched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), not_a_call FROM " +
                            options_.schema + ".sources WHERE url = $1",
                        {url});
    });
    if (r.rows() == 0) return std::nullopt;
    return Remembered{r.get(0, 0), r.get(0, 1), r.get(0, 2), r.get(0, 3), r.get(0, 4) == "t"};
  }

  std::vector<std::string> current_records_of(const std::string& url) override {
    // record_text is the line as emitted (jsonb would reorder its keys); versions loaded
    // before migration 2 have only the jsonb.
    const auto r = reconnecting([&](int) {
      return conn_.exec("SELECT coalesce(record_text, record::text) FROM " + options_.schema +
                            ".record_versions WHERE source_url = $1 AND valid_to IS NULL "
                            "ORDER BY position NULLS LAST, version_id",
                        {url});
    });
    std::vector<std::string> lines;
    for (int i = 0; i < r.rows(); ++i) lines.push_back(r.get(i, 0));
    return lines;
  }

  std::vector<record::DocumentRef> current_links_of(const std::string& url) override {
    const auto r = reconnecting([&](int) {
      return conn_.exec("SELECT record_id, coalesce(call_id, ''), coalesce(record->>'role', ''), "
                        "coalesce(record->>'title', ''), record->>'url' FROM " + options_.schema +
                            ".record_versions WHERE source_url = $1 AND valid_to IS NULL AND type = 'document' "
                            "AND record->>'url' IS NOT NULL ORDER BY position NULLS LAST, version_id",
                        {url});
    });
    std::vector<record::DocumentRef> out;
    for (int i = 0; i < r.rows(); ++i)
      if (auto d = stored_link(r.get(i, 0), r.get(i, 1), r.get(i, 2), r.get(i, 3), r.get(i, 4), url)) out.push_back(std::move(*d));
    return out;
  }

  void touch(const std::vector<Snapshot>& seen) override {
    if (seen.empty()) return;
    reconnecting([&](int) {
      return transaction([&] {
        const std::string& sc = options_.schema;
        for (const auto& s : seen) {
          const auto t = timestamp(s);
          const std::vector<std::optional<std::string>> tu{t, s.url};
          // The fetch succeeded, so an error left by an earlier failed attempt no longer holds.
          conn_.exec("UPDATE " + sc + ".record_versions SET valid_to = $1 WHERE source_url = $2 AND valid_to IS NULL "
                     "AND type = 'error'", tu);
          conn_.exec("UPDATE " + sc + ".record_versions SET last_seen = $1 WHERE source_url = $2 AND valid_to IS NULL", tu);
          conn_.exec("UPDATE " + sc + ".sources SET fetched_at = $1, etag = coalesce($3, etag), "
                     "last_modified = coalesce($4, last_modified) WHERE url = $2",
                     {t, s.url, nullable(s.etag), nullable(s.last_modified)});
        }
        return seen.size();
      });
    });
  }

  [[nodiscard]] std::string describe() const override { return conn_.masked_url() + " (schema " + options_.schema + ")"; }

  std::vector<std::string> series_ids() override {
    return column(read("SELECT series FROM " + options_.schema + ".editions GROUP BY series ORDER BY series COLLATE \"C\"", {}));
  }

  std::vector<Edition> editions(const std::string& series) override {
    return edition_rows(read(edition_sql() + "WHERE e.series = $1 ORDER BY e.year NULLS LAST, e.call_id COLLATE \"C\"",
                             {series}));
  }

  std::optional<Edition> edition(const std::string& call_id) override {
    auto rows = edition_rows(read(edition_sql() + "WHERE e.call_id = $1", {call_id}));
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

  std::optional<Edition> previous_edition(const std::string& call_id) override {
    const auto e = edition(call_id);
    if (!e || e->previous.empty()) return std::nullopt;
    return edition(e->previous);
  }

  std::vector<std::string> edition_records(const std::string& call_id) override {
    // Byte order, as SQLite sorts, so both stores give a diff in the same order.
    return column(read("SELECT coalesce(record_text, record::text) FROM " + options_.schema +
                           ".record_versions WHERE valid_to IS NULL AND (record_id = $1 OR call_id = $1) "
                           "ORDER BY type COLLATE \"C\", record_id COLLATE \"C\", source_url COLLATE \"C\"",
                       {call_id}));
  }

 private:
  struct Row {
    std::string record_id, type, call_id, content_sha, json;
  };

  Result read(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    return reconnecting([&](int) { return conn_.exec(sql, params); });
  }

  static std::vector<std::string> column(const Result& r) {
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.get(i, 0));
    return out;
  }

  // An edition with the title of its call's current version.
  [[nodiscard]] std::string edition_sql() const {
    const std::string& sc = options_.schema;
    return "SELECT e.call_id, e.series, e.year, coalesce(e.previous_call_id, ''), "
           "to_char(e.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), coalesce((SELECT "
           "v.record->>'title' FROM " + sc + ".record_versions v WHERE v.record_id = e.call_id AND v.type = 'call' "
           "AND v.valid_to IS NULL ORDER BY v.version_id DESC LIMIT 1), '') FROM " + sc + ".editions e ";
  }

  static std::vector<Edition> edition_rows(const Result& r) {
    std::vector<Edition> out;
    for (int i = 0; i < r.rows(); ++i) {
      Edition e{r.get(i, 0), r.get(i, 1), std::nullopt, r.get(i, 3), r.get(i, 4), r.get(i, 5)};
      if (!r.is_null(i, 2)) e.year = std::stoi(r.get(i, 2));
      out.push_back(std::move(e));
    }
    return out;
  }

  // Inside the document's transaction: ties its calls to their series (first seen at `t`) and
  // links every edition of those series to its previous one. A lock per series makes concurrent
  // loaders of two editions of one series take turns, so each sees the other's edition.
  void tie_editions(const std::string& t) {
    const std::string& sc = options_.schema;
    const std::string series = std::string("SELECT ") + kIncomingSeries + " FROM incoming WHERE type = 'call'";
    conn_.exec("SELECT pg_advisory_xact_lock(hashtext('bidrag-series-' || $1::text || ':' || s)) FROM (" + series +
                   " ORDER BY 1) x(s)",
               {sc});
    conn_.exec("INSERT INTO " + sc + ".editions (call_id, series, year, first_seen) SELECT record_id, " +
                   kIncomingSeries + ", (record_text::jsonb->>'year')::integer, $1 FROM incoming WHERE type = 'call' "
                   "ON CONFLICT (call_id) DO NOTHING",
               {t});
    conn_.exec("UPDATE " + sc + ".editions e SET previous_call_id = (SELECT p.call_id FROM " + sc +
               ".editions p WHERE p.series = e.series AND p.year < e.year ORDER BY p.year DESC LIMIT 1) "
               "WHERE e.series IN (" + series + ")");
  }

  static std::vector<Row> staging_rows(const Snapshot& snapshot, const std::vector<record::Record>& records) {
    std::vector<Row> rows;
    rows.reserve(records.size());
    (void)snapshot;
    for (const auto& r : records) {
      const auto& c = record::common(r);
      Row row{c.id, record::type_name(r), c.call_id, sha256_hex(content_json(r)), record::to_json(r)};
      rows.push_back(std::move(row));
    }
    return rows;
  }

  // Runs `f(attempt)`; when the connection was lost, reconnects and runs it again from the start
  // (every caller is one transaction or a read), up to connect_retries times.
  template <class F>
  std::invoke_result_t<F&, int> reconnecting(F&& f) {
    for (int attempt = 1;; ++attempt) {
      try {
        return f(attempt);
      } catch (const IoError& e) {
        if (conn_.ok() || attempt > options_.connect_retries) throw;
        log::warn(std::string(e.what()) + "; reconnecting (attempt " + std::to_string(attempt + 1) + ")");
        if (!conn_.reset() && attempt >= options_.connect_retries) throw;
      }
    }
  }

  // BEGIN, `body` (which returns a value), COMMIT; ROLLBACK when anything throws (and the
  // connection still stands).
  template <class F>
  std::invoke_result_t<F&> transaction(F&& body) {
    conn_.exec("BEGIN");
    try {
      auto result = body();
      conn_.exec("COMMIT");
      return result;
    } catch (...) {
      if (conn_.ok()) {
        try {
          conn_.exec("ROLLBACK");
        } catch (const IoError&) {
        }
      }
      throw;
    }
  }

  // The capture time as the server's timestamptz text (the transaction's time when unknown).
  std::string timestamp(const Snapshot& s) {
    return conn_.exec("SELECT coalesce($1::timestamptz, transaction_timestamp())::text", {s.fetched_at}).get(0, 0);
  }

  // Inside the document's transaction.
  PutResult load(const Snapshot& s, const std::vector<Row>& rows, int attempt, bool not_a_call) {
    const std::string& sc = options_.schema;
    const auto t = timestamp(s);
    const auto snap = conn_.exec(
        "INSERT INTO " + sc +
            ".snapshots (url, sha256, first_fetched_at, last_fetched_at, http_status, content_type, etag, last_modified) "
            "VALUES ($1, $2, $3, $3, $4, $5, $6, $7) ON CONFLICT (url, sha256) DO UPDATE SET last_fetched_at = "
            "greatest(" + sc + ".snapshots.last_fetched_at, EXCLUDED.last_fetched_at) RETURNING snapshot_id",
        {s.url, s.sha256, t, std::to_string(s.http_status), s.content_type, s.etag, s.last_modified});
    const std::string snapshot_id = snap.get(0, 0);

    conn_.exec(
        "CREATE TEMP TABLE IF NOT EXISTS incoming (ord integer, record_id text, type text, call_id text, "
        "content_sha text, record_text text) ON COMMIT DELETE ROWS");
    conn_.exec("CREATE TEMP TABLE IF NOT EXISTS new_versions (version_id bigint) ON COMMIT DELETE ROWS");
    stage(rows);
    // A fresh temp table has no statistics: without them the planner picks nested loops and
    // a 100,000-row document takes minutes instead of seconds.
    conn_.exec("ANALYZE incoming");
    // A record id given twice by one document keeps its first occurrence.
    conn_.exec("DELETE FROM incoming WHERE ctid IN (SELECT ctid FROM (SELECT ctid, row_number() OVER "
               "(PARTITION BY record_id ORDER BY ord) AS n FROM incoming) d WHERE n > 1)");

    const std::vector<std::optional<std::string>> tu{t, s.url};
    PutResult result;
    result.unchanged = static_cast<std::size_t>(
        conn_.exec("UPDATE " + sc + ".record_versions v SET last_seen = $1, position = i.ord FROM incoming i "
                   "WHERE v.record_id = i.record_id "
                   "AND v.source_url = $2 AND v.valid_to IS NULL AND v.content_sha256 = i.content_sha", tu)
            .affected());
    conn_.exec("UPDATE " + sc + ".record_versions v SET valid_to = $1 FROM incoming i WHERE v.record_id = i.record_id "
               "AND v.source_url = $2 AND v.valid_to IS NULL AND v.content_sha256 <> i.content_sha", tu);
    // A failed fetch (no bytes, so no sha256) or a capture that failed extraction brings only
    // its error record: what the source stated before still stands.
    const bool failed = std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.type == "error"; });
    if (!s.sha256.empty() && !failed) {
      result.closed = static_cast<std::size_t>(
          conn_.exec("UPDATE " + sc + ".record_versions v SET valid_to = $1 WHERE v.source_url = $2 AND v.valid_to IS NULL "
                     "AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.record_id = v.record_id)", tu)
              .affected());
    }
    conn_.exec("INSERT INTO " + sc + ".call_ids (id) SELECT DISTINCT coalesce(call_id, CASE WHEN type = 'call' THEN record_id END) "
               "FROM incoming WHERE call_id IS NOT NULL OR type = 'call' ON CONFLICT DO NOTHING");
    result.added = static_cast<std::size_t>(
        conn_.exec("WITH ins AS (INSERT INTO " + sc + ".record_versions (record_id, type, call_id, source_url, snapshot_id, "
                   "content_sha256, record, record_text, position, valid_from, last_seen) SELECT i.record_id, i.type, "
                   "i.call_id, $2, $3, i.content_sha, i.record_text::jsonb, i.record_text, i.ord, $1, $1 FROM incoming i "
                   "WHERE NOT EXISTS (SELECT 1 FROM " + sc + ".record_versions v WHERE "
                   "v.record_id = i.record_id AND v.source_url = $2 AND v.valid_to IS NULL) ORDER BY i.ord "
                   "RETURNING version_id) INSERT INTO new_versions SELECT version_id FROM ins",
                   {t, s.url, snapshot_id})
            .affected());
    conn_.exec("ANALYZE new_versions");
    for (const auto& sql : typed_inserts(sc)) conn_.exec(sql);
    tie_editions(t);
    // A good capture is remembered for the next run's conditional request; a failed one
    // (no bytes, or an error record) is not, so it is fetched and extracted again.
    if (!s.sha256.empty() && !failed) {
      conn_.exec("INSERT INTO " + sc + ".sources (url, etag, last_modified, sha256, fetched_at, not_a_call) "
                 "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, "
                 "last_modified = EXCLUDED.last_modified, sha256 = EXCLUDED.sha256, fetched_at = EXCLUDED.fetched_at, "
                 "not_a_call = EXCLUDED.not_a_call",
                 {s.url, nullable(s.etag), nullable(s.last_modified), s.sha256, t, not_a_call ? "true" : "false"});
    }
    if (options_.before_commit) options_.before_commit(attempt, conn_.backend_pid());
    return result;
  }

  void stage(const std::vector<Row>& rows) {
    constexpr const char* kInsert =
        "INSERT INTO incoming VALUES ($1, $2, $3, $4, $5, $6)";
    if (!options_.use_copy) {
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        conn_.exec(kInsert, {std::to_string(i), r.record_id, r.type,
                             r.call_id.empty() ? std::nullopt : std::optional(r.call_id), r.content_sha, r.json});
      }
      return;
    }
    std::string csv;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      csv += std::to_string(i);
      for (const auto& f : {std::optional(r.record_id), std::optional(r.type),
                            r.call_id.empty() ? std::nullopt : std::optional(r.call_id), std::optional(r.content_sha),
                            std::optional(r.json)}) {
        csv += ',';
        csv_field(csv, f);
      }
      csv += '\n';
    }
    if (!csv.empty()) conn_.copy_in("COPY incoming FROM STDIN (FORMAT csv)", csv);
  }

  Connection conn_;
  Options options_;
};

}  // namespace

std::vector<std::string> typed_inserts(const std::string& sc) {
  const std::string from = " FROM " + sc + ".record_versions v JOIN new_versions n USING (version_id) WHERE v.type = ";
  const std::string amount = "(v.record->'$F'->>'value')::numeric(16,2)";
  auto amt = [&](const std::string& field) {
    std::string s = amount;
    s.replace(s.find("$F"), 2, field);
    return s;
  };
  return {
      "INSERT INTO " + sc + ".calls SELECT v.version_id, v.record_id, v.record->>'series', v.record->>'title', "
          "v.record->'funder'->>'name', (v.record->>'year')::integer, (v.record->>'published')::date, "
          "(v.record->>'application_open')::date, (v.record->>'application_close')::date, v.record->>'status', "
          "(v.record->>'as_of')::date, (v.record->>'days_left')::integer, (v.record->>'funds_usable_until')::date, "
          "(v.record->'reporting'->>'request_sent')::date, (v.record->'reporting'->>'due')::date, "
          "(v.record->'reporting'->>'signed_original_required')::boolean, v.record" + from + "'call'",
      "INSERT INTO " + sc + ".deadlines SELECT v.version_id, v.record_id, v.call_id, v.record->>'kind', "
          "(v.record->>'date')::date, v.record->>'time', v.record->>'text', v.record" + from + "'deadline'",
      "INSERT INTO " + sc + ".contacts SELECT v.version_id, v.record_id, v.call_id, v.record->>'name', v.record->>'role', "
          "v.record->>'email', v.record->>'phone', v.record" + from + "'contact'",
      "INSERT INTO " + sc + ".documents SELECT v.version_id, v.record_id, v.call_id, v.record->>'role', v.record->>'title', "
          "v.record->>'url', v.record" + from + "'document'",
      // RECORDS.md v2: the recipient of any kind (a version-1 record has only the municipality).
      "INSERT INTO " + sc + ".ceilings SELECT v.version_id, v.record_id, v.call_id, "
          "coalesce(v.record->'recipient'->>'name', v.record->'municipality'->>'name'), "
          "coalesce(v.record->'recipient'->>'name_as_printed', v.record->'municipality'->>'name_as_printed'), "
          "coalesce(v.record->'recipient'->>'code', v.record->'municipality'->>'code'), "
          "coalesce(v.record->'recipient'->>'county_code', v.record->'municipality'->>'county_code'), " + amt("amount") +
          ", v.record->'amount'->>'currency', v.record, v.record->'recipient'->>'kind', (v.record->>'year')::integer" +
          from + "'ceiling'",
      "INSERT INTO " + sc + ".allocation_lists SELECT v.version_id, v.record_id, v.call_id, v.record->>'title', "
          "v.record->>'unit', (v.record->>'rows')::integer, " + amt("total_stated") + ", " + amt("total_computed") +
          ", v.record->>'sum_check', v.record, v.record->'funder'->>'name', v.record->'funder'->>'org_number', "
          "(v.record->>'year')::integer, v.record->>'recipient_kind', v.record->>'reference', "
          "(v.record->>'document_date')::date" + from + "'allocation_list'",
      "INSERT INTO " + sc + ".errors SELECT v.version_id, v.record_id, v.record->>'url', v.record->>'stage', "
          "v.record->>'message', v.record" + from + "'error'",
  };
}

std::unique_ptr<Sink> make_sink(const std::string& url, const Options& options) {
  return std::make_unique<PostgresSink>(url, options);
}

}  // namespace bidrag::store::postgres
