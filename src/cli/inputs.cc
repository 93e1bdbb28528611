#include "cli/inputs.h"

#include <chrono>
#include <iostream>

#include "cli/app.h"
#include "cli/contract_source.h"
#include "io/file_error.h"
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

}  // namespace

int read_engine_inputs(const InputArgs& args, EngineInputs& out) {
  auto contract = contract_from(args.contract);
  if (!contract) return kExitBadInput;
  out.contract = std::move(*contract);
  out.zone = time::Zone::load(out.contract.timezone);
  const auto as_of = as_of_instant(args.as_of, out.zone);
  if (!as_of) return kExitUsage;
  out.as_of = *as_of;
  out.source = {args.data, args.skip_invalid};
  return kExitOk;
}

int report_refusal(const engine::Refused& refused) {
  std::cerr << refused.summary;
  std::cerr << "evaluation refused: fix the rows above, or run with --skip-invalid to leave them "
               "out\n";
  return kExitBadInput;
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
