// `meetlat actions --data DIR [--contract FILE] --period P [--as-of T] [--format table|csv]
// [--out FILE]`: the action register, every ladder step fired from the contract start up to P
// with its owner, deadline and status (docs/escalation-and-money.md, "Actions"); from a workspace,
// the actions entered into its register at a close with their completion (docs/workspace.md,
// "Actions"). --out writes the register as actions.csv in the evidence format, so KPI-06 can be
// measured on it. `meetlat action done ID --on DATE [--evidence TEXT]` marks a registered action
// done.
#include <iostream>

#include "cli/action_register.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "engine/engine.h"
#include "evaluate/actions.h"
#include "io/atomic_write.h"
#include "report/actions_register.h"
#include "report/engine_text.h"
#include "time/parse.h"

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
  std::vector<report::ActionRow> rows = report::action_rows(actions, *loaded.versions, in.zone);
  if (in.from_workspace) {
    rows = register_through(rows, in.registered_actions, *period, in.as_of, in.zone);
  }
  if (!args.out.empty()) io::write_file_atomically(args.out, report::actions_csv(rows));
  const report::Catalogue& words = args.lang == "nl" ? report::dutch() : report::english();
  std::cout << (args.format == "csv" ? report::actions_csv(rows)
                                     : report::actions_table(rows, words));
  for (const auto& w : loaded.warnings) {
    std::cerr << words.say("table.warning", {{"text", report::engine_text(w, words)}}) << '\n';
  }
  return kExitOk;
}

int mark_done(const ActionDoneArgs& args) {
  if (!time::parse_date(args.on, nullptr) || args.on.size() != 10) {
    std::cerr << "action done: --on: '" << args.on << "' is not a date (YYYY-MM-DD)\n";
    return kExitUsage;
  }
  const auto dir = workspace_folder("action done", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const store::RegisteredAction done =
      workspace.complete_action(args.id, args.on, args.evidence, os_user());
  const int late = report::days_after(done.deadline, *time::parse_date(done.done_on, nullptr));
  std::cout << done.id << " done on " << done.done_on;
  if (!done.deadline.empty()) {
    std::cout << (late > 0 ? ", " + std::to_string(late) + (late == 1 ? " day" : " days") +
                                 " after its deadline " + done.deadline
                           : ", by its deadline " + done.deadline);
  }
  std::cout << " (audit event " << done.done_seq << ")\n";
  return kExitOk;
}

}  // namespace

int run_actions(const ActionsArgs& args) {
  return run_reporting_errors("actions", [&] { return list_actions(args); });
}

int run_action_done(const ActionDoneArgs& args) {
  return run_reporting_errors("action done", [&] { return mark_done(args); });
}

}  // namespace meetlat::cli
