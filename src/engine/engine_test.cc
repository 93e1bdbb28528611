// The entry point's contract: results or refusals as values, nothing printed, and results that
// name their contract version, KPIs and steps by id.
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <optional>

#include "engine/engine_fixture.h"
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

TEST_F(EngineTest, AFolderThatIsNotThereIsAnError) {
  EXPECT_THROW(evaluate_period(setting(), EvidenceFolder{folder_ / "missing", false}, october_),
               io::FileError);
}

}  // namespace
}  // namespace meetlat::engine
