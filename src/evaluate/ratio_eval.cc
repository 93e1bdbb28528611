// Ratio of sums (KPI-02 migration_accuracy, KPI-15 siem_coverage): Σnumerator / Σdenominator of
// the rows dated in the period.
#include <cmath>

#include "evaluate/objective_eval.h"
#include "measure/ratio_of_sums.h"

namespace meetlat::evaluate {

std::vector<ObjectiveResult> evaluate_ratio_of_sums(const Context& ctx,
                                                    const contract::Objective& o,
                                                    const contract::RatioOfSumsMeasure& m,
                                                    std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "no row in the period");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));
  const auto numerator = table->numbers(m.numerator_column);
  const auto denominator = table->numbers(m.denominator_column);
  auto per_slot = rows_by_slot(ctx, *table, m.date_column, slots);
  drop_exempted(exempted_rows(ctx, *table), *table, per_slot, results);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    std::vector<measure::RatioRow> rows;
    for (const auto row : per_slot[s]) {
      rows.push_back({static_cast<std::uint64_t>(std::llround(numerator[row])),
                      static_cast<std::uint64_t>(std::llround(denominator[row]))});
    }
    const measure::RatioOfSumsResult ratio = measure::ratio_of_sums(rows, o.norm);
    apply_measure(ratio.measure, *table, per_slot[s], results[s]);
    if (ratio.surplus > 0) {
      // More received than emitted (retries, duplicates): reported, not a breach.
      results[s].details.push_back(
          {"surplus_" + m.numerator_column, static_cast<std::int64_t>(ratio.surplus)});
    }
  }
  return results;
}

}  // namespace meetlat::evaluate
