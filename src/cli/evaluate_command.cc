// `meetlat evaluate --data DIR [--contract FILE] --period P [--as-of T] [--format json|table]
// [--skip-invalid]` (spec/cli-and-output.md), and its history form `--from M1 --to M2` instead of
// --period (docs/escalation-and-money.md).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "evaluate/evaluate.h"
#include "evaluate/history.h"
#include "evaluate/result_json.h"
#include "evaluate/result_table.h"

namespace meetlat::cli {
namespace {

std::optional<time::Period> month_option(const std::string& name, const std::string& text) {
  const auto p = time::parse_period(text);
  if (!p || p->cadence != time::Cadence::kMonth) {
    std::cerr << name << ": '" << text << "' is not a month (2026-01)\n";
    return std::nullopt;
  }
  return period_option(name, text);  // the supported years
}

int run_history(const EvaluateArgs& args) {
  const auto from = month_option("--from", args.from);
  const auto to = month_option("--to", args.to);
  if (!from || !to) return kExitUsage;
  if (to->first_day < from->first_day) {
    std::cerr << "--to: " << args.to << " lies before --from " << args.from << "\n";
    return kExitUsage;
  }
  Inputs in;
  // The history's tracks are those of an evaluation of --to (history.h), under its contract.
  if (const int code = load_for_period(args.inputs, *to, in); code != kExitOk) return code;
  auto history = evaluate::evaluate_history(in.in_force, in.evidence, in.zone,
                                            {*from, *to, in.as_of, in.latency.get()});
  history.warnings.insert(history.warnings.begin(), in.warnings.begin(), in.warnings.end());
  for (const auto& a : in.contract.amendments) {
    if (from->first_day < a.effective_from && a.effective_from < to->end_day) {
      history.warnings.push_back(
          "the contract is amended from " + time::format_date(a.effective_from) +
          "; the history applies the version in force in " + args.to + " to every month");
    }
  }
  std::cout << (args.format == "table" ? evaluate::history_table(history, in.zone)
                                       : evaluate::history_json(history, in.zone));
  return kExitOk;
}

int run_period(const EvaluateArgs& args) {
  if (args.period.empty()) return run_history(args);
  const auto period = period_option("--period", args.period);
  if (!period) return kExitUsage;
  Inputs in;
  if (const int code = load_for_period(args.inputs, *period, in); code != kExitOk) return code;
  auto result =
      evaluate::evaluate(in.in_force, in.evidence, in.zone, {*period, in.as_of, in.latency.get()});
  result.warnings.insert(result.warnings.begin(), in.warnings.begin(), in.warnings.end());
  if (args.format == "table") {
    const bool colour = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    std::cout << evaluate::to_table(result, in.zone, colour);
  } else {
    std::cout << evaluate::to_json(result, in.zone);
  }
  return kExitOk;
}

}  // namespace

int run_evaluate(const EvaluateArgs& args) {
  return run_reporting_errors("evaluate", [&] { return run_period(args); });
}

}  // namespace meetlat::cli
