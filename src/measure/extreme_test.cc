#include "measure/extreme.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using contract::Unit;
using ::testing::ElementsAre;
using testing::plain;
using testing::ratio;

const contract::Norm kAtMost5Days = plain(Op::kLe, 5, Unit::kDays);

TEST(Extreme, LowestRegressionCoverage) {
  // Releases at 0.95, 0.88, 0.92: lowest 0.88 < 0.90 → breached, release 1 listed.
  const std::vector<ExtremeItem> releases = {{0.95}, {0.88}, {0.92}};
  const MeasureResult r =
      extreme(releases, Extreme::kMin, WhenEmpty::kNoData, ratio(Op::kGe, 90, 2));
  EXPECT_EQ(r.value, 0.88);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_EQ(r.count, 3);
  EXPECT_THAT(r.failing_items, ElementsAre(1));
  EXPECT_EQ(extreme({}, Extreme::kMin, WhenEmpty::kNoData, ratio(Op::kGe, 90, 2)).status,
            Status::kNoData);
}

TEST(Extreme, LongestExportTestWithOpenTests) {
  // Completed 2.5 and 4 days; one open for 3 days so far → could still exceed 5: pending,
  // value from the completed ones (4).
  std::vector<ExtremeItem> tests = {{2.5}, {4.0}, {3.0, true}};
  MeasureResult r = extreme(tests, Extreme::kMax, WhenEmpty::kBreached, kAtMost5Days);
  EXPECT_EQ(r.value, 4.0);
  EXPECT_EQ(r.count, 2);
  EXPECT_EQ(r.pending, 1);
  EXPECT_EQ(r.status, Status::kPending);
  // The open one runs 6 days: its deadline has passed → failing and counted; breached.
  tests[2].value = 6.0;
  r = extreme(tests, Extreme::kMax, WhenEmpty::kBreached, kAtMost5Days);
  EXPECT_EQ(r.value, 6.0);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_THAT(r.failing_items, ElementsAre(2));
  // All completed within 5 days (5 exactly is fine) → met.
  tests[2] = {5.0, false};
  EXPECT_EQ(extreme(tests, Extreme::kMax, WhenEmpty::kBreached, kAtMost5Days).status, Status::kMet);
}

TEST(Extreme, HalfYearWithoutExportTestIsBreached) {
  const MeasureResult r = extreme({}, Extreme::kMax, WhenEmpty::kBreached, kAtMost5Days);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_FALSE(r.value.has_value());
}

}  // namespace
}  // namespace meetlat::measure
