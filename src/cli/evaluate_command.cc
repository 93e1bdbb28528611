// `meetlat evaluate --data DIR [--contract FILE] --period P [--as-of T] [--format json|table]
// [--skip-invalid]` (spec/cli-and-output.md).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/contract_source.h"
#include "evaluate/evaluate.h"
#include "evaluate/exemptions.h"
#include "evaluate/result_json.h"
#include "evaluate/result_table.h"
#include "evidence/load.h"
#include "time/parse.h"
#include "time/time_error.h"

namespace meetlat::cli {
namespace {

struct EvaluateArgs {
  std::string data;
  std::string contract;
  std::string period;
  std::string as_of;
  std::string format = "json";
  bool skip_invalid = false;
};

std::optional<time::Instant> as_of_instant(const std::string& text, const time::Zone& zone) {
  if (text.empty()) {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  time::ParseError error;
  const auto parsed = time::parse_timestamp(text, zone, &error);
  if (!parsed) {
    std::cerr << "--as-of: column " << error.column + 1 << ": " << error.message << " in '"
              << text << "'\n";
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

int run_evaluate(const EvaluateArgs& args) {
  const auto period = time::parse_period(args.period);
  if (!period) {
    std::cerr << "--period: '" << args.period
              << "' is not a period (2026-10, 2026-Q4, 2026-H2, 2026, 2026-W43)\n";
    return kExitUsage;
  }
  const auto contract = contract_from(args.contract);
  if (!contract) return kExitBadInput;
  const time::Zone zone = time::Zone::load(contract->timezone);
  const auto as_of = as_of_instant(args.as_of, zone);
  if (!as_of) return kExitUsage;
  if (!std::filesystem::is_directory(args.data)) {
    std::cerr << args.data << ": not a directory\n";
    return kExitBadInput;
  }

  evidence::LoadOptions options{zone};
  options.priorities.clear();
  for (const auto& p : contract->priorities) options.priorities.push_back(p.id);
  options.severities = contract->severities;
  options.skip_invalid = args.skip_invalid;
  evidence::Evidence evidence = evidence::load_evidence(args.data, options);
  if (evidence.find("exemptions") != nullptr) {
    evaluate::check_exemptions(evidence,
                               read_text(std::filesystem::path(args.data) / "exemptions.csv"));
  }
  if (!evidence.usable()) {
    std::cerr << evidence.summary();
    std::cerr << "evaluation refused: fix the rows above, or run with --skip-invalid to leave "
                 "them out\n";
    return kExitBadInput;
  }

  const date::year_month_day first{period->first_day};
  const contract::Contract in_force =
      contract::contract_in_force(*contract, date::local_days{first.year() / first.month() / 1});
  auto result = evaluate::evaluate(in_force, evidence, zone, {*period, *as_of});
  result.warnings = evidence_warnings(evidence);
  const auto exemption_notes = evaluate::exemption_warnings(evidence, zone, *as_of);
  result.warnings.insert(result.warnings.end(), exemption_notes.begin(), exemption_notes.end());
  if (args.format == "table") {
    const bool colour = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    std::cout << evaluate::to_table(result, zone, colour);
  } else {
    std::cout << evaluate::to_json(result, zone);
  }
  return kExitOk;
}

}  // namespace

void add_evaluate_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Evaluate every KPI of the contract over a period from a folder of evidence");
  cmd->add_option("--data", args->data, "Folder of evidence CSV files (tickets.csv, ...)")
      ->required();
  cmd->add_option("--contract", args->contract,
                  "Contract file (YAML); default: the built-in default contract");
  cmd->add_option("--period", args->period, "2026-10, 2026-Q4, 2026-H2, 2026 or 2026-W43")
      ->required();
  cmd->add_option("--as-of", args->as_of,
                  "The moment of evaluation (ISO 8601; without offset: contract zone); default "
                  "now");
  cmd->add_option("--format", args->format, "json (default) or table")
      ->check(CLI::IsMember({"json", "table"}));
  cmd->add_flag("--skip-invalid", args->skip_invalid,
                "Leave invalid rows out (counted in warnings) instead of refusing");
  cmd->callback([args, &exit_code] {
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
