#include "evaluate/exemptions.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "evidence/source.h"
#include "time/parse.h"

namespace meetlat::evaluate {
namespace {

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

time::Instant at(std::string_view text) {
  return time::parse_timestamp(text, amsterdam(), nullptr)->at;
}

// A folder holding exemptions.csv with `csv`, removed at the end of the test.
class ExemptionsFolder {
 public:
  explicit ExemptionsFolder(std::string_view csv)
      : source(std::filesystem::temp_directory_path() /
               ("meetlat_exemptions_test_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(source.path);
    std::ofstream(source.path / "exemptions.csv", std::ios::binary) << csv;
  }
  ~ExemptionsFolder() { std::filesystem::remove_all(source.path); }
  ExemptionsFolder(const ExemptionsFolder&) = delete;
  ExemptionsFolder& operator=(const ExemptionsFolder&) = delete;

  evidence::FolderSource source;
};

void add(evidence::Evidence& e, std::string_view kind, std::string_view csv) {
  auto load = evidence::load_evidence_text(*evidence::find_schema(kind), csv,
                                           evidence::LoadOptions{amsterdam()});
  ASSERT_TRUE(load.diagnostics.empty()) << load.diagnostics.front().to_string();
  e.tables.emplace(std::string(kind), std::move(*load.table));
}

constexpr std::string_view kTickets =
    "id,priority,created_at,responded_at\n"
    "INC-1,P2,2026-10-01T10:00:00+02:00,2026-10-01T12:00:00+02:00\n"
    "INC-2,P2,2026-10-02T10:00:00+02:00,2026-10-02T10:05:00+02:00\n"
    "INC-3,P2,2026-10-03T10:00:00+02:00,2026-10-03T13:00:00+02:00\n";

constexpr std::string_view kHeader = "evidence,record,reason,approved_by,approved_on\n";

std::vector<std::uint8_t> mask_at(const evidence::Evidence& e, std::string_view as_of) {
  return Exemptions(e, amsterdam(), at(as_of)).mask(*e.find("tickets"));
}

TEST(ExemptionsTest, AnApprovedExemptionTakesOutExactlyTheNamedRecord) {
  evidence::Evidence e;
  add(e, "tickets", kTickets);
  add(e, "exemptions",
      std::string(kHeader) + "tickets,INC-3,KPI-12 dispute D-7 upheld,J. Jansen,2026-11-02\n");
  EXPECT_EQ(mask_at(e, "2026-11-05T00:00:00+01:00"), (std::vector<std::uint8_t>{0, 0, 1}));
  EXPECT_TRUE(exemption_warnings(e, amsterdam(), at("2026-11-05T00:00:00+01:00")).empty());
}

TEST(ExemptionsTest, WithoutAnExemptionOfTheKindTheMaskIsEmpty) {
  evidence::Evidence e;
  add(e, "tickets", kTickets);
  EXPECT_TRUE(mask_at(e, "2026-11-05T00:00:00+01:00").empty());
  add(e, "exemptions",
      std::string(kHeader) + "outages,OUT-1,planned after all,J. Jansen,2026-11-01\n");
  EXPECT_TRUE(mask_at(e, "2026-11-05T00:00:00+01:00").empty());
}

TEST(ExemptionsTest, AnUnapprovedExemptionIsNotAppliedAndSaysSo) {
  evidence::Evidence e;
  add(e, "tickets", kTickets);
  add(e, "exemptions",
      std::string(kHeader) + "tickets,INC-1,requested,,2026-11-02\n" +
          "tickets,INC-3,requested,J. Jansen,\n");
  EXPECT_TRUE(mask_at(e, "2026-11-05T00:00:00+01:00").empty());
  const auto warnings = exemption_warnings(e, amsterdam(), at("2026-11-05T00:00:00+01:00"));
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0],
            "exemptions.csv:2: exemption of tickets INC-1 is not approved (approved_by or "
            "approved_on is empty): not applied");
  EXPECT_NE(warnings[1].find("exemptions.csv:3: exemption of tickets INC-3 is not approved"),
            std::string::npos);
}

TEST(ExemptionsTest, AnApprovalAfterAsOfIsNotAppliedYet) {
  evidence::Evidence e;
  add(e, "tickets", kTickets);
  add(e, "exemptions", std::string(kHeader) + "tickets,INC-3,dispute,J. Jansen,2026-11-05\n");
  // Approved on the 5th: from the start of that day on, not the evening before.
  EXPECT_TRUE(mask_at(e, "2026-11-04T23:59:59+01:00").empty());
  EXPECT_EQ(mask_at(e, "2026-11-05T00:00:00+01:00"), (std::vector<std::uint8_t>{0, 0, 1}));
  const auto warnings = exemption_warnings(e, amsterdam(), at("2026-11-04T12:00:00+01:00"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0],
            "exemptions.csv:2: exemption of tickets INC-3 is approved on 2026-11-05, after "
            "as_of: not applied");
}

TEST(ExemptionsTest, ARecordThatDoesNotExistIsAWarning) {
  evidence::Evidence e;
  add(e, "tickets", kTickets);
  add(e, "exemptions",
      std::string(kHeader) + "tickets,INC-9,typo,J. Jansen,2026-11-01\n" +
          "changes,CHG-1,no file,J. Jansen,2026-11-01\n");
  EXPECT_EQ(mask_at(e, "2026-11-05T00:00:00+01:00"), (std::vector<std::uint8_t>{0, 0, 0}));
  const auto warnings = exemption_warnings(e, amsterdam(), at("2026-11-05T00:00:00+01:00"));
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0],
            "exemptions.csv:2: tickets INC-9 is not in tickets.csv: the exemption has no effect");
  EXPECT_EQ(warnings[1],
            "exemptions.csv:3: changes CHG-1 is not in changes.csv (no such file in the data "
            "folder): the exemption has no effect");
}

TEST(ExemptionsTest, ATwoColumnKeyIsNamedAsTheResultShowsIt) {
  evidence::Evidence e;
  add(e, "siem",
      "source,period,events_emitted,events_received\n"
      "fw,2026-10,100,90\n"
      "fw,2026-11,100,100\n");
  add(e, "exemptions",
      std::string(kHeader) + "siem,fw 2026-10,collector outage,J. Jansen,2026-11-01\n");
  EXPECT_EQ(Exemptions(e, amsterdam(), at("2026-11-05T00:00:00+01:00")).mask(*e.find("siem")),
            (std::vector<std::uint8_t>{1, 0}));
}

TEST(CheckExemptionsTest, AnUnknownOrIdlessKindIsADiagnosticWithLineAndColumn) {
  evidence::Evidence e;
  const std::string csv =
      "record,evidence,reason,approved_by,approved_on\n"
      "INC-1,tickets,ok,J. Jansen,2026-11-01\n"
      "INC-2,tikets,typo,J. Jansen,2026-11-01\n"
      "probes.csv:7,  probes,flaky probe,J. Jansen,2026-11-01\n";
  add(e, "exemptions", csv);
  const ExemptionsFolder folder(csv);
  check_exemptions(e, folder.source);
  ASSERT_EQ(e.diagnostics.size(), 2u);
  EXPECT_EQ(e.diagnostics[0].at.source, "exemptions.csv");
  EXPECT_EQ(e.diagnostics[0].at.line, 3u);
  EXPECT_EQ(e.diagnostics[0].at.column, 7u);
  EXPECT_NE(
      e.diagnostics[0].message.find("unknown evidence kind 'tikets' (expected one of tickets"),
      std::string::npos);
  EXPECT_EQ(e.diagnostics[1].at.line, 4u);
  EXPECT_EQ(e.diagnostics[1].at.column, 16u);  // the cell's first character after the spaces
  EXPECT_EQ(e.diagnostics[1].message, "evidence: probes cannot be exempted: its rows have no ids");
  // The invalid rows leave the table, like any invalid row.
  EXPECT_EQ(e.find("exemptions")->rows(), 1u);
  EXPECT_FALSE(e.usable());
}

TEST(CheckExemptionsTest, WithSkipInvalidTheRowsAreCountedAsLeftOut) {
  evidence::Evidence e;
  e.skip_invalid = true;
  const std::string csv = std::string(kHeader) + "milestones,golive,late,J. Jansen,2026-11-01\n";
  add(e, "exemptions", csv);
  const ExemptionsFolder folder(csv);
  check_exemptions(e, folder.source);
  EXPECT_TRUE(e.usable());
  ASSERT_EQ(e.skipped.size(), 1u);
  EXPECT_EQ(e.skipped[0].to_string(), "left out 1 row of exemptions.csv: 1 unknown evidence kind");
}

}  // namespace
}  // namespace meetlat::evaluate
