// The commands of `meetlat`, as the command line hands them over. app.cc parses the arguments
// (it is the only file that includes CLI11, a header that takes seconds to compile) into these
// plain structs and calls one function; the command's own file does the work. Each function
// prints its output to stdout and every problem to stderr, and returns the exit status (app.h).
#pragma once

#include <string>

#include "cli/inputs.h"
#include "sample/generate_options.h"

namespace meetlat::cli {

// `contract check FILE`: "FILE: ok", or every diagnostic; the loader's warnings either way.
int run_contract_check(const std::string& file);

// `contract show [--default] [--contract FILE]`: the built-in default contract as shipped (YAML)
// when `use_default` or no file is given, else a normalised summary of `file`.
int run_contract_show(bool use_default, const std::string& file);

// `calendar holidays --year Y [--contract FILE]`: the contract's closing days of `year`, one
// "YYYY-MM-DD name" a line.
int run_calendar_holidays(int year, const std::string& contract_file);

struct DeadlineArgs {
  std::string from;           // --from T
  std::string within;         // --within D
  std::string on;             // --on C, a calendar of the contract; empty: list them (an error)
  std::string contract_file;  // --contract; empty: the default contract
};
// `calendar deadline`: the deadline of "within D of T on calendar C", ISO 8601 with offset.
int run_calendar_deadline(const DeadlineArgs& args);

struct EvaluateArgs {
  InputArgs inputs;
  std::string period;  // --period; empty for a history
  std::string from;    // --from and --to: a history of months
  std::string to;
  std::string format = "json";  // json or table
};
// `evaluate`: one period, or with an empty `period` the history from `from` to `to`.
int run_evaluate(const EvaluateArgs& args);

struct GenerateArgs {
  std::string out;
  std::string from = "2026-01";       // first month, YYYY-MM
  std::string time_stamps = "mixed";  // sample::StampStyle by its option word
  std::string durations = "integer";  // sample::DurationStyle by its option word
  sample::GenerateOptions options;
};
// `generate`: sample evidence into `out`, then a line per file written.
int run_generate(GenerateArgs& args);

struct ActionsArgs {
  InputArgs inputs;
  std::string period;
  std::string format = "table";  // table or csv
  std::string out;               // also write the register as CSV here; empty: do not
};
// `actions`: the action register from the contract start up to `period`.
int run_actions(const ActionsArgs& args);

}  // namespace meetlat::cli
