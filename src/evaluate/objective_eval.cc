#include "evaluate/objective_eval.h"

#include <algorithm>
#include <cmath>

#include "evaluate/columns_read.h"
#include "evaluate/exemptions.h"
#include "evaluate/minimum_volume.h"
#include "evaluate/rows.h"
#include "evidence/schema.h"

namespace meetlat::evaluate {
namespace {

// How far `value` misses `norm` (positive = misses), relative to the threshold and absolute.
// Under the minimum-volume rule the miss is in items over max_failing, and nothing relative:
// a deviation rule of the ladder does not read a percentage the rule set aside.
void set_miss(ObjectiveResult& r) {
  if (r.volume_rule) {
    if (r.volume_rule->max_failing) {
      r.miss_absolute = static_cast<double>(r.failing - *r.volume_rule->max_failing);
    }
    return;
  }
  if (!r.value) return;
  const double threshold = r.norm.threshold.to_double();
  double miss = 0;
  switch (r.norm.op) {
    case contract::Op::kGe:
    case contract::Op::kGt:
      miss = threshold - *r.value;
      break;
    case contract::Op::kLe:
    case contract::Op::kLt:
      miss = *r.value - threshold;
      break;
    case contract::Op::kEq:
      miss = std::abs(*r.value - threshold);
      break;
  }
  r.miss_absolute = miss;
  if (threshold != 0) r.miss_relative = miss / threshold;
}

}  // namespace

std::vector<ObjectiveResult> blank_results(const contract::Objective& o, std::size_t slots,
                                           const std::string& reason) {
  ObjectiveResult r;
  r.id = o.id;
  r.unit = o.norm.unit;
  r.norm = o.norm;
  r.status = Status::kNoData;
  if (!reason.empty()) r.reason = reason;
  return std::vector<ObjectiveResult>(slots, r);
}

void apply_measure(const measure::MeasureResult& m, const evidence::Table& table,
                   std::span<const std::size_t> rows, ObjectiveResult& out) {
  out.value = m.value;
  out.count = m.count;
  out.failing = m.failing;
  out.pending = m.pending;
  out.status = m.status;
  out.failing_ids.clear();
  out.failing_ids.reserve(m.failing_items.size());
  const RowIds id_of(table);
  for (const auto index : m.failing_items) {
    if (index < rows.size()) out.failing_ids.push_back(id_of(rows[index]));
  }
  if (out.status != Status::kNoData) out.reason.reset();
}

std::vector<std::vector<std::size_t>> rows_by_slot(const Context& ctx, const evidence::Table& table,
                                                   std::string_view column,
                                                   std::span<const Slot> slots,
                                                   const std::vector<std::uint8_t>* pass) {
  std::vector<std::vector<std::size_t>> out(slots.size());
  const auto at = row_instants(table, column, ctx.zone(), DayEdge::kStart);
  for (std::size_t row = 0; row < at.size(); ++row) {
    if (evidence::is_missing(at[row]) || ctx.as_of() < at[row]) continue;
    if (pass != nullptr && (*pass)[row] == 0) continue;
    const int slot = slot_of(slots, at[row]);
    if (slot >= 0) out[static_cast<std::size_t>(slot)].push_back(row);
  }
  return out;
}

std::string absent_file_reason(std::string_view kind) {
  const auto* schema = evidence::find_schema(kind);
  const std::string file = schema ? std::string(schema->file_name) : std::string(kind);
  return "no evidence supplied: no " + file + " in the data folder";
}

std::vector<std::uint8_t> exempted_rows(const Context& ctx, const evidence::Table& table) {
  return Exemptions(ctx.evidence(), ctx.zone(), ctx.as_of()).mask(table);
}

void note_exempted(const evidence::Table& table, std::size_t row, ObjectiveResult& out) {
  ++out.exempted;
  out.exempted_ids.push_back(row_id(table, row));
}

void drop_exempted(const std::vector<std::uint8_t>& exempted, const evidence::Table& table,
                   std::vector<std::vector<std::size_t>>& per_slot,
                   std::vector<ObjectiveResult>& results) {
  if (exempted.empty()) return;
  for (std::size_t s = 0; s < per_slot.size(); ++s) {
    std::erase_if(per_slot[s], [&](std::size_t row) {
      if (exempted[row] == 0) return false;
      note_exempted(table, row, results[s]);
      return true;
    });
  }
}

std::vector<ObjectiveResult> evaluate_objective(const Context& ctx, const contract::Objective& o,
                                                std::span<const Slot> slots) {
  // A column the measure needs and the file lacks would turn every item into a failing one: the
  // objective is no_data, never a breach.
  if (const auto reason = missing_columns_reason(o.measure, ctx.evidence())) {
    return blank_results(o, slots.size(), *reason);
  }
  auto results = std::visit(
      [&](const auto& m) -> std::vector<ObjectiveResult> {
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, contract::AttainmentMeasure>) {
          return evaluate_attainment(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::AvailabilityMeasure>) {
          return evaluate_availability(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::QuantileMeasure>) {
          return evaluate_quantile(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::RatioOfSumsMeasure>) {
          return evaluate_ratio_of_sums(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::ShareMeasure>) {
          return evaluate_share(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::ExtremeMeasure>) {
          return evaluate_extreme(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::CountMeasure>) {
          return evaluate_count(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::CoverageMeasure>) {
          return evaluate_coverage(ctx, o, m, slots);
        } else if constexpr (std::is_same_v<M, contract::MilestoneMeasure>) {
          return evaluate_milestone(ctx, o, m, slots);
        } else {
          return evaluate_trajectory(ctx, o, m, slots);
        }
      },
      o.measure);
  for (auto& r : results) {
    if (o.minimum_volume) apply_minimum_volume(*o.minimum_volume, r);
    set_miss(r);
  }
  return results;
}

void repeat_warnings(std::string_view kpi_id, const std::string& period_name,
                     std::span<const ObjectiveResult> objectives, std::vector<std::string>& out) {
  for (const ObjectiveResult& r : objectives) {
    for (const std::string& w : r.warnings) {
      std::string line = std::string(kpi_id) + " " + r.id + " " + period_name + ": " + w;
      if (std::find(out.begin(), out.end(), line) == out.end()) out.push_back(std::move(line));
    }
  }
}

}  // namespace meetlat::evaluate
