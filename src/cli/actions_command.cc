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
#include "report/actions_register.h"

namespace meetlat::cli {
namespace {

int list_actions(const ActionsArgs& args) {
  const auto period = period_option("--period", args.period);
  if (!period) return kExitUsage;
  EngineInputs in;
  if (const int code = read_engine_inputs(args.inputs, in); code != kExitOk) return code;
  const auto outcome = engine::actions_through(in.setting(), in.evidence(), *period);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) return report_refusal(*refused);
  const auto& [loaded, actions] = std::get<0>(outcome);
  if (!args.out.empty()) {
    io::write_file_atomically(args.out, report::actions_csv(actions, *loaded.versions, in.zone));
  }
  std::cout << (args.format == "csv" ? report::actions_csv(actions, *loaded.versions, in.zone)
                                     : report::actions_table(actions, *loaded.versions, in.zone));
  for (const auto& w : loaded.warnings) std::cerr << "warning: " << w << '\n';
  return kExitOk;
}

}  // namespace

int run_actions(const ActionsArgs& args) {
  return run_reporting_errors("actions", [&] { return list_actions(args); });
}

}  // namespace meetlat::cli
