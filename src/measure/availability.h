// Availability of a service over a window: 1 − unplanned downtime / (elapsed window − planned
// downtime), as a ratio (KPI-03).
//
// Time is UTC instants with microsecond resolution; all sums are integer microseconds and the
// decision is exact (Norm::holds_fraction on up-time / measured time).
//
// Rules, in words:
// - The window [from, to) is cut at `as_of`: only its elapsed part [from, min(to, as_of)) counts.
//   A window that has not ended gets the status of its figures so far; the caller marks it
//   final: false.
// - Outages are cut at the window edges. An open outage (no end) lasts until `as_of`; so does one
//   whose end lies after `as_of` (at `as_of` it was still open).
// - Overlapping outages are merged: a minute down twice is down once.
// - Planned downtime is merged and taken out of the denominator. An unplanned minute that is also
//   inside planned downtime counts as planned, never as both: the client agreed to that
//   maintenance, and counting it twice would make the figure depend on how the rows overlap.
// - No elapsed time, or an elapsed window that is planned downtime in full, gives no_data.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "contract/norm.h"
#include "measure/result.h"
#include "time/instant.h"
#include "time/period.h"

namespace meetlat::measure {

struct Outage {
  time::Instant start;
  std::optional<time::Instant> end;  // nullopt = still open
  bool planned = false;
};

struct AvailabilityResult {
  // count: outages (planned or not) with time inside the elapsed window. failing / failing_items:
  // the unplanned outages that contributed downtime (time inside the elapsed window not covered
  // by planned downtime), listed whatever the status, like late tickets of a met attainment.
  // pending is always 0.
  MeasureResult result;
  time::Micros measured{0};  // elapsed window − planned downtime: the denominator
  time::Micros downtime{0};  // merged unplanned downtime outside planned downtime
  time::Micros planned{0};   // merged planned downtime inside the elapsed window
  // The spans `downtime` sums, in time order: the unplanned downtime merged, cut at the elapsed
  // window and less planned downtime. What a chart of the down time draws (the report's probe
  // timeline), so that it can never show other time than the value counts.
  std::vector<time::Window> down;
  // outage_availability only: the part of `downtime` each outage of result.failing_items holds,
  // in the same order, so that they sum to `downtime` (the report's evidence appendix). A minute
  // two of them hold is the earlier one's in the order given (the register's rows), so it counts
  // once, as in `downtime`; an outage whose down time an earlier one holds in full has 0.
  std::vector<time::Micros> failing_downtime;
};

// The shared computation, for callers that already have down intervals (probe minutes): merges
// and clips `unplanned` and `planned`, fills value, status, measured, downtime, planned and down.
// It does not set count, failing or failing_items.
AvailabilityResult interval_availability(std::span<const time::Window> unplanned,
                                         std::span<const time::Window> planned, time::Window window,
                                         time::Instant as_of, const contract::Norm& norm);

// Availability from outage records (outages.csv).
AvailabilityResult outage_availability(std::span<const Outage> outages, time::Window window,
                                       time::Instant as_of, const contract::Norm& norm);

}  // namespace meetlat::measure
