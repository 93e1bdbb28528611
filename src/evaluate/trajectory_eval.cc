// CO2 reduction against a straight-line trajectory (KPI-07): emissions rows summed over the
// quarter (by period_start), against the baseline quarter. The norm of each quarter is the
// trajectory's required reduction at its end.
//
// Like with like (docs/kpis.md): a period longer than a quarter (2026-H2, 2026) compares its
// emissions with the baseline of as many quarters (months / 3). A period not ended at as_of is
// pending: its emissions so far are compared with the baseline pro-rated to the days they cover
// (from the period's first day through the latest period_end among its rows), never with a whole
// quarter's baseline.
#include <algorithm>
#include <optional>

#include "evaluate/objective_eval.h"
#include "evaluate/rows.h"
#include "measure/trajectory.h"
#include "time/period.h"

namespace meetlat::evaluate {
namespace {

// The required reduction as an exact decimal: reduction × min(months, over) / over, rounded
// down to 6 decimals of a ratio (what the printed norm shows; the decision itself is exact).
contract::Decimal required_reduction(const contract::TrajectoryMeasure& m, int months) {
  const int capped = std::min(std::max(months, 0), m.over_months);
  std::int64_t pow10 = 1;
  for (int i = 0; i < m.reduction.scale; ++i) pow10 *= 10;
  const std::int64_t units = m.reduction.units * capped * 1'000'000 / (pow10 * m.over_months);
  return {units, 6};
}

// The days of `period` that the rows cover: the union of [start, end] of each row (a row without
// an end covers its start day), clipped to the period.
std::int64_t covered(const evidence::Table& table, const contract::TrajectoryMeasure& m,
                     const Context& ctx, const std::vector<std::size_t>& rows,
                     const time::Period& period) {
  const InstantColumn start(table, m.date_column, ctx.zone());
  std::vector<std::pair<time::Date, time::Date>> spans;  // [first, end) days
  for (const auto row : rows) {
    const time::Date first = std::max(ctx.zone().date_of(start[row]), period.first_day);
    time::Date last = ctx.zone().date_of(start[row]);
    if (!m.end_column.empty() && !evidence::is_missing(table.dates(m.end_column)[row])) {
      last = table.dates(m.end_column)[row];
    }
    const time::Date end = std::min(last + std::chrono::days{1}, period.end_day);
    if (first < end) spans.emplace_back(first, end);
  }
  std::sort(spans.begin(), spans.end());
  std::int64_t days = 0;
  std::optional<time::Date> reached;  // the end of the union so far
  for (const auto& [first, end] : spans) {
    const time::Date from = reached ? std::max(first, *reached) : first;
    if (from < end) days += (end - from).count();
    reached = reached ? std::max(*reached, end) : end;
  }
  return days;
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
    const time::Period& period = slots[s].period;
    const int months = time::months_between(ctx.contract().start, period.end_day);
    auto& out = results[s];
    out.norm.threshold = required_reduction(m, months);
    if (table == nullptr) {
      out.reason = absent_file_reason(m.evidence);
      continue;
    }
    std::vector<double> emissions;
    for (const auto row : per_slot[s]) emissions.push_back(table->numbers(m.value_column)[row]);
    measure::Trajectory like = trajectory;
    like.baseline_tco2e_per_quarter *= time::months_between(period.first_day, period.end_day) / 3.0;
    const bool ended = !(ctx.as_of() < slots[s].window.to);
    const std::int64_t period_days = (period.end_day - period.first_day).count();
    const std::int64_t covered_days = covered(*table, m, ctx, per_slot[s], period);
    if (!ended && covered_days > 0) {
      like.baseline_tco2e_per_quarter *=
          static_cast<double>(covered_days) / static_cast<double>(period_days);
    }
    const auto r = measure::co2_trajectory(emissions, months, like);
    apply_measure(r.result, *table, per_slot[s], out);
    if (out.status == Status::kNoData) continue;
    out.details.push_back({"emissions_tco2e", r.emissions_tco2e});
    out.details.push_back({"baseline_tco2e", like.baseline_tco2e_per_quarter});
    out.details.push_back({"required", r.required});
    const std::string days =
        std::to_string(covered_days) + " of the period's " + std::to_string(period_days) + " days";
    if (!ended) {
      out.status = Status::kPending;
      out.reason = "to date: the emission rows so far cover " + days +
                   ", against the baseline pro-rated to them; decided when the period ends";
    } else if (covered_days < period_days) {
      out.reason =
          "the emission rows cover only " + days + "; days without a row count as no emissions";
    }
  }
  return results;
}

}  // namespace meetlat::evaluate
