// The KPIs measured per ISO week in the week view (contract `weekly: true` on a KPI of a longer
// cadence: KPI-10's p95 in office and in peak hours, "weekly and monthly" in the annex) over one
// week, as part of another request: a monthly report charts them per week of its month from the
// same reading of the evidence as its months (history.h HistoryRequest::weeks).
//
// Each KPI's objectives are evaluated over the whole week (slots.h aggregate_slot) under the KPI
// as it stands in the version in force on the week's first day, by the same code evaluate() runs
// for `--period` of that week, so each objective's value, counts and status are exactly those of
// `meetlat evaluate --period 2026-W41`. With streamed transactions the Context's accumulator must
// have planned the week (latency_accumulator.h also_whole). Pure.
#pragma once

#include <vector>

#include "evaluate/context.h"
#include "evaluate/evaluation.h"
#include "time/period.h"

namespace meetlat::evaluate {

// The ISO weeks that overlap `period` (for a month: four to six, the first and the last may
// reach into the months beside it), in order.
std::vector<time::Period> weeks_overlapping(const time::Period& period);

// The KPIs the version in force on `week`'s first day measures over `week` itself (those of a
// longer cadence that are `weekly`), in contract order, each with period `week`, its window, its
// objectives and its status; no escalation (a week fires none of its own). A KPI's objectives
// are no_data, "the period lies before the contract start", when the week ends before it.
std::vector<KpiResult> evaluate_weekly_kpis(const Context& ctx, const time::Period& week);

}  // namespace meetlat::evaluate
