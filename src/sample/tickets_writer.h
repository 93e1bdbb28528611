// tickets.csv (KPI-01) and rca.csv (KPI-09): service-desk tickets with their response and
// resolution times, and the root-cause analyses of the major incidents among them.
//
// Tickets arrive with the daily and weekly rhythm of ServiceClock::ticket_load (most in office
// hours, peaks 09–11 and 13–15, few at night, on weekends and holidays); 1.5% are P1, 12% P2,
// the rest P3. Responses meet the targets (15 min and 60 min on 24x7, 8 h on office hours) except
// for a small share that is late, larger in the months the plan marks. Time stamps are wall-clock
// local time, as ITSM exports write them; a ticket still open at the end of the range has empty
// responded_at/resolved_at.
#pragma once

#include "sample/generation.h"

namespace meetlat::sample {

void write_tickets_and_rca(Generation& generation);

}  // namespace meetlat::sample
