// The governance registers: reports.csv and actions.csv (KPI-06), emissions.csv (KPI-07),
// trainings.csv (KPI-11), slm_sessions.csv and disputes.csv (KPI-12), api_endpoints.csv
// (KPI-13), improvements.csv (KPI-14), dq_checks.csv (KPI-15).
//
// Reports: a monthly one (RPT-2026-10) due at 17:00 on the fifth working day of the next month
// and a QBR (RPT-2026-Q4) due on the fifteenth working day after the quarter, delivered on time
// except the planned months' monthly report. Actions: 4–10 a month, all with owner and deadline
// except one in a planned month. Emissions: one row per quarter (period_end is the quarter's last
// day, inclusive), falling around the KPI-07 trajectory from a baseline of 100 tCO2e per quarter,
// a quarter in four behind it. Trainings: 25 enrolments a month (× --scale), 90% pass within 60
// days (70% in a planned month). SLM sessions on the second Tuesday, held except in a planned
// month. Disputes: about one in two months, one in six resolved after more than 10 days. API
// endpoints checked on the first working day of each month, one non-conform in a planned month.
// Improvements: about one in two months, effect_pct 3–15. Data-quality checks weekly per field.
#pragma once

#include "sample/generation.h"

namespace meetlat::sample {

void write_governance(Generation& generation);

}  // namespace meetlat::sample
