#include "report/result_table.h"

#include <cstdio>
#include <string>

#include "report/shown_value.h"
#include "report/wording.h"
#include "time/period.h"

namespace meetlat::report {

// The results this module renders.
using namespace evaluate;  // NOLINT(google-build-using-namespace)
namespace {

// The value with `decimals` decimals in its unit ("99.95%", "312 ms").
std::string format_value(contract::Unit unit, double value, int decimals) {
  char buffer[64];
  switch (unit) {
    case contract::Unit::kRatio:
      std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals, value * 100);
      break;
    case contract::Unit::kMs:
      std::snprintf(buffer, sizeof buffer, "%.*f ms", decimals, value);
      break;
    case contract::Unit::kDays:
      std::snprintf(buffer, sizeof buffer, "%.*f days", decimals, value);
      break;
    case contract::Unit::kWeeks:
      std::snprintf(buffer, sizeof buffer, "%.*f weeks", decimals, value);
      break;
    case contract::Unit::kCount:
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
      break;
  }
  return buffer;
}

// The value as a reader compares it with its norm (shown_value.h).
std::string value_text(const ObjectiveResult& r) {
  if (!r.value) return "-";
  return format_value(r.unit, *r.value, shown_decimals(r.unit, *r.value, r.norm));
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

// `s` padded to `width`; a longer one keeps a space after it, so columns never run together.
std::string pad(std::string s, std::size_t width) {
  s.append(s.size() < width ? width - s.size() : 1, ' ');
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

std::string to_table(const Evaluation& e, const contract::Versions& versions,
                     const time::Zone& zone, bool colour) {
  std::string out =
      e.contract_id + " — " + e.period_name + ", as of " + zone.format(e.as_of) + "\n\n";
  // Each KPI's own window: its cadence period holding the one asked for, or the period asked
  // for itself (a quarter of a monthly KPI, an ISO week of a weekly one).
  out += pad("KPI", 8) + pad("objective", 21) + pad("window", 10) + pad("value", 14) +
         pad("norm", 16) + pad("items", 28) + "status\n";
  for (const auto& k : e.kpis) {
    // Short: a contract year's name "CY1 (2026-01-01/2027-01-01)" shows as "CY1".
    std::string window = time::period_name(k.period, versions.contract().start);
    window = window.substr(0, window.find(' '));
    for (const auto& o : k.objectives) {
      const std::string items =
          std::to_string(o.count) + " (" + std::to_string(o.failing) + " failing" +
          (o.pending > 0 ? ", " + std::to_string(o.pending) + " pending" : "") + ")";
      out += pad(k.kpi_id, 8) + pad(o.id, 21) + pad(window, 10) + pad(value_text(o), 14) +
             pad(contract::format_norm(o.norm), 16) + pad(items, 28) +
             status_text(o.status, colour);
      if (!k.final) out += " (to date)";
      out += "\n";
      out += objective_notes(o);
    }
    for (const auto& fired : k.escalation.steps) {
      const auto& step = versions.step(k.contract_version, k.kpi_id, fired.action);
      out += pad("", 8) + "→ " + step.label.en + " (" +
             std::string(contract::owner_name(step.owner)) +
             (fired.deadline ? ", due " + zone.format(*fired.deadline) : "") +
             "): " + reason_text(fired.because, english()) + "\n";
    }
  }
  const auto& f = e.finance;
  out += "\nMalus: " + money_text(f.malus_cents, f.currency, english()) +
         (f.capped ? " (capped)" : "") +
         "   Bonus: " + money_text(f.bonus_cents, f.currency, english()) +
         "   Net: " + money_text(f.net_cents, f.currency, english()) + "\n";
  if (f.year) {
    out += "Contract year " + std::to_string(f.year->contract_year) + " so far: malus " +
           money_text(f.year->malus_cents, f.currency, english()) +
           (f.year->malus_cap_cents
                ? " of at most " + money_text(*f.year->malus_cap_cents, f.currency, english())
                : "") +
           "\n";
  }
  for (const auto& line :
       money_lines_text(f.explanation, {f.monthly_fee_cents, f.currency}, english())) {
    out += "  " + line + "\n";
  }
  if (f.example && f.explanation.empty()) {
    out += "  note: example values (fee or percentages), not yet agreed\n";
  }
  for (const auto& w : e.warnings) out += "warning: " + w + "\n";
  return out;
}

}  // namespace meetlat::report
