// Registration of the command groups on the root CLI11 app. Each function adds its subcommands
// with a callback that stores the command's exit status in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "contract/model.h"
#include "evidence/load.h"
#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::cli {

void add_contract_commands(CLI::App& app, int& exit_code);
void add_calendar_commands(CLI::App& app, int& exit_code);
void add_evaluate_command(CLI::App& app, int& exit_code);
void add_generate_command(CLI::App& app, int& exit_code);
void add_actions_command(CLI::App& app, int& exit_code);

// What evaluate and actions read (evaluate_command.cc): --data, --contract, --as-of,
// --skip-invalid.
struct InputArgs {
  std::string data;
  std::string contract;
  std::string as_of;
  bool skip_invalid = false;
};
void add_input_options(CLI::App& cmd, InputArgs& args);

// The contract, its zone, as_of and the evidence, with the warnings to show. Returns kExitOk, or
// the exit status after printing every error to stderr.
struct Inputs {
  contract::Contract contract;
  time::Zone zone;
  time::Instant as_of;
  evidence::Evidence evidence;
  std::vector<std::string> warnings;
};
int load_inputs(const InputArgs& args, Inputs& out);

}  // namespace meetlat::cli
