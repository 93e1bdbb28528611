// `meetlat actions --data DIR [--contract FILE] --period P [--as-of T] [--format table|csv]
// [--out FILE]`: the action register, every ladder step fired from the contract start up to P
// with its owner, deadline and status (docs/escalation-and-money.md, "Actions"). --out writes the
// register as actions.csv in the evidence format, so KPI-06 can be measured on it.
#include <iostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "engine/engine.h"
#include "evaluate/actions.h"
#include "io/atomic_write.h"

namespace meetlat::cli {
namespace {

struct ActionsArgs {
  InputArgs inputs;
  std::string period;
  std::string format = "table";
  std::string out;
};

int run_actions(const ActionsArgs& args) {
  const auto period = period_option("--period", args.period);
  if (!period) return kExitUsage;
  EngineInputs in;
  if (const int code = read_engine_inputs(args.inputs, in); code != kExitOk) return code;
  const auto outcome = engine::actions_through(in.setting(), in.source, *period);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) return report_refusal(*refused);
  const auto& [loaded, actions] = std::get<0>(outcome);
  if (!args.out.empty()) {
    io::write_file_atomically(args.out, evaluate::actions_csv(actions, in.zone));
  }
  std::cout << (args.format == "csv" ? evaluate::actions_csv(actions, in.zone)
                                     : evaluate::actions_table(actions, in.zone));
  for (const auto& w : loaded.warnings) std::cerr << "warning: " << w << '\n';
  return kExitOk;
}

}  // namespace

void add_actions_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ActionsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "actions",
      "List every action the escalation ladders fired from contract start up to a period");
  add_input_options(*cmd, args->inputs);
  cmd->add_option("--period", args->period, "2026-10, 2026-Q4, 2026-H2, 2026 or 2026-W43")
      ->required();
  cmd->add_option("--format", args->format, "table (default) or csv")
      ->check(CLI::IsMember({"table", "csv"}));
  cmd->add_option("--out", args->out, "Also write the register as CSV (actions.csv) to FILE");
  cmd->callback([args, &exit_code] {
    exit_code = run_reporting_errors("actions", [&] { return run_actions(*args); });
  });
}

}  // namespace meetlat::cli
