// `meetlat evaluate --data DIR [--contract FILE] --period P [--as-of T] [--format json|table]
// [--skip-invalid]` (spec/cli-and-output.md), and its history form `--from M1 --to M2` instead of
// --period (docs/escalation-and-money.md).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/contract_source.h"
#include "evaluate/evaluate.h"
#include "evaluate/exemptions.h"
#include "evaluate/history.h"
#include "evaluate/latency_accumulator.h"
#include "evaluate/result_json.h"
#include "evaluate/result_table.h"
#include "evidence/load.h"
#include "time/parse.h"
#include "time/time_error.h"

namespace meetlat::cli {
namespace {

struct EvaluateArgs {
  InputArgs inputs;
  std::string period;
  std::string from;
  std::string to;
  std::string format = "json";
};

std::optional<time::Instant> as_of_instant(const std::string& text, const time::Zone& zone) {
  if (text.empty()) {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  time::ParseError error;
  const auto parsed = time::parse_timestamp(text, zone, &error);
  if (!parsed) {
    std::cerr << "--as-of: column " << error.column + 1 << ": " << error.message << " in '" << text
              << "'\n";
    return std::nullopt;
  }
  return parsed->at;
}

std::vector<std::string> evidence_warnings(const evidence::Evidence& e) {
  std::vector<std::string> out;
  for (const auto& s : e.skipped) out.push_back(s.to_string());
  for (const auto& w : e.warnings) out.push_back(w.to_string());
  return out;
}

// The text of a file that load_evidence has just read (exemptions.csv, for the columns of its
// diagnostics).
std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw evidence::EvidenceError(path.string() + ": cannot read the file");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<time::Period> month_option(const std::string& name, const std::string& text) {
  const auto p = time::parse_period(text);
  if (!p || p->cadence != time::Cadence::kMonth) {
    std::cerr << name << ": '" << text << "' is not a month (2026-01)\n";
    return std::nullopt;
  }
  return p;
}

// The contract in force in the month containing `day`.
contract::Contract in_force_at(const contract::Contract& c, time::Date day) {
  const date::year_month_day first{day};
  return contract::contract_in_force(c, date::local_days{first.year() / first.month() / 1});
}

constexpr std::string_view kStreamedKind = "transactions";

int load_contract_inputs(const InputArgs& args, Inputs& out);
int load_evidence_inputs(const InputArgs& args, Inputs& out,
                         std::map<std::string, evidence::RowSinkFactory, std::less<>> sinks);

// The accumulators that received the streamed transactions, merged; nullptr when none did (no
// streaming, or no transactions.csv).
std::shared_ptr<evaluate::LatencyAccumulator> merged_latency(const evidence::Evidence& evidence) {
  const auto it = evidence.sinks.find(kStreamedKind);
  if (it == evidence.sinks.end() || it->second.empty()) return nullptr;
  auto merged = std::dynamic_pointer_cast<evaluate::LatencyAccumulator>(it->second.front());
  for (std::size_t i = 1; i < it->second.size(); ++i) {
    merged->merge(dynamic_cast<const evaluate::LatencyAccumulator&>(*it->second[i]));
  }
  return merged;
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
  if (const int code = load_inputs(args.inputs, in); code != kExitOk) return code;
  const contract::Contract in_force = in_force_at(in.contract, to->first_day);
  auto history = evaluate::evaluate_history(in_force, in.evidence, in.zone, {*from, *to, in.as_of});
  history.warnings = in.warnings;
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

int run_evaluate(const EvaluateArgs& args) {
  if (args.period.empty()) return run_history(args);
  const auto period = time::parse_period(args.period);
  if (!period) {
    std::cerr << "--period: '" << args.period
              << "' is not a period (2026-10, 2026-Q4, 2026-H2, 2026, 2026-W43)\n";
    return kExitUsage;
  }
  Inputs in;
  if (const int code = load_contract_inputs(args.inputs, in); code != kExitOk) return code;
  const contract::Contract in_force = in_force_at(in.contract, period->first_day);
  // The transactions go straight into an exact latency accumulator per parser thread instead of
  // a table (memory follows the distinct durations, not the traffic), when nothing else of the
  // contract reads them.
  std::map<std::string, evidence::RowSinkFactory, std::less<>> sinks;
  if (evaluate::LatencyAccumulator::can_stream(in_force, kStreamedKind)) {
    auto plan = std::make_shared<const evaluate::LatencyAccumulator>(in_force, in.zone, in.as_of,
                                                                     *period, kStreamedKind);
    sinks.emplace(kStreamedKind, [plan] { return plan->fresh(); });
  }
  if (const int code = load_evidence_inputs(args.inputs, in, std::move(sinks)); code != kExitOk) {
    return code;
  }
  const auto latency = merged_latency(in.evidence);
  auto result =
      evaluate::evaluate(in_force, in.evidence, in.zone, {*period, in.as_of, latency.get()});
  result.warnings = in.warnings;
  if (args.format == "table") {
    const bool colour = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    std::cout << evaluate::to_table(result, in.zone, colour);
  } else {
    std::cout << evaluate::to_json(result, in.zone);
  }
  return kExitOk;
}

}  // namespace

int load_inputs(const InputArgs& args, Inputs& out) {
  if (const int code = load_contract_inputs(args, out); code != kExitOk) return code;
  return load_evidence_inputs(args, out, {});
}

namespace {

int load_contract_inputs(const InputArgs& args, Inputs& out) {
  auto contract = contract_from(args.contract);
  if (!contract) return kExitBadInput;
  out.contract = std::move(*contract);
  out.zone = time::Zone::load(out.contract.timezone);
  const auto as_of = as_of_instant(args.as_of, out.zone);
  if (!as_of) return kExitUsage;
  out.as_of = *as_of;
  if (!std::filesystem::is_directory(args.data)) {
    std::cerr << args.data << ": not a directory\n";
    return kExitBadInput;
  }
  return kExitOk;
}

int load_evidence_inputs(const InputArgs& args, Inputs& out,
                         std::map<std::string, evidence::RowSinkFactory, std::less<>> sinks) {
  evidence::LoadOptions options{out.zone};
  options.sinks = std::move(sinks);
  options.priorities.clear();
  for (const auto& p : out.contract.priorities) options.priorities.push_back(p.id);
  options.severities = out.contract.severities;
  options.skip_invalid = args.skip_invalid;
  out.evidence = evidence::load_evidence(args.data, options);
  if (out.evidence.find("exemptions") != nullptr) {
    evaluate::check_exemptions(out.evidence,
                               read_text(std::filesystem::path(args.data) / "exemptions.csv"));
  }
  if (!out.evidence.usable()) {
    std::cerr << out.evidence.summary();
    std::cerr << "evaluation refused: fix the rows above, or run with --skip-invalid to leave "
                 "them out\n";
    return kExitBadInput;
  }
  out.warnings = evidence_warnings(out.evidence);
  const auto exemption_notes = evaluate::exemption_warnings(out.evidence, out.zone, out.as_of);
  out.warnings.insert(out.warnings.end(), exemption_notes.begin(), exemption_notes.end());
  return kExitOk;
}

}  // namespace

void add_input_options(CLI::App& cmd, InputArgs& args) {
  cmd.add_option("--data", args.data, "Folder of evidence CSV files (tickets.csv, ...)")
      ->required();
  cmd.add_option("--contract", args.contract,
                 "Contract file (YAML); default: the built-in default contract");
  cmd.add_option("--as-of", args.as_of,
                 "The moment of evaluation (ISO 8601; without offset: contract zone); default "
                 "now");
  cmd.add_flag("--skip-invalid", args.skip_invalid,
               "Leave invalid rows out (counted in warnings) instead of refusing");
}

void add_evaluate_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Evaluate every KPI of the contract over a period from a folder of evidence");
  add_input_options(*cmd, args->inputs);
  auto* period =
      cmd->add_option("--period", args->period, "2026-10, 2026-Q4, 2026-H2, 2026 or 2026-W43");
  auto* from = cmd->add_option("--from", args->from,
                               "First month of a history (with --to, instead of --period)");
  auto* to = cmd->add_option("--to", args->to, "Last month of a history");
  from->needs(to)->excludes(period);
  to->needs(from)->excludes(period);
  cmd->add_option("--format", args->format, "json (default) or table")
      ->check(CLI::IsMember({"json", "table"}));
  cmd->callback([period, from, args, &exit_code] {
    if (period->count() == 0 && from->count() == 0) {
      std::cerr << "evaluate: give --period, or --from and --to\n";
      exit_code = kExitUsage;
      return;
    }
    try {
      exit_code = run_evaluate(*args);
    } catch (const evidence::EvidenceError& e) {
      std::cerr << e.what() << '\n';
      exit_code = kExitBadInput;
    } catch (const time::TimeError& e) {
      std::cerr << "evaluate: " << e.what() << '\n';
      exit_code = kExitBadInput;
    }
  });
}

}  // namespace meetlat::cli
