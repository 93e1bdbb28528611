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
  t.status.resize(t.slots.size());
  t.final.resize(t.slots.size());
  std::vector<Status> statuses;
  for (std::size_t s = 0; s < t.slots.size(); ++s) {
    statuses.clear();
    for (const auto& r : t.objectives_at(s)) statuses.push_back(r.status);
    t.status[s] = combine_statuses(statuses);
    t.final[s] = ctx.as_of() < t.slots[s].window.to ? 0 : 1;
  }
  t.escalation = walk_ladder(
      {t.slots, t.objectives, t.status, t.final, ctx.contract().start, t.terms, t.objective_ids});
  for (std::size_t s = 0; s < t.slots.size(); ++s) {
    for (auto& fired : t.escalation[s].steps) {
      const contract::LadderStep& step = *t.terms[s]->find_step(fired.action);
      if (step.due) fired.deadline = action_deadline(ctx, *step.due, t.slots[s]);
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

const contract::Objective* find_objective(const contract::Kpi& kpi, const std::string& id) {
  for (const auto& o : kpi.objectives) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

}  // namespace

std::vector<ObjectiveResult> KpiTrack::objectives_at(std::size_t s) const {
  std::vector<ObjectiveResult> out;
  out.reserve(terms[s]->objectives.size());
  for (const auto& o : terms[s]->objectives) {
    const auto it = std::find(objective_ids.begin(), objective_ids.end(), o.id);
    out.push_back(objectives[static_cast<std::size_t>(it - objective_ids.begin())][s]);
  }
  return out;
}

const contract::Kpi* terms_for(const Context& ctx, const std::string& id,
                               const time::Period& period) {
  return ctx.versions().in_force(period.first_day).terms.find_kpi(id);
}

std::vector<KpiTrack> plan_tracks(const Context& ctx, const time::Period& requested) {
  std::vector<KpiTrack> tracks;
  std::vector<const contract::Kpi*> first_terms;
  for (const auto& version : ctx.versions().all()) {
    if (version.number > 0 && !(version.effective_from < requested.end_day)) break;
    for (const auto& kpi : version.terms.kpis) {
      const bool known = std::any_of(tracks.begin(), tracks.end(),
                                     [&](const KpiTrack& t) { return t.id == kpi.id; });
      if (known) continue;
      tracks.emplace_back().id = kpi.id;
      first_terms.push_back(&kpi);
    }
  }
  for (std::size_t k = 0; k < tracks.size(); ++k) {
    KpiTrack& t = tracks[k];
    for (const Slot& slot : track_slots(ctx, *first_terms[k], requested)) {
      const contract::Version& version = ctx.versions().in_force(slot.period.first_day);
      const contract::Kpi* terms = version.terms.find_kpi(t.id);
      if (terms == nullptr) continue;
      t.slots.push_back(slot);
      t.terms.push_back(terms);
      t.versions.push_back(version.number);
      for (const auto& o : terms->objectives) {
        if (std::find(t.objective_ids.begin(), t.objective_ids.end(), o.id) ==
            t.objective_ids.end()) {
          t.objective_ids.push_back(o.id);
        }
      }
    }
    if (t.slots.empty()) {
      for (const auto& o : first_terms[k]->objectives) t.objective_ids.push_back(o.id);
    }
  }
  return tracks;
}

std::vector<KpiTrack> build_tracks(const Context& ctx, const time::Period& requested) {
  std::vector<KpiTrack> tracks = plan_tracks(ctx, requested);
  // One task per objective and run of slots under the same terms.
  struct Task {
    std::size_t kpi = 0;
    std::size_t objective = 0;
    const contract::Objective* terms = nullptr;
    std::size_t first_slot = 0;
    std::size_t slots = 0;
    std::size_t rows = 0;
  };
  std::vector<Task> tasks;
  for (std::size_t k = 0; k < tracks.size(); ++k) {
    KpiTrack& t = tracks[k];
    if (t.slots.empty()) continue;
    t.objectives.assign(t.objective_ids.size(), std::vector<ObjectiveResult>(t.slots.size()));
    for (std::size_t first = 0, end = 0; first < t.slots.size(); first = end) {
      end = first + 1;
      while (end < t.slots.size() && t.terms[end] == t.terms[first]) ++end;
      for (std::size_t o = 0; o < t.objective_ids.size(); ++o) {
        const contract::Objective* terms = find_objective(*t.terms[first], t.objective_ids[o]);
        if (terms != nullptr) {
          tasks.push_back({k, o, terms, first, end - first, rows_read(ctx, *terms)});
          continue;
        }
        // Not an objective of the contract in force then: shown nowhere, counted in nothing.
        const contract::Objective* any = nullptr;
        for (const contract::Kpi* kpi : t.terms) {
          if (any == nullptr) any = find_objective(*kpi, t.objective_ids[o]);
        }
        const auto blank = blank_results(*any, end - first, "not in the contract in force");
        std::copy(blank.begin(), blank.end(), t.objectives[o].begin() + static_cast<long>(first));
      }
    }
  }
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task& a, const Task& b) { return a.rows > b.rows; });
  parallel::parallel_for(tasks.size(), [&](std::size_t i) {
    const Task& task = tasks[i];
    KpiTrack& t = tracks[task.kpi];
    const std::span<const Slot> slots(t.slots.data() + task.first_slot, task.slots);
    auto results = evaluate_objective(ctx, *task.terms, slots);
    std::move(results.begin(), results.end(),
              t.objectives[task.objective].begin() + static_cast<long>(task.first_slot));
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
