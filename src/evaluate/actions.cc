#include "evaluate/actions.h"

#include <algorithm>

namespace meetlat::evaluate {

time::Instant action_deadline(const Context& ctx, const contract::ActionDue& due,
                              const Slot& slot) {
  if (due.working_days && ctx.contract().find_calendar("working_days") != nullptr) {
    return ctx.calendar("working_days")
        .open_days_deadline(slot.window.to - time::Micros{1}, due.count);
  }
  return ctx.zone().start_of_day(slot.period.end_day + std::chrono::days{due.count});
}

std::vector<Action> collect_actions(const Context& ctx, const std::vector<KpiTrack>& tracks) {
  std::vector<Action> out;
  const time::Date start = ctx.contract().start;
  for (const auto& track : tracks) {
    for (std::size_t s = 0; s < track.slots.size(); ++s) {
      const Slot& slot = track.slots[s];
      for (const auto& fired : track.escalation[s].steps) {
        Action a;
        a.kpi_id = track.id;
        a.action = fired.action;
        a.contract_version = track.versions[s];
        a.period = slot.period;
        a.period_name = time::period_name(slot.period, start);
        a.id = track.id + "/" + a.period_name + "/" + fired.action;
        a.created_at = slot.window.to;
        a.deadline = fired.deadline;
        a.status = a.deadline && !(ctx.as_of() < *a.deadline) ? "overdue" : "open";
        if (a.status == "overdue") {
          // The deadline is 24:00 of its last day: overdue from the next day on.
          const time::Date last = ctx.zone().date_of(*a.deadline - time::Micros{1});
          a.days_overdue = static_cast<int>((ctx.zone().date_of(ctx.as_of()) - last).count());
        }
        a.because = fired.because;
        out.push_back(std::move(a));
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Action& a, const Action& b) { return a.created_at < b.created_at; });
  return out;
}

}  // namespace meetlat::evaluate
