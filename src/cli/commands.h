// Registration of the command groups on the root CLI11 app. Each function adds its subcommands
// with a callback that stores the command's exit status in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace meetlat::cli {

void add_contract_commands(CLI::App& app, int& exit_code);
void add_calendar_commands(CLI::App& app, int& exit_code);
void add_evaluate_command(CLI::App& app, int& exit_code);
void add_generate_command(CLI::App& app, int& exit_code);
void add_actions_command(CLI::App& app, int& exit_code);

}  // namespace meetlat::cli
