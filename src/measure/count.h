// A count norm over a window that may not have ended (KPI-14 kaizen: improvements completed in
// the contract year with effect_pct >= 5, norm ">= 4").
//
// The caller counts the qualifying items inside the window up to as_of. A count only grows while
// the window runs, so: for ">=" / ">" the objective is met as soon as the norm holds, pending
// while the window runs otherwise, breached when the window has ended short of it; for "<=" /
// "<" it is breached as soon as the norm fails, pending while the window runs, met at its end;
// for "==" it is breached once past the threshold, otherwise decided at the window's end.
// value = count = `qualifying` (unit count); failing 0, pending 0. Never no_data: zero items is a
// count.
#pragma once

#include <cstdint>

#include "contract/norm.h"
#include "measure/result.h"

namespace meetlat::measure {

MeasureResult count_in_window(std::int64_t qualifying, bool window_ended,
                              const contract::Norm& norm);

}  // namespace meetlat::measure
