// The figures the engine computed of records other than tickets in the monthly report, through
// the real binary on the built-in default contract.
//
// KPI-03 availability decided by the outage register, through the real binary on the built-in
// default contract (docs/reports.md): the down time the engine counted of each outage in the
// evidence appendix, and the probes' down minutes as a lane of the outage timeline when they are
// measured as the register's check. Worked out by hand, October 2026 (summer time, +02:00, until
// the 25th):
//
// - OUT-1 5 October 12:00-12:45, unplanned: 45 min.
// - OUT-2 12:30-13:00 the same day: its first 15 min are OUT-1's, an earlier row: 15 min.
// - OUT-3 12 October 09:00-10:00, planned: no down time.
// - OUT-4 09:50-10:10:30, unplanned: its first 10 min are planned, 10.5 min counted.
// - OUT-5 20 October 08:00-08:30, exempted (exemptions.csv): 30 min in the period, none counted.
// Down time 45 + 15 + 10.5 = 70.5 min, the figure the value is computed from.
// Probes, locations ams and fra: both down 5 October 10:00Z and 10:01Z (inside OUT-1), and 18
// October 06:00Z to 06:02Z (no outage holds them: the check's warning); up once an hour after.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "report_svg.h"
#include "run_meetlat.h"
#include "workbook.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using meetlat::testing::chart_svg;
using meetlat::testing::element_text;
using meetlat::testing::occurrences;
using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

constexpr const char* kAsOf = "2026-11-05T00:00:00+01:00";
constexpr const char* kTimelineId = "timeline-kpi-03-availability";

std::string probes() {
  std::string csv = "at,location,up\n";
  for (const char* minute : {"2026-10-05T10:00", "2026-10-05T10:01", "2026-10-18T06:00",
                             "2026-10-18T06:01", "2026-10-18T06:02"}) {
    csv += std::string(minute) + ":10Z,ams,0\n" + minute + ":10Z,fra,0\n";
  }
  for (const char* minute : {"2026-10-05T11:00", "2026-10-18T07:00"}) {
    csv += std::string(minute) + ":10Z,ams,1\n" + minute + ":10Z,fra,1\n";
  }
  return csv;
}

// The table row of the report whose header cell is `id`, from <tr> to </tr>.
std::string row_of(const std::string& html, const std::string& id) {
  const std::size_t at = html.find("<th scope=\"row\">" + id + "</th>");
  if (at == std::string::npos) return "";
  const std::size_t start = html.rfind("<tr>", at);
  return html.substr(start, html.find("</tr>", at) - start);
}

class ReportOutageFigures : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_outage_figures_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    for (const char* folder : {"checked", "register"}) {
      const fs::path data = root_ / folder;
      fs::create_directories(data);
      std::ofstream(data / "outages.csv")
          << "id,start,end,planned\n"
             "OUT-1,2026-10-05T12:00:00+02:00,2026-10-05T12:45:00+02:00,false\n"
             "OUT-2,2026-10-05T12:30:00+02:00,2026-10-05T13:00:00+02:00,false\n"
             "OUT-3,2026-10-12T09:00:00+02:00,2026-10-12T10:00:00+02:00,true\n"
             "OUT-4,2026-10-12T09:50:00+02:00,2026-10-12T10:10:30+02:00,false\n"
             "OUT-5,2026-10-20T08:00:00+02:00,2026-10-20T08:30:00+02:00,false\n";
      std::ofstream(data / "exemptions.csv")
          << "evidence,record,reason,approved_by,approved_on\n"
             "outages,OUT-5,upstream provider,J. de Vries (client),2026-11-03\n";
    }
    std::ofstream(root_ / "checked" / "probes.csv") << probes();
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }

  static std::string inputs(const std::string& folder) {
    return std::string("--as-of ") + kAsOf + " --data " + (root_ / folder).string() +
           " --period 2026-10";
  }
  // `meetlat report` of the data in `folder`; the document written.
  static std::string report(const std::string& folder, const std::string& options,
                            const std::string& name) {
    const fs::path out = root_ / name;
    const RunResult r =
        run_meetlat("report " + inputs(folder) + " " + options + " --out " + out.string(), root_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_file(out);
  }
  // KPI-03's objective in the `evaluate` JSON result.
  static json availability(const std::string& folder) {
    const RunResult r = run_meetlat("evaluate " + inputs(folder), root_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const json result = json::parse(r.out);
    for (const auto& kpi : result.at("kpis")) {
      if (kpi.at("id") == "KPI-03") return kpi.at("objectives").at(0);
    }
    return {};
  }

  static fs::path root_;
};

fs::path ReportOutageFigures::root_;

// Each failing outage with the minutes the engine counted of it, which add up to the down time
// the value is computed from (an overlap once, planned time not), and the exempted one with its
// time in the period, not counted; in either language. The JSON result is as before.
TEST_F(ReportOutageFigures, AppendixShowsTheDownTimeCountedOfEachOutage) {
  const json objective = availability("checked");
  EXPECT_EQ(objective.at("details").at("source"), "outages.csv");
  EXPECT_EQ(objective.at("details").at("downtime_minutes"), 70.5);
  EXPECT_EQ(objective.at("failing_ids"), json::array({"OUT-1", "OUT-2", "OUT-4"}));
  EXPECT_EQ(objective.at("exempted_ids"), json::array({"OUT-5"}));
  EXPECT_FALSE(objective.contains("record_downtime"));

  const std::string en = report("checked", "--lang en", "en.html");
  EXPECT_NE(en.find("<th scope=\"col\">Down time counted</th>"), std::string::npos);
  EXPECT_NE(row_of(en, "OUT-1").find("<td class=\"num\">45 min</td>"), std::string::npos)
      << row_of(en, "OUT-1");
  EXPECT_NE(row_of(en, "OUT-2").find("<td class=\"num\">15 min</td>"), std::string::npos)
      << row_of(en, "OUT-2");
  EXPECT_NE(row_of(en, "OUT-4").find("<td class=\"num\">10.50 min</td>"), std::string::npos)
      << row_of(en, "OUT-4");
  EXPECT_NE(row_of(en, "OUT-5")
                .find("<td class=\"num\">30 min in the period, exempted: not counted</td>"),
            std::string::npos)
      << row_of(en, "OUT-5");
  EXPECT_EQ(row_of(en, "OUT-3"), "") << "a planned outage counts no down time";

  const std::string nl = report("checked", "--lang nl", "nl.html");
  EXPECT_NE(nl.find("<th scope=\"col\">Getelde storingstijd</th>"), std::string::npos);
  EXPECT_NE(row_of(nl, "OUT-4").find("<td class=\"num\">10,50 min</td>"), std::string::npos)
      << row_of(nl, "OUT-4");
  EXPECT_NE(row_of(nl, "OUT-5")
                .find("<td class=\"num\">30 min in de periode, vrijgesteld: niet geteld</td>"),
            std::string::npos)
      << row_of(nl, "OUT-5");
}

// The workbook's Evidence sheet holds the same minutes as numbers a spreadsheet can sum.
TEST_F(ReportOutageFigures, SpreadsheetEvidenceHoldsTheMinutesCounted) {
  const fs::path xlsx = root_ / "report.xlsx";
  report("checked", "--format xlsx", "report.xlsx");
  const json book = meetlat::testing::read_workbook(xlsx);
  ASSERT_TRUE(book.is_object()) << book;
  const json& sheet = book.at("Evidence");
  const auto minutes = meetlat::testing::column_of(sheet, "Getelde minuten storing");
  ASSERT_TRUE(minutes) << sheet.at("rows").at(0);
  const json& rows = sheet.at("rows");
  double sum = 0;
  int outages = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const json& cells = rows.at(i);
    if (cells.at(0) != "KPI-03") continue;
    if (cells.at(3) == "OUT-5") {
      EXPECT_TRUE(cells.size() <= *minutes || cells.at(*minutes).is_null())
          << "an exempted outage counts none";
      continue;
    }
    ++outages;
    sum += cells.at(*minutes).get<double>();
    EXPECT_EQ(sheet.at("cell_formats").at(i).at(*minutes), "#,##0.00\" min\"");
    if (cells.at(3) == "OUT-4") {
      EXPECT_DOUBLE_EQ(cells.at(*minutes).get<double>(), 10.5);
    }
  }
  EXPECT_EQ(outages, 3) << rows;
  EXPECT_DOUBLE_EQ(sum, 70.5);
}

// With the probes beside the register, the outage timeline has a third lane with the spans the
// check compared with the register (those of 5 October, which OUT-1 holds, and the unrecorded
// ones of 18 October that the warning names), in its text alternative in either language too.
TEST_F(ReportOutageFigures, TimelineShowsTheProbesBesideTheRegister) {
  const json objective = availability("checked");
  EXPECT_EQ(objective.at("details").at("probe_downtime_minutes"), 5);
  EXPECT_EQ(objective.at("details").at("unrecorded_downtime_minutes"), 3);

  const std::string svg =
      chart_svg(report("checked", "--lang en", "timeline-en.html"), kTimelineId);
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(element_text(svg, "title"),
            "KPI-03 availability (Availability): outages in October 2026 and the minutes the "
            "probes saw down");
  EXPECT_NE(svg.find(">probes: down</text>"), std::string::npos) << "the lane is named in words";
  const std::string desc = element_text(svg, "desc");
  EXPECT_NE(
      desc.find(", unplanned. The probes, checking the register: 2 spans of down minutes, 5 min in "
                "all: down from 5 October 2026 12:00 to 5 October 2026 12:02 (2 min); "
                "down from 18 October 2026 08:00 to 18 October 2026 08:03 (3 min)"),
      std::string::npos)
      << desc;
  // The third lane's bars lie 2 below its top, 16 + 2 × 32.
  EXPECT_EQ(occurrences(svg, "y=\"82.0\" width="), 2U) << svg;

  const std::string nl = chart_svg(report("checked", "--lang nl", "timeline-nl.html"), kTimelineId);
  EXPECT_NE(nl.find(">probes: storing</text>"), std::string::npos);
  EXPECT_NE(element_text(nl, "desc")
                .find("ongepland. De probes, als controle op het register: 2 "
                      "aaneengesloten storingen, samen 5 min: storing van 5 "
                      "oktober 2026 12:00 tot 5 oktober 2026 12:02 (2 min)"),
            std::string::npos)
      << element_text(nl, "desc");
}

// Without the probes the register's timeline keeps its two lanes and its title.
TEST_F(ReportOutageFigures, WithoutProbesTheTimelineHasTheRegisterAlone) {
  const std::string svg = chart_svg(report("register", "--lang en", "register.html"), kTimelineId);
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(element_text(svg, "title"),
            "KPI-03 availability (Availability): outages in October 2026");
  EXPECT_EQ(svg.find("probes"), std::string::npos) << svg;
  EXPECT_EQ(occurrences(svg, "class=\"lane\""), 2U);
}

// KPI-16 export, the longest export test of the half-year, "<= 5 days": EXP-1 took from 1
// September 08:00 to 8 September 20:00, 7.5 days; EXP-2, started 20 October 08:00 (+02:00), is
// open at the as-of moment 5 November 00:00 (+01:00): 15 days 17 hours so far, 15.7 days; EXP-3
// took 2 days, in time; EXP-4 took from 3 August 08:00 to 13 August 20:00, 10.5 days, and is
// exempted. The appendix gives each failing test the days the engine counted, and the exempted
// one the days the exemption kept out.
TEST(ReportRecordValues, AppendixShowsTheDaysOfEachFailingOrExemptedExportTest) {
  std::string pattern = (fs::temp_directory_path() / "meetlat_record_values_XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const fs::path root = pattern;
  fs::create_directories(root / "data");
  std::ofstream(root / "data" / "export_tests.csv")
      << "id,started_at,completed_at\n"
         "EXP-1,2026-09-01T08:00:00+02:00,2026-09-08T20:00:00+02:00\n"
         "EXP-2,2026-10-20T08:00:00+02:00,\n"
         "EXP-3,2026-07-01T08:00:00+02:00,2026-07-03T08:00:00+02:00\n"
         "EXP-4,2026-08-03T08:00:00+02:00,2026-08-13T20:00:00+02:00\n";
  std::ofstream(root / "data" / "exemptions.csv")
      << "evidence,record,reason,approved_by,approved_on\n"
         "export_tests,EXP-4,test environment withdrawn,J. de Vries (client),2026-11-03\n";
  const RunResult x =
      run_meetlat(std::string("report --as-of ") + kAsOf + " --data " + (root / "data").string() +
                      " --period 2026-10 --format xlsx --out " + (root / "report.xlsx").string(),
                  root);
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const json workbook = meetlat::testing::read_workbook(root / "report.xlsx");
  std::string nl;
  std::string en;
  for (const char* lang : {"nl", "en"}) {
    const fs::path out = root / (std::string(lang) + ".html");
    const RunResult r =
        run_meetlat(std::string("report --as-of ") + kAsOf + " --data " + (root / "data").string() +
                        " --period 2026-10 --lang " + lang + " --out " + out.string(),
                    root);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    (std::string(lang) == "nl" ? nl : en) = read_file(out);
  }
  std::error_code ignored;
  fs::remove_all(root, ignored);
  // The workbook's Evidence sheet: the days as a number in days ("d" in its number format).
  ASSERT_TRUE(workbook.is_object()) << workbook;
  const json& sheet = workbook.at("Evidence");
  const auto value = meetlat::testing::column_of(sheet, "Berekende waarde");
  ASSERT_TRUE(value) << sheet.at("rows").at(0);
  int tests = 0;
  for (std::size_t i = 1; i < sheet.at("rows").size(); ++i) {
    const json& cells = sheet.at("rows").at(i);
    if (cells.at(3) == "EXP-1") {
      ++tests;
      EXPECT_DOUBLE_EQ(cells.at(*value).get<double>(), 7.5);
      EXPECT_EQ(sheet.at("cell_formats").at(i).at(*value), "#,##0.00\" d\"");
    }
    if (cells.at(3) == "EXP-2") {
      ++tests;
      EXPECT_NEAR(cells.at(*value).get<double>(), 15 + 17.0 / 24, 1e-9);
    }
    if (cells.at(3) == "EXP-4") {
      ++tests;
      EXPECT_EQ(cells.at(2), "Vrijgestelde records");
      EXPECT_DOUBLE_EQ(cells.at(*value).get<double>(), 10.5);
    }
  }
  EXPECT_EQ(tests, 3);
  EXPECT_NE(nl.find("<th scope=\"col\">Berekende waarde</th>"), std::string::npos);
  EXPECT_NE(row_of(nl, "EXP-1").find("<td class=\"num\">7,5 dagen</td>"), std::string::npos)
      << row_of(nl, "EXP-1");
  EXPECT_NE(row_of(nl, "EXP-2")
                .find("<td class=\"num\">15,7 dagen tot nu toe, open op het peilmoment</td>"),
            std::string::npos)
      << row_of(nl, "EXP-2");
  EXPECT_NE(row_of(en, "EXP-1").find("<td class=\"num\">7.5 days</td>"), std::string::npos)
      << row_of(en, "EXP-1");
  EXPECT_NE(row_of(en, "EXP-2").find("15.7 days so far, open at the as-of moment"),
            std::string::npos)
      << row_of(en, "EXP-2");
  EXPECT_EQ(row_of(en, "EXP-3"), "") << "a test in time is in no list";
  EXPECT_NE(row_of(nl, "EXP-4").find("<td class=\"num\">10,5 dagen, vrijgesteld: niet geteld</td>"),
            std::string::npos)
      << row_of(nl, "EXP-4");
  EXPECT_NE(row_of(en, "EXP-4").find("<td class=\"num\">10.5 days, exempted: not counted</td>"),
            std::string::npos)
      << row_of(en, "EXP-4");
}

}  // namespace
