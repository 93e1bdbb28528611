#include "evaluate/weekly_kpis.h"

#include "evaluate/ladder.h"
#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"
#include "evaluate/track.h"

namespace meetlat::evaluate {

std::vector<time::Period> weeks_overlapping(const time::Period& period) {
  std::vector<time::Period> weeks;
  for (time::Period w = time::period_containing(time::Cadence::kWeek, period.first_day);
       w.first_day < period.end_day; w = time::next_period(w)) {
    weeks.push_back(w);
  }
  return weeks;
}

std::vector<KpiResult> evaluate_weekly_kpis(const Context& ctx, const time::Period& week) {
  std::vector<KpiResult> out;
  // The KPIs and the terms evaluate() shows for the week (evaluate.cc), those it aggregates only.
  for (const KpiTrack& track : plan_tracks(ctx, week)) {
    const contract::Kpi* any = track.terms.empty()
                                   ? ctx.versions().all().front().terms.find_kpi(track.id)
                                   : track.terms.front();
    if (any == nullptr || !aggregate_slot(ctx, *any, week)) continue;
    const contract::Kpi* terms = terms_for(ctx, track.id, week);
    if (terms == nullptr) continue;
    const std::optional<Slot> whole = aggregate_slot(ctx, *terms, week);
    if (!whole) continue;
    KpiResult k;
    k.kpi_id = terms->id;
    k.period = week;
    k.window = whole->window;
    k.contract_version = ctx.versions().in_force(week.first_day).number;
    k.final = !(ctx.as_of() < k.window.to);
    for (const auto& o : terms->objectives) {
      k.objectives.push_back(
          track.slots.empty()
              ? blank_results(o, 1, "the period lies before the contract start").front()
              : evaluate_objective(ctx, o, {&*whole, 1}).front());
    }
    std::vector<Status> statuses;
    for (const auto& r : k.objectives) statuses.push_back(r.status);
    k.status = combine_statuses(statuses);
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace meetlat::evaluate
