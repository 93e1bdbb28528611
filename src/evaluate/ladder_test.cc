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

  Fixture(const std::vector<Status>& statuses, std::vector<contract::LadderStep> ladder) {
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
  const Reason& why = walk[3].steps[0].because;
  EXPECT_EQ(why.kind, Reason::Kind::kBreachedStreak);
  EXPECT_EQ(why.subject, "KPI-X");
  EXPECT_EQ(why.count, 4);
  EXPECT_EQ(why.cadence, time::Cadence::kMonth);
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
  const auto walk = f.walk();
  const Reason& why = walk[10].steps[0].because;
  EXPECT_EQ(why.kind, Reason::Kind::kBreachedWithin);
  EXPECT_EQ(why.count, 2);
  EXPECT_TRUE(why.contract_year);
}

// Sets result `i` of the fixture to `value` against `norm`, with the misses set_miss gives.
void set_value(Fixture& f, std::size_t i, double value, const contract::Norm& norm) {
  auto& r = f.objectives[0][i];
  r.value = value;
  r.norm = norm;
  const double t = norm.threshold.to_double();
  r.miss_absolute = norm.higher_is_better() ? t - value : value - t;
  r.miss_relative = *r.miss_absolute / t;
}

TEST(Ladder, DeviationFiresOnlyAboveTheAmount) {
  // ">= 50%" with "> 15%": the bound is 50% × 0.85 = 42.5% exactly, and 0.425 is exactly 15%
  // off. In doubles (0.5 − 0.425) / 0.5 is 0.15000000000000002: a comparison of the computed miss
  // would fire; the exact bound does not.
  Fixture f({B, B, B}, {step(contract::DeviationRule{{15, 2}, false})});
  const contract::Norm norm{contract::Op::kGe, {50, 2}};
  set_value(f, 0, 0.4251, norm);
  set_value(f, 1, 0.425, norm);
  set_value(f, 2, 0.4249, norm);
  EXPECT_EQ(f.fired(), (std::vector<std::size_t>{0, 0, 1}));
  const auto walk = f.walk();
  const Reason& why = walk[2].steps[0].because;
  EXPECT_EQ(why.kind, Reason::Kind::kDeviation);
  EXPECT_EQ(why.subject, "KPI-X o");
  EXPECT_FALSE(why.percentage_points);
  EXPECT_NEAR(why.miss, 0.1502, 1e-12);  // (0.5 − 0.4249) / 0.5
  EXPECT_DOUBLE_EQ(why.amount, 0.15);
}

TEST(Ladder, DeviationInPercentagePointsAndAboveALowerIsBetterNorm) {
  // "<= 10%" with "> 5pp": the bound is 15% exactly; 0.15 does not fire, 0.1501 does.
  Fixture f({B, B}, {step(contract::DeviationRule{{5, 2}, true})});
  const contract::Norm norm{contract::Op::kLe, {10, 2}};
  set_value(f, 0, 0.15, norm);
  set_value(f, 1, 0.1501, norm);
  EXPECT_EQ(f.fired(), (std::vector<std::size_t>{0, 1}));
  // "<= 6 weeks" with "> 10%": the bound is 6.6 weeks (in doubles 0.6 / 6 is 0.0999999999999999);
  // 6.6 does not fire, 47 days (6.71 weeks) does.
  Fixture weeks({B, B}, {step(contract::DeviationRule{{10, 2}, false})});
  const contract::Norm six{contract::Op::kLe, {6, 0}, contract::Unit::kWeeks};
  set_value(weeks, 0, 6.6, six);
  set_value(weeks, 1, 47.0 / 7, six);
  EXPECT_EQ(weeks.fired(), (std::vector<std::size_t>{0, 1}));
}

TEST(Ladder, MetStreakCountsConsecutiveMetPeriods) {
  const Fixture f({M, M, N, M, B, M}, {});
  std::vector<int> met;
  for (const auto& e : f.walk()) met.push_back(e.met_streak);
  EXPECT_EQ(met, (std::vector<int>{1, 2, 2, 3, 0, 1}));
}

}  // namespace
}  // namespace meetlat::evaluate
