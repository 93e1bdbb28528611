// The monthly report's evidence appendix and data-quality section through the real binary
// (docs/reports.md, parts 6 and 7), on a case written by the test with its figures worked out by
// hand below.
//
// KPI-01 P3: within 8 hours on office_hours (Monday to Friday 08:00-18:00), counted in the month
// the ticket was created.
// - INC-1, created Friday 9 October 2026 15:00, responded Monday 12 October 14:00: the calendar
//   counts Friday 15:00-18:00 (3 h) and Monday 08:00-14:00 (6 h), 9 h 0 min; the deadline is 8 h
//   of open time after creation, 3 h on Friday and 5 h on Monday: 2026-10-12T13:00:00+02:00.
//   Late.
// - INC-2, created Thursday 29 October 17:00 (winter time, +01:00), never responded: deadline 1 h
//   on Thursday and 7 h on Friday 30 October, 2026-10-30T15:00:00+01:00; at the as-of moment
//   (Thursday 5 November 00:00) the open time counted is Thursday 1 h, Friday, Monday, Tuesday
//   and Wednesday 10 h each: 41 h 0 min, still open. Overdue.
// - INC-3, created Tuesday 13 October 09:00, responded 10:00: in time.
// - INC-4, created at the local time 2026-10-25 02:30, in the hour repeated when summer time
//   ended: read as the earlier instant (a DST note), responded 03:00 the same day; a Sunday, so it
//   counts no open time and is in time.
// - INC-5 has a bad time stamp: left out with --skip-invalid.
// - INC-6, created Friday 9 October 16:00, responded Monday 12 October 18:00, late but exempted
//   (exemptions.csv, approved): deadline 2 h on Friday and 6 h on Monday,
//   2026-10-12T14:00:00+02:00; time counted Friday 2 h and Monday 10 h, 12 h 0 min.
// KPI-03 availability from probes.csv alone: three probe rows in three minutes of October, which
// has 31 × 1440 + 60 minutes (the extra hour when summer time ended) = 44,700; coverage
// 3 / 44,700 = 0.0067%, shown as 0.01%.
// Notes.txt in the data folder is not an evidence file.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "run_meetlat.h"
#include "workbook.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

constexpr const char* kContract = R"(contract:
  id: appendix-case
  name: {nl: "Servicedesk Gemeente Voorbeeld", en: "Example municipality service desk"}
  parties: {client: "Gemeente Voorbeeld", supplier: "Leverancier"}
  start: 2026-01-01
  term_months: 36
  timezone: Europe/Amsterdam
  monthly_fee: {amount: 100000.00, currency: EUR}
  caps: {malus_per_month: 10%, malus_per_year: 10%}

calendars:
  office_hours: {days: mon-fri, hours: ["08:00-18:00"]}

priorities:
  P3: {nl: "Normaal", en: "Normal"}

kpis:
  - id: KPI-01
    title: {nl: "Responstijden", en: "Response times"}
    requirement: W-01
    cadence: month
    objectives:
      - id: P3
        norm: ">= 90%"
        measure: {kind: attainment, evidence: tickets, where: {priority: P3}, from: created_at, to: responded_at, within: 8h, on: office_hours, count_in: from}
  - id: KPI-03
    title: {nl: "Beschikbaarheid dienst", en: "Service availability"}
    requirement: W-03
    cadence: month
    objectives:
      - id: availability
        norm: ">= 99.95%"
        measure: {kind: availability, evidence: outages, fallback: probes}
)";

class ReportAppendix : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_appendix_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    const fs::path data = root_ / "data";
    fs::create_directories(data);
    std::ofstream(root_ / "contract.yaml") << kContract;
    std::ofstream(data / "tickets.csv")
        << "id,priority,created_at,responded_at\n"
           "INC-1,P3,2026-10-09T15:00:00+02:00,2026-10-12T14:00:00+02:00\n"
           "INC-2,P3,2026-10-29T17:00:00+01:00,\n"
           "INC-3,P3,2026-10-13T09:00:00+02:00,2026-10-13T10:00:00+02:00\n"
           "INC-4,P3,2026-10-25 02:30,2026-10-25T03:00:00+01:00\n"
           "INC-5,P3,yesterday,\n"
           "INC-6,P3,2026-10-09T16:00:00+02:00,2026-10-12T18:00:00+02:00\n";
    std::ofstream(data / "exemptions.csv") << "evidence,record,reason,approved_by,approved_on\n"
                                              "tickets,INC-6,dispute D-1: the caller was "
                                              "unreachable,J. de Vries (client),2026-11-03\n";
    std::ofstream(data / "probes.csv") << "at,location,up\n"
                                          "2026-10-07T02:01:00Z,ams,1\n"
                                          "2026-10-07T02:02:00Z,ams,1\n"
                                          "2026-10-07T02:03:00Z,ams,1\n";
    std::ofstream(data / "Notes.txt") << "notes\n";
    for (const char* lang : {"nl", "en"}) {
      const RunResult r = run_meetlat(
          "report --data " + data.string() + " --contract " + (root_ / "contract.yaml").string() +
              " --as-of 2026-11-05T00:00:00+01:00 --skip-invalid --period 2026-10 --lang " + lang +
              " --out " + (root_ / (std::string(lang) + ".html")).string(),
          root_);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const RunResult x = run_meetlat("report --data " + data.string() + " --contract " +
                                        (root_ / "contract.yaml").string() +
                                        " --as-of 2026-11-05T00:00:00+01:00 --skip-invalid "
                                        "--period 2026-10 --format xlsx --out " +
                                        (root_ / "report.xlsx").string(),
                                    root_);
    ASSERT_EQ(x.exit_code, 0) << x.err;
    nl_ = read_file(root_ / "nl.html");
    en_ = read_file(root_ / "en.html");
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }

  // The table row of the report whose header cell is `id`, from <tr> to </tr>.
  static std::string row_of(const std::string& html, const std::string& id) {
    const std::size_t at = html.find("<th scope=\"row\">" + id + "</th>");
    if (at == std::string::npos) return "";
    const std::size_t start = html.rfind("<tr>", at);
    return html.substr(start, html.find("</tr>", at) - start);
  }
  // The part of the page from the heading with `id` to the next heading.
  static std::string part(const std::string& html, const std::string& id) {
    const std::size_t at = html.find("id=\"" + id + "\"");
    if (at == std::string::npos) return "";
    return html.substr(at, html.find("<h", at + 1) - at);
  }

  static fs::path root_;
  static std::string nl_;
  static std::string en_;
};

fs::path ReportAppendix::root_;
std::string ReportAppendix::nl_;
std::string ReportAppendix::en_;

TEST_F(ReportAppendix, EachFailingTicketWithItsDeadlineAndTheTimeCounted) {
  const std::string late = row_of(nl_, "INC-1");
  EXPECT_NE(late.find("2026-10-09T15:00:00+02:00"), std::string::npos) << late;
  EXPECT_NE(late.find("2026-10-12T14:00:00+02:00"), std::string::npos) << late;
  EXPECT_NE(late.find("<td>2026-10-12T13:00:00+02:00</td><td>9 u 0 min (office_hours)</td>"),
            std::string::npos)
      << late;
  const std::string overdue = row_of(nl_, "INC-2");
  EXPECT_NE(overdue.find("<td>2026-10-30T15:00:00+01:00</td><td>41 u 0 min (office_hours), open "
                         "op het peilmoment</td>"),
            std::string::npos)
      << overdue;
  EXPECT_NE(row_of(en_, "INC-1").find("<td>9 h 0 min (office_hours)</td>"), std::string::npos);
  EXPECT_NE(row_of(en_, "INC-2").find("41 h 0 min (office_hours), open at the as-of moment"),
            std::string::npos);
  const std::string exempted = row_of(nl_, "INC-6");
  EXPECT_NE(exempted.find("<td>Vrijgesteld</td>"), std::string::npos) << exempted;
  EXPECT_NE(exempted.find("<td>2026-10-12T14:00:00+02:00</td><td>12 u 0 min (office_hours)</td>"),
            std::string::npos)
      << exempted;
  // Records in time are in no list.
  EXPECT_EQ(row_of(nl_, "INC-3"), "");
  EXPECT_EQ(row_of(nl_, "INC-4"), "");
}

TEST_F(ReportAppendix, DataQualityRowsLeftOutPerFileWithWhy) {
  const std::string rows = part(nl_, "dq-rows");
  EXPECT_NE(rows.find("<th scope=\"row\">tickets.csv</th><td>1</td><td>1 ongeldig tijdstip</td>"),
            std::string::npos)
      << rows;
  EXPECT_NE(part(en_, "dq-rows").find("<td>1 bad time stamp</td>"), std::string::npos);
}

TEST_F(ReportAppendix, DataQualityProbeCoverage) {
  const std::string coverage = part(nl_, "dq-coverage");
  EXPECT_NE(coverage.find("<td>0,01%</td><td>3</td><td>44.700</td>"), std::string::npos)
      << coverage;
  EXPECT_NE(part(en_, "dq-coverage").find("<td>0.01%</td><td>3</td><td>44,700</td>"),
            std::string::npos);
}

TEST_F(ReportAppendix, DataQualityDstNotesAndFilesNotRecognised) {
  const std::string dst = part(nl_, "dq-dst");
  EXPECT_NE(dst.find("tickets.csv:5: 1 lokale tijd in het herhaalde uur op 25 oktober 2026 is "
                     "gelezen als het eerste moment"),
            std::string::npos)
      << dst;
  const std::string files = part(nl_, "dq-files");
  EXPECT_NE(files.find("Notes.txt: geen bewijsbestand, genegeerd"), std::string::npos) << files;
  EXPECT_NE(part(en_, "dq-files").find("Notes.txt: not an evidence file, ignored"),
            std::string::npos);
  // Each note in its own part, not again among the others.
  EXPECT_EQ(part(nl_, "dq-other").find("Notes.txt"), std::string::npos);
  EXPECT_EQ(part(nl_, "dq-other").find("tickets.csv"), std::string::npos);
}

// The workbook's Evidence sheet: the same figures as numbers and dates a spreadsheet can sum.
TEST_F(ReportAppendix, SpreadsheetEvidenceHoldsTheDeadlineAndTheHoursCounted) {
  const json book = meetlat::testing::read_workbook(root_ / "report.xlsx");
  ASSERT_TRUE(book.is_object()) << book;
  const json& sheet = book.at("Evidence");
  const auto deadline = meetlat::testing::column_of(sheet, "Uiterste tijd (berekend)");
  const auto calendar = meetlat::testing::column_of(sheet, "Kalender");
  const auto hours = meetlat::testing::column_of(sheet, "Getelde uren op de kalender");
  ASSERT_TRUE(deadline && calendar && hours) << sheet.at("rows").at(0);
  // A month without outage or duration records has no columns for their figures.
  EXPECT_FALSE(meetlat::testing::column_of(sheet, "Getelde minuten storing"));
  EXPECT_FALSE(meetlat::testing::column_of(sheet, "Berekende waarde"));
  EXPECT_EQ(sheet.at("filter"), "A1:G" + std::to_string(sheet.at("rows").size()));
  const json& rows = sheet.at("rows");
  bool late = false;
  bool overdue = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const json& cells = rows.at(i);
    if (cells.at(3) == "INC-1") {
      late = true;
      EXPECT_EQ(cells.at(*deadline).at("date"), "2026-10-12T13:00:00");
      EXPECT_EQ(cells.at(*calendar), "office_hours");
      EXPECT_DOUBLE_EQ(cells.at(*hours).get<double>(), 9.0);
      // The hours carry their unit in the number format, in Dutch, as the other figures do.
      EXPECT_EQ(sheet.at("cell_formats").at(i).at(*hours), "#,##0.00\" u\"");
    }
    if (cells.at(3) == "INC-2") {
      overdue = true;
      EXPECT_EQ(cells.at(*deadline).at("date"), "2026-10-30T15:00:00");
      EXPECT_DOUBLE_EQ(cells.at(*hours).get<double>(), 41.0);
    }
  }
  EXPECT_TRUE(late && overdue) << rows;
}

// The workbook's Data quality sheet: the same parts, counts and coverage as numbers.
TEST_F(ReportAppendix, SpreadsheetDataQualitySheet) {
  const RunResult read =
      meetlat::testing::run_shell(std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " " +
                                  (root_ / "report.xlsx").string() + " 2>&1");
  ASSERT_EQ(read.exit_code, 0) << read.out;
  const json sheet = json::parse(read.out).at("Data quality");
  EXPECT_EQ(sheet.at("freeze"), "A2");
  const json& rows = sheet.at("rows");
  ASSERT_EQ(rows.size(), 5U) << rows;  // header, rows left out, coverage, DST, file
  EXPECT_EQ(rows.at(1),
            json::array({"Weggelaten regels", "tickets.csv", 1, nullptr, "1 ongeldig tijdstip"}));
  EXPECT_EQ(rows.at(2).at(1), "KPI-03 availability");
  EXPECT_DOUBLE_EQ(rows.at(2).at(3).get<double>(), 3.0 / 44700);
  EXPECT_NE(rows.at(3).at(4).get<std::string>().find("1 lokale tijd in het herhaalde uur op 25 "
                                                     "oktober 2026"),
            std::string::npos);
  EXPECT_NE(rows.at(4).at(4).get<std::string>().find("Notes.txt: geen bewijsbestand, genegeerd"),
            std::string::npos);
}

// A long list of failing records is printed as tables of at most 250 rows (Chromium's printing of
// one table over many pages costs time in the square of its rows): 600 late tickets make three
// tables in one region, each with the caption, which rows it holds and the header row, and every
// ticket once, in order.
TEST(ReportAppendixLong, ManyFailingRecordsAreTablesOf250RowsEachWithItsHeader) {
  std::string pattern = (fs::temp_directory_path() / "meetlat_appendix_long_XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path root = pattern;
  const fs::path data = root / "data";
  fs::create_directories(data);
  std::ofstream(root / "contract.yaml") << kContract;
  {
    // Created Tuesday 13 October 09:00, responded the next day at 18:00: 19 h of office hours,
    // late against 8 h.
    std::ofstream tickets(data / "tickets.csv");
    tickets << "id,priority,created_at,responded_at\n";
    for (int i = 1000; i < 1600; ++i) {
      tickets << "INC-" << i << ",P3,2026-10-13T09:00:00+02:00,2026-10-14T18:00:00+02:00\n";
    }
  }
  const fs::path out = root / "en.html";
  const RunResult r = run_meetlat("report --data " + data.string() + " --contract " +
                                      (root / "contract.yaml").string() +
                                      " --as-of 2026-11-05T00:00:00+01:00 --period 2026-10 "
                                      "--lang en --out " +
                                      out.string(),
                                  root);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  std::error_code ignored;
  fs::remove_all(root, ignored);

  const std::size_t region = html.find("<div class=\"table-wrap records\"");
  ASSERT_NE(region, std::string::npos);
  const std::string records = html.substr(region, html.find("</div>", region) - region);
  const std::string caption =
      "<caption>The record as read from the evidence (Failing records: 600)";
  std::size_t tables = 0;
  std::size_t heads = 0;
  for (std::size_t at = records.find("<table>"); at != std::string::npos;
       at = records.find("<table>", at + 1)) {
    ++tables;
  }
  for (std::size_t at = records.find("<thead>"); at != std::string::npos;
       at = records.find("<thead>", at + 1)) {
    ++heads;
  }
  EXPECT_EQ(tables, 3U);
  EXPECT_EQ(heads, 3U);
  EXPECT_NE(records.find(caption + ", rows 1–250</caption>"), std::string::npos) << records;
  EXPECT_NE(records.find(caption + ", rows 251–500</caption>"), std::string::npos);
  EXPECT_NE(records.find(caption + ", rows 501–600</caption>"), std::string::npos);
  // Every ticket once and in order; the second table starts with the 251st.
  std::size_t last = 0;
  for (int i = 1000; i < 1600; ++i) {
    const std::string cell = "<th scope=\"row\">INC-" + std::to_string(i) + "</th>";
    const std::size_t at = records.find(cell);
    ASSERT_NE(at, std::string::npos) << cell;
    EXPECT_GT(at, last) << cell;
    EXPECT_EQ(records.find(cell, at + 1), std::string::npos) << cell;
    last = at;
  }
  const std::size_t second = records.find(caption + ", rows 251–500");
  EXPECT_LT(records.find("INC-1249<"), second);
  EXPECT_GT(records.find("INC-1250<"), second);
}

}  // namespace
