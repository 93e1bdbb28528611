#include "evidence/records_source.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "time/parse.h"

namespace meetlat::evidence {
namespace {

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

using Fields = RecordsSource::Fields;

// The ticket rows of kTicketsCsv, as records.
std::vector<Fields> ticket_records() {
  return {
      {{"id", "INC-1"}, {"priority", "P1"}, {"created_at", "2026-10-05T09:00:00+02:00"}},
      {{"id", "INC-2"}, {"priority", "P2"}, {"created_at", "2026-13-05T10:00:00+02:00"}},
      {{"id", "INC-3"},
       {"priority", "P4"},
       {"created_at", "2026-10-05T10:00:00+02:00"},
       {"responded_at", "2026-10-05T09:00:00+02:00"}},
      {{"id", "INC-1"}, {"priority", "P3"}, {"created_at", "2026-10-06T10:00:00+02:00"}},
      {{"priority", "P3"}, {"created_at", "2026-10-07T10:00:00+02:00"}, {"note", "ignored"}},
  };
}

constexpr std::string_view kTicketsCsv =
    "id,priority,created_at,responded_at\n"
    "INC-1,P1,2026-10-05T09:00:00+02:00,\n"
    "INC-2,P2,2026-13-05T10:00:00+02:00,\n"
    "INC-3,P4,2026-10-05T10:00:00+02:00,2026-10-05T09:00:00+02:00\n"
    "INC-1,P3,2026-10-06T10:00:00+02:00,\n"
    ",P3,2026-10-07T10:00:00+02:00,\n";

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) out.push_back(d.message);
  return out;
}

// A user fixing a pushed record gets the message a CSV user gets for the same cell; only the
// position differs: the record and the field instead of the line and the column.
TEST(RecordsSourceTest, ABadValueGetsTheDiagnosticOfTheSameCsvCell) {
  RecordsSource push("push 3");
  push.add("tickets", ticket_records());
  const Evidence pushed = push.read(LoadOptions{amsterdam()});
  const FileLoad csv =
      load_evidence_text(*find_schema("tickets"), kTicketsCsv, LoadOptions{amsterdam()});

  // The same messages, but for the duplicate's reference to the first record, a position too.
  std::vector<std::string> expected = messages(csv.diagnostics);
  ASSERT_EQ(expected.size(), 5u);
  EXPECT_EQ(expected[3], "id: duplicate id 'INC-1' (first on line 2)");
  expected[3] = "id: duplicate id 'INC-1' (first in record 1)";
  EXPECT_EQ(messages(pushed.diagnostics), expected);
  const std::vector<std::string> positions = {
      "push 3 (tickets), record 2, field created_at",
      "push 3 (tickets), record 3, field priority",
      "push 3 (tickets), record 3, field responded_at",
      "push 3 (tickets), record 4, field id",
      "push 3 (tickets), record 5, field id",
  };
  ASSERT_EQ(pushed.diagnostics.size(), positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    EXPECT_EQ(pushed.diagnostics[i].to_string(), positions[i] + ": " + expected[i]);
  }
  EXPECT_EQ(csv.diagnostics[0].to_string(),
            "tickets.csv:3:15: created_at: bad time stamp '2026-13-05T10:00:00+02:00': month out "
            "of range");
  EXPECT_EQ(pushed.diagnostics[0].at.line, 2u);
  EXPECT_EQ(pushed.diagnostics[0].at.field, "created_at");
  EXPECT_EQ(pushed.diagnostics[0].kind, csv.diagnostics[0].kind);
  EXPECT_FALSE(pushed.usable());
}

TEST(RecordsSourceTest, ValidRecordsMakeTheTableOfTheSameCsvRows) {
  RecordsSource push("push 1");
  push.add("outages", {{{"id", "O1"}, {"start", " 2026-10-05 09:00 "}, {"planned", "ja"}},
                       {{"id", "O2"}, {"start", "2026-10-06T09:00:00Z"}, {"end", ""}}});
  const Evidence pushed = push.read(LoadOptions{amsterdam()});
  const FileLoad csv = load_evidence_text(*find_schema("outages"),
                                          "id,start,planned\n"
                                          "O1,2026-10-05 09:00,ja\n"
                                          "O2,2026-10-06T09:00:00Z,\n",
                                          LoadOptions{amsterdam()});
  ASSERT_TRUE(pushed.diagnostics.empty()) << pushed.diagnostics.front().to_string();
  const Table* table = pushed.find("outages");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows(), 2u);
  EXPECT_EQ(table->text("id", 1), "O2");
  EXPECT_EQ(
      std::vector<time::Instant>(table->instants("start").begin(), table->instants("start").end()),
      std::vector<time::Instant>(csv.table->instants("start").begin(),
                                 csv.table->instants("start").end()));
  EXPECT_EQ(table->bools("planned")[0], 1);
  EXPECT_EQ(table->lines()[1], 2u);  // the record's number
  // An optional field that some record has is in the table; one that none has is not.
  EXPECT_TRUE(table->in_file("end"));
  EXPECT_FALSE(table->in_file("service"));
  EXPECT_EQ(pushed.find("tickets"), nullptr);
}

TEST(RecordsSourceTest, LeftOutRowsAndWarningsNameTheSource) {
  RecordsSource push("push 4", true);
  push.add("security_incidents",
           {{{"id", "S1"}, {"priority", "P1"}, {"detected_at", "2026-10-25 02:30"}},
            {{"id", "S2"}, {"priority", "P9"}, {"detected_at", "2026-10-25 02:40"}}});
  LoadOptions options{amsterdam()};
  options.skip_invalid = push.skip_invalid();
  const Evidence pushed = push.read(options);
  EXPECT_TRUE(pushed.usable());
  ASSERT_EQ(pushed.skipped.size(), 1u);
  EXPECT_EQ(pushed.skipped[0].to_string(),
            "left out 1 row of push 4 (security_incidents): 1 unknown priority");
  ASSERT_EQ(pushed.warnings.size(), 1u);
  EXPECT_EQ(pushed.warnings[0].to_string(),
            "push 4 (security_incidents), record 1: 2 local times in the hour repeated on "
            "2026-10-25 were read as the earlier instant");
  EXPECT_EQ(pushed.find("security_incidents")->rows(), 1u);
}

TEST(RecordsSourceTest, LocateNamesTheRecordAndField) {
  RecordsSource push("push 5");
  const std::vector<std::uint32_t> lines{3};
  const auto at = push.locate("exemptions", "evidence", lines);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(at[0].to_string(), "push 5 (exemptions), record 3, field evidence");
}

TEST(RecordsSourceTest, AnUnknownKindIsRefused) {
  RecordsSource push("push 6");
  EXPECT_THROW(push.add("tikets", {}), std::invalid_argument);
}

}  // namespace
}  // namespace meetlat::evidence
