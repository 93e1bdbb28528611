// Availability from synthetic probes (probes.csv): KPI-03's figure when there is no outages.csv,
// and the client's check on the outage register when there is one (register_check.h).
//
// Rules, in words:
// - Time is cut into wall-clock UTC minutes: a probe at `at` belongs to the minute
//   floor(at, 1 min). (Contract zones have whole-minute offsets, so a UTC minute is a local one.)
// - Only probes inside the elapsed window [from, min(to, as_of)) are read.
// - Each location has one vote per minute: down when ANY of its probes in that minute reported
//   down. This is order-independent (probes at the same instant need no tie-break) and errs on
//   the side of the client; a retry that succeeds within the minute does not undo the failure.
// - A minute is down when a strict majority of the locations that reported in it voted down
//   (2 of 3 is down, 1 of 2 is not).
// - A minute without any probe is not downtime; it lowers coverage instead.
// - Down minutes become down intervals (consecutive minutes merged, cut at the window edges) and
//   go through interval_availability with the planned intervals, so the value is
//   1 − down time / (elapsed window − planned), exactly like outage availability: an auditor
//   compares it with the outage figure, and a gap in probing is shown as coverage, not hidden in
//   the ratio.
// - No observed minute at all gives no_data: 100% availability without a single probe would be a
//   figure without evidence.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "contract/norm.h"
#include "measure/availability.h"
#include "time/instant.h"
#include "time/period.h"

namespace meetlat::measure {

struct Probe {
  time::Instant at;
  std::uint32_t location = 0;  // index of the probe location; any dense or sparse numbering
  bool up = true;
};

// The votes of one observed minute: how many locations reported in it, and how many of them
// voted down.
struct MinuteVotes {
  time::Instant minute;  // the minute's start (a whole UTC minute)
  std::int64_t locations = 0;
  std::int64_t down = 0;
};

// One entry per minute with a probe inside `elapsed`, in time order, counting each location once
// (down when any of its probes in the minute reported down).
std::vector<MinuteVotes> votes_per_minute(std::span<const Probe> probes, time::Window elapsed);

// What availability reads of the votes of a window: how many minutes were observed, and which
// were down (a strict majority of the locations that reported voted down).
struct MinuteTally {
  std::int64_t observed = 0;
  std::vector<time::Instant> down;  // the down minutes' starts, in time order
};

// The tally of `votes` (votes_per_minute) over the minutes that start in
// [floor(elapsed.from), elapsed.to).
MinuteTally tally_minutes(std::span<const MinuteVotes> votes, time::Window elapsed);

struct ProbeAvailabilityResult {
  // count: observed minutes; failing: down minutes; pending: 0. failing_items is EMPTY: a down
  // minute has no row of its own; the failures are listed as down_intervals (time order), which
  // the caller prints as pseudo-ids ("probes 2026-10-05T10:01Z–10:07Z").
  AvailabilityResult availability;
  // Merged down minutes, cut at the window edges; minutes inside planned downtime included (they
  // do not count in the value).
  std::vector<time::Window> down_intervals;
  std::int64_t observed_minutes = 0;  // minutes with at least one probe
  std::int64_t window_minutes = 0;    // minutes of the elapsed window (partial ones too)
  double coverage = 0;                // observed_minutes / window_minutes
};

ProbeAvailabilityResult probe_availability(std::span<const Probe> probes,
                                           std::span<const time::Window> planned,
                                           time::Window window, time::Instant as_of,
                                           const contract::Norm& norm);

// The same from the tally of the minutes of the elapsed window [from, min(to, as_of))
// (tally_minutes, or evaluate/probe_minutes.h when the probes were reduced to votes while they
// were read).
ProbeAvailabilityResult tally_availability(const MinuteTally& minutes,
                                           std::span<const time::Window> planned,
                                           time::Window window, time::Instant as_of,
                                           const contract::Norm& norm);

}  // namespace meetlat::measure
