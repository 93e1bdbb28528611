// CO2 reduction against a trajectory (KPI-07, quarterly).
//
// reduction = 1 − E / B, where E is the sum of the emission rows of the quarter (tCO2e; rows may
// be monthly) and B the contract's baseline emissions per quarter (tCO2e).
// required  = min(F, F × m / R), where F is the final reduction (0.25), R the ramp in months (36)
// and m the months from contract start to the end of the quarter (m <= 0 requires nothing).
// Met when reduction >= required, decided without division: E × 10^s × R <= B × (10^s × R − u ×
// min(m, R)) with F = u × 10^-s, so 0.25 × 3 / 36 is not rounded before the comparison (E and B
// are doubles read from decimals). deviation_pp = (reduction − required) × 100, percentage points
// (negative when behind; KPI-07's ladder fires below −5).
// No rows, or a baseline <= 0, gives no_data. A quarter not yet ended is decided on the figures
// so far; the caller marks it final: false. count: rows; failing 0 and failing_items empty (a
// quarter's total has no single failing row); pending 0.
#pragma once

#include <optional>
#include <span>

#include "contract/norm.h"
#include "measure/result.h"

namespace meetlat::measure {

struct Trajectory {
  double baseline_tco2e_per_quarter = 100;   // example value of the default contract
  contract::Decimal final_reduction{25, 2};  // 0.25
  int ramp_months = 36;
};

struct TrajectoryResult {
  MeasureResult result;  // value = reduction (ratio)
  double emissions_tco2e = 0;
  double required = 0;                 // ratio
  std::optional<double> deviation_pp;  // percentage points
};

TrajectoryResult co2_trajectory(std::span<const double> emissions_tco2e,
                                int months_from_start_to_quarter_end, const Trajectory& t);

}  // namespace meetlat::measure
