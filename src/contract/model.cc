#include "contract/model.h"

#include <algorithm>
#include <array>
#include <utility>

#include "contract/evidence_catalog.h"

namespace meetlat::contract {
namespace {

constexpr std::array<std::pair<Cadence, std::string_view>, 7> kCadenceNames{{
    {Cadence::kWeek, "week"},
    {Cadence::kMonth, "month"},
    {Cadence::kQuarter, "quarter"},
    {Cadence::kHalfYear, "half_year"},
    {Cadence::kYear, "year"},
    {Cadence::kContractYear, "contract_year"},
    {Cadence::kOnce, "once"},
}};

struct KindName {
  std::string_view operator()(const AttainmentMeasure&) const { return "attainment"; }
  std::string_view operator()(const AvailabilityMeasure&) const { return "availability"; }
  std::string_view operator()(const QuantileMeasure&) const { return "quantile"; }
  std::string_view operator()(const RatioOfSumsMeasure&) const { return "ratio_of_sums"; }
  std::string_view operator()(const ShareMeasure&) const { return "share"; }
  std::string_view operator()(const ExtremeMeasure&) const { return "extreme"; }
  std::string_view operator()(const CountMeasure&) const { return "count"; }
  std::string_view operator()(const MilestoneMeasure&) const { return "milestone"; }
  std::string_view operator()(const TrajectoryMeasure&) const { return "trajectory"; }
  std::string_view operator()(const CoverageMeasure&) const { return "coverage"; }
};

Unit column_unit(std::string_view evidence, std::string_view column) {
  const EvidenceKind* kind = find_evidence_kind(evidence);
  const EvidenceColumn* col = kind ? kind->find_column(column) : nullptr;
  if (col != nullptr && col->type == ColumnType::kRatio) return Unit::kRatio;
  if (column.ends_with("_ms")) return Unit::kMs;
  return Unit::kCount;
}

struct UnitOf {
  Unit operator()(const QuantileMeasure& m) const {
    return column_unit(m.evidence, m.value_column);
  }
  Unit operator()(const ExtremeMeasure& m) const {
    return m.value_column.empty() ? Unit::kDays : column_unit(m.evidence, m.value_column);
  }
  Unit operator()(const CountMeasure&) const { return Unit::kCount; }
  Unit operator()(const MilestoneMeasure& m) const { return m.unit; }
  template <typename M>
  Unit operator()(const M&) const {
    return Unit::kRatio;
  }
};

}  // namespace

std::string_view cadence_name(Cadence c) {
  for (const auto& [cadence, name] : kCadenceNames) {
    if (cadence == c) return name;
  }
  return "?";
}

std::optional<Cadence> parse_cadence(std::string_view text) {
  for (const auto& [cadence, name] : kCadenceNames) {
    if (name == text) return cadence;
  }
  return std::nullopt;
}

std::optional<time::Cadence> to_time_cadence(Cadence c) {
  switch (c) {
    case Cadence::kWeek:
      return time::Cadence::kWeek;
    case Cadence::kMonth:
      return time::Cadence::kMonth;
    case Cadence::kQuarter:
      return time::Cadence::kQuarter;
    case Cadence::kHalfYear:
      return time::Cadence::kHalfYear;
    case Cadence::kYear:
      return time::Cadence::kYear;
    case Cadence::kContractYear:
      return time::Cadence::kContractYear;
    case Cadence::kOnce:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string_view measure_kind(const Measure& m) { return std::visit(KindName{}, m); }

Unit measure_unit(const Measure& m) { return std::visit(UnitOf{}, m); }

void resolve_parameters(Kpi& kpi, const Parameters& p) {
  for (Objective& o : kpi.objectives) {
    if (auto* q = std::get_if<QuantileMeasure>(&o.measure); q && q->names_from_parameters) {
      q->names = p.core_transactions;
    } else if (auto* c = std::get_if<CoverageMeasure>(&o.measure); c && c->items_from_parameters) {
      c->items = p.critical_fields;
      c->items_example = p.critical_fields_example;
    } else if (auto* t = std::get_if<TrajectoryMeasure>(&o.measure);
               t && p.co2_baseline_tco2e_per_quarter) {
      t->baseline_per_quarter = *p.co2_baseline_tco2e_per_quarter;
      t->baseline_example = p.co2_baseline_example;
    }
  }
}

std::string_view owner_name(Owner o) { return o == Owner::kClient ? "client" : "supplier"; }

const CalendarDef* Contract::find_calendar(std::string_view calendar_name) const {
  const auto it = calendars.find(calendar_name);
  return it == calendars.end() ? nullptr : &it->second;
}

const Kpi* Contract::find_kpi(std::string_view kpi_id) const {
  const auto it =
      std::find_if(kpis.begin(), kpis.end(), [&](const Kpi& k) { return k.id == kpi_id; });
  return it == kpis.end() ? nullptr : &*it;
}

const LadderStep* Kpi::find_step(std::string_view action) const {
  for (const LadderStep& s : ladder) {
    if (s.action == action) return &s;
  }
  return nullptr;
}

bool Contract::example_money() const {
  if (monthly_fee.example || caps.example) return true;
  for (const Kpi& k : kpis) {
    for (const LadderStep& s : k.ladder) {
      if (s.malus_pct && s.example) return true;
    }
    if (k.bonus && k.bonus->example) return true;
  }
  return false;
}

Contract contract_in_force(const Contract& c, time::Date month_start) {
  Contract out = c;
  out.amendments.clear();
  for (const Amendment& a : c.amendments) {
    if (a.effective_from > month_start) break;
    if (a.parameters) out.parameters = *a.parameters;
    std::erase_if(out.kpis, [&](const Kpi& k) {
      return std::find(a.removed_kpis.begin(), a.removed_kpis.end(), k.id) != a.removed_kpis.end();
    });
    for (const Kpi& changed : a.kpis) {
      auto it = std::find_if(out.kpis.begin(), out.kpis.end(),
                             [&](const Kpi& k) { return k.id == changed.id; });
      if (it != out.kpis.end()) {
        *it = changed;
      } else {
        out.kpis.push_back(changed);
      }
    }
  }
  for (Kpi& k : out.kpis) resolve_parameters(k, out.parameters);
  return out;
}

}  // namespace meetlat::contract
