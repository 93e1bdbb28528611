// What the commands that evaluate read: --data, --contract, --as-of, --skip-invalid, turned into
// a loaded contract, its zone, the moment of evaluation and the evidence (with its warnings).
// Every problem is printed to stderr; the functions return the exit status to end with.
#pragma once

#include <functional>
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

// The options of the commands that evaluate (app.cc declares them).
struct InputArgs {
  std::string data;      // --data DIR
  std::string contract;  // --contract FILE; empty: the default contract
  std::string as_of;     // --as-of T; empty: now
  bool skip_invalid = false;
};

// What a command reads for one period: the contract file (or the default) and the version of it
// in force, the zone and as_of, and the evidence.
struct Inputs {
  contract::Contract contract;
  contract::Contract in_force;  // the version in force in the month the period starts in
  time::Zone zone;
  time::Instant as_of;
  evidence::Evidence evidence;
  // The transactions streamed into exact latency accumulators (evaluate/latency_accumulator.h)
  // instead of a table, merged; nullptr when they were not streamed or there is no
  // transactions.csv.
  std::shared_ptr<evaluate::LatencyAccumulator> latency;
  std::vector<std::string> warnings;  // skipped rows, DST readings, exemption notes
};

// Loads the contract (--contract or the default), its zone and as_of (default now), the version
// in force for `period`, and the evidence of --data (exemptions checked; invalid rows refused
// unless --skip-invalid). The transactions go straight into an exact latency accumulator per
// parser thread instead of a table (memory follows the distinct durations, not the traffic) when
// nothing else of the contract in force reads them; the accumulators are planned on the slots an
// evaluation of `period` uses. kExitOk, or the status after printing the problem.
int load_for_period(const InputArgs& args, const time::Period& period, Inputs& out);

// A --period value; prints the accepted forms and returns nullopt when it is not one.
std::optional<time::Period> period_option(std::string_view option, const std::string& text);

// Runs a command's body; an evidence file that cannot be read or a time the zone cannot place
// ends it with a message naming `command` and kExitBadInput.
int run_reporting_errors(std::string_view command, const std::function<int()>& body);

}  // namespace meetlat::cli
