#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"

#ifndef MEETLAT_VERSION
#define MEETLAT_VERSION "0.0.0"
#endif

namespace meetlat::cli {

int run(int argc, char** argv) {
  CLI::App app{"meetlat — measures an IT service contract's KPIs from evidence", "meetlat"};
  app.set_version_flag("--version", std::string("meetlat ") + MEETLAT_VERSION);
  app.require_subcommand(1);
  int exit_code = kExitOk;
  add_contract_commands(app, exit_code);
  add_calendar_commands(app, exit_code);
  add_evaluate_command(app, exit_code);
  add_generate_command(app, exit_code);
  add_actions_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // Help of a subcommand arrives as CallForHelp from app.exit's point of view; everything else
    // is wrong usage.
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}

}  // namespace meetlat::cli
