#include "measure/attainment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using std::chrono::minutes;
using ::testing::ElementsAre;
using testing::ratio;

const time::Instant kT0 = time::Instant{std::chrono::hours{24 * 20000}};

AttainmentItem item(int start_min, std::optional<int> end_min, int deadline_min) {
  std::optional<time::Instant> end;
  if (end_min) end = kT0 + minutes{*end_min};
  return {kT0 + minutes{start_min}, end, kT0 + minutes{deadline_min}};
}

TEST(Attainment, OutcomePerItem) {
  const time::Instant as_of = kT0 + minutes{100};
  EXPECT_EQ(attainment_outcome(item(0, 15, 15), as_of), ItemOutcome::kInTime);  // on the dot
  EXPECT_EQ(attainment_outcome(item(0, 16, 15), as_of), ItemOutcome::kLate);
  // Open and overdue (deadline 99 < as_of 100) vs open and pending (deadline 100 >= as_of).
  EXPECT_EQ(attainment_outcome(item(0, std::nullopt, 99), as_of), ItemOutcome::kOverdue);
  EXPECT_EQ(attainment_outcome(item(0, std::nullopt, 100), as_of), ItemOutcome::kPending);
  // Closed after as_of: at as_of it was open.
  EXPECT_EQ(attainment_outcome(item(0, 120, 150), as_of), ItemOutcome::kPending);
  EXPECT_EQ(attainment_outcome(item(0, 120, 90), as_of), ItemOutcome::kOverdue);
}

TEST(Attainment, ShareOfDecidedItemsWithFailingIds) {
  const time::Instant as_of = kT0 + minutes{100};
  // 0 in time, 1 late, 2 in time, 3 overdue, 4 pending: value 2/4 = 0.5, breached against 0.90
  // (best case 3/5 = 0.6).
  const std::vector<AttainmentItem> items = {item(0, 10, 15), item(0, 30, 15), item(5, 20, 20),
                                             item(10, std::nullopt, 25),
                                             item(90, std::nullopt, 105)};
  const AttainmentResult a = attainment(items, as_of, ratio(Op::kGe, 90, 2));
  EXPECT_EQ(a.result.value, 0.5);
  EXPECT_EQ(a.result.count, 4);
  EXPECT_EQ(a.result.failing, 2);
  EXPECT_EQ(a.result.pending, 1);
  EXPECT_THAT(a.result.failing_items, ElementsAre(1, 3));
  EXPECT_EQ(a.result.status, Status::kBreached);
  EXPECT_THAT(a.outcomes,
              ElementsAre(ItemOutcome::kInTime, ItemOutcome::kLate, ItemOutcome::kInTime,
                          ItemOutcome::kOverdue, ItemOutcome::kPending));
}

TEST(Attainment, PendingItemThatCanStillTipTheNorm) {
  // 9 in time, 1 late, 1 pending: 9/10 = 0.9 so far; worst 9/11 misses, best 10/11 meets.
  std::vector<AttainmentItem> items(9, item(0, 10, 15));
  items.push_back(item(0, 20, 15));
  items.push_back(item(0, std::nullopt, 200));
  const AttainmentResult a = attainment(items, kT0 + minutes{100}, ratio(Op::kGe, 90, 2));
  EXPECT_EQ(a.result.value, 0.9);
  EXPECT_EQ(a.result.status, Status::kPending);
  // The pending item is answered in time later: 10/11 = 0.909 → met.
  items.back() = item(0, 150, 200);
  EXPECT_EQ(attainment(items, kT0 + minutes{300}, ratio(Op::kGe, 90, 2)).result.status,
            Status::kMet);
}

TEST(Attainment, OnlyPendingItemsHaveNoValue) {
  const std::vector<AttainmentItem> items = {item(0, std::nullopt, 200)};
  const AttainmentResult a = attainment(items, kT0 + minutes{100}, ratio(Op::kEq, 1, 0));
  EXPECT_FALSE(a.result.value.has_value());
  EXPECT_EQ(a.result.status, Status::kPending);
}

TEST(Attainment, EmptyIsNoData) {
  const AttainmentResult a = attainment({}, kT0, ratio(Op::kGe, 90, 2));
  EXPECT_FALSE(a.result.value.has_value());
  EXPECT_EQ(a.result.status, Status::kNoData);
}

}  // namespace
}  // namespace meetlat::measure
