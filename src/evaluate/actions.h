// The action register: every ladder step fired from the contract start up to a period, as an
// action with its owner and deadline (docs/escalation-and-money.md, "Actions").
//
// An action is created at the end of the period whose final result fired it (created_at = the
// period's end, 00:00 of the next day in the contract zone). Its deadline is the step's `due`
// counted from the period's last day: "N days" ends at 24:00 of the N-th calendar day after it,
// "N working days" at 24:00 of the N-th day of the contract's working_days calendar after it
// (calendar days when the contract has no such calendar). A step without `due` has no deadline.
// meetlat has no evidence of completion yet, so the status is "open" while the deadline lies
// after as_of (or there is none) and "overdue" from the deadline on. (A workspace's register
// records when an action was done: store/action_register.h.)
//
// Pure; an action is a value naming its KPI, step and contract version by id (evaluation.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/track.h"

namespace meetlat::evaluate {

struct Action {
  std::string id;  // "KPI-01/2026-03/verbeterplan": unique per KPI, period and step
  std::string kpi_id;
  std::string action;        // the step's action id
  int contract_version = 0;  // the version whose ladder fired it (in force for `period`)
  time::Period period;       // the period whose result fired it
  std::string period_name;
  time::Instant created_at;
  std::optional<time::Instant> deadline;
  std::string status;    // "open" or "overdue"
  int days_overdue = 0;  // overdue: whole days from the deadline's last day to as_of's day
  Reason because;
};

// The deadline of an action due `due` after the end of `slot`.
time::Instant action_deadline(const Context& ctx, const contract::ActionDue& due, const Slot& slot);

// Every step fired in the tracks' final slots, ordered by creation, then contract order of the
// KPIs, then ladder order.
std::vector<Action> collect_actions(const Context& ctx, const std::vector<KpiTrack>& tracks);

}  // namespace meetlat::evaluate
