// The engine's entry points: a contract applied to evidence for a requested period at a moment
// `as_of`. Pure: no files, no clock — the same contract, evidence and as_of give the same
// result, and so byte-identical output.
//
// Each KPI is evaluated on its own cadence: over the period of that cadence containing the
// requested one (a quarterly KPI in a monthly evaluation: the quarter to date), or, when the
// request is longer than the cadence (a monthly KPI in a quarterly evaluation), over the whole
// requested period while the ladder walks the months. Every KPI walks its periods from the
// contract start (track.h), so its escalation streak, its actions and the contract-year cap of
// the money are known.
#pragma once

#include <vector>

#include "contract/model.h"
#include "contract/versions.h"
#include "evaluate/actions.h"
#include "evaluate/evaluation.h"
#include "evidence/load.h"
#include "parallel/executor.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::evaluate {

class LatencyAccumulator;

struct Request {
  time::Period period;
  time::Instant as_of;
  // The quantile samples when the transactions were streamed into an accumulator planned for
  // this contract, period and as_of (latency_accumulator.h) instead of loaded into a table.
  const LatencyAccumulator* latency = nullptr;
  // The threads to run on (parallel/executor.h); nullptr: the calling thread's executor. A
  // server passes its one shared executor, so concurrent requests share a bounded pool.
  parallel::Executor* executor = nullptr;
};

// Every period under the version of the contract in force on its first day (track.h): the KPIs
// shown are those that version holds, and the result's contract is the version in force for the
// requested period. `versions` must outlive the result, which points into it. `zone` is the
// contract's zone.
Evaluation evaluate(const contract::Versions& versions, const evidence::Evidence& evidence,
                    const time::Zone& zone, const Request& request);

// Every action fired from the contract start up to the requested period (actions.h).
std::vector<Action> evaluate_actions(const contract::Versions& versions,
                                     const evidence::Evidence& evidence, const time::Zone& zone,
                                     const Request& request);

}  // namespace meetlat::evaluate
