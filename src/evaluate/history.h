// The life of the contract in one result: every month from `from` through `to`, with each KPI's
// status per objective, its streak and the actions fired, the money per month and per contract
// year, and the action register (`meetlat evaluate --from 2026-01 --to 2026-12`; JSON format
// "meetlat.history/1", docs/escalation-and-money.md).
//
// Each KPI is evaluated once over its slots from the contract start through `to` (track.h) and
// sliced per month, so a history costs about as much as evaluating `to` alone.
//
// In month M a KPI shows the period of its own cadence that M stands for (slots.h
// target_period: a quarterly KPI shows its quarter, with the results at as_of); its escalation
// steps are shown in the month in which that period ends, the month its money is charged in.
//
// Each month shows the KPIs of the contract version in force on the first day of the period it
// stands for, evaluated under that version (track.h), so an amendment never rewrites the months
// before it. Pure; the result is a value (ids, evaluation.h).
#pragma once

#include <string>
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

struct HistoryRequest {
  time::Period from;  // a month
  time::Period to;    // a month, not before `from`
  time::Instant as_of;
  // The streamed quantile samples (latency_accumulator.h, planned for the period `to`), or
  // nullptr when the evidence holds them in its tables. Must outlive the call.
  const LatencyAccumulator* latency = nullptr;
  // ISO weeks (a monthly report's: those overlapping `to`, weekly_kpis.h weeks_overlapping) over
  // which the KPIs measured per week are also evaluated (History::weeks). With streamed samples,
  // `latency` must have planned them too (its also_whole).
  std::vector<time::Period> weeks;
  // The threads to run on (parallel/executor.h); nullptr: the calling thread's executor. A
  // server passes its one shared executor, so concurrent requests share a bounded pool.
  parallel::Executor* executor = nullptr;
};

struct HistoryKpi {
  std::string kpi_id;
  int contract_version = 0;  // the version in force on the first day of `period`
  time::Period period;       // the KPI's own period that the month stands for
  std::string period_name;
  time::Window window;
  bool final = false;
  Status status = Status::kNoData;
  std::vector<ObjectiveResult> objectives;
  Escalation escalation;  // steps only in the month in which `period` ends
};

struct HistoryMonth {
  time::Period month;
  std::string name;
  std::vector<HistoryKpi> kpis;  // contract order
  MonthFinance finance;
};

// One ISO week of HistoryRequest::weeks: the KPIs measured per week over it, with exactly the
// objectives' results `evaluate --period` of the week gives them (weekly_kpis.h).
struct HistoryWeek {
  time::Period week;
  std::string name;             // "2026-W41"
  std::vector<KpiResult> kpis;  // contract order; no escalation
};

struct History {
  std::string contract_id;
  int contract_version = 0;  // the version in force in `to`
  std::string from_name;
  std::string to_name;
  time::Instant as_of;
  std::vector<HistoryMonth> months;
  std::vector<YearFinance> years;  // the contract years the months touch, through `to`
  std::vector<Action> actions;     // fired from the contract start through `to`
  std::vector<HistoryWeek> weeks;  // per week of the request's `weeks`, in its order
  bool example_money = false;
  std::vector<std::string> warnings;
};

// The history's `contract` is the version in force in `to`; `zone` is the contract's zone.
History evaluate_history(const contract::Versions& versions, const evidence::Evidence& evidence,
                         const time::Zone& zone, const HistoryRequest& request);

}  // namespace meetlat::evaluate
