#include "evidence/diagnostic.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace meetlat::evidence {
namespace {

TEST(DiagnosticTest, TheSummaryCountsEveryKind) {
  std::vector<Diagnostic> all;
  for (std::size_t k = 0; k < kDiagnosticKinds; ++k) {
    all.push_back({{"tickets.csv", static_cast<std::uint32_t>(k + 2), 1},
                   static_cast<DiagnosticKind>(k),
                   "problem"});
  }
  const std::string summary = summarize_diagnostics(all, 100);
  for (std::size_t k = 0; k < kDiagnosticKinds; ++k) {
    const std::string_view name = diagnostic_kind_name(static_cast<DiagnosticKind>(k));
    EXPECT_NE(name, "?") << k;
    EXPECT_NE(summary.find("1 " + std::string(name)), std::string::npos) << name;
  }
  EXPECT_NE(summary.find(std::to_string(kDiagnosticKinds) + " errors: "), std::string::npos);
  EXPECT_NE(summary.find("1 bad period"), std::string::npos);  // the last kind
}

// The CSV rendering is what users' scripts read; positions in records add the record and field.
TEST(RecordPositionTest, ATextPositionRendersAsFileLineColumn) {
  const RecordPosition at{"tickets.csv", 12, 17};
  EXPECT_EQ(at.to_string(), "tickets.csv:12:17");
  EXPECT_EQ(at.record_string(), "tickets.csv:12");
  EXPECT_EQ((Diagnostic{at, DiagnosticKind::kBadTimestamp, "created_at: bad"}).to_string(),
            "tickets.csv:12:17: created_at: bad");
}

TEST(RecordPositionTest, ARecordPositionNamesTheRecordAndTheField) {
  const RecordPosition at{"push 3 (tickets)", 2, "record 2", "created_at"};
  EXPECT_EQ(at.to_string(), "push 3 (tickets), record 2, field created_at");
  EXPECT_EQ(at.record_string(), "push 3 (tickets), record 2");
  EXPECT_FALSE(at.in_text());
}

}  // namespace
}  // namespace meetlat::evidence
