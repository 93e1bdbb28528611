#include "evaluate/result_table.h"

#include <cstdio>

#include "evaluate/finance.h"

namespace meetlat::evaluate {
namespace {

std::string value_text(const ObjectiveResult& r) {
  if (!r.value) return "-";
  char buffer[64];
  switch (r.unit) {
    case contract::Unit::kRatio:
      std::snprintf(buffer, sizeof buffer, "%.2f%%", *r.value * 100);
      break;
    case contract::Unit::kMs:
      std::snprintf(buffer, sizeof buffer, "%.0f ms", *r.value);
      break;
    case contract::Unit::kDays:
      std::snprintf(buffer, sizeof buffer, "%.1f days", *r.value);
      break;
    case contract::Unit::kWeeks:
      std::snprintf(buffer, sizeof buffer, "%.1f weeks", *r.value);
      break;
    case contract::Unit::kCount:
      std::snprintf(buffer, sizeof buffer, "%.0f", *r.value);
      break;
  }
  return buffer;
}

std::string status_text(Status s, bool colour) {
  std::string name(measure::status_name(s));
  if (!colour) return name;
  const char* code = s == Status::kMet        ? "32"
                     : s == Status::kBreached ? "31"
                     : s == Status::kPending  ? "33"
                                              : "90";
  return std::string("\x1b[") + code + "m" + name + "\x1b[0m";
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

// The lines under an objective that say what changed its figures: exemptions and a minimum-volume
// rule.
std::string objective_notes(const ObjectiveResult& o) {
  std::string out;
  if (o.exempted > 0) {
    out += pad("", 8) + "  exempted " + std::to_string(o.exempted) + ":";
    for (const auto& id : o.exempted_ids) out += " " + id;
    out += "\n";
  }
  if (o.volume_rule) {
    out += pad("", 8) + "  " + std::to_string(o.volume_rule->items) +
           " items, fewer than the minimum of " + std::to_string(o.volume_rule->min_count) +
           (o.volume_rule->max_failing
                ? ": decided by at most " + std::to_string(*o.volume_rule->max_failing) + " failing"
                : ": no_data") +
           "\n";
  }
  return out;
}

}  // namespace

std::string to_table(const Evaluation& e, const time::Zone& zone, bool colour) {
  std::string out =
      e.contract->id + " — " + e.period_name + ", as of " + zone.format(e.as_of) + "\n\n";
  out += pad("KPI", 8) + pad("objective", 21) + pad("value", 14) + pad("norm", 16) +
         pad("items", 28) + "status\n";
  for (const auto& k : e.kpis) {
    for (const auto& o : k.objectives) {
      const std::string items =
          std::to_string(o.count) + " (" + std::to_string(o.failing) + " failing" +
          (o.pending > 0 ? ", " + std::to_string(o.pending) + " pending" : "") + ")";
      out += pad(k.kpi->id, 8) + pad(o.id, 21) + pad(value_text(o), 14) +
             pad(contract::format_norm(o.norm), 16) + pad(items, 28) +
             status_text(o.status, colour);
      if (!k.final) out += " (to date)";
      out += "\n";
      out += objective_notes(o);
    }
    for (const auto& fired : k.escalation.steps) {
      out += pad("", 8) + "→ " + fired.step->label.en + " (" +
             std::string(contract::owner_name(fired.step->owner)) +
             (fired.deadline ? ", due " + zone.format(*fired.deadline) : "") +
             "): " + fired.because + "\n";
    }
  }
  const auto& f = e.finance;
  out += "\nMalus: " + format_money_en(f.malus_cents, f.currency) + (f.capped ? " (capped)" : "") +
         "   Bonus: " + format_money_en(f.bonus_cents, f.currency) +
         "   Net: " + format_money_en(f.net_cents, f.currency) + "\n";
  if (f.year) {
    out += "Contract year " + std::to_string(f.year->contract_year) + " so far: malus " +
           format_money_en(f.year->malus_cents, f.currency) +
           (f.year->malus_cap_cents
                ? " of at most " + format_money_en(*f.year->malus_cap_cents, f.currency)
                : "") +
           "\n";
  }
  for (const auto& line : f.explanation_en) out += "  " + line + "\n";
  if (f.example && f.explanation_en.empty()) {
    out += "  note: example values (fee or percentages), not yet agreed\n";
  }
  for (const auto& w : e.warnings) out += "warning: " + w + "\n";
  return out;
}

}  // namespace meetlat::evaluate
