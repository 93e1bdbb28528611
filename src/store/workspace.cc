#include "store/workspace.h"

#include <nlohmann/json.hpp>
#include <set>

#include "io/regular_file.h"
#include "store/action_register.h"
#include "store/canonical_rows.h"
#include "store/compression.h"
#include "store/digest.h"
#include "store/exit_export.h"
#include "store/sqlite_backend.h"
#include "store/store_error.h"
#include "store/workspace_source.h"

namespace meetlat::store {

Workspace::Workspace(std::filesystem::path dir, std::unique_ptr<Backend> backend)
    : dir_(std::move(dir)), backend_(std::move(backend)) {}

bool Workspace::is_workspace(const std::filesystem::path& dir) {
  std::error_code error;
  return std::filesystem::is_regular_file(dir / kDatabaseName, error);
}

namespace {

// Creates `dir` when missing; throws when it cannot, or when it holds a workspace already.
void prepare_new_folder(const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw StoreError(dir.string() + ": cannot create the folder: " + error.message());
  if (Workspace::is_workspace(dir)) {
    throw StoreError(dir.string() + ": already a workspace (" +
                     std::string(Workspace::kDatabaseName) + " is there); it is left as it is");
  }
}

std::string contract_details(const ContractVersion& version) {
  return nlohmann::json{{"contract_version", version.version},
                        {"contract_sha256", version.sha256},
                        {"effective_from", version.effective_from}}
      .dump();
}

}  // namespace

Workspace Workspace::create(const std::filesystem::path& dir, std::string_view contract_yaml,
                            const std::string& actor) {
  prepare_new_folder(dir);
  Workspace workspace(dir, create_sqlite_backend(dir / kDatabaseName));
  Backend& backend = *workspace.backend_;
  WriteScope write(backend);
  const std::int64_t seq = next_audit_seq(backend);
  const ContractVersion contract{1, "", std::string(contract_yaml), sha256_hex(contract_yaml), seq};
  backend.add_contract_version(contract);
  const std::string created_at = utc_now();
  backend.set_meta("created_at", created_at);
  append_audit_event(backend, actor, "init", contract_details(contract), created_at);
  write.commit();
  return workspace;
}

Workspace Workspace::restore(const std::filesystem::path& dir,
                             const std::filesystem::path& export_dir,
                             const evidence::LoadOptions& options, const std::string& actor) {
  prepare_new_folder(dir);
  std::error_code error;
  const std::filesystem::path database = dir / kDatabaseName;
  try {
    Workspace workspace(dir, create_sqlite_backend(database));
    restore_export(*workspace.backend_, export_dir, options);
    const AuditCheck check = store::verify_audit(*workspace.backend_);
    if (!check.ok()) {
      throw StoreError(export_dir.string() +
                       ": the restored audit log does not verify: " + check.problems.front());
    }
    WriteScope write(*workspace.backend_);
    const nlohmann::json details = {
        {"export", export_dir.string()},
        {"manifest_sha256", sha256_hex(io::read_regular(export_dir / "manifest.json"))},
        {"events_restored", check.events}};
    append_audit_event(*workspace.backend_, actor, "restore", details.dump(), utc_now());
    write.commit();
    return workspace;
  } catch (...) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(database.string() + suffix, error);
    }
    throw;
  }
}

void Workspace::write_export(const std::filesystem::path& out) {
  store::write_export(*backend_, out);
}

Workspace Workspace::open(const std::filesystem::path& dir) {
  return {dir, open_sqlite_backend(dir / kDatabaseName)};
}

std::vector<ContractVersion> Workspace::contract_versions() {
  const ReadScope snapshot(*backend_);
  auto versions = backend_->contract_versions();
  if (versions.empty()) throw StoreError(dir_.string() + ": the workspace has no contract");
  return versions;
}

ContractVersion Workspace::apply_amendment(std::string_view yaml, const std::string& effective_from,
                                           const std::string& actor) {
  WriteScope write(*backend_);
  const auto versions = backend_->contract_versions();
  const std::int64_t seq = next_audit_seq(*backend_);
  ContractVersion version{static_cast<std::int64_t>(versions.size()) + 1, effective_from,
                          std::string(yaml), sha256_hex(yaml), seq};
  backend_->add_contract_version(version);
  append_audit_event(*backend_, actor, "contract", contract_details(version), utc_now());
  write.commit();
  return version;
}

ImportResult Workspace::import_files(std::vector<IncomingFile> files, bool skip_invalid,
                                     const time::Zone& zone, const std::string& actor,
                                     const ImportProgress& progress) {
  return import_evidence(*backend_, std::move(files), skip_invalid, zone, actor, progress);
}

std::unique_ptr<WorkspaceSource> Workspace::evidence(
    bool skip_invalid, const std::vector<RegisteredAction>& entering) {
  return std::make_unique<WorkspaceSource>(backend_, skip_invalid, entering);
}

namespace {

std::optional<Closing> in_force(const std::vector<Closing>& closings, const std::string& period) {
  std::optional<Closing> latest;
  for (const Closing& c : closings) {
    if (c.period == period) latest = c;
  }
  if (latest && latest->action == "close") return latest;
  return std::nullopt;
}

std::string closing_details(const Closing& c,
                            const std::vector<RegisteredAction>& registered = {}) {
  nlohmann::json details = {{"closing_id", c.id},
                            {"period", c.period},
                            {"action", c.action},
                            {"text", c.text},
                            {"contract_version", c.contract_version},
                            {"evidence_sha256", c.evidence_sha256},
                            {"result_sha256", sha256_hex(c.result_json + c.result_table)}};
  if (c.action == "close") {
    nlohmann::json actions = nlohmann::json::array();
    for (const RegisteredAction& a : registered) actions.push_back(registration_json(a));
    details["actions_registered"] = std::move(actions);
  }
  return details.dump();
}

std::string exemption_details(const Exemption& e, bool decision) {
  nlohmann::json details = {{"exemption_id", e.id}};
  if (decision) {
    details.update({{"status", e.status}, {"decided_on", e.decided_on}, {"decision", e.decision}});
  } else {
    details.update({{"kind", e.kind}, {"records", e.records}, {"reason", e.reason}});
  }
  return details.dump();
}

}  // namespace

std::vector<Exemption> Workspace::exemptions() {
  const ReadScope snapshot(*backend_);
  return backend_->exemptions();
}

Exemption Workspace::propose_exemption(const std::string& kind,
                                       const std::vector<std::string>& records,
                                       const std::string& reason, const std::string& actor) {
  const evidence::FileSchema* schema = evidence::find_schema(kind);
  if (schema == nullptr || schema->key.empty() || kind == "exemptions") {
    throw StoreError("records of '" + kind + "' cannot be exempted; only kinds whose " +
                     "records have an id can (docs/exemptions.md)");
  }
  if (records.empty()) throw StoreError("name the records concerned");
  if (reason.empty()) throw StoreError("give the reason");
  WriteScope write(*backend_);
  std::set<std::string> known;
  for (const SegmentInfo& segment : backend_->segments()) {
    if (segment.key.kind != kind) continue;
    for (const CanonicalRecord& r : canonical_records(
             *schema,
             segment_text(*schema, segment.encoding, backend_->segment_bytes(segment.key)))) {
      known.insert(r.id);
    }
  }
  for (const std::string& record : records) {
    if (!known.contains(record)) {
      throw StoreError(kind + " " + record + " is not in the workspace's evidence");
    }
  }
  Exemption e;
  e.kind = kind;
  e.records = records;
  e.reason = reason;
  e.proposed_by = actor;
  e.proposed_at = utc_now();
  e.status = "proposed";
  e.proposed_seq = next_audit_seq(*backend_);
  e.id = backend_->add_exemption(e);
  append_audit_event(*backend_, actor, "exempt", exemption_details(e, false), e.proposed_at);
  write.commit();
  return e;
}

Exemption Workspace::decide_exemption(std::int64_t id, bool approve, const std::string& decided_on,
                                      const std::string& why, const std::string& actor) {
  WriteScope write(*backend_);
  std::optional<Exemption> found;
  for (Exemption& e : backend_->exemptions()) {
    if (e.id == id) found = std::move(e);
  }
  if (!found) throw StoreError("there is no exemption " + std::to_string(id));
  if (found->status != "proposed") {
    throw StoreError("exemption " + std::to_string(id) + " is " + found->status + " already (by " +
                     found->decided_by + " on " + found->decided_on + ")");
  }
  if (why.empty()) throw StoreError("give the reason for the decision");
  Exemption& e = *found;
  e.status = approve ? "approved" : "rejected";
  e.decided_by = actor;
  e.decided_at = utc_now();
  e.decided_on = decided_on;
  e.decision = why;
  e.decided_seq = next_audit_seq(*backend_);
  backend_->decide_exemption(e);
  append_audit_event(*backend_, actor, approve ? "approve" : "reject", exemption_details(e, true),
                     e.decided_at);
  write.commit();
  return e;
}

std::vector<Closing> Workspace::closings() {
  const ReadScope snapshot(*backend_);
  return backend_->closings();
}

std::optional<Closing> Workspace::closed(const std::string& period) {
  return in_force(closings(), period);
}

Workspace::ClosedPeriod Workspace::close_period(Closing closing,
                                                const std::vector<RegisteredAction>& fired,
                                                const std::string& actor) {
  WriteScope write(*backend_);
  if (const auto earlier = in_force(backend_->closings(), closing.period)) {
    throw StoreError(closing.period + " is closed already (on " + earlier->at + " by " +
                     earlier->actor + "); reopen it first");
  }
  if (evidence_digest(*backend_) != closing.evidence_sha256) {
    throw StoreError("the evidence changed while " + closing.period +
                     " was evaluated (an import in between); nothing was closed: close again");
  }
  closing.action = "close";
  closing.at = utc_now();
  closing.actor = actor;
  closing.contract_version = static_cast<std::int64_t>(backend_->contract_versions().size());
  closing.event_seq = next_audit_seq(*backend_);
  ClosedPeriod closed;
  closed.registered = register_actions(*backend_, fired, closing.event_seq);
  closing.evidence_sha256 = evidence_digest(*backend_);
  closing.id = backend_->add_closing(closing);
  append_audit_event(*backend_, actor, "close", closing_details(closing, closed.registered),
                     closing.at);
  write.commit();
  closed.closing = std::move(closing);
  return closed;
}

std::vector<RegisteredAction> Workspace::action_register() {
  const ReadScope snapshot(*backend_);
  return backend_->actions();
}

RegisteredAction Workspace::complete_action(const std::string& id, const std::string& done_on,
                                            const std::string& evidence, const std::string& actor) {
  WriteScope write(*backend_);
  RegisteredAction done = complete_registered_action(*backend_, id, done_on, evidence, actor);
  write.commit();
  return done;
}

Closing Workspace::reopen_period(const std::string& period, const std::string& reason,
                                 const std::string& actor) {
  WriteScope write(*backend_);
  const auto closed = in_force(backend_->closings(), period);
  if (!closed) throw StoreError(period + " is not closed; there is nothing to reopen");
  Closing reopening;
  reopening.period = period;
  reopening.action = "reopen";
  reopening.at = utc_now();
  reopening.actor = actor;
  reopening.text = reason;
  reopening.contract_version = closed->contract_version;
  reopening.evidence_sha256 = evidence_digest(*backend_);
  reopening.event_seq = next_audit_seq(*backend_);
  reopening.id = backend_->add_closing(reopening);
  append_audit_event(*backend_, actor, "reopen", closing_details(reopening), reopening.at);
  write.commit();
  return reopening;
}

AuditCheck Workspace::verify_audit() { return store::verify_audit(*backend_); }

std::vector<AuditEvent> Workspace::audit_events() {
  const ReadScope snapshot(*backend_);
  return backend_->audit_events();
}

}  // namespace meetlat::store
