// The entry point's contract: results or refusals as values, nothing printed, and results that
// keep the contract version they point into.
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <fstream>

#include "contract/default_contract.h"
#include "time/parse.h"

namespace meetlat::engine {
namespace {

namespace fs = std::filesystem;

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("meetlat_engine_" +
               std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(folder_ / name) << text;
  }
  Setting setting() const { return {&contract_, &zone_, as_of_, nullptr}; }

  contract::Contract contract_ = contract::default_contract();
  time::Zone zone_ = time::Zone::load("Europe/Amsterdam");
  time::Instant as_of_ = time::parse_timestamp("2026-11-05T00:00:00+01:00", zone_, nullptr)->at;
  time::Period october_ = *time::parse_period("2026-10");
  fs::path folder_;
};

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

TEST_F(EngineTest, AResultKeepsTheContractVersionItPointsInto) {
  write("tickets.csv",
        "id,priority,created_at,responded_at\n"
        "INC-1,P1,2026-10-02T09:00:00+02:00,2026-10-02T09:10:00+02:00\n");
  auto outcome = evaluate_period(setting(), EvidenceFolder{folder_, false}, october_);
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(outcome));
  // Moved away from where it was computed, the result still reads its contract.
  const Computed<evaluate::Evaluation> computed = std::move(std::get<0>(outcome));
  ASSERT_FALSE(computed.result.kpis.empty());
  EXPECT_EQ(computed.result.contract, computed.inputs.in_force.get());
  EXPECT_EQ(computed.result.kpis.front().kpi->id, "KPI-01");
  EXPECT_EQ(computed.result.kpis.front().objectives.front().count, 1);
}

TEST_F(EngineTest, AFolderThatIsNotThereIsAnError) {
  EXPECT_THROW(evaluate_period(setting(), EvidenceFolder{folder_ / "missing", false}, october_),
               io::FileError);
}

}  // namespace
}  // namespace meetlat::engine
