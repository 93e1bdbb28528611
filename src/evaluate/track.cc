#include "evaluate/track.h"

#include <algorithm>
#include <variant>

#include "evaluate/actions.h"
#include "evaluate/ladder.h"
#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"
#include "parallel/parallel_for.h"

namespace meetlat::evaluate {

namespace {

// The statuses, the ladder and the action deadlines of a track whose objectives are evaluated.
void finish_track(const Context& ctx, KpiTrack& t) {
  const contract::Kpi& kpi = *t.kpi;
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
}

// Rows of the evidence file an objective reads (0 when it reads none): a rough cost, so the
// largest evaluations start first and the cores finish together.
std::size_t rows_read(const Context& ctx, const contract::Objective& o) {
  return std::visit(
      [&](const auto& m) -> std::size_t {
        if constexpr (requires { m.evidence; }) {
          const evidence::Table* table = ctx.evidence().find(m.evidence);
          return table == nullptr ? 0 : table->rows();
        } else {
          return 0;
        }
      },
      o.measure);
}

}  // namespace

std::vector<KpiTrack> build_tracks(const Context& ctx, const time::Period& requested) {
  const auto& kpis = ctx.contract().kpis;
  std::vector<KpiTrack> tracks(kpis.size());
  struct Task {
    std::size_t kpi = 0;
    std::size_t objective = 0;
    std::size_t rows = 0;
  };
  std::vector<Task> tasks;
  for (std::size_t k = 0; k < kpis.size(); ++k) {
    tracks[k].kpi = &kpis[k];
    tracks[k].slots = track_slots(ctx, kpis[k], requested);
    if (tracks[k].slots.empty()) continue;
    tracks[k].objectives.resize(kpis[k].objectives.size());
    for (std::size_t o = 0; o < kpis[k].objectives.size(); ++o) {
      tasks.push_back({k, o, rows_read(ctx, kpis[k].objectives[o])});
    }
  }
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task& a, const Task& b) { return a.rows > b.rows; });
  parallel::parallel_for(tasks.size(), [&](std::size_t i) {
    const Task& task = tasks[i];
    KpiTrack& t = tracks[task.kpi];
    t.objectives[task.objective] =
        evaluate_objective(ctx, t.kpi->objectives[task.objective], t.slots);
  });
  for (KpiTrack& t : tracks) {
    if (!t.slots.empty()) finish_track(ctx, t);
  }
  return tracks;
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
  return time::period_containing(time::Cadence::kMonth, slot.period.end_day - std::chrono::days{1});
}

}  // namespace meetlat::evaluate
