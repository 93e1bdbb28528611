#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <new>

#include "cli/commands.h"

#ifndef MEETLAT_VERSION
#define MEETLAT_VERSION "0.0.0"
#endif

namespace meetlat::cli {

namespace {

// The exit status of a command after its output was flushed: writing stdout may fail (a full
// disk behind a redirection, a closed pipe), and a command whose output was lost did not do its
// work.
int flushed(int exit_code) {
  std::cout.flush();
  if (std::cout) return exit_code;
  std::cerr << "meetlat: cannot write the output: " << std::strerror(errno) << '\n';
  return kExitBadInput;
}

int run_parsed(int argc, char** argv) {
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

}  // namespace

int run(int argc, char** argv) {
  // The commands report what they know (file:line:column, a file that cannot be read); this is
  // the net under them, so that nothing ends in an abort.
  try {
    return flushed(run_parsed(argc, argv));
  } catch (const std::bad_alloc&) {
    std::cerr << "meetlat: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "meetlat: " << e.what() << '\n';
  }
  return flushed(kExitBadInput);
}

}  // namespace meetlat::cli
