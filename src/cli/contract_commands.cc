// `meetlat contract check FILE` and `meetlat contract show [--default] [--contract FILE]`
// (docs/contract.md).
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/contract_source.h"
#include "contract/default_contract.h"
#include "contract/loader.h"

namespace meetlat::cli {
namespace {

using contract::Contract;
using contract::Diagnostic;

std::string example_mark(bool example) { return example ? "  (example value)" : ""; }

void print_objective(const contract::Kpi& k, const contract::Objective& o) {
  std::cout << "  " << o.id << "  "
            << (o.norm_is_trajectory ? ">= trajectory" : format_norm(o.norm)) << "  "
            << contract::measure_kind(o.measure);
  if (o.cadence) std::cout << "  cadence " << contract::cadence_name(objective_cadence(k, o));
  std::cout << example_mark(o.norm.example) << '\n';
  if (const auto* c = std::get_if<contract::CoverageMeasure>(&o.measure)) {
    std::cout << "    items:";
    for (const std::string& item : c->items) std::cout << ' ' << item;
    if (c->items.empty()) std::cout << " none (no_data)";
    std::cout << example_mark(c->items_example) << '\n';
  }
}

// A normalised summary: what the engine will apply, one line per KPI, objective and ladder step.
void print_summary(const Contract& c) {
  std::cout << "contract " << c.id << ": " << c.name.en << " / " << c.name.nl << '\n'
            << "start " << time::format_date(c.start) << ", " << c.term_months << " months, zone "
            << c.timezone << '\n'
            << "monthly fee " << contract::format_decimal({c.monthly_fee.cents, 2}) << " "
            << c.monthly_fee.currency << example_mark(c.monthly_fee.example) << '\n';
  std::cout << "calendars:";
  for (const auto& [name, def] : c.calendars) std::cout << ' ' << name << (def.example ? "*" : "");
  std::cout << "  (* example value)\n";
  for (const contract::Kpi& k : c.kpis) {
    std::cout << k.id << "  " << k.title.en << "  (" << k.requirement << ", "
              << contract::cadence_name(k.cadence) << ")\n";
    for (const contract::Objective& o : k.objectives) print_objective(k, o);
    for (const contract::LadderStep& s : k.ladder) {
      std::cout << "  ladder: " << s.action << " (" << contract::owner_name(s.owner) << ")";
      if (s.malus_pct) {
        std::cout << " malus " << contract::format_decimal(*s.malus_pct) << "%"
                  << example_mark(s.example);
      }
      if (s.due) {
        std::cout << " due " << s.due->count << (s.due->working_days ? " working days" : " days")
                  << example_mark(s.example);
      }
      std::cout << '\n';
    }
  }
  for (const contract::Amendment& a : c.amendments) {
    std::cout << "amendment from " << time::format_date(a.effective_from) << ": " << a.note.en
              << '\n';
  }
}

void add_check(CLI::App& group, int& exit_code) {
  auto* cmd =
      group.add_subcommand("check", "Validate a contract file; errors name line and column");
  auto file = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "The contract file (YAML)")->required();
  cmd->callback([file, &exit_code] {
    if (contract_from(*file, true)) {
      std::cout << *file << ": ok\n";
      exit_code = kExitOk;
    } else {
      exit_code = kExitBadInput;
    }
  });
}

void add_show(CLI::App& group, int& exit_code) {
  auto* cmd = group.add_subcommand("show",
                                   "Print the default contract as shipped (YAML, to start from), "
                                   "or a summary of a contract file");
  auto file = std::make_shared<std::string>();
  auto use_default = std::make_shared<bool>(false);
  auto* default_flag =
      cmd->add_flag("--default", *use_default, "Print the built-in default contract (YAML)");
  cmd->add_option("--contract", *file, "Summarise this contract file as the engine reads it")
      ->excludes(default_flag);
  // The callback keeps both option targets alive: CLI11 writes through these pointers when it
  // parses, after this function has returned.
  cmd->callback([file, use_default, &exit_code] {
    if (*use_default || file->empty()) {
      std::cout << contract::default_contract_yaml();
      exit_code = kExitOk;
      return;
    }
    const std::optional<Contract> c = contract_from(*file);
    if (!c) {
      exit_code = kExitBadInput;
      return;
    }
    print_summary(*c);
    exit_code = kExitOk;
  });
}

}  // namespace

void add_contract_commands(CLI::App& app, int& exit_code) {
  auto* group = app.add_subcommand("contract", "Check and show contract files");
  group->require_subcommand(1);
  add_check(*group, exit_code);
  add_show(*group, exit_code);
}

}  // namespace meetlat::cli
