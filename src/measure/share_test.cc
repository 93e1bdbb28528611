#include "measure/share.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using ::testing::ElementsAre;
using testing::ratio;
constexpr ShareMark kIn = ShareMark::kIn;
constexpr ShareMark kOut = ShareMark::kOut;

TEST(Share, ChangeFailureRateListsTheFailedChanges) {
  // 2 failed of 10 = 0.2 > 0.10 → breached; the failed changes (rows 3, 7) are the failures.
  std::vector<ShareMark> failed(10, kOut);
  failed[3] = kIn;
  failed[7] = kIn;
  const MeasureResult r = share(failed, ratio(Op::kLe, 10, 2));
  EXPECT_DOUBLE_EQ(*r.value, 0.2);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_THAT(r.failing_items, ElementsAre(3, 7));
  // 1 failed of 10 = 0.10 <= 0.10 → met, row 3 still listed.
  failed[7] = kOut;
  const MeasureResult met = share(failed, ratio(Op::kLe, 10, 2));
  EXPECT_EQ(met.status, Status::kMet);
  EXPECT_THAT(met.failing_items, ElementsAre(3));
}

TEST(Share, ActionsCompleteListsTheIncompleteActions) {
  // 3 of 4 complete against "== 100%" → breached, row 2 listed.
  const std::vector<ShareMark> complete = {kIn, kIn, kOut, kIn};
  const MeasureResult r = share(complete, ratio(Op::kEq, 1, 0));
  EXPECT_DOUBLE_EQ(*r.value, 0.75);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_THAT(r.failing_items, ElementsAre(2));
}

TEST(Share, PendingRowsFollowTheDecisionRule) {
  // 2 of 2 in, 1 pending, "== 100%": 3/3 or 2/3 → pending; value from the decided 2/2.
  const std::vector<ShareMark> marks = {kIn, ShareMark::kPending, kIn};
  const MeasureResult r = share(marks, ratio(Op::kEq, 1, 0));
  EXPECT_EQ(r.value, 1.0);
  EXPECT_EQ(r.pending, 1);
  EXPECT_EQ(r.status, Status::kPending);
}

TEST(Share, EmptyIsNoData) {
  const MeasureResult r = share({}, ratio(Op::kEq, 1, 0));
  EXPECT_EQ(r.status, Status::kNoData);
  EXPECT_FALSE(r.value.has_value());
}

}  // namespace
}  // namespace meetlat::measure
