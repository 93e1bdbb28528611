#include "measure/trajectory.h"

#include <gtest/gtest.h>

#include <vector>

namespace meetlat::measure {
namespace {

const Trajectory kDefault{};  // baseline 100 tCO2e, 0.25 over 36 months

TEST(Co2Trajectory, FirstQuarter) {
  // Q1: 3 months → required 0.25 × 3/36 = 0.0208333. Emissions 30 + 32 + 35 = 97 →
  // reduction 0.03 → met; deviation (0.03 − 0.0208333) × 100 = 0.9167 pp.
  const std::vector<double> rows = {30, 32, 35};
  const TrajectoryResult t = co2_trajectory(rows, 3, kDefault);
  EXPECT_DOUBLE_EQ(t.required, 0.25 * 3 / 36);
  EXPECT_DOUBLE_EQ(t.emissions_tco2e, 97);
  EXPECT_NEAR(*t.result.value, 0.03, 1e-12);
  EXPECT_EQ(t.result.status, Status::kMet);
  EXPECT_NEAR(*t.deviation_pp, (0.03 - 0.25 * 3 / 36) * 100, 1e-9);
}

TEST(Co2Trajectory, ExactlyOnTheTrajectoryIsMet) {
  // Month 12: required 0.25 × 12/36 = 1/12. Emissions 100 × 11/12 would be on it; with 144
  // as baseline, 132 is exactly 1 − 132/144 = 1/12 → met; 132.01 → breached.
  Trajectory t = kDefault;
  t.baseline_tco2e_per_quarter = 144;
  EXPECT_EQ(co2_trajectory(std::vector<double>{132}, 12, t).result.status, Status::kMet);
  EXPECT_EQ(co2_trajectory(std::vector<double>{132.01}, 12, t).result.status, Status::kBreached);
}

TEST(Co2Trajectory, RequiredIsCappedAtTheFinalReduction) {
  // Month 39 (beyond the 36-month ramp): required 0.25. Emissions 80 → reduction 0.20 → behind
  // by 5 percentage points.
  const TrajectoryResult t = co2_trajectory(std::vector<double>{80}, 39, kDefault);
  EXPECT_DOUBLE_EQ(t.required, 0.25);
  EXPECT_EQ(t.result.status, Status::kBreached);
  EXPECT_NEAR(*t.deviation_pp, -5.0, 1e-9);
}

TEST(Co2Trajectory, NoRowsIsNoData) {
  const TrajectoryResult t = co2_trajectory({}, 3, kDefault);
  EXPECT_EQ(t.result.status, Status::kNoData);
  EXPECT_FALSE(t.result.value.has_value());
}

}  // namespace
}  // namespace meetlat::measure
