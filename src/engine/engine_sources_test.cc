// The entry point evaluates any evidence source (evidence/source.h): records handed over in
// memory give the result of the same rows in a folder, and their problems the same diagnostics,
// positioned in the records.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine/engine_fixture.h"
#include "evidence/records_source.h"

namespace meetlat::engine {
namespace {

using EngineSourcesTest = EngineFixture;

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
