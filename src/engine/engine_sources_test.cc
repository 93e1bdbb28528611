// The entry point evaluates any evidence source (evidence/source.h): records handed over in
// memory give the result of the same rows in a folder, and their problems the same diagnostics,
// positioned in the records.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "contract/default_contract.h"
#include "engine/engine.h"
#include "evidence/records_source.h"
#include "time/parse.h"

namespace meetlat::engine {
namespace {

namespace fs = std::filesystem;

class EngineSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("meetlat_engine_sources_" +
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

using Fields = evidence::RecordsSource::Fields;

TEST_F(EngineSourcesTest, RecordsGiveTheResultOfTheSameRowsInAFolder) {
  write("tickets.csv",
        "id,priority,created_at,responded_at\n"
        "INC-1,P1,2026-10-02T09:00:00+02:00,2026-10-02T09:10:00+02:00\n"
        "INC-2,P1,2026-10-03T14:00:00+02:00,2026-10-03T15:15:00+02:00\n");
  evidence::RecordsSource push("push 1");
  push.add("tickets", {Fields{{"id", "INC-1"},
                              {"priority", "P1"},
                              {"created_at", "2026-10-02T09:00:00+02:00"},
                              {"responded_at", "2026-10-02T09:10:00+02:00"}},
                       Fields{{"id", "INC-2"},
                              {"priority", "P1"},
                              {"created_at", "2026-10-03T14:00:00+02:00"},
                              {"responded_at", "2026-10-03T15:15:00+02:00"}}});
  const auto from_folder = evaluate_period(setting(), EvidenceFolder{folder_, false}, october_);
  const auto from_records = evaluate_period(setting(), push, october_);
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(from_folder));
  ASSERT_TRUE(std::holds_alternative<Computed<evaluate::Evaluation>>(from_records));
  const auto& a = std::get<0>(from_folder).result.kpis.front().objectives.front();
  const auto& b = std::get<0>(from_records).result.kpis.front().objectives.front();
  EXPECT_EQ(a.count, 2);
  EXPECT_EQ(b.count, a.count);
  EXPECT_EQ(b.failing_ids, a.failing_ids);
  EXPECT_EQ(b.failing_ids, std::vector<std::string>{"INC-2"});
  EXPECT_EQ(b.status, a.status);
}

TEST_F(EngineSourcesTest, ABadExemptionRecordIsRefusedAtItsRecordAndField) {
  evidence::RecordsSource push("push 2");
  push.add("exemptions", {Fields{{"evidence", "tikets"},
                                 {"record", "INC-1"},
                                 {"reason", "typo"},
                                 {"approved_by", "J. Jansen"},
                                 {"approved_on", "2026-11-01"}}});
  const auto outcome = evaluate_period(setting(), push, october_);
  ASSERT_TRUE(std::holds_alternative<Refused>(outcome));
  const Refused& refused = std::get<Refused>(outcome);
  ASSERT_EQ(refused.diagnostics.size(), 1u);
  const std::string text = refused.diagnostics[0].to_string();
  EXPECT_TRUE(
      text.starts_with("push 2 (exemptions), record 1, field evidence: evidence: unknown "
                       "evidence kind 'tikets'"))
      << text;
}

}  // namespace
}  // namespace meetlat::engine
