// Lowest or highest value of the period (KPI-05 regression_coverage; KPI-16 export, the longest
// export test of the half-year in days, an unfinished test lasting until as_of).
#include <algorithm>
#include <iterator>

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
  const std::vector<std::uint8_t> exempted = exempted_rows(ctx, *table);
  // The exempted rows of each slot, in the order drop_exempted lists their ids.
  std::vector<std::vector<std::size_t>> exempted_per_slot(slots.size());
  if (!exempted.empty()) {
    for (std::size_t s = 0; s < slots.size(); ++s) {
      std::ranges::copy_if(per_slot[s], std::back_inserter(exempted_per_slot[s]),
                           [&](std::size_t row) { return exempted[row] != 0; });
    }
  }
  drop_exempted(exempted, *table, per_slot, results);
  const bool duration = m.value_column.empty();
  std::vector<time::Instant> from;
  std::vector<time::Instant> to;
  if (duration) {
    from = row_instants(*table, m.from_column, ctx.zone());
    to = row_instants(*table, m.to_column, ctx.zone(), DayEdge::kEnd);
  }
  constexpr double kMicrosPerDay = 86400e6;
  // A row's duration in days; an unfinished one lasts until as_of.
  const auto duration_item = [&](std::size_t row) -> measure::ExtremeItem {
    const bool open = evidence::is_missing(to[row]) || ctx.as_of() < to[row];
    const time::Instant end = open ? ctx.as_of() : to[row];
    return {static_cast<double>((end - from[row]).count()) / kMicrosPerDay, open};
  };
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
      items.push_back(duration_item(row));
    }
    const measure::MeasureResult r = measure::extreme(items, which, empty, o.norm);
    apply_measure(r, *table, rows, results[s]);
    if (duration) {
      // A value read from a column is in the record's row already; a duration is not.
      auto& values = results[s].record_values;
      for (std::size_t i = 0; i < r.failing_items.size(); ++i) {
        const measure::ExtremeItem& item = items[r.failing_items[i]];
        values.push_back({results[s].failing_ids[i], item.value, item.open});
      }
      for (std::size_t i = 0; i < exempted_per_slot[s].size(); ++i) {
        const measure::ExtremeItem item = duration_item(exempted_per_slot[s][i]);
        values.push_back({results[s].exempted_ids[i], item.value, item.open, true});
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
