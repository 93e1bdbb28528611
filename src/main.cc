// The `meetlat` command (cli/app.h). The commands report the problems they know (file:line:column,
// a file that cannot be read) themselves; the catch-all here is the net under them, so that an
// exception nothing foresaw ends in "meetlat: error: <what>" and exit status 1, not an abort.
#include <exception>
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) {
  try {
    return meetlat::cli::run(argc, argv);
  } catch (...) {
    return meetlat::cli::report_escaped(std::current_exception(), std::cerr);
  }
}
