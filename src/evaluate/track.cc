#include "evaluate/track.h"

#include "evaluate/actions.h"
#include "evaluate/ladder.h"
#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"

namespace meetlat::evaluate {

KpiTrack build_track(const Context& ctx, const contract::Kpi& kpi, const time::Period& requested) {
  KpiTrack t;
  t.kpi = &kpi;
  t.slots = track_slots(ctx, kpi, requested);
  if (t.slots.empty()) return t;
  for (const auto& o : kpi.objectives) t.objectives.push_back(evaluate_objective(ctx, o, t.slots));
  t.status.resize(t.slots.size());
  t.final.resize(t.slots.size());
  std::vector<Status> statuses(t.objectives.size());
  for (std::size_t s = 0; s < t.slots.size(); ++s) {
    for (std::size_t i = 0; i < t.objectives.size(); ++i) statuses[i] = t.objectives[i][s].status;
    t.status[s] = combine_statuses(statuses);
    t.final[s] = ctx.as_of() < t.slots[s].window.to ? 0 : 1;
  }
  t.escalation = walk_ladder(kpi, {t.slots, t.objectives, t.status, t.final, ctx.contract().start});
  for (std::size_t s = 0; s < t.slots.size(); ++s) {
    for (auto& fired : t.escalation[s].steps) {
      if (fired.step->due) fired.deadline = action_deadline(ctx, *fired.step->due, t.slots[s]);
    }
  }
  return t;
}

int slot_for(const Context& ctx, const KpiTrack& track, const time::Period& requested) {
  if (track.slots.empty()) return -1;
  const time::Period target = target_period(ctx, track.slots.front().period.cadence, requested);
  for (std::size_t s = 0; s < track.slots.size(); ++s) {
    if (track.slots[s].period.first_day == target.first_day) return static_cast<int>(s);
  }
  return -1;
}

time::Period charge_month(const Slot& slot) {
  return time::period_containing(time::Cadence::kMonth, slot.period.end_day - date::days{1});
}

}  // namespace meetlat::evaluate
