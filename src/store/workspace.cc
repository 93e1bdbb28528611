#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include "store/digest.h"
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

Workspace Workspace::create(const std::filesystem::path& dir, std::string_view contract_yaml,
                            const std::string& actor) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw StoreError(dir.string() + ": cannot create the folder: " + error.message());
  if (is_workspace(dir)) {
    throw StoreError(dir.string() + ": already a workspace (" + std::string(kDatabaseName) +
                     " is there); it is left as it is");
  }
  Workspace workspace(dir, create_sqlite_backend(dir / kDatabaseName));
  Backend& backend = *workspace.backend_;
  WriteScope write(backend);
  const std::int64_t seq = next_audit_seq(backend);
  const ContractVersion contract{1, "", std::string(contract_yaml), sha256_hex(contract_yaml), seq};
  backend.add_contract_version(contract);
  backend.set_meta("created_at", utc_now());
  const nlohmann::json details = {{"contract_version", contract.version},
                                  {"contract_sha256", contract.sha256},
                                  {"effective_from", contract.effective_from}};
  append_audit_event(backend, actor, "init", details.dump());
  write.commit();
  return workspace;
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
  const ContractVersion version{static_cast<std::int64_t>(versions.size()) + 1, effective_from,
                                std::string(yaml), sha256_hex(yaml), seq};
  backend_->add_contract_version(version);
  const nlohmann::json details = {{"contract_version", version.version},
                                  {"contract_sha256", version.sha256},
                                  {"effective_from", version.effective_from}};
  append_audit_event(*backend_, actor, "contract", details.dump());
  write.commit();
  return version;
}

ImportResult Workspace::import(std::vector<IncomingFile> files, bool skip_invalid,
                               const time::Zone& zone, const std::string& actor) {
  return import_evidence(*backend_, std::move(files), skip_invalid, zone, actor);
}

std::unique_ptr<evidence::EvidenceSource> Workspace::evidence(bool skip_invalid) {
  return std::make_unique<WorkspaceSource>(*backend_, skip_invalid);
}

AuditCheck Workspace::verify_audit() { return store::verify_audit(*backend_); }

std::vector<AuditEvent> Workspace::audit_events() {
  const ReadScope snapshot(*backend_);
  return backend_->audit_events();
}

}  // namespace meetlat::store
