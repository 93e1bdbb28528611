#include "measure/count.h"

#include <gtest/gtest.h>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using contract::Unit;
using testing::plain;

const contract::Norm kAtLeast4 = plain(Op::kGe, 4, Unit::kCount);

TEST(CountInWindow, MetAsSoonAsReached) {
  const MeasureResult r = count_in_window(4, false, kAtLeast4);
  EXPECT_EQ(r.value, 4.0);
  EXPECT_EQ(r.status, Status::kMet);
}

TEST(CountInWindow, PendingWhileTheWindowRunsThenBreached) {
  EXPECT_EQ(count_in_window(3, false, kAtLeast4).status, Status::kPending);
  EXPECT_EQ(count_in_window(3, true, kAtLeast4).status, Status::kBreached);
  const MeasureResult zero = count_in_window(0, true, kAtLeast4);
  EXPECT_EQ(zero.value, 0.0);
  EXPECT_EQ(zero.status, Status::kBreached);
}

TEST(CountInWindow, AtMostNormBreachesEarly) {
  const contract::Norm at_most_2 = plain(Op::kLe, 2, Unit::kCount);
  EXPECT_EQ(count_in_window(3, false, at_most_2).status, Status::kBreached);
  EXPECT_EQ(count_in_window(2, false, at_most_2).status, Status::kPending);
  EXPECT_EQ(count_in_window(2, true, at_most_2).status, Status::kMet);
}

}  // namespace
}  // namespace meetlat::measure
