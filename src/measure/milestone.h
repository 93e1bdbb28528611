// A milestone measured from contract start (KPI-02 golive in weeks, norm "<= 6"; KPI-08 manual
// and KPI-16 exit_runbook in days, norm "<= 30").
//
// Dates are calendar dates in the contract zone; `today` is the date of as_of there (the caller
// converts). Days = achieved_on − start in whole days (2026-01-01 → 2026-01-31 is 30 days);
// weeks = days / 7, fractional. The decision is exact: "<= 6 weeks" is days/7 <= 6 on integers.
// An achieved_on after `today` is not yet achieved at as_of; one before the start counts as 0.
//
// - Achieved: value from achieved_on; met or breached by the norm; count 1.
// - Not achieved, deadline passed (today after the last date that still meets the norm):
//   breached; value from the earliest date it can still be achieved (today, or planned_on when
//   later), marked forecast; count 1.
// - Otherwise pending; value from planned_on as forecast (nullopt without one); pending 1.
// failing_items = {0} when breached (the milestone itself). deviation = value / threshold − 1
// (KPI-02's "weeks/6 − 1"), when there is a value and the threshold is not 0.
//
// The spec puts a milestone in the period in which it is decided; `decided_on` gives that date
// (achieved_on, or the deadline when that passed first). The caller reports `pending` before that
// period and `no_data` after it, so a ladder counts the milestone once.
#pragma once

#include <optional>

#include "contract/norm.h"
#include "measure/result.h"
#include "time/instant.h"

namespace meetlat::measure {

struct MilestoneDates {
  time::Date start;  // contract start
  std::optional<time::Date> achieved_on;
  std::optional<time::Date> planned_on;
  time::Date today;  // calendar date of as_of in the contract zone
};

enum class MilestoneUnit { kDays, kWeeks };

struct MilestoneResult {
  MeasureResult result;
  bool forecast = false;            // the value comes from a plan or today, not achieved_on
  std::optional<double> deviation;  // value / threshold − 1
  // The last date on which achieving still meets the norm; nullopt for ">=" / ">" norms (no
  // deadline) or a norm no date can meet.
  std::optional<time::Date> deadline;
  std::optional<time::Date> decided_on;  // nullopt while pending
};

MilestoneResult milestone(const MilestoneDates& dates, MilestoneUnit unit,
                          const contract::Norm& norm);

}  // namespace meetlat::measure
