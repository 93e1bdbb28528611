// CO2 reduction against a straight-line trajectory (KPI-07): emissions rows summed over the
// quarter (by period_start), against the baseline quarter. The norm of each quarter is the
// trajectory's required reduction at its end.
#include "evaluate/objective_eval.h"
#include "measure/trajectory.h"

namespace meetlat::evaluate {
namespace {

int months_between(time::Date from, time::Date to) {
  const date::year_month_day a{from};
  const date::year_month_day b{to};
  return (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
         static_cast<int>(static_cast<unsigned>(b.month())) -
         static_cast<int>(static_cast<unsigned>(a.month()));
}

// The required reduction as an exact decimal: reduction × min(months, over) / over, rounded
// down to 6 decimals of a ratio (what the printed norm shows; the decision itself is exact).
contract::Decimal required_reduction(const contract::TrajectoryMeasure& m, int months) {
  const int capped = std::min(std::max(months, 0), m.over_months);
  std::int64_t pow10 = 1;
  for (int i = 0; i < m.reduction.scale; ++i) pow10 *= 10;
  const std::int64_t units = m.reduction.units * capped * 1'000'000 / (pow10 * m.over_months);
  return {units, 6};
}

}  // namespace

std::vector<ObjectiveResult> evaluate_trajectory(const Context& ctx, const contract::Objective& o,
                                                 const contract::TrajectoryMeasure& m,
                                                 std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "no emissions row in the period");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  const measure::Trajectory trajectory{m.baseline_per_quarter.to_double(), m.reduction,
                                       m.over_months};
  const auto per_slot = table != nullptr ? rows_by_slot(ctx, *table, m.date_column, slots)
                                         : std::vector<std::vector<std::size_t>>(slots.size());
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const int months = months_between(ctx.contract().start, slots[s].period.end_day);
    auto& out = results[s];
    out.norm.threshold = required_reduction(m, months);
    if (table == nullptr) {
      out.reason = absent_file_reason(m.evidence);
      continue;
    }
    std::vector<double> emissions;
    for (const auto row : per_slot[s]) emissions.push_back(table->numbers(m.value_column)[row]);
    const auto r = measure::co2_trajectory(emissions, months, trajectory);
    apply_measure(r.result, *table, per_slot[s], out);
    if (out.status == Status::kNoData) continue;
    out.details.push_back({"emissions_tco2e", r.emissions_tco2e});
    out.details.push_back({"baseline_tco2e", trajectory.baseline_tco2e_per_quarter});
    out.details.push_back({"required", r.required});
  }
  return results;
}

}  // namespace meetlat::evaluate
