// The `meetlat` command line: parses the arguments (app.cc, the only file that includes CLI11)
// and runs the command given (commands.h, one file per command group). Thin by design: it only
// wires the modules together.
#pragma once

#include <exception>
#include <iosfwd>

namespace meetlat::cli {

// Exit statuses of spec/cli-and-output.md.
enum ExitCode : int {
  kExitOk = 0,        // the command did its work (whatever the KPIs' status)
  kExitBadInput = 1,  // bad input: every error printed as file:line:column: message
  kExitUsage = 2,     // wrong usage
};

// Parses the arguments and runs the command given; returns the exit status once stdout is
// flushed. An exception no command handled propagates (main's catch-all reports it).
int run(int argc, char** argv);

// The net under every command, for main's catch-all: prints "meetlat: error: <what>" to `err` for
// an exception that escaped the commands (a std::length_error or std::filesystem::filesystem_error
// nothing foresaw; std::bad_alloc says "out of memory", an exception not derived from
// std::exception "unknown exception"), flushes what stdout holds and returns kExitBadInput, so
// the program exits with 1 and a message rather than an abort.
int report_escaped(const std::exception_ptr& escaped, std::ostream& err);

}  // namespace meetlat::cli
