// A count over the period (KPI-14 kaizen: improvements with effect_pct >= 5 completed in the
// contract year, reported year-to-date).
#include "evaluate/objective_eval.h"
#include "evaluate/rows.h"
#include "measure/count.h"

namespace meetlat::evaluate {

std::vector<ObjectiveResult> evaluate_count(const Context& ctx, const contract::Objective& o,
                                            const contract::CountMeasure& m,
                                            std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));
  const auto pass = row_filter(*table, m.where);
  auto per_slot = rows_by_slot(ctx, *table, m.date_column, slots, &pass);
  drop_exempted(exempted_rows(ctx, *table), *table, per_slot, results);
  const RowIds ids(*table);  // once per table: a keyless kind's ids count repeats over it
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const bool ended = !(ctx.as_of() < slots[s].window.to);
    const auto r =
        measure::count_in_window(static_cast<std::int64_t>(per_slot[s].size()), ended, o.norm);
    apply_measure(r, *table, {}, results[s]);
    for (const auto row : per_slot[s]) {
      results[s].details.push_back({"counted", ids(row)});
    }
  }
  return results;
}

}  // namespace meetlat::evaluate
