// KPI-10 from latency histograms against KPI-10 from the raw samples they were built from, on the
// same month: where the bucket bounds decide the norm the verdicts agree, and only where they
// cannot is the result undecidable, with the bucket that holds the raw p95 as its interval.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/engine_fixture.h"
#include "report/result_json.h"

namespace meetlat::engine {
namespace {

struct Sample {
  int day;     // of October 2026 (before the 25th: +02:00)
  int minute;  // of the day, local
  double duration_ms;
};

std::string stamp(int day, int minute) {
  char text[40];
  std::snprintf(text, sizeof text, "2026-10-%02dT%02d:%02d:00+02:00", day, minute / 60,
                minute % 60);
  return text;
}

// Ten working days; per day 20 samples from 08:10 (office hours outside peak hours): 18 of
// 150 ms, one of `office_p95`, one of 900 ms, so the nearest-rank p95 of the month is exactly
// office_p95; likewise from 09:10 (peak hours) with `peak_p95`. Slow samples in the evening and
// on a Saturday count in neither.
std::vector<Sample> month_of(double office_p95, double peak_p95) {
  std::vector<Sample> out;
  for (const int day : {5, 6, 7, 8, 9, 12, 13, 14, 15, 16}) {
    for (int i = 0; i < 20; ++i) {
      const double office = i < 18 ? 150.0 : i == 18 ? office_p95 : 900.0;
      const double peak = i < 18 ? 150.0 : i == 18 ? peak_p95 : 900.0;
      out.push_back({day, 8 * 60 + 10 + i, office});
      out.push_back({day, 9 * 60 + 10 + i, peak});
    }
    out.push_back({day, 20 * 60 + 10, 5000.0});
  }
  out.push_back({10, 10 * 60, 5000.0});
  return out;
}

std::string transactions_csv(const std::vector<Sample>& samples) {
  std::string csv = "at,name,duration_ms\n";
  for (const auto& s : samples) {
    csv +=
        stamp(s.day, s.minute) + ",login," + std::to_string(static_cast<int>(s.duration_ms)) + "\n";
  }
  return csv;
}

std::string number(double v) { return std::to_string(static_cast<int>(v)); }

// The histograms an APM would export for the samples: one per 10-minute window, one row per
// non-empty bucket (previous le, le], the last bucket without upper bound.
std::string histograms_csv(const std::vector<Sample>& samples, const std::vector<double>& le) {
  std::map<std::pair<int, int>, std::map<std::size_t, int>> windows;
  for (const auto& s : samples) {
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(le.begin(), le.end(), s.duration_ms) - le.begin());
    ++windows[{s.day, s.minute / 10 * 10}][bucket];
  }
  std::string csv = "from,to,name,above_ms,at_most_ms,count\n";
  for (const auto& [window, buckets] : windows) {
    for (const auto& [bucket, count] : buckets) {
      csv += stamp(window.first, window.second) + "," + stamp(window.first, window.second + 10) +
             ",login," + (bucket == 0 ? "" : number(le[bucket - 1])) + "," +
             (bucket == le.size() ? "" : number(le[bucket])) + "," + std::to_string(count) + "\n";
    }
  }
  return csv;
}

class HistogramEngineTest : public EngineFixture {
 protected:
  evaluate::KpiResult kpi10(const std::string& file, const std::string& text) {
    std::filesystem::remove(folder_ / "transactions.csv");
    std::filesystem::remove(folder_ / "latency_histograms.csv");
    write(file, text);
    auto outcome = evaluate_period(setting(), EvidenceFolder{folder_, false}, october_);
    if (!std::holds_alternative<Computed<evaluate::Evaluation>>(outcome)) {
      ADD_FAILURE() << std::get<Refused>(outcome).summary;
      return {};
    }
    const auto& evaluation = std::get<0>(outcome).result;
    json_ = report::to_json(evaluation, contract::Versions(contract_), zone_);
    for (const auto& k : evaluation.kpis) {
      if (k.kpi_id == "KPI-10") return k;
    }
    ADD_FAILURE() << "no KPI-10";
    return {};
  }
  std::string json_;
};

struct Expected {
  bool decided;
  std::optional<double> above;
  std::optional<double> at_most;
};

// What the buckets can say about a raw p95 `v` against "< threshold": the bucket holding v, and
// whether all of it lies on one side of the threshold.
Expected expected_from(double v, double threshold, const std::vector<double>& le) {
  const auto it = std::lower_bound(le.begin(), le.end(), v);
  Expected e;
  if (it != le.begin()) e.above = *std::prev(it);
  if (it != le.end()) e.at_most = *it;
  e.decided = (e.at_most && *e.at_most < threshold) || (e.above && *e.above >= threshold);
  return e;
}

TEST_F(HistogramEngineTest, HistogramsAgreeWithRawSamplesWhereTheBoundsDecide) {
  const std::vector<std::vector<double>> bound_sets{
      {100, 150, 200, 250, 300, 350, 400, 450, 500, 600, 1000},  // fine, bounds at both norms
      {100, 1000},                                               // coarse
  };
  // (office p95, peak p95): met and breached; then exactly at the norms.
  const std::vector<std::pair<double, double>> months{{200, 450}, {300, 380}};
  int decided = 0;
  int undecidable = 0;
  for (const auto& [office, peak] : months) {
    const auto samples = month_of(office, peak);
    const evaluate::KpiResult raw = kpi10("transactions.csv", transactions_csv(samples));
    ASSERT_EQ(raw.objectives.size(), 2u);
    for (const auto& le : bound_sets) {
      const evaluate::KpiResult hist = kpi10("latency_histograms.csv", histograms_csv(samples, le));
      ASSERT_EQ(hist.objectives.size(), 2u);
      for (std::size_t i = 0; i < 2; ++i) {
        const auto& r = raw.objectives[i];
        const auto& h = hist.objectives[i];
        SCOPED_TRACE(r.id + " p95 " + std::to_string(*r.value) + ", " + std::to_string(le.size()) +
                     " bounds");
        ASSERT_TRUE(r.value.has_value());
        EXPECT_EQ(h.count, r.count);  // the evening and Saturday samples are out of both
        const Expected e = expected_from(*r.value, r.norm.threshold.to_double(), le);
        EXPECT_FALSE(h.value.has_value());  // never a guessed p95
        ASSERT_TRUE(h.bounds.has_value());
        EXPECT_EQ(h.bounds->above, e.above);
        EXPECT_EQ(h.bounds->at_most, e.at_most);
        EXPECT_EQ(h.undecidable, !e.decided);
        if (e.decided) {
          EXPECT_EQ(h.status, r.status);
          ++decided;
        } else {
          EXPECT_EQ(h.status, evaluate::Status::kNoData);
          ++undecidable;
        }
      }
    }
  }
  EXPECT_EQ(decided, 2);      // the fine bounds on the first month
  EXPECT_EQ(undecidable, 6);  // the coarse bounds, and a p95 in (250, 300] or (350, 400]
}

TEST_F(HistogramEngineTest, UndecidableIsWhatTheJsonResultSaysWithItsInterval) {
  const auto samples = month_of(300, 380);  // raw: p95_office 300 is breached ("< 300")
  const evaluate::KpiResult raw = kpi10("transactions.csv", transactions_csv(samples));
  EXPECT_EQ(raw.objectives[0].status, evaluate::Status::kBreached);
  EXPECT_EQ(json_.find("undecidable"), std::string::npos);
  const evaluate::KpiResult hist =
      kpi10("latency_histograms.csv", histograms_csv(samples, {100, 250, 300, 1000}));
  EXPECT_NE(json_.find("\"status\": \"undecidable\""), std::string::npos) << json_;
  EXPECT_NE(json_.find("\"value_above\": 250"), std::string::npos) << json_;
  EXPECT_NE(json_.find("\"value_at_most\": 300"), std::string::npos) << json_;
  ASSERT_TRUE(hist.objectives[0].reason.has_value());
  EXPECT_EQ(*hist.objectives[0].reason,
            "undecidable: the buckets place the value in (250, 300], on both sides of the norm "
            "< 300 ms");
  // Not a breach for the ladder: no step fires on an undecidable month.
  EXPECT_TRUE(hist.escalation.steps.empty());
}

// KPI-10's ladder: "more than 10% over the norm" (p95_peak "< 400 ms": above 440) fires on the
// bound the buckets prove, never on a guess inside the bucket.
TEST_F(HistogramEngineTest, ADeviationStepFiresOnlyWhenTheLowerBoundProvesIt) {
  const auto samples = month_of(200, 600);  // raw p95_peak 600 ms: 50% over
  const evaluate::KpiResult raw = kpi10("transactions.csv", transactions_csv(samples));
  ASSERT_EQ(raw.escalation.steps.size(), 1u);
  EXPECT_EQ(raw.escalation.steps[0].action, "performance-tuning-plan");

  // (450, 1000]: breached, and at least 12.5% over: the step fires.
  const evaluate::KpiResult proven =
      kpi10("latency_histograms.csv", histograms_csv(samples, {100, 200, 300, 400, 450, 1000}));
  EXPECT_EQ(proven.objectives[1].status, evaluate::Status::kBreached);
  ASSERT_EQ(proven.escalation.steps.size(), 1u);
  EXPECT_EQ(proven.escalation.steps[0].action, "performance-tuning-plan");

  // (400, 1000]: breached, but the p95 could be 401 ms: no step.
  const evaluate::KpiResult unproven =
      kpi10("latency_histograms.csv", histograms_csv(samples, {100, 200, 300, 400, 1000}));
  EXPECT_EQ(unproven.objectives[1].status, evaluate::Status::kBreached);
  EXPECT_TRUE(unproven.escalation.steps.empty());
}

TEST_F(HistogramEngineTest, AWindowAcrossTheEdgeOfPeakHoursIsUndecidable) {
  // 08:55–09:05 holds office time outside peak hours and peak time: its samples cannot be split.
  write("latency_histograms.csv",
        "from,to,name,above_ms,at_most_ms,count\n"
        "2026-10-05T08:10:00+02:00,2026-10-05T08:20:00+02:00,login,,100,40\n"
        "2026-10-05T08:55:00+02:00,2026-10-05T09:05:00+02:00,login,,100,3\n"
        "2026-10-05T09:10:00+02:00,2026-10-05T09:20:00+02:00,login,,100,40\n");
  auto outcome = evaluate_period(setting(), EvidenceFolder{folder_, false}, october_);
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(outcome));
  for (const auto& k : std::get<0>(outcome).result.kpis) {
    if (k.kpi_id != "KPI-10") continue;
    for (const auto& o : k.objectives) {
      SCOPED_TRACE(o.id);
      EXPECT_TRUE(o.undecidable);  // every bucket at most 100 ms, yet not "met"
      EXPECT_EQ(o.status, evaluate::Status::kNoData);
      ASSERT_TRUE(o.reason.has_value());
      EXPECT_NE(o.reason->find("latency_histograms.csv:3"), std::string::npos) << *o.reason;
    }
  }
}

TEST_F(HistogramEngineTest, TransactionsAreReadWhenBothFilesArePresent) {
  const auto samples = month_of(200, 450);
  write("transactions.csv", transactions_csv(samples));
  write("latency_histograms.csv", histograms_csv(samples, {100, 1000}));
  auto outcome = evaluate_period(setting(), EvidenceFolder{folder_, false}, october_);
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(outcome));
  for (const auto& k : std::get<0>(outcome).result.kpis) {
    if (k.kpi_id != "KPI-10") continue;
    EXPECT_EQ(k.objectives[0].value, 200.0);
    EXPECT_FALSE(k.objectives[0].undecidable);
  }
}

}  // namespace
}  // namespace meetlat::engine
