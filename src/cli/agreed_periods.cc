// `meetlat close P [--note TEXT] [--as-of T]` and `meetlat reopen P --reason TEXT`, and the
// frozen results `evaluate` prints for closed periods.
#include "cli/agreed_periods.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/action_register.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "engine/engine.h"
#include "report/result_json.h"
#include "report/result_table.h"
#include "time/parse.h"

namespace meetlat::cli {
namespace {

using nlohmann::json;

std::string value_text(const json& objective) {
  const json& value = objective.contains("value") ? objective.at("value") : json();
  return objective.value("status", "?") + (value.is_null() ? "" : " (" + value.dump() + ")");
}

// Objectives by "KPI-01 P1".
std::map<std::string, std::string> objectives(const json& result) {
  std::map<std::string, std::string> out;
  for (const json& kpi : result.value("kpis", json::array())) {
    for (const json& objective : kpi.value("objectives", json::array())) {
      out[kpi.value("id", "?") + " " + objective.value("id", "?")] = value_text(objective);
    }
  }
  return out;
}

bool same_ids(const std::vector<store::RegisteredAction>& a,
              const std::vector<store::RegisteredAction>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return x.id == y.id; });
}

// The evaluation a close freezes, with the evidence it read (which the result may point into).
struct Settled {
  std::unique_ptr<store::WorkspaceSource> source;
  engine::Outcome<engine::PeriodAndActions> outcome;
};

// The evaluation a close of `period` freezes. The actions it enters into the register are
// evidence of KPI-06 from then on (docs/workspace.md, "Actions"), and one fired for an earlier
// period that was not closed may be due within this one; so the period is evaluated with the
// register as the close leaves it, until the actions that evaluation fires are those it was
// evaluated with (a second round only when KPI-06 of an earlier period changed its ladder).
// nullopt after saying why, when that does not settle in a few rounds.
std::optional<Settled> settled_close(const EngineInputs& in, store::Workspace& workspace,
                                     const time::Period& period) {
  auto first = engine::evaluate_period_and_actions(in.setting(), in.evidence(), period);
  const auto* computed = std::get_if<0>(&first);
  if (computed == nullptr) return Settled{nullptr, std::move(first)};
  std::vector<store::RegisteredAction> entering =
      register_entries(computed->result.actions, *computed->inputs.versions, in.zone);
  constexpr int kRounds = 4;
  for (int round = 0; round < kRounds; ++round) {
    Settled s{workspace.evidence(false, entering), engine::Refused{}};
    s.outcome = engine::evaluate_period_and_actions(in.setting(), *s.source, period);
    const auto* next = std::get_if<0>(&s.outcome);
    if (next == nullptr) return s;
    std::vector<store::RegisteredAction> fired =
        register_entries(next->result.actions, *next->inputs.versions, in.zone);
    if (same_ids(fired, entering)) return s;
    entering = std::move(fired);
  }
  std::cerr << "close: " << time::period_name(period)
            << ": the actions fired and KPI-06 do not settle (each evaluation with the register as "
               "the close would leave it fires other actions); nothing was closed\n";
  return std::nullopt;
}

int close(const CloseArgs& args) {
  const auto period = period_option("--period", args.period);
  if (!period) return kExitUsage;
  const auto dir = workspace_folder("close", args.workspace);
  if (!dir) return kExitUsage;
  EngineInputs in;
  InputArgs inputs;
  inputs.workspace = *dir;
  inputs.as_of = args.as_of;
  if (const int code = read_engine_inputs(inputs, in); code != kExitOk) return code;
  const std::string name = time::period_name(*period);
  if (const auto earlier = agreed(in, *period)) {
    std::cerr << "close: " << name << " is closed already (on " << earlier->at << " by "
              << earlier->actor << "); reopen it first\n";
    return kExitBadInput;
  }
  // The result and the actions fired up to the period (they enter the action register), from one
  // reading of the evidence, with the register as the close leaves it.
  store::Workspace workspace = store::Workspace::open(*dir);
  const auto settled = settled_close(in, workspace, *period);
  if (!settled) return kExitBadInput;
  if (const auto* refused = std::get_if<engine::Refused>(&settled->outcome)) {
    return report_refusal(*refused);
  }
  const auto& [loaded, both] = std::get<0>(settled->outcome);
  const evaluate::Evaluation& result = both.evaluation;
  store::Closing closing;
  closing.period = name;
  closing.text = args.note;
  closing.evidence_sha256 = in.evidence_sha256;
  closing.result_json = report::to_json(result, *loaded.versions, in.zone);
  closing.result_table = report::to_table(result, *loaded.versions, in.zone, {});
  closing.as_of = json::parse(closing.result_json).value("as_of", "");
  const auto closed = workspace.close_period(
      closing, register_entries(both.actions, *loaded.versions, in.zone), os_user());
  const store::Closing& stored = closed.closing;
  std::cout << name << " closed as agreed, as of " << stored.as_of << ", under contract version "
            << stored.contract_version << "; its result is frozen (evidence "
            << stored.evidence_sha256.substr(0, 16) << "…, audit event " << stored.event_seq
            << ")\n";
  if (!closed.registered.empty()) {
    std::cout << closed.registered.size()
              << (closed.registered.size() == 1 ? " action" : " actions")
              << " entered the action register:";
    for (const store::RegisteredAction& a : closed.registered) std::cout << ' ' << a.id;
    std::cout << '\n';
  }
  return kExitOk;
}

int reopen(const ReopenArgs& args) {
  const auto period = period_option("--period", args.period);
  if (!period) return kExitUsage;
  const auto dir = workspace_folder("reopen", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const store::Closing stored =
      workspace.reopen_period(time::period_name(*period), args.reason, os_user());
  std::cout << stored.period << " reopened (audit event " << stored.event_seq
            << "); evaluate recomputes it until it is closed again\n";
  return kExitOk;
}

}  // namespace

std::optional<store::Closing> agreed(const EngineInputs& in, const time::Period& period) {
  const std::string name = time::period_name(period);
  std::optional<store::Closing> latest;
  for (const store::Closing& c : in.closings) {
    if (c.period == name) latest = c;
  }
  if (latest && latest->action == "close") return latest;
  return std::nullopt;
}

std::vector<std::string> result_differences(const std::string& agreed_json,
                                            const std::string& now_json) {
  const json then = json::parse(agreed_json);
  const json now = json::parse(now_json);
  std::vector<std::string> out;
  const auto before = objectives(then);
  const auto after = objectives(now);
  for (const auto& [id, was] : before) {
    const auto it = after.find(id);
    if (it == after.end()) {
      out.push_back(id + ": " + was + " → no longer in the contract");
    } else if (it->second != was) {
      out.push_back(id + ": " + was + " → " + it->second);
    }
  }
  for (const auto& [id, is] : after) {
    if (!before.contains(id)) out.push_back(id + ": new, " + is);
  }
  if (then.value("finance", json()) != now.value("finance", json())) {
    out.emplace_back("the money differs");
  }
  return out;
}

namespace {

// Whether `table` asks for the table exactly as it was frozen at the close (English, without the
// failing records, the default list limit).
bool frozen_form(const report::TableOptions& table) {
  const report::TableOptions frozen;
  return (table.words == nullptr || table.words == &report::english()) &&
         table.failing_ids == frozen.failing_ids && table.id_limit == frozen.id_limit;
}

}  // namespace

int show_agreed(const EngineInputs& in, const store::Closing& closing, const time::Period& period,
                const report::TableOptions* table) {
  // The recomputation as of the agreed moment: only the evidence and the contract can differ.
  EngineInputs now;
  now.contract = in.contract;
  now.zone = in.zone;
  const auto as_of = time::parse_timestamp(closing.as_of, in.zone, nullptr);
  now.as_of = as_of ? as_of->at : in.as_of;
  const auto outcome = engine::evaluate_period(now.setting(), in.evidence(), period);
  const auto* recomputed = std::get_if<0>(&outcome);
  std::vector<std::string> differences;
  if (recomputed != nullptr) {
    differences = result_differences(
        closing.result_json,
        report::to_json(recomputed->result, *recomputed->inputs.versions, in.zone));
  }
  // A table in another form than the frozen one is drawn from the recomputation, only when that
  // equals the agreed result.
  const bool redrawn =
      table != nullptr && !frozen_form(*table) && recomputed != nullptr && differences.empty();
  if (redrawn) {
    std::cout << report::to_table(recomputed->result, *recomputed->inputs.versions, in.zone,
                                  *table);
  } else {
    std::cout << (table != nullptr ? closing.result_table : closing.result_json);
  }
  std::cerr << "note: " << closing.period << " was closed as agreed on " << closing.at << " by "
            << closing.actor << (closing.text.empty() ? "" : " (\"" + closing.text + "\")")
            << "; this is the result agreed then\n";
  if (table != nullptr && !frozen_form(*table)) {
    std::cerr << (redrawn ? "note: the table is drawn as asked from a recomputation that equals "
                            "the agreed result\n"
                          : "note: the table is shown as frozen at the close (in English, without "
                            "the failing records), since a recomputation does not equal it\n");
  }
  if (recomputed == nullptr) {
    std::cerr << "note: a recomputation now is refused: the evidence has invalid rows\n";
    return kExitOk;
  }
  const bool evidence_changed = closing.evidence_sha256 != in.evidence_sha256;
  const bool contract_changed = closing.contract_version != in.contract_versions;
  if (differences.empty()) {
    std::cerr << "note: a recomputation now gives the same result"
              << (evidence_changed ? " (the evidence changed since)" : "") << '\n';
    return kExitOk;
  }
  std::cerr << "note: a recomputation now would differ";
  if (evidence_changed) std::cerr << "; the evidence changed since";
  if (contract_changed) {
    std::cerr << "; contract version " << closing.contract_version << " then, "
              << in.contract_versions << " now";
  }
  std::cerr << ":\n";
  for (const std::string& d : differences) std::cerr << "  " << d << '\n';
  return kExitOk;
}

int run_close(const CloseArgs& args) {
  return run_reporting_errors("close", [&] { return close(args); });
}

int run_reopen(const ReopenArgs& args) {
  return run_reporting_errors("reopen", [&] { return reopen(args); });
}

}  // namespace meetlat::cli
