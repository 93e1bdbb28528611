// A workspace: one directory holding a contract's evidence as it accumulates month by month,
// its contract, and the audit log of every change — an embedded SQLite database
// (DIR/workspace.sqlite), no server. The commands `init`, `import`, `evaluate --workspace` and
// `audit` work on it (docs/workspace.md).
//
// Storage goes through the store interface (backend.h); this class and the import, audit and
// evidence-source code above it know no SQLite. Thread safety: one thread at a time per object;
// several processes may use one workspace (one writer at a time, readers on snapshots).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/source.h"
#include "store/audit.h"
#include "store/backend.h"
#include "store/import.h"
#include "store/workspace_source.h"
#include "time/zone.h"

namespace meetlat::store {

class Workspace {
 public:
  static constexpr std::string_view kDatabaseName = "workspace.sqlite";

  // Whether `dir` holds a workspace (its database file).
  static bool is_workspace(const std::filesystem::path& dir);

  // Creates a workspace in `dir` (created when absent; it must not hold one already) with
  // `contract_yaml` as contract version 1, and audits it ("init", by `actor`).
  static Workspace create(const std::filesystem::path& dir, std::string_view contract_yaml,
                          const std::string& actor);
  // Creates a workspace in `dir` from an export (exit_export.h) made by write_export: the same
  // contract versions, evidence, imports, corrections, closings and audit log, then a "restore"
  // event. `options` read the export's evidence (the zone and codes of its contract). Checks the
  // manifest's digests first and the audit log at the end; on any problem throws StoreError and
  // leaves no workspace behind.
  static Workspace restore(const std::filesystem::path& dir,
                           const std::filesystem::path& export_dir,
                           const evidence::LoadOptions& options, const std::string& actor);
  // Opens the workspace in `dir`. Throws StoreError: not a workspace, made by a newer meetlat.
  static Workspace open(const std::filesystem::path& dir);

  const std::filesystem::path& dir() const { return dir_; }

  // Every contract version: 1 the contract as given to init, then each amendment applied.
  std::vector<ContractVersion> contract_versions();

  // Stores `yaml`, an amendment (contract/loader.h, AmendmentText) applied from the month
  // `effective_from` ("2027-01"), as the next contract version, and audits it ("contract").
  // The caller has checked that the contract with it loads.
  ContractVersion apply_amendment(std::string_view yaml, const std::string& effective_from,
                                  const std::string& actor);

  ImportResult import_files(std::vector<IncomingFile> files, bool skip_invalid,
                            const time::Zone& zone, const std::string& actor,
                            const ImportProgress& progress = {});

  // The evidence as it is now (a snapshot: later imports do not change it), as a source an
  // engine request reads (engine/engine.h). `skip_invalid` as for a folder: stored evidence was
  // valid when imported, but a later contract version may refuse some of it. `entering`: actions
  // a close would enter, taken as registered (workspace_source.h).
  std::unique_ptr<WorkspaceSource> evidence(bool skip_invalid = false,
                                            const std::vector<RegisteredAction>& entering = {});

  // The periods agreed in the SLM meeting. A period is closed when its latest closing is a close.
  std::vector<Closing> closings();
  // The close in force for `period` ("2026-10"), or nullopt when it is open.
  std::optional<Closing> closed(const std::string& period);
  // Freezes `period` with the result as evaluated (`closing.result_json`, `result_table`,
  // `as_of`, `text` the note) from the evidence whose digest is `closing.evidence_sha256`, enters
  // the actions of `fired` (every action fired up to the period) that are not in the action
  // register yet, and audits both ("close"). The closing then keeps the digest of the evidence
  // with those actions. Throws StoreError when the period is closed already, or when the
  // evidence changed since it was evaluated (an import in between: evaluate again).
  struct ClosedPeriod {
    Closing closing;
    std::vector<RegisteredAction> registered;  // the actions entered into the register
  };
  ClosedPeriod close_period(Closing closing, const std::vector<RegisteredAction>& fired,
                            const std::string& actor);
  // Reopens a closed period with a reason, audited ("reopen"); its frozen result stays in the
  // log. Throws StoreError when it is not closed.
  Closing reopen_period(const std::string& period, const std::string& reason,
                        const std::string& actor);

  // The exemption register (docs/exemptions.md, "In a workspace"), by id.
  std::vector<Exemption> exemptions();
  // Proposes taking `records` of `kind` out of their objectives, audited ("exempt"). Throws
  // StoreError when the kind's records cannot be exempted (a kind without ids) or a record is not
  // in the workspace's evidence.
  Exemption propose_exemption(const std::string& kind, const std::vector<std::string>& records,
                              const std::string& reason, const std::string& actor);
  // Approves (or rejects) a proposed exemption on `decided_on` (a date, "2026-11-03"), with why,
  // audited ("approve", "reject"). Throws StoreError when it is not a proposed one.
  Exemption decide_exemption(std::int64_t id, bool approve, const std::string& decided_on,
                             const std::string& why, const std::string& actor);

  // The action register (action_register.h), in the order registered.
  std::vector<RegisteredAction> action_register();
  // Marks a registered action done on `done_on` ("2026-04-14") with its evidence, audited
  // ("action-done"). Throws StoreError: not registered, done already, a date before its creation.
  RegisteredAction complete_action(const std::string& id, const std::string& done_on,
                                   const std::string& evidence, const std::string& actor);

  // Writes everything the workspace holds, in open formats, into `out` (exit_export.h).
  void write_export(const std::filesystem::path& out);

  AuditCheck verify_audit();
  std::vector<AuditEvent> audit_events();

 private:
  Workspace(std::filesystem::path dir, std::unique_ptr<Backend> backend);

  std::filesystem::path dir_;
  std::shared_ptr<Backend> backend_;  // shared with the evidence sources it makes
};

}  // namespace meetlat::store
