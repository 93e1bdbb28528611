// One KPI evaluated over every period of its own cadence, from the contract start through the
// period a request stands for: the series the ladder walks, the finance prices and the history
// shows. Each objective is evaluated once over all slots (objective_eval.h), so a history of the
// contract costs about as much as its last period.
//
// Pure; the track points into `kpi` (and its ladder), which must outlive it.
#pragma once

#include <cstdint>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/evaluation.h"

namespace meetlat::evaluate {

struct KpiTrack {
  const contract::Kpi* kpi = nullptr;
  std::vector<Slot> slots;                               // the KPI's cadence, in order
  std::vector<std::vector<ObjectiveResult>> objectives;  // [objective][slot]
  std::vector<Status> status;                            // the KPI's, per slot
  std::vector<std::uint8_t> final;                       // slot had ended at as_of
  std::vector<Escalation> escalation;                    // per slot, deadlines filled in
};

// Every KPI of the context's contract, in the contract's order, over the slots of its cadence from
// the contract start through the period of that cadence that `requested` stands for
// (slots.h target_period); a KPI has no slots when the requested period lies before the contract
// start. The objectives are evaluated in parallel (parallel/parallel_for.h); the result does not
// depend on it.
std::vector<KpiTrack> build_tracks(const Context& ctx, const time::Period& requested);

// The index of the slot of `track` that `requested` stands for; -1 when there is none.
int slot_for(const Context& ctx, const KpiTrack& track, const time::Period& requested);

// The month in which a slot's period ends: the month its fired malus and bonus are charged in.
time::Period charge_month(const Slot& slot);

}  // namespace meetlat::evaluate
