// The exit of a workspace (KPI-16, applied to meetlat itself): everything it holds in open
// formats, and a new workspace made from them again.
//
// The export folder (docs/workspace.md, "Exit"):
//   manifest.json        format "meetlat.export/1", the schema version, when, and every other
//                        file with its size and SHA-256
//   contract/version-N.yaml, contract/versions.jsonl   each contract version and what it is
//   evidence/KIND.csv    the current records of each kind, as the evidence files of
//                        docs/evidence.md (canonical values; optional columns as imported)
//   segments.jsonl       how the evidence is kept: kind, part, rows, columns, digest, event
//   imports.jsonl, corrections.jsonl   every import and every correction (before and after)
//   closings.jsonl       every close and reopen, with the frozen results (JSON and table)
//   exemptions.jsonl     the exemption register: every proposal and its decision
//   actions.jsonl        the action register: every action entered at a close, and when done
//   audit.jsonl          the audit log, as `audit export` prints it
//
// restore_export() rebuilds the workspace row for row: the same contract versions, evidence
// (each segment's digest checked), imports, corrections, closings and audit events, so its audit
// chain verifies and its evaluations are those of the original.
#pragma once

#include <filesystem>

#include "evidence/load_options.h"
#include "store/backend.h"

namespace meetlat::store {

// Writes the export of `backend` (one read snapshot) into `out`, which must not exist or hold an
// earlier export (it is replaced whole, atomically). Throws StoreError or io::FileError.
void write_export(Backend& backend, const std::filesystem::path& out);

// The contract versions of an export (contract/versions.jsonl and the YAML files), in order,
// each file's digest checked against the manifest. Throws StoreError naming the file.
std::vector<ContractVersion> read_export_contracts(const std::filesystem::path& export_dir);

// Fills the empty `backend` (just created) from the export, in one write transaction; `options`
// read its evidence files (the zone and codes of the contract of read_export_contracts). Every
// file's digest is checked against the manifest and every segment's against segments.jsonl
// first; a mismatch throws StoreError naming the file and nothing is written.
void restore_export(Backend& backend, const std::filesystem::path& export_dir,
                    const evidence::LoadOptions& options);

}  // namespace meetlat::store
