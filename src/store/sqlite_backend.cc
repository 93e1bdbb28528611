#include "store/sqlite_backend.h"

#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "store/sqlite.h"
#include "store/store_error.h"

namespace meetlat::store {
namespace {

constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE contract_versions(
  version INTEGER PRIMARY KEY, effective_from TEXT NOT NULL, yaml TEXT NOT NULL,
  sha256 TEXT NOT NULL, event_seq INTEGER NOT NULL);
CREATE TABLE imports(id INTEGER PRIMARY KEY, event_seq INTEGER NOT NULL, summary TEXT NOT NULL);
CREATE TABLE corrections(
  id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL REFERENCES imports(id), kind TEXT NOT NULL,
  record TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL);
CREATE TABLE segments(
  kind TEXT NOT NULL, part TEXT NOT NULL, rows INTEGER NOT NULL, columns TEXT NOT NULL,
  sha256 TEXT NOT NULL, event_seq INTEGER NOT NULL, zstd BLOB NOT NULL,
  PRIMARY KEY(kind, part)) WITHOUT ROWID;
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  details TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
)sql";

// Each step takes the schema from version i + 1 to i + 2.
constexpr std::string_view kMigrations[] = {
    R"sql(
CREATE TABLE closings(
  id INTEGER PRIMARY KEY, period TEXT NOT NULL, action TEXT NOT NULL, at TEXT NOT NULL,
  actor TEXT NOT NULL, text TEXT NOT NULL, contract_version INTEGER NOT NULL,
  evidence_sha256 TEXT NOT NULL, as_of TEXT NOT NULL, result_json TEXT NOT NULL,
  result_table TEXT NOT NULL, event_seq INTEGER NOT NULL);
)sql",
    R"sql(
CREATE TABLE exemption_register(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, records TEXT NOT NULL, reason TEXT NOT NULL,
  proposed_by TEXT NOT NULL, proposed_at TEXT NOT NULL, status TEXT NOT NULL,
  decided_by TEXT NOT NULL, decided_at TEXT NOT NULL, decided_on TEXT NOT NULL,
  decision TEXT NOT NULL, proposed_seq INTEGER NOT NULL, decided_seq INTEGER NOT NULL);
)sql",
    R"sql(
CREATE TABLE action_register(
  n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, owner TEXT NOT NULL,
  deadline TEXT NOT NULL, kpi TEXT NOT NULL, period TEXT NOT NULL, action TEXT NOT NULL,
  label_nl TEXT NOT NULL, label_en TEXT NOT NULL, malus_pct TEXT NOT NULL, because TEXT NOT NULL,
  contract_version INTEGER NOT NULL, registered_seq INTEGER NOT NULL, status TEXT NOT NULL,
  done_on TEXT NOT NULL, done_evidence TEXT NOT NULL, done_by TEXT NOT NULL,
  done_at TEXT NOT NULL, done_seq INTEGER NOT NULL);
)sql",
    // The rows of a segment move to a rowid table: a key lookup in a WITHOUT ROWID table compares
    // whole records, and a record with a 160 MB blob was read whole for it.
    R"sql(
CREATE TABLE segment_rows(id INTEGER PRIMARY KEY, zstd BLOB NOT NULL);
CREATE TABLE segments_v5(
  kind TEXT NOT NULL, part TEXT NOT NULL, rows INTEGER NOT NULL, columns TEXT NOT NULL,
  sha256 TEXT NOT NULL, event_seq INTEGER NOT NULL,
  rows_id INTEGER NOT NULL REFERENCES segment_rows(id), PRIMARY KEY(kind, part)) WITHOUT ROWID;
INSERT INTO segment_rows(id, zstd)
  SELECT row_number() OVER (ORDER BY kind, part), zstd FROM segments;
INSERT INTO segments_v5(kind, part, rows, columns, sha256, event_seq, rows_id)
  SELECT kind, part, rows, columns, sha256, event_seq, row_number() OVER (ORDER BY kind, part)
  FROM segments;
DROP TABLE segments;
ALTER TABLE segments_v5 RENAME TO segments;
CREATE TABLE tallies(
  segment_sha256 TEXT NOT NULL, key_sha256 TEXT NOT NULL, bytes BLOB NOT NULL,
  PRIMARY KEY(segment_sha256, key_sha256)) WITHOUT ROWID;
)sql",
    // A segment's rows may be several zstd frames (compression.h), a row of segment_rows each:
    // rows rows_id .. rows_id + frames - 1, in order. A month's import writes the frames it made
    // while reading one by one instead of one blob of 170 MB (a record SQLite builds whole).
    R"sql(
ALTER TABLE segments ADD COLUMN frames INTEGER NOT NULL DEFAULT 1;
)sql",
    // A segment's rows may be kept as columns (column_rows.h) instead of canonical CSV text; the
    // segments written before are text.
    R"sql(
ALTER TABLE segments ADD COLUMN encoding TEXT NOT NULL DEFAULT 'csv';
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion - 1);

int user_version(sqlite::Database& db) {
  sqlite::Statement query(db, "PRAGMA user_version");
  return query.step() ? static_cast<int>(query.integer(0)) : 0;
}

class SqliteBackend final : public Backend {
 public:
  explicit SqliteBackend(const std::filesystem::path& path, bool create) : db_(path, create) {}

  void create_schema() {
    db_.exec("BEGIN IMMEDIATE");
    try {
      db_.exec(kSchemaV1);
      for (const std::string_view step : kMigrations) db_.exec(step);
      db_.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
      db_.exec("COMMIT");
    } catch (...) {
      db_.exec("ROLLBACK");
      throw;
    }
  }

  void check_schema() {
    const int version = user_version(db_);
    if (version == 0) {
      throw StoreError(db_.path().string() +
                       ": not a meetlat workspace (no schema); create one with `meetlat init`");
    }
    if (version > kSchemaVersion) {
      throw StoreError(db_.path().string() + ": the workspace has schema version " +
                       std::to_string(version) + ", made by a newer meetlat; this meetlat knows " +
                       "versions up to " + std::to_string(kSchemaVersion) +
                       ": upgrade meetlat to use it (it is left unchanged)");
    }
    if (version == kSchemaVersion) return;
    // An older workspace: every step from its version on, in one transaction (another process
    // migrating at the same time waits, then finds the current version).
    db_.exec("BEGIN IMMEDIATE");
    try {
      const int now = user_version(db_);
      for (int v = now; v < kSchemaVersion; ++v) {
        db_.exec(kMigrations[static_cast<std::size_t>(v - 1)]);
      }
      if (now < kSchemaVersion) {
        set_meta("migrated_from_schema", std::to_string(now));
        db_.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
      }
      db_.exec("COMMIT");
    } catch (...) {
      db_.exec("ROLLBACK");
      throw;
    }
  }

  void begin_write() override { db_.exec("BEGIN IMMEDIATE"); }
  void commit() override { db_.exec("COMMIT"); }
  void rollback() noexcept override {
    try {
      db_.exec("ROLLBACK");
    } catch (const StoreError&) {  // nothing to roll back: SQLite rolled back already
    }
  }
  void begin_read() override {
    db_.exec("BEGIN");
    // A deferred transaction takes its snapshot at the first read.
    sqlite::Statement(db_, "SELECT count(*) FROM meta").step();
  }
  void end_read() noexcept override { rollback(); }

  std::optional<std::string> meta(std::string_view key) override {
    sqlite::Statement q(db_, "SELECT value FROM meta WHERE key = ?1");
    q.bind(1, key);
    if (!q.step()) return std::nullopt;
    return q.text(0);
  }
  void set_meta(std::string_view key, std::string_view value) override {
    sqlite::Statement(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)")
        .bind(1, key)
        .bind(2, value)
        .run();
  }

  void add_contract_version(const ContractVersion& v) override {
    sqlite::Statement(db_,
                      "INSERT INTO contract_versions(version, effective_from, yaml, sha256, "
                      "event_seq) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, v.version)
        .bind(2, v.effective_from)
        .bind(3, v.yaml)
        .bind(4, v.sha256)
        .bind(5, v.event_seq)
        .run();
  }
  std::vector<ContractVersion> contract_versions() override {
    sqlite::Statement q(db_,
                        "SELECT version, effective_from, yaml, sha256, event_seq FROM "
                        "contract_versions ORDER BY version");
    std::vector<ContractVersion> out;
    while (q.step()) out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.integer(4)});
    return out;
  }

  std::int64_t add_import(std::int64_t event_seq, std::string_view summary) override {
    sqlite::Statement(db_, "INSERT INTO imports(event_seq, summary) VALUES (?1, ?2)")
        .bind(1, event_seq)
        .bind(2, summary)
        .run();
    return sqlite3_last_insert_rowid(db_.handle());
  }
  void set_import_summary(std::int64_t id, std::string_view summary) override {
    sqlite::Statement(db_, "UPDATE imports SET summary = ?2 WHERE id = ?1")
        .bind(1, id)
        .bind(2, summary)
        .run();
  }
  std::vector<ImportRecord> imports() override {
    sqlite::Statement q(db_, "SELECT id, event_seq, summary FROM imports ORDER BY id");
    std::vector<ImportRecord> out;
    while (q.step()) out.push_back({q.integer(0), q.integer(1), q.text(2)});
    return out;
  }
  void add_correction(const Correction& c) override {
    sqlite::Statement(db_,
                      "INSERT INTO corrections(import_id, kind, record, before, after) VALUES "
                      "(?1, ?2, ?3, ?4, ?5)")
        .bind(1, c.import_id)
        .bind(2, c.kind)
        .bind(3, c.record)
        .bind(4, c.before)
        .bind(5, c.after)
        .run();
  }
  std::vector<Correction> corrections() override {
    sqlite::Statement q(
        db_, "SELECT import_id, kind, record, before, after FROM corrections ORDER BY id");
    std::vector<Correction> out;
    while (q.step()) out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
  }

  std::vector<SegmentInfo> segments() override {
    sqlite::Statement q(
        db_,
        "SELECT kind, part, rows, columns, sha256, event_seq, encoding FROM segments "
        "ORDER BY kind, part");
    std::vector<SegmentInfo> out;
    while (q.step()) out.push_back(info(q));
    return out;
  }
  std::optional<SegmentInfo> segment(const SegmentKey& key) override {
    sqlite::Statement q(
        db_,
        "SELECT kind, part, rows, columns, sha256, event_seq, encoding FROM segments "
        "WHERE kind = ?1 AND part = ?2");
    q.bind(1, key.kind).bind(2, key.part);
    if (!q.step()) return std::nullopt;
    return info(q);
  }
  std::string segment_bytes(const SegmentKey& key) override {
    sqlite::Statement where(db_,
                            "SELECT rows_id, frames FROM segments WHERE kind = ?1 AND part = ?2");
    where.bind(1, key.kind).bind(2, key.part);
    if (!where.step()) return {};
    const std::int64_t first = where.integer(0);
    const std::int64_t frames = where.integer(1);
    sqlite::Statement q(db_,
                        "SELECT zstd FROM segment_rows WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
    q.bind(1, first).bind(2, first + frames - 1);
    std::string bytes;
    std::int64_t found = 0;
    while (q.step()) {
      bytes += q.blob(0);
      ++found;
    }
    if (found != frames) {
      throw StoreError(db_.path().string() + ": the segment " + key.kind + " " + key.part +
                       " is damaged: " + std::to_string(found) + " of its " +
                       std::to_string(frames) + " frames are stored");
    }
    return bytes;
  }
  void put_segment(const SegmentInfo& s, std::span<const std::string> frames) override {
    std::optional<std::pair<std::int64_t, std::int64_t>> replaced;  // its first row and frames
    {
      sqlite::Statement q(db_,
                          "SELECT rows_id, frames FROM segments WHERE kind = ?1 AND part = ?2");
      q.bind(1, s.key.kind).bind(2, s.key.part);
      if (q.step()) replaced.emplace(q.integer(0), q.integer(1));
    }
    std::int64_t first = 1;
    {
      sqlite::Statement q(db_, "SELECT COALESCE(MAX(id), 0) + 1 FROM segment_rows");
      if (q.step()) first = q.integer(0);
    }
    sqlite::Statement insert(db_, "INSERT INTO segment_rows(id, zstd) VALUES (?1, ?2)");
    for (std::size_t i = 0; i < frames.size(); ++i) {
      insert.bind(1, first + static_cast<std::int64_t>(i)).bind_blob(2, frames[i]).run();
      insert.reset();
    }
    sqlite::Statement(db_,
                      "INSERT OR REPLACE INTO segments(kind, part, rows, columns, sha256, "
                      "event_seq, rows_id, frames, encoding) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                      "?8, ?9)")
        .bind(1, s.key.kind)
        .bind(2, s.key.part)
        .bind(3, s.rows)
        .bind(4, s.columns)
        .bind(5, s.sha256)
        .bind(6, s.event_seq)
        .bind(7, first)
        .bind(8, static_cast<std::int64_t>(frames.size()))
        .bind(9, s.encoding)
        .run();
    if (replaced) {
      sqlite::Statement(db_, "DELETE FROM segment_rows WHERE id BETWEEN ?1 AND ?2")
          .bind(1, replaced->first)
          .bind(2, replaced->first + replaced->second - 1)
          .run();
    }
    sqlite::Statement(db_,
                      "DELETE FROM tallies WHERE segment_sha256 NOT IN (SELECT sha256 FROM "
                      "segments)")
        .run();
  }

  std::optional<std::string> tally(std::string_view segment_sha256,
                                   std::string_view key_sha256) override {
    sqlite::Statement q(db_,
                        "SELECT bytes FROM tallies WHERE segment_sha256 = ?1 AND key_sha256 = ?2");
    q.bind(1, segment_sha256).bind(2, key_sha256);
    if (!q.step()) return std::nullopt;
    return q.blob(0);
  }
  void put_tally(std::string_view segment_sha256, std::string_view key_sha256,
                 std::string_view bytes) override {
    sqlite::Statement(db_,
                      "INSERT OR REPLACE INTO tallies(segment_sha256, key_sha256, bytes) VALUES "
                      "(?1, ?2, ?3)")
        .bind(1, segment_sha256)
        .bind(2, key_sha256)
        .bind_blob(3, bytes)
        .run();
  }

  std::int64_t add_closing(const Closing& c) override {
    sqlite::Statement(db_,
                      "INSERT INTO closings(period, action, at, actor, text, contract_version, "
                      "evidence_sha256, as_of, result_json, result_table, event_seq) VALUES "
                      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(1, c.period)
        .bind(2, c.action)
        .bind(3, c.at)
        .bind(4, c.actor)
        .bind(5, c.text)
        .bind(6, c.contract_version)
        .bind(7, c.evidence_sha256)
        .bind(8, c.as_of)
        .bind(9, c.result_json)
        .bind(10, c.result_table)
        .bind(11, c.event_seq)
        .run();
    return sqlite3_last_insert_rowid(db_.handle());
  }
  std::vector<Closing> closings() override {
    sqlite::Statement q(db_,
                        "SELECT id, period, action, at, actor, text, contract_version, "
                        "evidence_sha256, as_of, result_json, result_table, event_seq FROM "
                        "closings ORDER BY id");
    std::vector<Closing> out;
    while (q.step()) {
      out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5),
                     q.integer(6), q.text(7), q.text(8), q.text(9), q.text(10), q.integer(11)});
    }
    return out;
  }

  std::int64_t add_exemption(const Exemption& e) override {
    sqlite::Statement(db_,
                      "INSERT INTO exemption_register(kind, records, reason, proposed_by, "
                      "proposed_at, status, decided_by, decided_at, decided_on, decision, "
                      "proposed_seq, decided_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                      "?10, ?11, ?12)")
        .bind(1, e.kind)
        .bind(2, nlohmann::json(e.records).dump())
        .bind(3, e.reason)
        .bind(4, e.proposed_by)
        .bind(5, e.proposed_at)
        .bind(6, e.status)
        .bind(7, e.decided_by)
        .bind(8, e.decided_at)
        .bind(9, e.decided_on)
        .bind(10, e.decision)
        .bind(11, e.proposed_seq)
        .bind(12, e.decided_seq)
        .run();
    return sqlite3_last_insert_rowid(db_.handle());
  }
  void decide_exemption(const Exemption& e) override {
    sqlite::Statement(db_,
                      "UPDATE exemption_register SET status = ?2, decided_by = ?3, decided_at = "
                      "?4, decided_on = ?5, decision = ?6, decided_seq = ?7 WHERE id = ?1")
        .bind(1, e.id)
        .bind(2, e.status)
        .bind(3, e.decided_by)
        .bind(4, e.decided_at)
        .bind(5, e.decided_on)
        .bind(6, e.decision)
        .bind(7, e.decided_seq)
        .run();
  }
  std::vector<Exemption> exemptions() override {
    sqlite::Statement q(db_,
                        "SELECT id, kind, records, reason, proposed_by, proposed_at, status, "
                        "decided_by, decided_at, decided_on, decision, proposed_seq, decided_seq "
                        "FROM exemption_register ORDER BY id");
    std::vector<Exemption> out;
    while (q.step()) {
      Exemption e{q.integer(0), q.text(1),     {},           q.text(3), q.text(4),
                  q.text(5),    q.text(6),     q.text(7),    q.text(8), q.text(9),
                  q.text(10),   q.integer(11), q.integer(12)};
      try {
        e.records = nlohmann::json::parse(q.text(2)).get<std::vector<std::string>>();
      } catch (const nlohmann::json::exception&) {
        throw StoreError(db_.path().string() + ": exemption " + std::to_string(e.id) +
                         ": its records are damaged");
      }
      out.push_back(std::move(e));
    }
    return out;
  }

  void add_action(const RegisteredAction& a) override {
    sqlite::Statement(db_,
                      "INSERT INTO action_register(id, created_at, owner, deadline, kpi, period, "
                      "action, label_nl, label_en, malus_pct, because, contract_version, "
                      "registered_seq, status, done_on, done_evidence, done_by, done_at, "
                      "done_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                      "?14, ?15, ?16, ?17, ?18, ?19)")
        .bind(1, a.id)
        .bind(2, a.created_at)
        .bind(3, a.owner)
        .bind(4, a.deadline)
        .bind(5, a.kpi)
        .bind(6, a.period)
        .bind(7, a.action)
        .bind(8, a.label_nl)
        .bind(9, a.label_en)
        .bind(10, a.malus_pct)
        .bind(11, a.because)
        .bind(12, a.contract_version)
        .bind(13, a.registered_seq)
        .bind(14, a.status)
        .bind(15, a.done_on)
        .bind(16, a.done_evidence)
        .bind(17, a.done_by)
        .bind(18, a.done_at)
        .bind(19, a.done_seq)
        .run();
  }
  void complete_action(const RegisteredAction& a) override {
    sqlite::Statement(db_,
                      "UPDATE action_register SET status = ?2, done_on = ?3, done_evidence = ?4, "
                      "done_by = ?5, done_at = ?6, done_seq = ?7 WHERE id = ?1")
        .bind(1, a.id)
        .bind(2, a.status)
        .bind(3, a.done_on)
        .bind(4, a.done_evidence)
        .bind(5, a.done_by)
        .bind(6, a.done_at)
        .bind(7, a.done_seq)
        .run();
  }
  std::vector<RegisteredAction> actions() override {
    sqlite::Statement q(db_,
                        "SELECT id, created_at, owner, deadline, kpi, period, action, label_nl, "
                        "label_en, malus_pct, because, contract_version, registered_seq, status, "
                        "done_on, done_evidence, done_by, done_at, done_seq FROM action_register "
                        "ORDER BY n");
    std::vector<RegisteredAction> out;
    while (q.step()) {
      out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6),
                     q.text(7), q.text(8), q.text(9), q.text(10), q.integer(11), q.integer(12),
                     q.text(13), q.text(14), q.text(15), q.text(16), q.text(17), q.integer(18)});
    }
    return out;
  }

  void append_audit(const AuditEvent& e) override {
    sqlite::Statement(db_,
                      "INSERT INTO audit(seq, at, actor, action, details, prev, hash) VALUES "
                      "(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, e.seq)
        .bind(2, e.at)
        .bind(3, e.actor)
        .bind(4, e.action)
        .bind(5, e.details)
        .bind(6, e.prev)
        .bind(7, e.hash)
        .run();
  }
  std::vector<AuditEvent> audit_events() override {
    sqlite::Statement q(db_,
                        "SELECT seq, at, actor, action, details, prev, hash FROM audit ORDER BY "
                        "seq");
    std::vector<AuditEvent> out;
    while (q.step()) out.push_back(event(q));
    return out;
  }
  std::optional<AuditEvent> last_audit_event() override {
    sqlite::Statement q(db_,
                        "SELECT seq, at, actor, action, details, prev, hash FROM audit ORDER BY "
                        "seq DESC LIMIT 1");
    if (!q.step()) return std::nullopt;
    return event(q);
  }

 private:
  static SegmentInfo info(const sqlite::Statement& q) {
    return {{q.text(0), q.text(1)}, q.integer(2), q.text(3), q.text(4), q.integer(5), q.text(6)};
  }
  static AuditEvent event(const sqlite::Statement& q) {
    return {q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)};
  }

  sqlite::Database db_;
};

}  // namespace

std::unique_ptr<Backend> create_sqlite_backend(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    throw StoreError(path.string() + ": a workspace database is already there");
  }
  auto backend = std::make_unique<SqliteBackend>(path, true);
  backend->create_schema();
  return backend;
}

std::unique_ptr<Backend> open_sqlite_backend(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw StoreError(path.parent_path().string() +
                     ": not a meetlat workspace (no workspace.sqlite); create one with "
                     "`meetlat init DIR`");
  }
  auto backend = std::make_unique<SqliteBackend>(path, false);
  backend->check_schema();
  return backend;
}

}  // namespace meetlat::store
