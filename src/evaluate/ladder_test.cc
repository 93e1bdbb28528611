// The ladder walk on hand-made series: what fires in which period.
#include "evaluate/ladder.h"

#include <gtest/gtest.h>

namespace meetlat::evaluate {
namespace {

using S = Status;
constexpr S M = S::kMet;
constexpr S B = S::kBreached;
constexpr S N = S::kNoData;
constexpr S P = S::kPending;

// A one-objective monthly KPI from 2026-01 with the given statuses (all final), optional values.
struct Fixture {
  contract::Kpi kpi;
  std::vector<Slot> slots;
  std::vector<std::vector<ObjectiveResult>> objectives;
  std::vector<Status> status;
  std::vector<std::uint8_t> final;

  Fixture(std::vector<Status> statuses, std::vector<contract::LadderStep> ladder) {
    kpi.id = "KPI-X";
    kpi.objectives.push_back({});
    kpi.objectives[0].id = "o";
    kpi.ladder = std::move(ladder);
    const time::Zone utc;
    time::Period p = time::period_containing(time::Cadence::kMonth, start());
    objectives.resize(1);
    for (const auto s : statuses) {
      slots.push_back({p, time::window(p, utc)});
      ObjectiveResult r;
      r.id = "o";
      r.status = s;
      objectives[0].push_back(r);
      p = time::next_period(p);
    }
    status = statuses;
    final.assign(statuses.size(), 1);
  }
  static time::Date start() { return std::chrono::local_days{std::chrono::year{2026} / 1 / 1}; }
  std::vector<Escalation> walk() const {
    return walk_ladder(kpi, {slots, objectives, status, final, start()});
  }
  // For each slot, how many steps fired.
  std::vector<std::size_t> fired() const {
    std::vector<std::size_t> out;
    for (const auto& e : walk()) out.push_back(e.steps.size());
    return out;
  }
};

contract::LadderStep step(contract::LadderRule rule) {
  contract::LadderStep s;
  s.when = rule;
  s.action = "a";
  return s;
}

TEST(Ladder, StreakExactlyFiresOnlyAtThatLength) {
  const Fixture f({B, B, B, B, M, B, B}, {step(contract::StreakRule{2, false})});
  EXPECT_EQ(f.fired(), (std::vector<std::size_t>{0, 1, 0, 0, 0, 0, 1}));
}

TEST(Ladder, StreakOrMoreFiresAtEveryLongerStreak) {
  const Fixture f({B, B, B, B, M, B, B, B}, {step(contract::StreakRule{3, true})});
  EXPECT_EQ(f.fired(), (std::vector<std::size_t>{0, 0, 1, 1, 0, 0, 0, 1}));
  const auto walk = f.walk();
  EXPECT_EQ(walk[3].streak, 4);
  EXPECT_EQ(walk[3].steps[0].because, "KPI-X breached for the 4th consecutive month");
  EXPECT_EQ(walk[3].steps[0].because_nl, "KPI-X voor de 4e maand op rij niet gehaald");
}

TEST(Ladder, NoDataAndPendingNeitherBreakNorExtendAStreak) {
  const Fixture f({B, N, B, P, B}, {step(contract::StreakRule{3, false})});
  EXPECT_EQ(f.fired(), (std::vector<std::size_t>{0, 0, 0, 0, 1}));
  EXPECT_EQ(f.walk()[1].streak, 1);
}

TEST(Ladder, NonFinalPeriodNeitherFiresNorCounts) {
  Fixture f({B, B}, {step(contract::StreakRule{2, false})});
  f.final[1] = 0;
  EXPECT_EQ(f.fired(), (std::vector<std::size_t>{0, 0}));
  EXPECT_EQ(f.walk()[1].streak, 1);
}

TEST(Ladder, CountWithinTwelveMonthsForgetsOlderBreaches) {
  // Breaches in 2026-01 and 2027-01: 13 months apart, so the second is no recurrence; the one in
  // 2027-06 is the second within 12 months (2026-07 .. 2027-06).
  std::vector<Status> s(18, M);
  s[0] = B;
  s[12] = B;
  s[17] = B;
  const Fixture f(s, {step(contract::CountWithinRule{2, 12, false})});
  const auto fired = f.fired();
  EXPECT_EQ(fired[0], 0U);
  EXPECT_EQ(fired[12], 0U);
  EXPECT_EQ(fired[17], 1U);
}

TEST(Ladder, CountWithinTheContractYearRestartsEachYear) {
  // 2026-03 and 2026-11 in contract year 1: fires in 2026-11; 2027-02 is the first of year 2.
  std::vector<Status> s(15, M);
  s[2] = B;
  s[10] = B;
  s[13] = B;
  const Fixture f(s, {step(contract::CountWithinRule{2, 12, true})});
  const auto fired = f.fired();
  EXPECT_EQ(fired[10], 1U);
  EXPECT_EQ(fired[13], 0U);
  EXPECT_EQ(f.walk()[10].steps[0].because,
            "KPI-X breached for the 2nd time within the contract year");
}

TEST(Ladder, DeviationFiresOnlyAboveTheAmount) {
  Fixture f({B, B, B}, {step(contract::DeviationRule{{10, 2}, false})});
  f.objectives[0][0].miss_relative = 0.0999;
  f.objectives[0][1].miss_relative = 30.0 / 300.0;  // exactly 10%: not more than 10%
  f.objectives[0][2].miss_relative = 0.1001;
  EXPECT_EQ(f.fired(), (std::vector<std::size_t>{0, 0, 1}));
  EXPECT_EQ(f.walk()[2].steps[0].because, "KPI-X o misses its norm by 10.0% (more than 10.0%)");
}

TEST(Ladder, MetStreakCountsConsecutiveMetPeriods) {
  const Fixture f({M, M, N, M, B, M}, {});
  std::vector<int> met;
  for (const auto& e : f.walk()) met.push_back(e.met_streak);
  EXPECT_EQ(met, (std::vector<int>{1, 2, 2, 3, 0, 1}));
}

TEST(Ladder, Ordinals) {
  EXPECT_EQ(ordinal_en(1), "1st");
  EXPECT_EQ(ordinal_en(2), "2nd");
  EXPECT_EQ(ordinal_en(3), "3rd");
  EXPECT_EQ(ordinal_en(11), "11th");
  EXPECT_EQ(ordinal_en(22), "22nd");
}

}  // namespace
}  // namespace meetlat::evaluate
