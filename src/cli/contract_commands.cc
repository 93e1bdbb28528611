// `meetlat contract check FILE` and `meetlat contract show [--default] [--contract FILE]`
// (docs/contract.md).
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <variant>

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
  if (const auto* a = std::get_if<contract::AttainmentMeasure>(&o.measure); a && a->pauses) {
    std::cout << ", clock paused by pauses.csv";
  }
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
  for (const auto& [kind, names] : c.priority_names) {
    std::cout << "priority names in " << kind << ":";
    const char* separator = " ";
    for (const auto& [name, id] : names) {
      std::cout << separator << "'" << name << "' = " << id;
      separator = ", ";
    }
    std::cout << '\n';
  }
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

}  // namespace

int run_contract_check(const std::string& file) {
  if (!contract_from(file, true)) return kExitBadInput;
  std::cout << file << ": ok\n";
  return kExitOk;
}

int run_contract_show(bool use_default, const std::string& file) {
  if (use_default || file.empty()) {
    std::cout << contract::default_contract_yaml();
    return kExitOk;
  }
  const std::optional<Contract> c = contract_from(file);
  if (!c) return kExitBadInput;
  print_summary(*c);
  return kExitOk;
}

}  // namespace meetlat::cli
