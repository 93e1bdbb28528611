// What the commands that evaluate read: --data, --contract, --as-of, --skip-invalid, turned into
// a loaded contract, its zone, the moment of evaluation and the evidence (with its warnings).
// Every problem is printed to stderr; the functions return the exit status to end with.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "evaluate/latency_accumulator.h"
#include "evidence/load.h"
#include "time/instant.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::cli {

struct InputArgs {
  std::string data;
  std::string contract;
  std::string as_of;
  bool skip_invalid = false;
};
void add_input_options(CLI::App& cmd, InputArgs& args);

struct Inputs {
  contract::Contract contract;
  time::Zone zone;
  time::Instant as_of;
  evidence::Evidence evidence;
  std::vector<std::string> warnings;  // skipped rows, DST readings, exemption notes
};

using RowSinks = std::map<std::string, evidence::RowSinkFactory, std::less<>>;

// The contract (--contract or the default), its zone and as_of (default now); checks that --data
// is a folder. kExitOk, or the status after printing the problem.
int load_contract_inputs(const InputArgs& args, Inputs& out);
// The evidence of --data (valid rows of the kinds in `sinks` go to those sinks instead of a
// table), exemptions checked; refuses invalid rows unless --skip-invalid.
int load_evidence_inputs(const InputArgs& args, Inputs& out, RowSinks sinks = {});
// Both of the above.
int load_inputs(const InputArgs& args, Inputs& out);
// load_evidence_inputs with the transactions going straight into an exact latency accumulator per
// parser thread instead of a table (memory follows the distinct durations, not the traffic), when
// nothing else of `in_force` reads them; the accumulators are planned on the slots an evaluation
// of `period` uses (evaluate/latency_accumulator.h). `latency` receives them merged; nullptr when
// they were not streamed or there is no transactions.csv.
int load_evidence_streaming(const InputArgs& args, const contract::Contract& in_force,
                            const time::Period& period, Inputs& in,
                            std::shared_ptr<evaluate::LatencyAccumulator>& latency);

// A --period value; prints the accepted forms and returns nullopt when it is not one.
std::optional<time::Period> period_option(std::string_view option, const std::string& text);

// The contract in force in the month that contains `day`.
contract::Contract in_force_at(const contract::Contract& c, time::Date day);

// Runs a command's body; an evidence file that cannot be read or a time the zone cannot place
// ends it with a message naming `command` and kExitBadInput.
int run_reporting_errors(std::string_view command, const std::function<int()>& body);

}  // namespace meetlat::cli
