#include "measure/ratio_of_sums.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using ::testing::ElementsAre;
using testing::ratio;

TEST(RatioOfSums, SumsBeforeDividing) {
  // Batches 999/1000 (0.999, meets), 1990/2000 (0.995, misses), 9000/9000.
  // Σ = 11989 / 12000 = 0.99908… >= 0.999 → met; the weak batch is still listed.
  const std::vector<RatioRow> rows = {{999, 1000}, {1990, 2000}, {9000, 9000}};
  const MeasureResult r = ratio_of_sums(rows, ratio(Op::kGe, 999, 3)).measure;
  EXPECT_DOUBLE_EQ(*r.value, 11989.0 / 12000.0);
  EXPECT_EQ(r.status, Status::kMet);
  EXPECT_EQ(r.count, 3);
  EXPECT_THAT(r.failing_items, ElementsAre(1));
}

TEST(RatioOfSums, ExactAtTheNorm) {
  // 999/1000 = 0.999 exactly → met; 998/1000 → breached.
  EXPECT_EQ(
      ratio_of_sums(std::vector<RatioRow>{{999, 1000}}, ratio(Op::kGe, 999, 3)).measure.status,
      Status::kMet);
  EXPECT_EQ(
      ratio_of_sums(std::vector<RatioRow>{{998, 1000}}, ratio(Op::kGe, 999, 3)).measure.status,
      Status::kBreached);
}

TEST(RatioOfSums, SiemCoverageEqualsOne) {
  // received 100 of 100 and 50 of 51: 150/151 → not == 1 → breached; row 1 listed.
  const std::vector<RatioRow> rows = {{100, 100}, {50, 51}};
  const MeasureResult r = ratio_of_sums(rows, ratio(Op::kEq, 1, 0)).measure;
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_THAT(r.failing_items, ElementsAre(1));
}

TEST(RatioOfSums, MoreReceivedThanEmittedIsFullCoverageWithASurplus) {
  // 1005 received of 1000 emitted (retries) and 99 of 100: the first counts as 1000 of 1000, the
  // 5 extra are a surplus, not credit for the second source's missing event: 1099/1100 breached.
  const std::vector<RatioRow> rows = {{1005, 1000}, {99, 100}};
  const RatioOfSumsResult r = ratio_of_sums(rows, ratio(Op::kEq, 1, 0));
  EXPECT_EQ(r.surplus, 5U);
  EXPECT_EQ(r.measure.status, Status::kBreached);
  EXPECT_DOUBLE_EQ(*r.measure.value, 1099.0 / 1100.0);
  EXPECT_THAT(r.measure.failing_items, ElementsAre(1));
  // Alone, the surplus row is exactly 100%: met, not 100.5% "breaching" "= 100%".
  const RatioOfSumsResult alone =
      ratio_of_sums(std::vector<RatioRow>{{1005, 1000}}, ratio(Op::kEq, 1, 0));
  EXPECT_EQ(alone.measure.status, Status::kMet);
  EXPECT_DOUBLE_EQ(*alone.measure.value, 1.0);
  EXPECT_EQ(alone.surplus, 5U);
}

TEST(RatioOfSums, EmptyOrZeroDenominatorIsNoData) {
  EXPECT_EQ(ratio_of_sums({}, ratio(Op::kGe, 999, 3)).measure.status, Status::kNoData);
  const std::vector<RatioRow> zero = {{0, 0}};
  const MeasureResult r = ratio_of_sums(zero, ratio(Op::kGe, 999, 3)).measure;
  EXPECT_EQ(r.status, Status::kNoData);
  EXPECT_EQ(r.count, 0);
}

}  // namespace
}  // namespace meetlat::measure
