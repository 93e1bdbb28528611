// The latency accumulator must give KPI-10 exactly what evaluating the transactions table gives:
// the same p95 values, sample counts, samples missing the norm and statuses, for every period
// shape (the month, a quarter over monthly slots, the month to date).
#include "evaluate/latency_accumulator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "contract/default_contract.h"
#include "evaluate/evaluate.h"
#include "evaluate/weekly_kpis.h"
#include "evidence/load.h"
#include "measure/quantile.h"
#include "report/result_json.h"
#include "time/parse.h"

namespace meetlat::evaluate {
namespace {

TEST(ValueCountsTest, NearestRankEqualsTheQuantileOfTheSamples) {
  std::mt19937_64 rng(7);
  const contract::Norm norm{contract::Op::kLt, contract::Decimal{300, 0}, contract::Unit::kMs,
                            false};
  for (int n : {1, 2, 19, 20, 21, 1000, 5003}) {
    std::vector<double> samples;
    ValueCounts counts;
    for (int i = 0; i < n; ++i) {
      // Whole and fractional milliseconds with many repeats, -0.0 beside 0.0, and whole numbers
      // beyond the directly counted ones (65,535) and below zero.
      double v = static_cast<double>(rng() % 400) + (rng() % 3 == 0 ? 0.5 : 0.0);
      if (rng() % 50 == 0) v = (rng() % 2) ? -0.0 : 0.0;
      if (rng() % 40 == 0) v = 65'534.0 + static_cast<double>(rng() % 4);
      if (rng() % 60 == 0) v = -static_cast<double>(rng() % 3);
      // Tenths on both sides of the array's end (819.1 ms), and values that are not the double
      // nearest to a tenth (0.1 + 0.2 is not 0.3; 143.45 has hundredths).
      if (rng() % 5 == 0) v = static_cast<double>(rng() % 9000) / 10.0;
      if (rng() % 70 == 0) v = (rng() % 2) ? 0.1 + 0.2 : 0.3;
      if (rng() % 80 == 0) v = 143.45;
      samples.push_back(v);
      counts.add(v);
    }
    for (const auto q : {measure::QuantileLevel{95, 100}, measure::QuantileLevel{1, 2},
                         measure::QuantileLevel{1, 1}}) {
      auto copy = samples;
      const auto expected = measure::nearest_rank_quantile(copy, q, norm);
      const auto got = nearest_rank_quantile(counts, q, norm);
      ASSERT_TRUE(got.value) << n;
      EXPECT_EQ(*got.value, *expected.value) << n;
      EXPECT_EQ(got.count, expected.count);
      EXPECT_EQ(got.failing, expected.failing);
      EXPECT_EQ(got.status, expected.status);
    }
    EXPECT_EQ(counts.distinct(), std::set<double>(samples.begin(), samples.end()).size()) << n;
  }
  EXPECT_FALSE(nearest_rank_quantile(ValueCounts{}, {95, 100}, norm).value);
}

TEST(ValueCountsTest, MergeAddsCounts) {
  ValueCounts a, b;
  a.add(5);
  a.add(7);
  b.add(7, 3);
  b.add(9);
  b.add(100'000);
  b.add(7.5, 2);
  b.add(0.1 + 0.2);
  a.add(0.3);
  a.add(100'000);
  a.merge(b);
  EXPECT_EQ(a.total(), 12u);
  EXPECT_EQ(a.distinct(), 7u);
  const std::vector<std::pair<double, std::uint64_t>> expected{
      {0.3, 1}, {0.1 + 0.2, 1}, {5, 1}, {7, 4}, {7.5, 2}, {9, 1}, {100'000, 2}};
  EXPECT_EQ(a.sorted(), expected);
}

TEST(ValueCountsTest, BytesRoundTripAndJunkIsRefused) {
  ValueCounts a;
  a.add(0.3);
  a.add(0.1 + 0.2);
  a.add(143.4, 5);
  a.add(100'000);
  a.add(-0.0);
  ValueCounts b;
  ASSERT_TRUE(b.add_bytes(a.bytes()));
  EXPECT_EQ(b.sorted(), a.sorted());
  EXPECT_EQ(b.total(), 9u);
  ASSERT_TRUE(b.add_bytes(a.bytes()));  // adds
  EXPECT_EQ(b.total(), 18u);
  ValueCounts c;
  EXPECT_TRUE(c.add_bytes(ValueCounts{}.bytes()));
  std::string cut = a.bytes();
  cut.pop_back();
  for (const std::string& junk : {std::string(), std::string("\0", 1), cut}) {
    EXPECT_FALSE(c.add_bytes(junk));
  }
  EXPECT_EQ(c.total(), 0u);
}

class LatencyAccumulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Count only two names, so the name filter is exercised.
    for (auto& kpi : contract_.kpis) {
      for (auto& o : kpi.objectives) {
        if (auto* m = std::get_if<contract::QuantileMeasure>(&o.measure)) {
          m->names = {"search", "submit"};
        }
      }
    }
    // Three months of transactions at odd minutes (office hours, peak hours, nights, weekends,
    // Easter Monday), not quite in time order, with repeated and fractional durations.
    std::mt19937_64 rng(11);
    const char* names[] = {"search", "submit", "login"};
    text_ = "at,name,duration_ms\n";
    for (int minute = 0; minute < 90 * 24 * 60; minute += 7) {
      const int m = minute + static_cast<int>(rng() % 3);
      const int day = m / (24 * 60);
      const int month = day < 31 ? 1 : day < 59 ? 2 : 3;
      const int dom = day - (month == 1 ? 0 : month == 2 ? 31 : 59) + 1;
      char at[32];
      std::snprintf(at, sizeof at, "2026-%02d-%02dT%02d:%02d:%02d.%03dZ", month, dom, m / 60 % 24,
                    m % 60, static_cast<int>(rng() % 60), static_cast<int>(rng() % 1000));
      const double duration = static_cast<double>(100 + rng() % 350) + (rng() % 4 == 0 ? 0.25 : 0);
      text_ += std::string(at) + "," + names[rng() % 3] + "," + std::to_string(duration) + "\n";
    }
  }

  std::string with_table(const time::Period& period, time::Instant as_of) const {
    evidence::LoadOptions options{zone_};
    options.split_threshold_bytes = 1;  // two halves, as with a large file
    evidence::Evidence e;
    auto load =
        evidence::load_evidence_text(*evidence::find_schema("transactions"), text_, options);
    e.tables.emplace("transactions", std::move(*load.table));
    const contract::Versions versions(contract_);
    return report::to_json(evaluate(versions, e, zone_, {period, as_of}), versions, zone_);
  }

  // Streams the transactions into an accumulator planned on `planned_on` and evaluates
  // contract_ with it.
  std::string with_accumulator(const time::Period& period, time::Instant as_of,
                               const contract::Contract* planned_on = nullptr) const {
    evidence::LoadOptions options{zone_};
    options.split_threshold_bytes = 1;
    const auto plan = std::make_shared<const LatencyAccumulator>(
        planned_on != nullptr ? *planned_on : contract_, zone_, as_of, period, "transactions");
    options.sinks["transactions"] = [plan] { return plan->fresh(); };
    evidence::Evidence e;
    auto load =
        evidence::load_evidence_text(*evidence::find_schema("transactions"), text_, options);
    EXPECT_EQ(load.table->rows(), 0u);
    EXPECT_EQ(load.sinks.size(), 2u);
    e.tables.emplace("transactions", std::move(*load.table));
    auto merged = std::dynamic_pointer_cast<LatencyAccumulator>(load.sinks.at(0));
    merged->merge(dynamic_cast<const LatencyAccumulator&>(*load.sinks.at(1)));
    const contract::Versions versions(contract_);
    return report::to_json(evaluate(versions, e, zone_, {period, as_of, merged.get()}), versions,
                           zone_);
  }

  // The header and the rows of `month` ("2026-02") of text_.
  std::string rows_of(const char* month) const {
    std::string rows = "at,name,duration_ms\n";
    std::size_t at = text_.find('\n') + 1;
    while (at < text_.size()) {
      const std::size_t end = text_.find('\n', at) + 1;
      if (text_.compare(at, 7, month) == 0) rows.append(text_, at, end - at);
      at = end;
    }
    return rows;
  }

  static time::Instant instant(const char* text) {
    return time::parse_timestamp(text, time::Zone::load("Europe/Amsterdam"), nullptr)->at;
  }

  contract::Contract contract_ = contract::default_contract();
  time::Zone zone_ = time::Zone::load("Europe/Amsterdam");
  std::string text_;
};

TEST_F(LatencyAccumulatorTest, SameEvaluationAsTheTableForMonthQuarterAndMonthToDate) {
  struct Case {
    const char* period;
    const char* as_of;
  };
  for (const Case c :
       {Case{"2026-02", "2026-04-05T00:00:00+02:00"}, Case{"2026-Q1", "2026-04-05T00:00:00+02:00"},
        Case{"2026-03", "2026-03-18T11:30:00+01:00"}}) {
    const auto period = *time::parse_period(c.period);
    const auto as_of = instant(c.as_of);
    const std::string table = with_table(period, as_of);
    EXPECT_NE(table.find("\"samples\""), std::string::npos);
    EXPECT_EQ(with_accumulator(period, as_of), table) << c.period;
  }
}

TEST_F(LatencyAccumulatorTest, EachMonthsSummariesReplaceItsRows) {
  // The rows of each UTC month fed to a sink of their own and kept as summaries, then added to
  // another sink: the evaluation is the table's.
  const auto period = *time::parse_period("2026-Q1");
  const auto as_of = instant("2026-04-05T00:00:00+02:00");
  const auto plan =
      std::make_shared<const LatencyAccumulator>(contract_, zone_, as_of, period, "transactions");
  const auto from_summaries = plan->fresh();
  std::size_t keys_kept = 0;
  for (const char* month : {"2026-01", "2026-02", "2026-03"}) {
    const std::string rows = rows_of(month);
    evidence::LoadOptions options{zone_};
    options.split_threshold_bytes = 1;
    options.sinks["transactions"] = [plan] { return plan->fresh(); };
    auto load = evidence::load_evidence_text(*evidence::find_schema("transactions"), rows, options);
    ASSERT_EQ(load.sinks.size(), 2u);
    const auto p = *time::parse_period(month);
    const time::Window span{time::Instant(std::chrono::sys_days(p.first_day.time_since_epoch())),
                            time::Instant(std::chrono::sys_days(p.end_day.time_since_epoch()))};
    const auto keys = plan->summary_keys(span);
    ASSERT_TRUE(keys);
    EXPECT_FALSE(keys->empty());
    for (const std::string& key : *keys) {
      for (const auto& sink : load.sinks) {
        ASSERT_TRUE(from_summaries->add_summary(
            key, dynamic_cast<const LatencyAccumulator&>(*sink).summary(key)));
      }
    }
    keys_kept += keys->size();
  }
  EXPECT_GT(keys_kept, 6u);  // weekly slots, the months and the quarter, two objectives
  evidence::Evidence e;
  e.tables.emplace("transactions",
                   std::move(*evidence::load_evidence_text(*evidence::find_schema("transactions"),
                                                           "at,name,duration_ms\n", {zone_})
                                  .table));
  const contract::Versions versions(contract_);
  EXPECT_EQ(report::to_json(evaluate(versions, e, zone_, {period, as_of, from_summaries.get()}),
                            versions, zone_),
            with_table(period, as_of));
  // A month that ends after as_of cannot be summarised: its later rows are not counted.
  const auto early = std::make_shared<const LatencyAccumulator>(
      contract_, zone_, instant("2026-03-18T11:30:00+01:00"), *time::parse_period("2026-03"),
      "transactions");
  const auto march = *time::parse_period("2026-03");
  EXPECT_FALSE(early->summary_keys(
      {time::Instant(std::chrono::sys_days(march.first_day.time_since_epoch())),
       time::Instant(std::chrono::sys_days(march.end_day.time_since_epoch()))}));
  // A month after as_of gives nothing, and one after the requested period's last slot neither.
  const auto april = *time::parse_period("2026-04");
  const time::Window april_span{
      time::Instant(std::chrono::sys_days(april.first_day.time_since_epoch())),
      time::Instant(std::chrono::sys_days(april.end_day.time_since_epoch()))};
  ASSERT_TRUE(early->summary_keys(april_span));
  EXPECT_TRUE(early->summary_keys(april_span)->empty());
  const auto june = *time::parse_period("2026-06");
  const auto late = std::make_shared<const LatencyAccumulator>(
      contract_, zone_, instant("2026-09-01T00:00:00+02:00"), *time::parse_period("2026-03"),
      "transactions");
  const auto june_keys =
      late->summary_keys({time::Instant(std::chrono::sys_days(june.first_day.time_since_epoch())),
                          time::Instant(std::chrono::sys_days(june.end_day.time_since_epoch()))});
  ASSERT_TRUE(june_keys);
  EXPECT_TRUE(june_keys->empty());
  EXPECT_FALSE(from_summaries->add_summary("any", "junk"));
}

TEST_F(LatencyAccumulatorTest, TheWeeksOfAMonthFromEachMonthsSummariesAreThoseOfTheTable) {
  // Planned on March with its ISO weeks (week 9 from 23 February to week 14 to 5 April), fed each
  // UTC month's summaries: every week's KPI-10 is what evaluating the week on the table gives.
  const auto march = *time::parse_period("2026-03");
  const auto as_of = instant("2026-04-05T00:00:00+02:00");
  const std::vector<time::Period> weeks = weeks_overlapping(march);
  ASSERT_EQ(weeks.size(), 6u);
  const auto plan = std::make_shared<const LatencyAccumulator>(contract_, zone_, as_of, march,
                                                               "transactions", weeks);
  const auto from_summaries = plan->fresh();
  for (const char* month : {"2026-01", "2026-02", "2026-03"}) {
    const std::string rows = rows_of(month);
    evidence::LoadOptions options{zone_};
    options.sinks["transactions"] = [plan] { return plan->fresh(); };
    auto load = evidence::load_evidence_text(*evidence::find_schema("transactions"), rows, options);
    const auto p = *time::parse_period(month);
    const auto keys =
        plan->summary_keys({time::Instant(std::chrono::sys_days(p.first_day.time_since_epoch())),
                            time::Instant(std::chrono::sys_days(p.end_day.time_since_epoch()))});
    ASSERT_TRUE(keys);
    for (const std::string& key : *keys) {
      for (const auto& sink : load.sinks) {
        ASSERT_TRUE(from_summaries->add_summary(
            key, dynamic_cast<const LatencyAccumulator&>(*sink).summary(key)));
      }
    }
  }
  evidence::Evidence streamed;
  streamed.tables.emplace("transactions", std::move(*evidence::load_evidence_text(
                                                         *evidence::find_schema("transactions"),
                                                         "at,name,duration_ms\n", {zone_})
                                                         .table));
  evidence::Evidence table;
  table.tables.emplace("transactions",
                       std::move(*evidence::load_evidence_text(
                                      *evidence::find_schema("transactions"), text_, {zone_})
                                      .table));
  const contract::Versions versions(contract_);
  const Context ctx(versions, streamed, zone_, as_of, from_summaries.get());
  for (const time::Period& week : weeks) {
    const std::vector<KpiResult> mine = evaluate_weekly_kpis(ctx, week);
    ASSERT_EQ(mine.size(), 1u) << time::period_name(week);
    const Evaluation theirs = evaluate(versions, table, zone_, {week, as_of});
    const auto kpi10 = std::find_if(theirs.kpis.begin(), theirs.kpis.end(),
                                    [](const KpiResult& k) { return k.kpi_id == "KPI-10"; });
    ASSERT_NE(kpi10, theirs.kpis.end());
    EXPECT_EQ(mine[0].kpi_id, "KPI-10");
    EXPECT_EQ(mine[0].status, kpi10->status) << time::period_name(week);
    ASSERT_EQ(mine[0].objectives.size(), kpi10->objectives.size());
    for (std::size_t o = 0; o < kpi10->objectives.size(); ++o) {
      const ObjectiveResult& a = mine[0].objectives[o];
      const ObjectiveResult& b = kpi10->objectives[o];
      EXPECT_EQ(a.value, b.value) << time::period_name(week) << " " << a.id;
      EXPECT_EQ(a.count, b.count) << time::period_name(week) << " " << a.id;
      EXPECT_EQ(a.failing, b.failing) << time::period_name(week) << " " << a.id;
      EXPECT_EQ(a.status, b.status) << time::period_name(week) << " " << a.id;
      // Week 14's samples end with March's rows, the others have a whole week of them.
      EXPECT_GT(a.count, 0) << time::period_name(week) << " " << a.id;
    }
  }
}

TEST_F(LatencyAccumulatorTest, FindsObjectivesByIdInAnotherCopyOfTheContract) {
  const auto period = *time::parse_period("2026-02");
  const auto as_of = instant("2026-04-05T00:00:00+02:00");
  const contract::Contract copy = contract_;
  EXPECT_EQ(with_accumulator(period, as_of, &copy), with_table(period, as_of));
}

TEST_F(LatencyAccumulatorTest, AnObjectiveTheAccumulatorDidNotPlanIsAnError) {
  // Planned on a contract without KPI-10's objectives: evaluating the real one must not read the
  // empty transactions table as "no sample".
  auto without = contract_;
  for (auto& kpi : without.kpis) {
    for (auto& o : kpi.objectives) {
      if (std::holds_alternative<contract::QuantileMeasure>(o.measure)) o.id += "-other";
    }
  }
  const auto period = *time::parse_period("2026-02");
  const auto as_of = instant("2026-04-05T00:00:00+02:00");
  EXPECT_THROW(with_accumulator(period, as_of, &without), std::logic_error);
}

TEST_F(LatencyAccumulatorTest, CannotStreamTransactionsAnotherMeasureReads) {
  EXPECT_TRUE(LatencyAccumulator::can_stream(contract_, "transactions"));
  auto changed = contract_;
  contract::CountMeasure count;
  count.evidence = "transactions";
  changed.kpis.front().objectives.front().measure = count;
  EXPECT_FALSE(LatencyAccumulator::can_stream(changed, "transactions"));
  EXPECT_FALSE(LatencyAccumulator::can_stream(contract_, "tickets"));  // keyed, and attainment
}

}  // namespace
}  // namespace meetlat::evaluate
