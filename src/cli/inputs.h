// What the commands that evaluate read: --data, --contract, --as-of, --skip-invalid, turned into
// what an engine request names (engine/engine.h, which loads and evaluates). Every problem is
// printed to stderr; the functions return the exit status to end with.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/loader.h"
#include "contract/model.h"
#include "engine/engine.h"
#include "store/workspace.h"
#include "time/instant.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::cli {

// The options of the commands that evaluate (app.cc declares them).
struct InputArgs {
  std::string data;       // --data DIR
  std::string workspace;  // --workspace DIR (instead of --data)
  std::string contract;   // --contract FILE; empty: the default contract (or the workspace's)
  std::string as_of;      // --as-of T; empty: now
  bool skip_invalid = false;
};

// What every engine request names (engine/engine.h), read from the options: the contract
// (--contract, the workspace's, or the built-in default), its zone, as_of (--as-of, default now)
// and the evidence: the folder of --data, or the workspace (--workspace, or the current folder
// when it is one and --data is not given).
struct EngineInputs {
  contract::Contract contract;
  time::Zone zone;
  time::Instant as_of;
  std::unique_ptr<evidence::EvidenceSource> source;
  // From a workspace: the digest of the evidence read, its contract versions and its closings.
  std::string evidence_sha256;
  std::int64_t contract_versions = 0;
  std::vector<store::Closing> closings;
  bool from_workspace = false;
  std::vector<store::RegisteredAction> registered_actions;  // its action register

  engine::Setting setting() const { return {&contract, &zone, as_of, nullptr}; }
  const evidence::EvidenceSource& evidence() const { return *source; }
};

// kExitOk, or the status after printing the problem.
int read_engine_inputs(const InputArgs& args, EngineInputs& out);

// The workspace folder a command works on: `option` (--workspace) when given, else the current
// folder when it is a workspace; nullopt after printing what to give.
std::optional<std::string> workspace_folder(std::string_view command, const std::string& option);

// The contract stored in a workspace, with every amendment applied to it (each period is
// evaluated under the version in force for it), and `extra` after them when given (an amendment
// being checked before it is stored); nullopt after printing the diagnostics.
std::optional<contract::Contract> workspace_contract(
    store::Workspace& workspace, const contract::AmendmentText* extra = nullptr);

// The user meetlat acts for in the audit log: the OS user's name ("uid 1000" when it has none).
std::string os_user();

// Prints why the evidence was refused (its summary and the way out) and returns kExitBadInput.
int report_refusal(const engine::Refused& refused);

// A --period value; prints the accepted forms and returns nullopt when it is not one.
std::optional<time::Period> period_option(std::string_view option, const std::string& text);

// Runs a command's body; an evidence file that cannot be read, a time the zone cannot place or a
// workspace that cannot be used ends it with a message naming `command` and kExitBadInput.
int run_reporting_errors(std::string_view command, const std::function<int()>& body);

}  // namespace meetlat::cli
