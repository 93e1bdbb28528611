// security_incidents.csv and vulnerabilities.csv (KPI-04), siem.csv (KPI-15).
//
// About 4 security incidents a month (× --scale; a quarter of them P1, contained within 20 min–
// 3.5 h; in a planned month one P1 takes 4.5–9 h) and about 30 vulnerabilities a month
// (× --scale; 4% critical, patched in 1–12 days; in a planned month one critical takes 15–25
// days). SIEM: one row per source per month; received equals emitted except in a planned month,
// where one source loses some events.
#pragma once

#include "sample/generation.h"

namespace meetlat::sample {

void write_security(Generation& generation);

}  // namespace meetlat::sample
