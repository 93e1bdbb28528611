// outages.csv and probes.csv (KPI-03).
//
// Outages: one planned maintenance window a month (second Sunday, 01:00 local, 1–3 h), zero to
// two short unplanned outages (1–9 min, well inside the 0.9995 norm's ~21 min a month), a long
// unplanned one (35–140 min, a breach) in the months the plan marks, and now and then one that
// starts before midnight on the last day of a month and ends in the next. Start and end are
// wall-clock local time.
//
// Probes: one a minute from each location (UTC "Z" time stamps, as monitoring tools export),
// `up=false` from (nearly) every location during an outage, planned or not; a rare false alarm
// from a single location, and a rare lost probe (a gap, not downtime).
#pragma once

#include "sample/generation.h"

namespace meetlat::sample {

void write_outages_and_probes(Generation& generation);

}  // namespace meetlat::sample
