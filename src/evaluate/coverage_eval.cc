// Coverage of a listed set (KPI-15 dq_checks: the contract's critical data fields checked in the
// month). No fields listed: no_data.
#include <string_view>

#include "evaluate/objective_eval.h"
#include "measure/coverage.h"

namespace meetlat::evaluate {

std::vector<ObjectiveResult> evaluate_coverage(const Context& ctx, const contract::Objective& o,
                                               const contract::CoverageMeasure& m,
                                               std::span<const Slot> slots) {
  if (m.items.empty()) {
    return blank_results(o, slots.size(), "the contract lists no items (critical_fields)");
  }
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));
  auto results = blank_results(o, slots.size(), "");
  std::vector<std::string_view> listed(m.items.begin(), m.items.end());
  const auto per_slot = rows_by_slot(ctx, *table, m.date_column, slots);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    std::vector<std::string_view> seen;
    for (const auto row : per_slot[s]) seen.push_back(table->text(m.column, row));
    const auto r = measure::coverage(listed, seen, o.norm);
    auto& out = results[s];
    out.value = r.value;
    out.count = r.count;
    out.failing = r.failing;
    out.pending = r.pending;
    out.status = r.status;
    for (const auto index : r.failing_items) out.failing_ids.push_back(m.items.at(index));
  }
  return results;
}

}  // namespace meetlat::evaluate
