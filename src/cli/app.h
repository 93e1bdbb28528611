// The `meetlat` command line: parses the arguments (app.cc, the only file that includes CLI11)
// and runs the command given (commands.h, one file per command group). Thin by design: it only
// wires the modules together.
#pragma once

namespace meetlat::cli {

// Exit statuses of spec/cli-and-output.md.
enum ExitCode : int {
  kExitOk = 0,        // the command did its work (whatever the KPIs' status)
  kExitBadInput = 1,  // bad input: every error printed as file:line:column: message
  kExitUsage = 2,     // wrong usage
};

int run(int argc, char** argv);

}  // namespace meetlat::cli
