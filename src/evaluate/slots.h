// The periods a KPI is evaluated over: its own cadence, from the contract start through the
// period that the requested one falls in (the ladder walks them all).
#pragma once

#include <optional>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "time/period.h"

namespace meetlat::evaluate {

// The time cadence of a contract cadence; a milestone (once) is decided on its KPI's cadence,
// and a KPI of its own that is once is shown per month.
time::Cadence slot_cadence(contract::Cadence c);

// Whether periods of `a` are longer than those of `b`.
bool coarser(time::Cadence a, time::Cadence b);

// Every period of `cadence` from the one containing the contract start through `target`
// (inclusive), with their windows in the zone. Empty when target starts before the contract.
std::vector<Slot> slots_through(const Context& ctx, time::Cadence cadence,
                                const time::Period& target);

// The period of `cadence` that a requested period stands for: the one containing its last day
// (a shorter request lies in it; an ISO week across two months counts in the later one).
time::Period target_period(const Context& ctx, time::Cadence cadence,
                           const time::Period& requested);

// The slots evaluate() evaluates a KPI's objectives over for `requested` (the one place that
// decides it, so the latency accumulator plans the same): its track, every period of its cadence
// from the contract start through target_period (track.h), and, when the request is longer than
// the cadence (a quarter asked of a monthly KPI) or is an ISO week asked of a `weekly` KPI
// (KPI-10), the whole requested period on top.
std::vector<Slot> track_slots(const Context& ctx, const contract::Kpi& kpi,
                              const time::Period& requested);
std::optional<Slot> aggregate_slot(const Context& ctx, const contract::Kpi& kpi,
                                   const time::Period& requested);

}  // namespace meetlat::evaluate
