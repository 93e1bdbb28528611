// The exemption register of a workspace (docs/exemptions.md, "In a workspace"):
// `exempt --evidence KIND RECORD... --reason TEXT` proposes, `approve ID --reason TEXT` and
// `reject ID --reason TEXT` decide (the date of the decision in the contract's zone is the
// approved_on of the exemption), `exemptions` lists the register.
#include <chrono>
#include <iostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "store/workspace.h"
#include "time/instant.h"

namespace meetlat::cli {
namespace {

std::string records_text(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += (out.empty() ? "" : " ") + r;
  return out;
}

int exempt(const ExemptArgs& args) {
  const auto dir = workspace_folder("exempt", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const store::Exemption e =
      workspace.propose_exemption(args.kind, args.records, args.reason, os_user());
  std::cout << "exemption " << e.id << " proposed: " << e.kind << " " << records_text(e.records)
            << "; it applies once approved (meetlat approve " << e.id << " --reason ...)\n";
  return kExitOk;
}

int decide(const DecideArgs& args) {
  const auto dir = workspace_folder(args.approve ? "approve" : "reject", args.workspace);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const auto contract = workspace_contract(workspace);
  if (!contract) return kExitBadInput;
  const time::Zone zone = time::Zone::load(contract->timezone);
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string today = time::format_date(zone.date_of(now));
  const store::Exemption e =
      workspace.decide_exemption(args.id, args.approve, today, args.reason, os_user());
  std::cout << "exemption " << e.id << " " << e.status << " on " << e.decided_on << " by "
            << e.decided_by << "\n";
  return kExitOk;
}

int list(const std::string& option) {
  const auto dir = workspace_folder("exemptions", option);
  if (!dir) return kExitUsage;
  store::Workspace workspace = store::Workspace::open(*dir);
  const auto register_ = workspace.exemptions();
  if (register_.empty()) {
    std::cout << "no exemptions in the register\n";
    return kExitOk;
  }
  for (const store::Exemption& e : register_) {
    std::cout << e.id << "  " << e.status << "  " << e.kind << " " << records_text(e.records)
              << "\n    proposed by " << e.proposed_by << " at " << e.proposed_at << ": "
              << e.reason << "\n";
    if (e.status != "proposed") {
      std::cout << "    " << e.status << " by " << e.decided_by << " on " << e.decided_on << ": "
                << e.decision << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

int run_exempt(const ExemptArgs& args) {
  return run_reporting_errors("exempt", [&] { return exempt(args); });
}

int run_decide(const DecideArgs& args) {
  return run_reporting_errors(args.approve ? "approve" : "reject", [&] { return decide(args); });
}

int run_exemptions(const std::string& workspace) {
  return run_reporting_errors("exemptions", [&] { return list(workspace); });
}

}  // namespace meetlat::cli
