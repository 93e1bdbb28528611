// The store interface: what a workspace keeps, in the workspace's own terms, with no database
// detail. The SQLite back end (sqlite_backend.h) implements it for one directory; a PostgreSQL
// back end for several servers is to be a second implementation. Everything above it
// (workspace.h, import.h, audit.h) is written against this interface only.
//
// What is kept:
// - contract versions: the YAML text of each, its digest, the period it applies from;
// - evidence as segments: per kind and part (a month "2026-10" of probes and transactions, ""
//   for every other kind) the rows, as canonical CSV rows (canonical_rows.h) or, for probes and
//   transactions, as columns (column_rows.h), compressed, with their encoding, the digest of
//   their content, their row count and the optional columns any import had;
// - imports and the corrections each made (a record's text before and after);
// - periods closed as agreed, with their frozen result, and reopened;
// - the exemption register: proposed, approved or rejected;
// - the action register: the actions the ladders fired, registered when their period is closed,
//   open or done;
// - the audit log: append-only events, each chained to the one before by its hash (audit.h).
//
// Transactions: begin_write() waits for any other writer (one writer at a time) and the changes
// become visible to others at commit() all at once, or not at all; begin_read() gives a
// consistent snapshot until end_read(). Readers never see a write in progress. A back end object
// is used by one thread at a time.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meetlat::store {

// The schema of what a back end keeps. An older meetlat refuses a workspace with a newer
// version; a newer one migrates an older one when it opens it.
// 1: contracts, imports, corrections, segments, audit; 2: closings; 3: the exemption register;
// 4: the action register; 5: the tallies cached beside the segments; 6: a segment's rows in
// several frames; 7: a segment's encoding.
inline constexpr int kSchemaVersion = 7;

struct SegmentKey {
  std::string kind;  // "transactions"
  std::string part;  // "2026-10", or "" for a kind kept whole

  auto operator<=>(const SegmentKey&) const = default;
};

struct SegmentInfo {
  SegmentKey key;
  std::int64_t rows = 0;
  std::string columns;         // the optional columns present, comma-separated in schema order
  std::string sha256;          // of its content (the rows in `encoding`, uncompressed)
  std::int64_t event_seq = 0;  // the audit event that wrote this version
  // How the rows are kept (column_rows.h): "csv", canonical CSV rows (canonical_rows.h), or
  // "columns".
  std::string encoding = "csv";
};

struct ContractVersion {
  std::int64_t version = 0;    // 1, 2, ...
  std::string effective_from;  // the first period it applies to ("2027-01"); "" from the start
  std::string yaml;
  std::string sha256;  // of `yaml`
  std::int64_t event_seq = 0;
};

struct ImportRecord {
  std::int64_t id = 0;
  std::int64_t event_seq = 0;
  std::string summary;  // JSON: per file accepted, unchanged, corrected, rejected
};

struct Correction {
  std::int64_t import_id = 0;
  std::string kind;
  std::string record;  // the record's id (evidence/record_id.h)
  std::string before;  // its canonical row before the import
  std::string after;   // and after
};

// A period closed as agreed (or reopened): the result as it was agreed, frozen.
struct Closing {
  std::int64_t id = 0;
  std::string period;  // "2026-10"
  std::string action;  // "close" or "reopen"
  std::string at;      // UTC
  std::string actor;
  std::string text;                   // the note of a close, the reason of a reopen
  std::int64_t contract_version = 0;  // the workspace's newest contract version then
  std::string evidence_sha256;        // over the digests of every evidence segment then
  std::string as_of;                  // the result's as-of
  std::string result_json;            // the result as `evaluate --period` printed it (JSON)
  std::string result_table;           // and as a table
  std::int64_t event_seq = 0;
};

// An exemption in the workspace's register: proposed with a reason and the records concerned,
// then approved or rejected, each step by someone and audited. Approved ones apply as rows of
// exemptions.csv would (docs/exemptions.md).
struct Exemption {
  std::int64_t id = 0;
  std::string kind;                  // the evidence kind of the records: "tickets"
  std::vector<std::string> records;  // their ids, as failing_ids show them
  std::string reason;
  std::string proposed_by;
  std::string proposed_at;  // UTC
  std::string status;       // "proposed", "approved" or "rejected"
  std::string decided_by;
  std::string decided_at;  // UTC
  std::string decided_on;  // the date of the decision in the contract's zone: approved_on
  std::string decision;    // why
  std::int64_t proposed_seq = 0;
  std::int64_t decided_seq = 0;
};

// An action of the action register: a ladder step fired by a final result, registered when the
// period that fired it (or a later one) was closed, with the texts `meetlat actions` writes for it
// (docs/escalation-and-money.md, "Actions"), then marked done with a date and evidence.
struct RegisteredAction {
  std::string id;          // "KPI-01/2026-03/verbeterplan"
  std::string created_at;  // as actions.csv writes it: ISO 8601 in the contract's zone
  std::string owner;       // "supplier"; "" when the step names none
  std::string deadline;    // the date of its last day, "2026-04-15"; "" when the step has no due
  std::string kpi;
  std::string period;  // "2026-03"
  std::string action;  // the step's id
  std::string label_nl;
  std::string label_en;
  std::string malus_pct;  // "2.5"; "" without malus
  std::string because;
  std::int64_t contract_version = 0;
  std::int64_t registered_seq = 0;  // the close event that registered it
  std::string status;               // "open" or "done"
  std::string done_on;              // the date it was done, "2026-04-14"
  std::string done_evidence;        // what shows it was done
  std::string done_by;
  std::string done_at;  // UTC
  std::int64_t done_seq = 0;
};

struct AuditEvent {
  std::int64_t seq = 0;  // 1, 2, ... without gaps
  std::string at;        // UTC, "2026-12-02T22:30:00Z"
  std::string actor;     // who: the OS user, later a token's subject
  std::string action;    // "init", "import", ...
  std::string details;   // JSON: what changed, with digests
  std::string prev;      // the previous event's hash ("" for the first)
  std::string hash;      // audit.h: SHA-256 over prev and the fields above
};

class Backend {
 public:
  virtual ~Backend() = default;
  Backend() = default;
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  virtual void begin_write() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  virtual void begin_read() = 0;
  virtual void end_read() noexcept = 0;

  virtual std::optional<std::string> meta(std::string_view key) = 0;
  virtual void set_meta(std::string_view key, std::string_view value) = 0;

  virtual void add_contract_version(const ContractVersion& version) = 0;
  virtual std::vector<ContractVersion> contract_versions() = 0;  // by version

  // Returns the new import's id.
  virtual std::int64_t add_import(std::int64_t event_seq, std::string_view summary) = 0;
  virtual void set_import_summary(std::int64_t id, std::string_view summary) = 0;
  virtual std::vector<ImportRecord> imports() = 0;  // by id
  virtual void add_correction(const Correction& correction) = 0;
  virtual std::vector<Correction> corrections() = 0;  // in the order added

  virtual std::vector<SegmentInfo> segments() = 0;  // every current segment, by kind and part
  virtual std::optional<SegmentInfo> segment(const SegmentKey& key) = 0;
  virtual std::string segment_bytes(const SegmentKey& key) = 0;  // compressed; "" when absent
  // Adds the segment or replaces its current version: `frames` are one or more zstd frames whose
  // contents in order are its rows (compression.h), kept as they are; segment_bytes gives them
  // back one after the other.
  virtual void put_segment(const SegmentInfo& info, std::span<const std::string> frames) = 0;

  // Derived data kept beside the segments (workspace_source.h): the summary of a segment's rows
  // under a key, by the segment's digest and the key's digest. Not evidence: left out of the
  // evidence digest, the audit and the exit export, and rebuilt when missing. put_tally replaces
  // an entry; put_segment drops the entries of segments no longer stored.
  virtual std::optional<std::string> tally(std::string_view segment_sha256,
                                           std::string_view key_sha256) = 0;
  virtual void put_tally(std::string_view segment_sha256, std::string_view key_sha256,
                         std::string_view bytes) = 0;

  // Returns the new closing's id.
  virtual std::int64_t add_closing(const Closing& closing) = 0;
  virtual std::vector<Closing> closings() = 0;  // by id

  // Returns the new exemption's id.
  virtual std::int64_t add_exemption(const Exemption& exemption) = 0;
  // Records the decision fields of `exemption` (status, decided_*, decision, decided_seq).
  virtual void decide_exemption(const Exemption& exemption) = 0;
  virtual std::vector<Exemption> exemptions() = 0;  // by id

  virtual void add_action(const RegisteredAction& action) = 0;
  // Records the completion fields of `action` (status, done_*).
  virtual void complete_action(const RegisteredAction& action) = 0;
  virtual std::vector<RegisteredAction> actions() = 0;  // in the order registered

  virtual void append_audit(const AuditEvent& event) = 0;
  virtual std::vector<AuditEvent> audit_events() = 0;  // by seq
  virtual std::optional<AuditEvent> last_audit_event() = 0;
};

// A write transaction that rolls back unless committed.
class WriteScope {
 public:
  explicit WriteScope(Backend& backend) : backend_(backend) { backend_.begin_write(); }
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  ~WriteScope() {
    if (!done_) backend_.rollback();
  }
  void commit() {
    backend_.commit();
    done_ = true;
  }

 private:
  Backend& backend_;
  bool done_ = false;
};

// A read snapshot for the scope's life.
class ReadScope {
 public:
  explicit ReadScope(Backend& backend) : backend_(backend) { backend_.begin_read(); }
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;
  ~ReadScope() { backend_.end_read(); }

 private:
  Backend& backend_;
};

}  // namespace meetlat::store
