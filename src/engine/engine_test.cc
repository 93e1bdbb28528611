// The entry point's contract: results or refusals as values, nothing printed, and results that
// name their contract version, KPIs and steps by id.
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <optional>

#include "engine/engine_fixture.h"
#include "evaluate/weekly_kpis.h"
#include "report/result_json.h"

namespace meetlat::engine {
namespace {

using EngineTest = EngineFixture;

TEST_F(EngineTest, InvalidRowsComeBackAsARefusalAndNothingIsPrinted) {
  write("tickets.csv",
        "id,priority,created_at,responded_at\n"
        "INC-1,P1,2026-10-02T09:00:00+02:00,2026-10-02T09:10:00+02:00\n"
        "INC-2,P7,2026-10-03T14:00:00+02:00,2026-10-03T14:15:00+02:00\n");
  testing::internal::CaptureStderr();
  testing::internal::CaptureStdout();
  const auto outcome = evaluate_period(setting(), EvidenceFolder{folder_, false}, october_);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  ASSERT_TRUE(std::holds_alternative<Refused>(outcome));
  const Refused& refused = std::get<Refused>(outcome);
  ASSERT_EQ(refused.diagnostics.size(), 1u);
  EXPECT_EQ(refused.diagnostics[0].at.line, 3u);
  EXPECT_NE(refused.summary.find("tickets.csv:3"), std::string::npos) << refused.summary;

  // Skipping invalid rows evaluates the rest and says what was left out.
  const auto skipped = evaluate_period(setting(), EvidenceFolder{folder_, true}, october_);
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(skipped));
  const auto& warnings = std::get<0>(skipped).result.warnings;
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings.front().find("tickets.csv"), std::string::npos) << warnings.front();
}

TEST_F(EngineTest, AResultIsAValueNamingItsContractVersion) {
  write("tickets.csv",
        "id,priority,created_at,responded_at\n"
        "INC-1,P1,2026-10-02T09:00:00+02:00,2026-10-02T09:10:00+02:00\n");
  std::optional<evaluate::Evaluation> kept;
  {
    auto outcome = evaluate_period(setting(), EvidenceFolder{folder_, false}, october_);
    ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(outcome));
    kept = std::get<0>(outcome).result;
  }
  // Copied out, with every input gone, the result still says what it is about, by id.
  ASSERT_FALSE(kept->kpis.empty());
  EXPECT_EQ(kept->contract_id, "default");
  EXPECT_EQ(kept->contract_version, 0);
  EXPECT_EQ(kept->kpis.front().kpi_id, "KPI-01");
  EXPECT_EQ(kept->kpis.front().contract_version, 0);
  EXPECT_EQ(kept->kpis.front().objectives.front().count, 1);
  // Rendered against the versions of the contract it was computed under.
  const contract::Versions versions(contract_);
  EXPECT_NE(report::to_json(*kept, versions, zone_).find("\"id\": \"KPI-01\""), std::string::npos);
}

TEST_F(EngineTest, APeriodWithItsActionsIsBothRequestsInOne) {
  // Two late P1 tickets breach KPI-01 in October: its ladder fires.
  write("tickets.csv",
        "id,priority,created_at,responded_at\n"
        "INC-1,P1,2026-10-02T09:00:00+02:00,2026-10-02T10:10:00+02:00\n"
        "INC-2,P1,2026-10-05T09:00:00+02:00,2026-10-05T11:15:00+02:00\n");
  const EvidenceFolder folder{folder_, false};
  const auto both = evaluate_period_and_actions(setting(), folder, october_);
  const auto period = evaluate_period(setting(), folder, october_);
  const auto actions = actions_through(setting(), folder, october_);
  ASSERT_TRUE(std::holds_alternative<Computed<PeriodAndActions>>(both));
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(period));
  ASSERT_TRUE(std::holds_alternative<Computed<std::vector<evaluate::Action>>>(actions));
  const contract::Versions versions(contract_);
  EXPECT_EQ(report::to_json(std::get<0>(both).result.evaluation, versions, zone_),
            report::to_json(std::get<0>(period).result, versions, zone_));
  const auto& fired = std::get<0>(both).result.actions;
  const auto& alone = std::get<0>(actions).result;
  ASSERT_FALSE(fired.empty());
  ASSERT_EQ(fired.size(), alone.size());
  for (std::size_t i = 0; i < fired.size(); ++i) {
    EXPECT_EQ(fired[i].id, alone[i].id);
    EXPECT_EQ(fired[i].status, alone[i].status);
    EXPECT_EQ(fired[i].deadline, alone[i].deadline);
  }
  EXPECT_EQ(fired.front().kpi_id, "KPI-01");
}

// A history asked with the ISO weeks of its last month gives, from its one reading of the
// streamed transactions, each week's KPI-10 exactly as evaluating the week alone gives it; a week
// across the month's start counts its days in the month before.
TEST_F(EngineTest, TheWeeksOfAHistoryAreThoseOfEvaluatingEachWeek) {
  std::string csv = "at,name,duration_ms\n";
  int n = 0;
  // Tuesday 29 September (week 40, in September) to Friday 30 October, office and peak hours.
  for (int day = 0; day < 32; ++day) {
    for (const char* hour : {"08:30", "10:15", "14:30", "16:45"}) {
      const time::Date d = time::Date{std::chrono::year{2026} / 9 / 29} + std::chrono::days{day};
      const std::chrono::year_month_day ymd{d};
      char at[64];
      std::snprintf(at, sizeof at, "%04d-%02u-%02uT%s:00+0%d:00", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hour,
                    d < time::Date{std::chrono::year{2026} / 10 / 25} ? 2 : 1);
      csv += std::string(at) + ",search," + std::to_string(150 + (n++ * 37) % 400) + "\n";
    }
  }
  write("transactions.csv", csv);
  const EvidenceFolder folder{folder_, false};
  const std::vector<time::Period> weeks = evaluate::weeks_overlapping(october_);
  ASSERT_EQ(weeks.size(), 5U);  // 28 September to 1 November
  EXPECT_EQ(time::period_name(weeks.front()), "2026-W40");
  EXPECT_EQ(time::period_name(weeks.back()), "2026-W44");
  const auto months = evaluate_months(setting(), folder, october_, october_, weeks);
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::History>>(months));
  ASSERT_NE(std::get<0>(months).inputs.latency, nullptr) << "the transactions were not streamed";
  const evaluate::History& history = std::get<0>(months).result;
  ASSERT_EQ(history.weeks.size(), weeks.size());
  for (std::size_t w = 0; w < weeks.size(); ++w) {
    const evaluate::HistoryWeek& week = history.weeks[w];
    EXPECT_EQ(week.week, weeks[w]);
    ASSERT_EQ(week.kpis.size(), 1U) << week.name;
    EXPECT_EQ(week.kpis[0].kpi_id, "KPI-10");
    const auto alone = evaluate_period(setting(), folder, weeks[w]);
    ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(alone));
    const evaluate::KpiResult* kpi10 = nullptr;
    for (const auto& k : std::get<0>(alone).result.kpis) {
      if (k.kpi_id == "KPI-10") kpi10 = &k;
    }
    ASSERT_NE(kpi10, nullptr);
    EXPECT_EQ(week.kpis[0].status, kpi10->status) << week.name;
    EXPECT_EQ(week.kpis[0].window.from, kpi10->window.from) << week.name;
    ASSERT_EQ(week.kpis[0].objectives.size(), 2U);
    for (std::size_t o = 0; o < 2; ++o) {
      const auto& mine = week.kpis[0].objectives[o];
      const auto& theirs = kpi10->objectives[o];
      EXPECT_EQ(mine.id, theirs.id);
      EXPECT_EQ(mine.value, theirs.value) << week.name << " " << mine.id;
      EXPECT_EQ(mine.count, theirs.count) << week.name << " " << mine.id;
      EXPECT_EQ(mine.failing, theirs.failing) << week.name << " " << mine.id;
      EXPECT_EQ(mine.status, theirs.status) << week.name << " " << mine.id;
      EXPECT_GT(mine.count, 0) << week.name << " " << mine.id;
    }
  }
  // Week 40's samples on Tuesday 29 and Wednesday 30 September count in it: two a day in each
  // objective's hours, Tuesday to Friday.
  EXPECT_EQ(history.weeks.front().kpis[0].objectives[0].count, 8);
  EXPECT_EQ(history.weeks.front().kpis[0].objectives[1].count, 8);
}

TEST_F(EngineTest, AFolderThatIsNotThereIsAnError) {
  EXPECT_THROW(evaluate_period(setting(), EvidenceFolder{folder_ / "missing", false}, october_),
               io::FileError);
}

}  // namespace
}  // namespace meetlat::engine
