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

// An item that started at `start_min` (it only explains the example: the outcome depends on the
// end and the deadline).
AttainmentItem item(int /*start_min*/, std::optional<int> end_min, int deadline_min) {
  std::optional<time::Instant> end;
  if (end_min) end = kT0 + minutes{*end_min};
  return {end, kT0 + minutes{deadline_min}};
}

// The items tallied in order, with each one's outcome.
struct Tallied {
  AttainmentTally tally;
  std::vector<ItemOutcome> outcomes;
};
Tallied tally_of(const std::vector<AttainmentItem>& items, time::Instant as_of) {
  Tallied t;
  for (const AttainmentItem& i : items) t.outcomes.push_back(t.tally.add(i, as_of));
  return t;
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

TEST(Attainment, ShareOfDecidedItems) {
  const time::Instant as_of = kT0 + minutes{100};
  // 0 in time, 1 late, 2 in time, 3 overdue, 4 pending: value 2/4 = 0.5, breached against 0.90
  // (best case 3/5 = 0.6).
  const Tallied t = tally_of({item(0, 10, 15), item(0, 30, 15), item(5, 20, 20),
                              item(10, std::nullopt, 25), item(90, std::nullopt, 105)},
                             as_of);
  const MeasureResult r = t.tally.result(ratio(Op::kGe, 90, 2));
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.count, 4);
  EXPECT_EQ(r.failing, 2);
  EXPECT_EQ(r.pending, 1);
  EXPECT_EQ(r.status, Status::kBreached);
  EXPECT_THAT(t.outcomes,
              ElementsAre(ItemOutcome::kInTime, ItemOutcome::kLate, ItemOutcome::kInTime,
                          ItemOutcome::kOverdue, ItemOutcome::kPending));
}

TEST(Attainment, TalliesOfPartsMergeIntoTheWhole) {
  const time::Instant as_of = kT0 + minutes{100};
  const std::vector<AttainmentItem> first = {item(0, 10, 15), item(0, 30, 15)};
  const std::vector<AttainmentItem> second = {item(10, std::nullopt, 25), item(0, 5, 15),
                                              item(90, std::nullopt, 105)};
  std::vector<AttainmentItem> all = first;
  all.insert(all.end(), second.begin(), second.end());
  AttainmentTally merged = tally_of(first, as_of).tally;
  merged.merge(tally_of(second, as_of).tally);
  const MeasureResult a = merged.result(ratio(Op::kGe, 50, 2));
  const MeasureResult b = tally_of(all, as_of).tally.result(ratio(Op::kGe, 50, 2));
  EXPECT_EQ(a.value, b.value);
  EXPECT_EQ(a.count, 4);
  EXPECT_EQ(a.failing, 2);
  EXPECT_EQ(a.pending, 1);
  EXPECT_EQ(a.status, b.status);
}

TEST(Attainment, PendingItemThatCanStillTipTheNorm) {
  // 9 in time, 1 late, 1 pending: 9/10 = 0.9 so far; worst 9/11 misses, best 10/11 meets.
  std::vector<AttainmentItem> items(9, item(0, 10, 15));
  items.push_back(item(0, 20, 15));
  items.push_back(item(0, std::nullopt, 200));
  const MeasureResult r = tally_of(items, kT0 + minutes{100}).tally.result(ratio(Op::kGe, 90, 2));
  EXPECT_EQ(r.value, 0.9);
  EXPECT_EQ(r.status, Status::kPending);
  // The pending item is answered in time later: 10/11 = 0.909 → met.
  items.back() = item(0, 150, 200);
  EXPECT_EQ(tally_of(items, kT0 + minutes{300}).tally.result(ratio(Op::kGe, 90, 2)).status,
            Status::kMet);
}

TEST(Attainment, OnlyPendingItemsHaveNoValue) {
  const MeasureResult r =
      tally_of({item(0, std::nullopt, 200)}, kT0 + minutes{100}).tally.result(ratio(Op::kEq, 1, 0));
  EXPECT_FALSE(r.value.has_value());
  EXPECT_EQ(r.status, Status::kPending);
}

TEST(Attainment, EmptyIsNoData) {
  const MeasureResult r = AttainmentTally{}.result(ratio(Op::kGe, 90, 2));
  EXPECT_FALSE(r.value.has_value());
  EXPECT_EQ(r.status, Status::kNoData);
}

}  // namespace
}  // namespace meetlat::measure
