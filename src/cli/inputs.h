// What the commands that evaluate read: --data, --contract, --as-of, --skip-invalid, turned into
// what an engine request names (engine/engine.h, which loads and evaluates). Every problem is
// printed to stderr; the functions return the exit status to end with.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "engine/engine.h"
#include "time/instant.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::cli {

// The options of the commands that evaluate (app.cc declares them).
struct InputArgs {
  std::string data;      // --data DIR
  std::string contract;  // --contract FILE; empty: the default contract
  std::string as_of;     // --as-of T; empty: now
  bool skip_invalid = false;
};

// What every engine request names (engine/engine.h), read from the options: the contract
// (--contract or the built-in default), its zone, as_of (--as-of, default now) and the evidence
// folder (--data, --skip-invalid).
struct EngineInputs {
  contract::Contract contract;
  time::Zone zone;
  time::Instant as_of;
  engine::EvidenceFolder source;

  engine::Setting setting() const { return {&contract, &zone, as_of, nullptr}; }
};

// kExitOk, or the status after printing the problem.
int read_engine_inputs(const InputArgs& args, EngineInputs& out);

// Prints why the evidence was refused (its summary and the way out) and returns kExitBadInput.
int report_refusal(const engine::Refused& refused);

// A --period value; prints the accepted forms and returns nullopt when it is not one.
std::optional<time::Period> period_option(std::string_view option, const std::string& text);

// Runs a command's body; an evidence file that cannot be read or a time the zone cannot place
// ends it with a message naming `command` and kExitBadInput.
int run_reporting_errors(std::string_view command, const std::function<int()>& body);

}  // namespace meetlat::cli
