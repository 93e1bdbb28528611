#include "measure/result.h"

#include <gtest/gtest.h>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using testing::ratio;

TEST(DecideShare, NothingCountedIsNoData) {
  EXPECT_EQ(decide_share(0, 0, 0, ratio(Op::kGe, 90, 2)), Status::kNoData);
}

TEST(DecideShare, NoPendingDecidesOnTheShare) {
  // 9/10 = 0.90 >= 0.90 exactly: met, no floating-point doubt.
  EXPECT_EQ(decide_share(9, 10, 0, ratio(Op::kGe, 90, 2)), Status::kMet);
  // 8/10 = 0.80 < 0.90.
  EXPECT_EQ(decide_share(8, 10, 0, ratio(Op::kGe, 90, 2)), Status::kBreached);
}

TEST(DecideShare, PendingThatCannotChangeTheOutcomeDecidesMet) {
  // 19 of 19 in time, 1 pending: worst case 19/20 = 0.95 >= 0.90 → met already.
  EXPECT_EQ(decide_share(19, 19, 1, ratio(Op::kGe, 90, 2)), Status::kMet);
}

TEST(DecideShare, PendingThatCannotSaveItDecidesBreached) {
  // 5 of 10 in time, 2 pending: best case 7/12 = 0.583 < 0.90 → breached already.
  EXPECT_EQ(decide_share(5, 10, 2, ratio(Op::kGe, 90, 2)), Status::kBreached);
}

TEST(DecideShare, PendingThatCanTipItStaysPending) {
  // 9 of 10, 1 pending: worst 9/11 = 0.818 (miss), best 10/11 = 0.909 (meet) → pending.
  EXPECT_EQ(decide_share(9, 10, 1, ratio(Op::kGe, 90, 2)), Status::kPending);
  // Only pending items: 0/2 misses, 2/2 meets.
  EXPECT_EQ(decide_share(0, 0, 2, ratio(Op::kGe, 90, 2)), Status::kPending);
}

TEST(DecideShare, HundredPercentWithPendingOneFailureDecidesBreached) {
  // "== 1": 3 of 4 with 5 pending can never reach 9/9.
  EXPECT_EQ(decide_share(3, 4, 5, ratio(Op::kEq, 1, 0)), Status::kBreached);
  // 4 of 4 with 1 pending: 5/5 still possible, 4/5 too → pending.
  EXPECT_EQ(decide_share(4, 4, 1, ratio(Op::kEq, 1, 0)), Status::kPending);
  EXPECT_EQ(decide_share(4, 4, 0, ratio(Op::kEq, 1, 0)), Status::kMet);
  // ">= 100%" behaves the same way.
  EXPECT_EQ(decide_share(3, 4, 5, ratio(Op::kGe, 1, 0)), Status::kBreached);
}

TEST(DecideShare, EqualityInsideTheRangeOfOutcomes) {
  // "== 0.5": 1 of 2 decided, 2 pending → 1/4..3/4; 2/4 = 0.5 reachable → pending.
  EXPECT_EQ(decide_share(1, 2, 2, ratio(Op::kEq, 5, 1)), Status::kPending);
  // 2 of 2 decided, 1 pending → 2/3..3/3; 0.5 out of reach → breached.
  EXPECT_EQ(decide_share(2, 2, 1, ratio(Op::kEq, 5, 1)), Status::kBreached);
}

TEST(DecideShare, LowerIsBetterNorm) {
  // change_failure_rate <= 0.10: 1 failed of 20, 1 pending: 1/21..2/21 (0.095) → met.
  EXPECT_EQ(decide_share(1, 20, 1, ratio(Op::kLe, 10, 2)), Status::kMet);
  // 2 failed of 10, 1 pending: 2/11 = 0.18 at best → breached.
  EXPECT_EQ(decide_share(2, 10, 1, ratio(Op::kLe, 10, 2)), Status::kBreached);
}

TEST(StatusName, JsonSpelling) {
  EXPECT_EQ(status_name(Status::kMet), "met");
  EXPECT_EQ(status_name(Status::kBreached), "breached");
  EXPECT_EQ(status_name(Status::kPending), "pending");
  EXPECT_EQ(status_name(Status::kNoData), "no_data");
}

}  // namespace
}  // namespace meetlat::measure
