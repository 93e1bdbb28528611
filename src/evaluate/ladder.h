// The escalation ladder walk (spec "Escalation ladders", docs/escalation-and-money.md).
//
// Over the KPI's periods of its own cadence from the contract start, only final results count.
// A breached period extends the streak, a met one resets it, no_data and pending neither break
// nor extend it. In each final period the ladder's steps whose rule holds fire:
//   streak "= N"      the streak (of the KPI, or of the step's objective) is exactly N;
//   streak ">= N"     the streak is N or longer (fires in every such period);
//   count_within      at least N breached final periods among the periods whose first day lies
//                     in the window ending with this period: the last `months` calendar months,
//                     or the current contract year (12 months from the contract start);
//                     counting misses, at least N failing items in the final periods of that
//                     window, and it fires in each final period that has a miss;
//   deviation         a decided objective (or the step's one) misses its norm by more than the
//                     amount: relative to the threshold ("> 10%") or in percentage points of a
//                     ratio ("> 5pp"); a miss equal to the amount (to 1e-12) does not fire;
//   breach            the period is breached.
// Streak and breach rules also need the period itself to be breached.
//
// Each slot fires the steps of the ladder of the KPI as it stands in that slot (KpiSeries::terms:
// the version in force there, track.h), in that ladder's order; the streaks and the count_within
// windows look back across versions, following the KPI and its objectives by id.
//
// Pure; the result points into the ladders of the terms, which must outlive it.
#pragma once

#include <span>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/evaluation.h"

namespace meetlat::evaluate {

// The results of one KPI over its slots: objectives[i][s] is objective objective_ids[i] in slot s;
// kpi_status[s] the KPI's status there; final[s] whether slot s had ended at as_of; terms[s] the
// KPI as it stands in slot s.
struct KpiSeries {
  std::span<const Slot> slots;
  const std::vector<std::vector<ObjectiveResult>>& objectives;
  std::span<const Status> kpi_status;
  std::span<const std::uint8_t> final;
  time::Date contract_start;
  std::span<const contract::Kpi* const> terms = {};
  std::span<const std::string> objective_ids = {};
};

// The escalation in every slot: the KPI's streak and the steps that fire there, each with its
// reason (evaluate/reason.h). Deadlines are left unset (actions.h fills them).
std::vector<Escalation> walk_ladder(const KpiSeries& series);
// The same with `kpi` as the terms of every slot and its objectives as objectives[i] (the series'
// terms and objective_ids are not read).
std::vector<Escalation> walk_ladder(const contract::Kpi& kpi, const KpiSeries& series);

// Consecutive final periods with status `counted` ending at each slot; a final period with the
// opposite decision (met for breached, breached for met) resets the count, no_data and pending
// and non-final periods leave it as it was.
std::vector<int> streaks(std::span<const Status> status, std::span<const std::uint8_t> final,
                         Status counted);

// A KPI's status from its objectives' (spec "Deciding"): breached when any objective is;
// otherwise pending when any is; otherwise met when any is met; otherwise no_data.
Status combine_statuses(std::span<const Status> objectives);

}  // namespace meetlat::evaluate
