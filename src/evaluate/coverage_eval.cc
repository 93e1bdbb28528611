// Coverage of a listed set (KPI-15 dq_checks: the contract's critical data fields checked in the
// month). No fields listed: no_data. While the month runs, unchecked fields are pending.
#include <string_view>

#include "evaluate/objective_eval.h"
#include "measure/coverage.h"

namespace meetlat::evaluate {
namespace {

// While the month runs, a listed field not checked yet can still be checked: it is pending, not
// failing (spec "Deciding": an item not yet due is pending; like a count norm, coverage only
// grows until the window ends). Value and status come from the fields checked so far.
void set_not_yet_checked(const measure::MeasureResult& r, const contract::Norm& norm,
                         ObjectiveResult& out) {
  const auto checked = static_cast<std::uint64_t>(r.count - r.failing);
  out.count = r.count - r.failing;
  out.failing = 0;
  out.pending = r.failing;
  if (checked > 0) out.value = 1.0;
  out.status = measure::decide_share(checked, checked, static_cast<std::uint64_t>(r.failing), norm);
}

}  // namespace

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
    if (ctx.as_of() < slots[s].window.to && r.failing > 0) {
      set_not_yet_checked(r, o.norm, out);
      continue;
    }
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
