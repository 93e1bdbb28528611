// The money rules: rounding once, half away from zero; the monthly and contract-year caps;
// bonus netted against malus; a quarter's malus charged in its last month.
#include "evaluate/finance.h"

#include <gtest/gtest.h>

#include <deque>

#include "evaluate/ladder.h"

namespace meetlat::evaluate {
namespace {

using contract::Decimal;

TEST(PercentOf, RoundsHalfAwayFromZeroToTheCent) {
  EXPECT_EQ(percent_of(10'000'000, {2, 0}), 200'000);  // 2% of € 100.000,00 = € 2.000,00
  EXPECT_EQ(percent_of(12'345, {25, 1}), 309);         // 308.625 cents → 309
  EXPECT_EQ(percent_of(10'001, {5, 1}), 50);           // 50.005 → 50 (below half)
  EXPECT_EQ(percent_of(3, {50, 0}), 2);                // 1.5 → 2
  EXPECT_EQ(percent_of(-3, {50, 0}), -2);              // -1.5 → -2, away from zero
  EXPECT_EQ(percent_of(1, {49, 0}), 0);                // 0.49 → 0
}

// A contract of one monthly KPI from 2026-01-01 with a fee of € 1.000,00 and hand-made tracks.
struct Fixture {
  contract::Contract contract;
  evidence::Evidence evidence;
  time::Zone zone;
  contract::LadderStep malus_step;
  std::vector<KpiTrack> tracks;
  std::deque<contract::Kpi> track_kpis;  // one per track

  Fixture() {
    contract.start = std::chrono::local_days{std::chrono::year{2026} / 1 / 1};
    contract.monthly_fee.cents = 100'000;
    contract::Kpi kpi;
    kpi.id = "KPI-X";
    contract.kpis.push_back(kpi);
    malus_step.action = "malus";
  }
  // A track of `cadence` with one fired step of `pct` percent in each slot of `fire`, and the
  // given statuses (final).
  void add_track(time::Cadence cadence, const std::vector<Status>& status,
                 const std::vector<int>& fire, const contract::LadderStep* step) {
    KpiTrack t;
    // The track's KPI: the contract's, with `step` in its ladder (finance finds fired steps there).
    contract::Kpi& kpi = track_kpis.emplace_back(contract.kpis.front());
    if (step != nullptr) kpi.ladder.push_back(*step);
    t.id = kpi.id;
    time::Period p = time::period_containing(cadence, contract.start);
    for (std::size_t i = 0; i < status.size(); ++i, p = time::next_period(p)) {
      t.slots.push_back({p, time::window(p, zone)});
      t.terms.push_back(&kpi);
      t.versions.push_back(0);
    }
    t.status = status;
    t.final.assign(status.size(), 1);
    t.escalation = walk_ladder(contract::Kpi{}, {t.slots, {}, t.status, t.final, contract.start});
    for (const int s : fire)
      t.escalation[static_cast<std::size_t>(s)].steps.push_back(
          {step->action, {Reason::Kind::kBreached, "x"}, {}});
    tracks.push_back(std::move(t));
  }
  std::vector<MonthFinance> months(int count) const {
    const Context ctx(contract, evidence, zone,
                      time::window(time::period_containing(
                                       time::Cadence::kYear,
                                       std::chrono::local_days{std::chrono::year{2030} / 1 / 1}),
                                   zone)
                          .from);
    time::Period last = time::period_containing(time::Cadence::kMonth, contract.start);
    for (int i = 1; i < count; ++i) last = time::next_period(last);
    return finance_by_month(ctx, tracks, last);
  }
};

TEST(Finance, MonthlyCapLimitsTheSumOfTheMonthsSteps) {
  Fixture f;
  f.contract.caps.malus_per_month_pct = Decimal{5, 0};
  f.malus_step.malus_pct = Decimal{3, 0};
  // Two KPIs' worth of steps in January: 3% + 3% = 6% > 5% cap → 5% of € 1.000,00 = € 50,00.
  f.add_track(time::Cadence::kMonth, {Status::kBreached}, {0}, &f.malus_step);
  f.add_track(time::Cadence::kMonth, {Status::kBreached}, {0}, &f.malus_step);
  const auto m = f.months(1);
  ASSERT_EQ(m.size(), 1U);
  EXPECT_EQ(m[0].malus_uncapped_cents, 6'000);
  EXPECT_EQ(m[0].malus_cents, 5'000);
  EXPECT_TRUE(m[0].capped_month);
  EXPECT_EQ(m[0].net_cents, -5'000);
}

TEST(Finance, YearCapGivesLaterMonthsLessAndRestartsInTheNextContractYear) {
  Fixture f;
  f.contract.caps.malus_per_year_pct = Decimal{1, 0};  // 1% of 12 × € 1.000,00 = € 120,00
  f.malus_step.malus_pct = Decimal{5, 0};              // € 50,00 a month
  std::vector<Status> breached(14, Status::kBreached);
  f.add_track(time::Cadence::kMonth, breached, {0, 1, 2, 3, 12}, &f.malus_step);
  const auto m = f.months(13);
  EXPECT_EQ(m[0].malus_cents, 5'000);
  EXPECT_EQ(m[1].malus_cents, 5'000);
  EXPECT_EQ(m[2].malus_cents, 2'000);  // € 120 − € 100 left
  EXPECT_TRUE(m[2].capped_year);
  EXPECT_EQ(m[3].malus_cents, 0);
  EXPECT_EQ(m[3].year_malus_cents, 12'000);
  EXPECT_EQ(m[12].contract_year, 2);
  EXPECT_EQ(m[12].malus_cents, 5'000);
  const auto years = finance_by_year(f.contract, m);
  ASSERT_EQ(years.size(), 2U);
  EXPECT_EQ(years[0].malus_cents, 12'000);
  EXPECT_TRUE(years[0].capped);
}

TEST(Finance, RoundsOnceOnTheMonthsTotal) {
  Fixture f;
  f.contract.monthly_fee.cents = 100;      // € 1,00
  f.malus_step.malus_pct = Decimal{5, 1};  // 0.5% of 100 cents = 0.5 → 1 cent per step line
  f.add_track(time::Cadence::kMonth, {Status::kBreached}, {0}, &f.malus_step);
  f.add_track(time::Cadence::kMonth, {Status::kBreached}, {0}, &f.malus_step);
  // 1% of 100 = 1 cent on the month's total, not 1 + 1.
  const auto m = f.months(1);
  EXPECT_EQ(m[0].malus_cents, 1);
  ASSERT_FALSE(m[0].explanation.empty());
  const MoneyLine& first = m[0].explanation[0];
  EXPECT_EQ(first.kind, MoneyLine::Kind::kCharge);
  EXPECT_EQ(first.pct.to_double(), 0.5);
  EXPECT_EQ(first.cents, 1);  // 0.5% of 100 cents, rounded half away from zero
}

TEST(Finance, BonusNettedAgainstMalus) {
  Fixture f;
  f.contract.kpis.front().bonus = contract::Bonus{Decimal{1, 0}, 2, {}, false};
  f.malus_step.malus_pct = Decimal{2, 0};
  // KPI met in Jan and Feb: bonus in Feb (met 2 in a row); another KPI's malus in Feb.
  f.add_track(time::Cadence::kMonth, {Status::kMet, Status::kMet}, {}, nullptr);
  f.add_track(time::Cadence::kMonth, {Status::kMet, Status::kBreached}, {1}, &f.malus_step);
  // The second KPI has no bonus.
  f.track_kpis[1].bonus.reset();
  f.track_kpis[1].id = f.tracks[1].id = "KPI-Y";
  const auto m = f.months(2);
  EXPECT_EQ(m[0].bonus_cents, 0);
  EXPECT_EQ(m[1].bonus_cents, 1'000);
  EXPECT_EQ(m[1].malus_cents, 2'000);
  EXPECT_EQ(m[1].net_cents, -1'000);
}

TEST(Finance, QuarterlyMalusIsChargedInTheQuartersLastMonth) {
  Fixture f;
  f.malus_step.malus_pct = Decimal{2, 0};
  f.add_track(time::Cadence::kQuarter, {Status::kBreached}, {0}, &f.malus_step);
  const auto m = f.months(4);
  EXPECT_EQ(m[0].malus_cents, 0);
  EXPECT_EQ(m[1].malus_cents, 0);
  EXPECT_EQ(m[2].malus_cents, 2'000);
  EXPECT_EQ(m[3].malus_cents, 0);
}

}  // namespace
}  // namespace meetlat::evaluate
