#include "measure/quantile.h"

#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using contract::Unit;
using testing::plain;

const contract::Norm kBelow300 = plain(Op::kLt, 300, Unit::kMs);

TEST(NearestRank, IntegerRank) {
  EXPECT_EQ(nearest_rank({95, 100}, 0), 0u);
  EXPECT_EQ(nearest_rank({95, 100}, 1), 1u);    // ⌈0.95⌉ = 1
  EXPECT_EQ(nearest_rank({95, 100}, 19), 19u);  // ⌈18.05⌉ = 19
  EXPECT_EQ(nearest_rank({95, 100}, 20), 19u);  // ⌈19⌉ = 19, exactly
  EXPECT_EQ(nearest_rank({95, 100}, 21), 20u);  // ⌈19.95⌉ = 20
  EXPECT_EQ(nearest_rank({95, 100}, 100), 95u);
  EXPECT_EQ(nearest_rank({0, 100}, 10), 1u);  // at least the smallest value
}

TEST(Quantile, TwentySamplesTakeTheNineteenth) {
  // 10, 20, …, 200 shuffled: the 19th smallest is 190.
  std::vector<double> v;
  for (int i = 20; i >= 1; --i) v.push_back(10.0 * ((i * 7) % 20 + 1));
  const MeasureResult r = nearest_rank_quantile(v, {95, 100}, kBelow300);
  EXPECT_EQ(r.value, 190.0);
  EXPECT_EQ(r.count, 20);
  EXPECT_EQ(r.status, Status::kMet);
  EXPECT_EQ(r.failing, 0);
}

TEST(Quantile, FewerThanTwentySamplesTakeTheLargest) {
  // n = 10: ⌈9.5⌉ = 10 → the maximum, 310 → not < 300 → breached; 1 sample at or above 300.
  std::vector<double> v = {100, 120, 310, 90, 95, 101, 150, 200, 210, 99};
  const MeasureResult r = nearest_rank_quantile(v, {95, 100}, kBelow300);
  EXPECT_EQ(r.value, 310.0);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_EQ(r.failing, 1);
  EXPECT_TRUE(r.failing_items.empty());
}

TEST(Quantile, TiesAtTheThreshold) {
  // 20 samples: 18 × 100 and 2 × 300. 19th smallest = 300, and "< 300" is strict → breached.
  std::vector<double> v(18, 100.0);
  v.push_back(300);
  v.push_back(300);
  MeasureResult r = nearest_rank_quantile(v, {95, 100}, kBelow300);
  EXPECT_EQ(r.value, 300.0);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_EQ(r.failing, 2);
  // 19 × 100 and 1 × 300: the 19th is 100 → met, though one sample misses on its own.
  v[18] = 100;
  r = nearest_rank_quantile(v, {95, 100}, kBelow300);
  EXPECT_EQ(r.value, 100.0);
  EXPECT_EQ(r.status, Status::kMet);
  EXPECT_EQ(r.failing, 1);
}

TEST(Quantile, EmptyIsNoData) {
  std::vector<double> v;
  const MeasureResult r = nearest_rank_quantile(v, {95, 100}, kBelow300);
  EXPECT_FALSE(r.value.has_value());
  EXPECT_EQ(r.status, Status::kNoData);
}

}  // namespace
}  // namespace meetlat::measure
