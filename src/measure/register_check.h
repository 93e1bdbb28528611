// The client's check on the supplier's outage register (KPI-03): the down time the probes saw
// that no outage record holds.
//
// When outages.csv decides availability and probes.csv lies beside it, the probes do not change
// the verdict; they show where the register may be incomplete. Rules, in words:
// - Only the elapsed window [from, min(to, as_of)) is compared.
// - A record holds [start, end); an open record, or one ending after `as_of`, holds until
//   `as_of` (as outage_availability reads it).
// - Probes see whole UTC minutes, so a record holds every minute it touches: its start is taken
//   down and its end up to the minute. A record ending at 12:01:59 holds the probes' down minute
//   12:01; a difference of seconds is resolution, not a gap in the register.
// - Every record the caller passes holds its time, planned or unplanned: the question is whether
//   the register holds the downtime, not whether it counts against the norm. (The caller passes
//   exempted records too: an exemption is granted on a recorded outage.)
// - The result is the probes' down minutes outside every record, merged, in time order.
#pragma once

#include <span>
#include <vector>

#include "measure/availability.h"
#include "time/instant.h"
#include "time/period.h"

namespace meetlat::measure {

struct RegisterGap {
  std::vector<time::Window> unrecorded;  // sorted, disjoint, inside the elapsed window
  time::Micros total{0};                 // their summed length
};

// `probe_down`: the probes' down intervals (ProbeAvailabilityResult::down_intervals);
// `records`: the outage register's records.
RegisterGap unrecorded_downtime(std::span<const time::Window> probe_down,
                                std::span<const Outage> records, time::Window window,
                                time::Instant as_of);

}  // namespace meetlat::measure
