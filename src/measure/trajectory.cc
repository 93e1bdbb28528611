#include "measure/trajectory.h"

#include <algorithm>
#include <cmath>

namespace meetlat::measure {

TrajectoryResult co2_trajectory(std::span<const double> emissions_tco2e,
                                int months_from_start_to_quarter_end, const Trajectory& t) {
  TrajectoryResult out;
  // No ramp means the final reduction from the start: one month of a one-month ramp.
  const int ramp_months = std::max(1, t.ramp_months);
  const int months =
      t.ramp_months > 0 ? std::clamp(months_from_start_to_quarter_end, 0, ramp_months) : 1;
  const double scale = std::pow(10.0, t.final_reduction.scale);
  const auto ramp = static_cast<double>(ramp_months);
  const double reduction_units = static_cast<double>(t.final_reduction.units) * months;
  out.required = reduction_units / (scale * ramp);
  if (emissions_tco2e.empty() || t.baseline_tco2e_per_quarter <= 0) return out;

  for (double e : emissions_tco2e) out.emissions_tco2e += e;
  const double baseline = t.baseline_tco2e_per_quarter;
  const double reduction = 1 - out.emissions_tco2e / baseline;
  MeasureResult& r = out.result;
  r.value = reduction;
  r.count = static_cast<std::int64_t>(emissions_tco2e.size());
  out.deviation_pp = (reduction - out.required) * 100;
  const bool met =
      out.emissions_tco2e * scale * ramp <= baseline * (scale * ramp - reduction_units);
  r.status = met ? Status::kMet : Status::kBreached;
  return out;
}

}  // namespace meetlat::measure
