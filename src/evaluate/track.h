// One KPI evaluated over every period of its own cadence, from the contract start through the
// period a request stands for: the series the ladder walks, the finance prices and the history
// shows. Each objective is evaluated once over each run of slots under the same contract version
// (objective_eval.h), so a history of the contract costs about as much as its last period.
//
// Each slot is evaluated under the KPI as it stands in the contract version in force on the slot's
// first day (contract/versions.h), and its ladder is the one that fires there; the streaks run on
// across versions, since the KPI keeps its id. A slot whose version does not hold the KPI (before
// an amendment adds it, after one removes it) is not in the track.
//
// Pure; the track points into the Context's versions, which must outlive it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/evaluation.h"

namespace meetlat::evaluate {

struct KpiTrack {
  std::string id;                           // "KPI-01"
  std::vector<Slot> slots;                  // the KPI's cadence, in order
  std::vector<const contract::Kpi*> terms;  // per slot: the KPI in the version in force there
  std::vector<int> versions;                // per slot: that version's number
  std::vector<std::string> objective_ids;   // of every slot's terms, in order of first appearance
  // [objective (objective_ids)][slot]; where a slot's terms lack the objective, a no_data result.
  std::vector<std::vector<ObjectiveResult>> objectives;
  std::vector<Status> status;          // the KPI's, per slot
  std::vector<std::uint8_t> final;     // slot had ended at as_of
  std::vector<Escalation> escalation;  // per slot, deadlines filled in

  // The results of slot s's objectives, in the order of its terms.
  std::vector<ObjectiveResult> objectives_at(std::size_t s) const;
};

// The tracks a request needs, slots and terms only (no results): every KPI of every version in
// force from the contract start through the requested period, in order of first appearance
// (contract order when there are no amendments), over the slots of its cadence from the contract
// start through the period of that cadence that `requested` stands for (slots.h target_period).
// A KPI has no slots when the requested period lies before the contract start.
std::vector<KpiTrack> plan_tracks(const Context& ctx, const time::Period& requested);

// plan_tracks with every objective evaluated, the statuses, the ladder walk and the deadlines.
// The objectives are evaluated in parallel (parallel/parallel_for.h); the result does not depend
// on it.
std::vector<KpiTrack> build_tracks(const Context& ctx, const time::Period& requested);

// The KPI `id` as it stands in the version in force on `period`'s first day; nullptr when that
// version does not hold it.
const contract::Kpi* terms_for(const Context& ctx, const std::string& id,
                               const time::Period& period);

// The index of the slot of `track` that `requested` stands for; -1 when there is none.
int slot_for(const Context& ctx, const KpiTrack& track, const time::Period& requested);

// The month in which a slot's period ends: the month its fired malus and bonus are charged in.
time::Period charge_month(const Slot& slot);

}  // namespace meetlat::evaluate
