// Milestones measured from the contract start (KPI-02 golive in weeks, KPI-08 manual and KPI-16
// exit_runbook in days). A milestone belongs to the period in which it is decided — that of its
// achievement, or of its deadline when that passed first: `pending` in the periods before,
// `no_data` (reason "decided in …") in the periods after, so a ladder counts it once.
#include "contract/measure_columns.h"
#include "evaluate/objective_eval.h"
#include "measure/milestone.h"

namespace meetlat::evaluate {

std::vector<ObjectiveResult> evaluate_milestone(const Context& ctx, const contract::Objective& o,
                                                const contract::MilestoneMeasure& m,
                                                std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));

  measure::MilestoneDates dates;
  dates.start = ctx.contract().start;
  dates.today = ctx.zone().date_of(ctx.as_of());
  using namespace contract::milestone_columns;
  std::vector<std::size_t> rows;
  for (std::size_t row = 0; row < table->rows(); ++row) {
    if (table->text(kId, row) != m.milestone) continue;
    rows.push_back(row);
    const auto achieved = table->dates(kAchievedOn)[row];
    const auto planned = table->dates(kPlannedOn)[row];
    if (!evidence::is_missing(achieved)) dates.achieved_on = achieved;
    if (!evidence::is_missing(planned)) dates.planned_on = planned;
  }
  const auto unit = m.unit == contract::Unit::kWeeks ? measure::MilestoneUnit::kWeeks
                                                     : measure::MilestoneUnit::kDays;
  const auto r = measure::milestone(dates, unit, o.norm);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    auto& out = results[s];
    const auto& period = slots[s].period;
    const bool decided_before = r.decided_on && *r.decided_on < period.first_day;
    const bool decided_within = r.decided_on && !decided_before && *r.decided_on < period.end_day;
    if (decided_before) {
      out.reason = "decided on " + time::format_date(*r.decided_on);
      continue;
    }
    apply_measure(r.result, *table, rows, out);
    if (!decided_within) {
      out.status = Status::kPending;
      out.count = 0;
      out.failing = 0;
      out.pending = 1;
      out.failing_ids.clear();
    }
    if (out.failing_ids.empty() && out.status == Status::kBreached) {
      out.failing_ids.push_back(m.milestone);
    }
    if (r.forecast) out.details.push_back({"forecast", std::string("true")});
    if (r.deadline) out.details.push_back({"deadline", time::format_date(*r.deadline)});
    if (r.deviation) out.details.push_back({"deviation", *r.deviation});
  }
  return results;
}

}  // namespace meetlat::evaluate
