#include "cli/commands.h"

namespace meetlat::cli {

void add_evaluate_command(CLI::App& app, int& exit_code) {
  (void)app;
  (void)exit_code;
}

}  // namespace meetlat::cli
