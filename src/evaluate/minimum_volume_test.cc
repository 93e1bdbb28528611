#include "evaluate/minimum_volume.h"

#include <gtest/gtest.h>

namespace meetlat::evaluate {
namespace {

// A ratio result as the attainment measure leaves it: `count` decided items, `failing` of them
// late, `pending` open and not yet due.
ObjectiveResult result(std::int64_t count, std::int64_t failing, std::int64_t pending,
                       Status status) {
  ObjectiveResult r;
  r.id = "P1";
  r.count = count;
  r.failing = failing;
  r.pending = pending;
  r.status = status;
  if (count > 0) r.value = static_cast<double>(count - failing) / static_cast<double>(count);
  return r;
}

TEST(MinimumVolumeTest, WithoutMaxFailingASmallPeriodIsNoDataWithTheReason) {
  auto r = result(12, 3, 0, Status::kBreached);
  EXPECT_TRUE(apply_minimum_volume({20, std::nullopt}, r));
  EXPECT_EQ(r.status, Status::kNoData);
  EXPECT_EQ(r.reason, "12 items, fewer than the minimum of 20");
  ASSERT_TRUE(r.volume_rule);
  EXPECT_EQ(r.volume_rule->items, 12);
  EXPECT_EQ(r.volume_rule->min_count, 20);
  EXPECT_FALSE(r.volume_rule->max_failing);
  ASSERT_TRUE(r.value);  // still shown: 9/12
  EXPECT_DOUBLE_EQ(*r.value, 0.75);
}

TEST(MinimumVolumeTest, OneLateItemOfTenIsMetUnderAtMostOne) {
  // 9/10 = 0.9 would meet ">= 90%" anyway; 8/9 = 0.889 would not: the rule decides.
  auto r = result(9, 1, 0, Status::kBreached);
  EXPECT_TRUE(apply_minimum_volume({20, 1}, r));
  EXPECT_EQ(r.status, Status::kMet);
  EXPECT_FALSE(r.reason);
  EXPECT_EQ(r.volume_rule->max_failing, 1);
}

TEST(MinimumVolumeTest, TwoLateItemsBreachAtMostOne) {
  auto r = result(10, 2, 0, Status::kBreached);
  EXPECT_TRUE(apply_minimum_volume({20, 1}, r));
  EXPECT_EQ(r.status, Status::kBreached);
}

TEST(MinimumVolumeTest, PendingItemsCountAsItemsAndKeepTheDecisionOpen) {
  // 18 decided + 2 pending = 20 items: not a small period.
  auto big = result(18, 3, 2, Status::kBreached);
  EXPECT_FALSE(apply_minimum_volume({20, 1}, big));
  EXPECT_EQ(big.status, Status::kBreached);
  EXPECT_FALSE(big.volume_rule);

  auto open = result(8, 1, 2, Status::kPending);
  EXPECT_TRUE(apply_minimum_volume({20, 1}, open));
  EXPECT_EQ(open.status, Status::kPending);  // one more late item would breach
  EXPECT_EQ(open.volume_rule->items, 10);

  EXPECT_EQ(at_most_failing(0, 1, 1), Status::kMet);  // even the pending one late stays within
  EXPECT_EQ(at_most_failing(2, 0, 1), Status::kBreached);
  EXPECT_EQ(at_most_failing(0, 0, 0), Status::kMet);
}

TEST(MinimumVolumeTest, APeriodWithoutItemsIsLeftAsItIs) {
  ObjectiveResult r;
  r.reason = "no row in the period";
  EXPECT_FALSE(apply_minimum_volume({20, 1}, r));
  EXPECT_EQ(r.status, Status::kNoData);
  EXPECT_EQ(r.reason, "no row in the period");
}

}  // namespace
}  // namespace meetlat::evaluate
