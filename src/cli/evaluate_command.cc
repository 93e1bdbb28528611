// `meetlat evaluate --data DIR [--contract FILE] --period P [--as-of T] [--format json|table]
// [--skip-invalid]` (spec/cli-and-output.md) with the table's `--lang en|nl`, `--failing` and
// `--list-limit N` (docs/output.md), and its history form `--from M1 --to M2` instead of --period
// (docs/escalation-and-money.md).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/agreed_periods.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "engine/engine.h"
#include "report/catalogue.h"
#include "report/history_report.h"
#include "report/result_json.h"
#include "report/result_table.h"

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

const report::Catalogue& language(const EvaluateArgs& args) {
  return args.lang == "nl" ? report::dutch() : report::english();
}

report::TableOptions table_options(const EvaluateArgs& args) {
  report::TableOptions options;
  options.words = &language(args);
  options.colour = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  options.failing_ids = args.failing;
  options.id_limit = args.list_limit;
  return options;
}

int run_history(const EvaluateArgs& args) {
  const auto from = month_option("--from", args.from);
  const auto to = month_option("--to", args.to);
  if (!from || !to) return kExitUsage;
  if (to->first_day < from->first_day) {
    std::cerr << "--to: " << args.to << " lies before --from " << args.from << "\n";
    return kExitUsage;
  }
  EngineInputs in;
  if (const int code = read_engine_inputs(args.inputs, in); code != kExitOk) return code;
  const auto outcome = engine::evaluate_months(in.setting(), in.evidence(), *from, *to);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) return report_refusal(*refused);
  const auto& [loaded, history] = std::get<0>(outcome);
  std::cout << (args.format == "table"
                    ? report::history_table(history, *loaded.versions, in.zone, language(args))
                    : report::history_json(history, *loaded.versions, in.zone));
  return kExitOk;
}

int run_period(const EvaluateArgs& args) {
  if (args.period.empty()) return run_history(args);
  const auto period = period_option("--period", args.period);
  if (!period) return kExitUsage;
  EngineInputs in;
  if (const int code = read_engine_inputs(args.inputs, in); code != kExitOk) return code;
  if (const auto closing = agreed(in, *period)) {
    if (args.format != "table") return show_agreed(in, *closing, *period, nullptr);
    const report::TableOptions options = table_options(args);
    return show_agreed(in, *closing, *period, &options);
  }
  const auto outcome = engine::evaluate_period(in.setting(), in.evidence(), *period);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) return report_refusal(*refused);
  const auto& [loaded, result] = std::get<0>(outcome);
  if (args.format == "table") {
    std::cout << report::to_table(result, *loaded.versions, in.zone, table_options(args));
  } else {
    std::cout << report::to_json(result, *loaded.versions, in.zone);
  }
  return kExitOk;
}

}  // namespace

int run_evaluate(const EvaluateArgs& args) {
  return run_reporting_errors("evaluate", [&] { return run_period(args); });
}

}  // namespace meetlat::cli
