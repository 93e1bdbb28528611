#include "measure/milestone.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "measure/test_norms.h"

namespace meetlat::measure {
namespace {

using contract::Op;
using contract::Unit;
using testing::plain;

const time::Date kStart{std::chrono::year{2026} / 1 / 1};
const contract::Norm kSixWeeks = plain(Op::kLe, 6, Unit::kWeeks);
const contract::Norm kThirtyDays = plain(Op::kLe, 30, Unit::kDays);

time::Date jan(int d) { return kStart + std::chrono::days{d - 1}; }

TEST(Milestone, GoLiveInWeeksWithDeviation) {
  // Achieved 2026-02-12: 42 days = 6 weeks exactly → met, deviation 0; decided on the day.
  const MilestoneResult m =
      milestone({kStart, jan(43), std::nullopt, jan(60)}, MilestoneUnit::kWeeks, kSixWeeks);
  EXPECT_EQ(m.result.value, 6.0);
  EXPECT_EQ(m.result.status, Status::kMet);
  EXPECT_EQ(m.deviation, 0.0);
  EXPECT_EQ(m.deadline, jan(43));
  EXPECT_EQ(m.decided_on, jan(43));
  EXPECT_FALSE(m.forecast);
}

TEST(Milestone, GoLiveLateIsDecidedAtTheDeadline) {
  // Achieved 2026-02-19: 49 days = 7 weeks → breached, deviation 7/6 − 1; the deadline
  // (2026-02-12) passed first, so it is decided then.
  const MilestoneResult m =
      milestone({kStart, jan(50), std::nullopt, jan(60)}, MilestoneUnit::kWeeks, kSixWeeks);
  EXPECT_EQ(m.result.value, 7.0);
  EXPECT_EQ(m.result.status, Status::kBreached);
  EXPECT_DOUBLE_EQ(*m.deviation, 7.0 / 6.0 - 1.0);
  EXPECT_EQ(m.decided_on, jan(43));
  EXPECT_THAT(m.result.failing_items, ::testing::ElementsAre(0));
}

TEST(Milestone, PendingWithPlannedForecast) {
  // Today 2026-01-20, planned 2026-02-05 = 35 days = 5 weeks: pending, forecast 5 weeks.
  const MilestoneResult m =
      milestone({kStart, std::nullopt, jan(36), jan(20)}, MilestoneUnit::kWeeks, kSixWeeks);
  EXPECT_EQ(m.result.status, Status::kPending);
  EXPECT_EQ(m.result.value, 5.0);
  EXPECT_TRUE(m.forecast);
  EXPECT_DOUBLE_EQ(*m.deviation, 5.0 / 6.0 - 1.0);
  EXPECT_FALSE(m.decided_on.has_value());
  // An achieved_on after today is not achieved yet.
  EXPECT_EQ(milestone({kStart, jan(30), std::nullopt, jan(20)}, MilestoneUnit::kWeeks, kSixWeeks)
                .result.status,
            Status::kPending);
}

TEST(Milestone, ManualInDaysDeadlinePassedWithoutAchievement) {
  // Deadline: 30 days after 2026-01-01 = 2026-01-31. Today 2026-01-31: still pending.
  EXPECT_EQ(
      milestone({kStart, std::nullopt, std::nullopt, jan(31)}, MilestoneUnit::kDays, kThirtyDays)
          .result.status,
      Status::kPending);
  // Today 2026-02-01: breached, value 31 days so far, decided on the deadline day.
  const MilestoneResult m =
      milestone({kStart, std::nullopt, std::nullopt, jan(32)}, MilestoneUnit::kDays, kThirtyDays);
  EXPECT_EQ(m.result.status, Status::kBreached);
  EXPECT_EQ(m.result.value, 31.0);
  EXPECT_EQ(m.decided_on, jan(31));
  // Achieved on 2026-01-31 = 30 days → met.
  EXPECT_EQ(milestone({kStart, jan(31), std::nullopt, jan(40)}, MilestoneUnit::kDays, kThirtyDays)
                .result.status,
            Status::kMet);
}

}  // namespace
}  // namespace meetlat::measure
