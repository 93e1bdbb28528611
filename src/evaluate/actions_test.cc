// The action register end to end: ladder steps fired by real evidence, written as actions.csv,
// read back by the evidence loader and measured by KPI-06 (actions with owner and deadline).
#include "evaluate/actions.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "contract/default_contract.h"
#include "evaluate/evaluate.h"
#include "evidence/load.h"
#include "report/actions_register.h"

namespace meetlat::evaluate {
namespace {

namespace fs = std::filesystem;

class ActionsRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("meetlat_actions_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "in");
    fs::create_directories(dir_ / "out");
    // P1 tickets answered after 30 min (norm 15 min) in January and February: KPI-01 breaches
    // twice, so SLM-overleg (5 working days) fires for January and verbeterplan (10 working
    // days) for February.
    std::ofstream(dir_ / "in" / "tickets.csv") << "id,priority,created_at,responded_at\n"
                                                  "T1,P1,2026-01-10T10:00:00,2026-01-10T10:30:00\n"
                                                  "T2,P1,2026-02-10T10:00:00,2026-02-10T10:30:00\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  evidence::Evidence load(const fs::path& folder) const {
    evidence::LoadOptions options{zone_};
    return evidence::load_evidence(folder, options);
  }
  time::Instant at(const char* text) const {
    return zone_.start_of_day(std::chrono::local_days{
        std::chrono::year_month_day{std::chrono::year{std::atoi(text)},
                                    std::chrono::month{static_cast<unsigned>(std::atoi(text + 5))},
                                    std::chrono::day{static_cast<unsigned>(std::atoi(text + 8))}}});
  }

  fs::path dir_;
  contract::Contract contract_ = contract::default_contract();
  time::Zone zone_ = time::Zone::load("Europe/Amsterdam");
};

TEST_F(ActionsRoundTrip, RegisterListsOwnerDeadlineAndStatus) {
  const auto input = load(dir_ / "in");
  const auto month = *time::parse_period("2026-02");
  const contract::Versions versions(contract_);  // the actions point into it
  const auto actions = evaluate_actions(versions, input, zone_, {month, at("2026-03-20")});
  ASSERT_EQ(actions.size(), 2U);
  EXPECT_EQ(actions[0].id, "KPI-01/2026-01/slm-overleg");
  // 5 working days after Sat 2026-01-31: Feb 2..6 → end of Fri 2026-02-06.
  ASSERT_TRUE(actions[0].deadline);
  EXPECT_EQ(zone_.format(*actions[0].deadline), "2026-02-07T00:00:00+01:00");
  EXPECT_EQ(actions[0].status, "overdue");
  // As of 2026-03-20: 2026-02-06 was its last day, 42 days before.
  EXPECT_EQ(actions[0].days_overdue, 42);
  EXPECT_EQ(actions[1].id, "KPI-01/2026-02/verbeterplan");
  // 10 working days after Fri 2026-02-27: Mar 2..6, 9..13 → end of Fri 2026-03-13.
  ASSERT_TRUE(actions[1].deadline);
  EXPECT_EQ(zone_.format(*actions[1].deadline), "2026-03-14T00:00:00+01:00");
  EXPECT_EQ(actions[1].status, "overdue");
  EXPECT_EQ(actions[1].days_overdue, 7);  // 2026-03-13 to 2026-03-20

  // A step without `due` (contract check warns about it) gives an action without a deadline,
  // which can never be late: open, however long ago it fired.
  contract_.kpis[0].ladder[0].due.reset();
  const contract::Versions undated_versions(contract_);
  const auto undated = evaluate_actions(undated_versions, input, zone_, {month, at("2026-12-20")});
  ASSERT_EQ(undated.size(), 2U);
  EXPECT_FALSE(undated[0].deadline);
  EXPECT_EQ(undated[0].status, "open");
}

TEST_F(ActionsRoundTrip, CsvReadsBackAsEvidenceAndKpi06MeasuresIt) {
  const auto input = load(dir_ / "in");
  const auto month = *time::parse_period("2026-02");
  const contract::Versions versions(contract_);  // the actions point into it
  const auto actions = evaluate_actions(versions, input, zone_, {month, at("2026-03-20")});
  std::ofstream(dir_ / "out" / "actions.csv")
      << report::actions_csv(report::action_rows(actions, versions, zone_));

  const auto output = load(dir_ / "out");
  ASSERT_TRUE(output.diagnostics.empty()) << output.summary();
  const auto* table = output.find("actions");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->rows(), 2U);

  // January's action is created when January closes (2026-02-01), February's on 2026-03-01.
  // Every step of the default contract has an owner and a deadline, so the register fed back
  // is complete: KPI-06 actions_complete 1/1 in February and in March (issue 9 item 8: it was
  // 0/1 and breached, and fired a malus, when SLM-overleg had no deadline).
  auto share = [&](const char* period) {
    const auto e =
        evaluate(versions, output, zone_, {*time::parse_period(period), at("2026-04-10")});
    for (const auto& k : e.kpis) {
      if (k.kpi_id != "KPI-06") continue;
      for (const auto& o : k.objectives) {
        if (o.id == "actions_complete") return std::make_pair(o.status, o.value);
      }
    }
    return std::make_pair(Status::kNoData, std::optional<double>());
  };
  EXPECT_EQ(share("2026-02"), std::make_pair(Status::kMet, std::optional<double>(1.0)));
  EXPECT_EQ(share("2026-03"), std::make_pair(Status::kMet, std::optional<double>(1.0)));
}

}  // namespace
}  // namespace meetlat::evaluate
