#include "cli/inputs.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <vector>

#include "cli/app.h"
#include "cli/contract_source.h"
#include "contract/loader.h"
#include "io/file_error.h"
#include "store/store_error.h"
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
  if (!args.data.empty() && !args.workspace.empty()) {
    std::cerr << "give --data DIR (a folder of evidence files) or --workspace DIR, not both\n";
    return kExitUsage;
  }
  std::optional<contract::Contract> contract;
  if (args.data.empty()) {
    const auto dir = workspace_folder("evaluating", args.workspace);
    if (!dir) return kExitUsage;
    if (!args.contract.empty()) {
      std::cerr << "--contract: a workspace evaluates with its own contract (" << *dir
                << "); leave --contract out\n";
      return kExitUsage;
    }
    store::Workspace workspace = store::Workspace::open(*dir);
    contract = workspace_contract(workspace);
    if (!contract) return kExitBadInput;
    auto source = workspace.evidence(args.skip_invalid);
    out.evidence_sha256 = source->evidence_sha256();
    out.registered_actions = source->registered_actions();
    out.from_workspace = true;
    out.source = std::move(source);
    out.contract_versions = static_cast<std::int64_t>(workspace.contract_versions().size());
    out.closings = workspace.closings();
  } else {
    contract = contract_from(args.contract);
    if (!contract) return kExitBadInput;
    out.source = std::make_unique<engine::EvidenceFolder>(args.data, args.skip_invalid);
  }
  out.contract = std::move(*contract);
  out.zone = time::Zone::load(out.contract.timezone);
  const auto as_of = as_of_instant(args.as_of, out.zone);
  if (!as_of) return kExitUsage;
  out.as_of = *as_of;
  return kExitOk;
}

std::optional<std::string> workspace_folder(std::string_view command, const std::string& option) {
  if (!option.empty()) return option;
  if (store::Workspace::is_workspace(".")) return ".";
  std::cerr << command
            << ": give --workspace DIR (or --data DIR for a folder of evidence files); the "
               "current folder is not a workspace (meetlat init DIR makes one)\n";
  return std::nullopt;
}

std::optional<contract::Contract> workspace_contract(store::Workspace& workspace,
                                                     const contract::AmendmentText* extra) {
  const std::string where =
      (workspace.dir() / std::string(store::Workspace::kDatabaseName)).string();
  const auto versions = workspace.contract_versions();
  std::vector<contract::AmendmentText> amendments;
  for (std::size_t i = 1; i < versions.size(); ++i) {
    amendments.push_back({versions[i].yaml,
                          where + " (contract version " + std::to_string(versions[i].version) +
                              ", effective " + versions[i].effective_from + ")",
                          versions[i].effective_from});
  }
  if (extra != nullptr) amendments.push_back(*extra);
  contract::LoadResult r =
      contract::load_contract(versions.front().yaml, where + " (contract version 1)", amendments);
  for (const contract::Diagnostic& d : r.diagnostics) std::cerr << d.to_string() << '\n';
  return std::move(r.contract);
}

std::string os_user() {
  const uid_t uid = geteuid();
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
      found->pw_name != nullptr) {
    return found->pw_name;
  }
  return "uid " + std::to_string(uid);
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
  } catch (const store::StoreError& e) {
    std::cerr << command << ": " << e.what() << '\n';
  }
  return kExitBadInput;
}

}  // namespace meetlat::cli
