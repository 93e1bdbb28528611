// Lowest or highest value of the period (KPI-05 regression_coverage; KPI-16 export, the longest
// export test of the half-year in days, an unfinished test lasting until as_of).
#include "evaluate/objective_eval.h"
#include "evaluate/rows.h"
#include "measure/extreme.h"

namespace meetlat::evaluate {

std::vector<ObjectiveResult> evaluate_extreme(const Context& ctx, const contract::Objective& o,
                                              const contract::ExtremeMeasure& m,
                                              std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "no row in the period");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  const auto which = m.which == contract::ExtremeMeasure::Which::kMin ? measure::Extreme::kMin
                                                                      : measure::Extreme::kMax;
  const auto empty = m.when_empty == contract::WhenEmpty::kBreached ? measure::WhenEmpty::kBreached
                                                                    : measure::WhenEmpty::kNoData;
  // No file is no evidence (no_data), never a breach; a file without a row in the period is
  // judged by `if_empty` (a half-year without an export test is breached).
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));
  auto per_slot = rows_by_slot(ctx, *table, m.date_column, slots);
  drop_exempted(exempted_rows(ctx, *table), *table, per_slot, results);
  const bool duration = m.value_column.empty();
  std::vector<time::Instant> from;
  std::vector<time::Instant> to;
  if (duration) {
    from = row_instants(*table, m.from_column, ctx.zone());
    to = row_instants(*table, m.to_column, ctx.zone(), DayEdge::kEnd);
  }
  constexpr double kMicrosPerDay = 86400e6;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    std::vector<measure::ExtremeItem> items;
    std::vector<std::size_t> rows;
    for (const auto row : per_slot[s]) {
      if (!duration) {
        const double v = table->numbers(m.value_column)[row];
        if (!evidence::is_missing(v)) {
          items.push_back({v, false});
          rows.push_back(row);
        }
        continue;
      }
      rows.push_back(row);
      const bool open = evidence::is_missing(to[row]) || ctx.as_of() < to[row];
      const time::Instant end = open ? ctx.as_of() : to[row];
      items.push_back({static_cast<double>((end - from[row]).count()) / kMicrosPerDay, open});
    }
    const measure::MeasureResult r = measure::extreme(items, which, empty, o.norm);
    apply_measure(r, *table, rows, results[s]);
    if (duration) {
      // A value read from a column is in the record's row already; a duration is not.
      for (std::size_t i = 0; i < r.failing_items.size(); ++i) {
        const measure::ExtremeItem& item = items[r.failing_items[i]];
        results[s].record_values.push_back({results[s].failing_ids[i], item.value, item.open});
      }
    }
    if (items.empty() && results[s].status == Status::kBreached) {
      // "A half-year without an export test is breached": decided only once it has ended.
      const bool ended = !(ctx.as_of() < slots[s].window.to);
      results[s].status = ended ? Status::kBreached : Status::kPending;
      results[s].reason = "no row in the period";
    }
  }
  return results;
}

}  // namespace meetlat::evaluate
