#include "cli/inputs.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "cli/app.h"
#include "cli/contract_source.h"
#include "evaluate/columns_read.h"
#include "evaluate/exemptions.h"
#include "io/regular_file.h"
#include "time/parse.h"
#include "time/supported_years.h"
#include "time/time_error.h"

namespace meetlat::cli {
namespace {

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
  if (!time::is_supported(parsed->at)) {
    std::cerr << "--as-of: " << text << " lies outside the supported years "
              << time::kSupportedYears << '\n';
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

// The contract, its zone and as_of; checks that --data is a folder.
int load_contract_inputs(const InputArgs& args, Inputs& out) {
  auto contract = contract_from(args.contract);
  if (!contract) return kExitBadInput;
  out.contract = std::move(*contract);
  out.zone = time::Zone::load(out.contract.timezone);
  const auto as_of = as_of_instant(args.as_of, out.zone);
  if (!as_of) return kExitUsage;
  out.as_of = *as_of;
  io::check_folder(args.data);  // FileError: run_reporting_errors says what is wrong
  return kExitOk;
}

using RowSinks = std::map<std::string, evidence::RowSinkFactory, std::less<>>;

// The evidence of --data (valid rows of the kinds in `sinks` go to those sinks instead of a
// table), exemptions checked; refuses invalid rows unless --skip-invalid.
int load_evidence_inputs(const InputArgs& args, Inputs& out, RowSinks sinks) {
  evidence::LoadOptions options{out.zone};
  options.sinks = std::move(sinks);
  options.priorities.clear();
  for (const auto& p : out.contract.priorities) options.priorities.push_back(p.id);
  options.severities = out.contract.severities;
  options.skip_invalid = args.skip_invalid;
  options.kept_columns = evaluate::columns_read(out.contract);
  out.evidence = evidence::load_evidence(args.data, options);
  if (out.evidence.find("exemptions") != nullptr) {
    evaluate::check_exemptions(
        out.evidence, io::read_regular(std::filesystem::path(args.data) / "exemptions.csv"));
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

constexpr std::string_view kStreamedKind = "transactions";

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

}  // namespace

int load_for_period(const InputArgs& args, const time::Period& period, Inputs& out) {
  if (const int code = load_contract_inputs(args, out); code != kExitOk) return code;
  const std::chrono::year_month_day first{period.first_day};
  out.in_force = contract::contract_in_force(
      out.contract, std::chrono::local_days{first.year() / first.month() / 1});
  RowSinks sinks;
  if (evaluate::LatencyAccumulator::can_stream(out.in_force, kStreamedKind)) {
    auto plan = std::make_shared<const evaluate::LatencyAccumulator>(
        out.in_force, out.zone, out.as_of, period, kStreamedKind);
    sinks.emplace(kStreamedKind, [plan] { return plan->fresh(); });
  }
  if (const int code = load_evidence_inputs(args, out, std::move(sinks)); code != kExitOk) {
    return code;
  }
  out.latency = merged_latency(out.evidence);
  return kExitOk;
}

std::optional<time::Period> period_option(std::string_view option, const std::string& text) {
  const auto period = time::parse_period(text);
  if (!period) {
    std::cerr << option << ": '" << text
              << "' is not a period (2026-10, 2026-Q4, 2026-H2, 2026, 2026-W43)\n";
    return std::nullopt;
  }
  if (!time::is_supported(period->first_day) || period->end_day > time::kEndOfSupportedDays) {
    std::cerr << option << ": " << text << " lies outside the supported years "
              << time::kSupportedYears << '\n';
    return std::nullopt;
  }
  return period;
}

int run_reporting_errors(std::string_view command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const io::FileError& e) {
    std::cerr << e.what() << '\n';
  } catch (const time::TimeError& e) {
    std::cerr << command << ": " << e.what() << '\n';
  }
  return kExitBadInput;
}

}  // namespace meetlat::cli
