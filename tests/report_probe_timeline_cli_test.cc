// The monthly report's probe timeline (docs/reports.md, "The KPIs one by one") through the real
// binary, on the built-in default contract, whose KPI-03 is measured from the outage register with
// the probes as fallback: the data folder holds probes.csv and no outages.csv, so the probes
// decide. Worked out by hand from the rule of docs/kpis.md (a UTC minute is down when a strict
// majority of the locations that reported in it voted down; a location votes down when any of its
// probes in the minute was down), three locations ams, fra and lon, October 2026 (44,700 minutes):
//
// - 5 October 10:00Z-10:09Z, every location every minute, all up except:
//   10:02, 10:03, 10:04 ams and fra down (2 of 3: down);
//   10:05 ams alone down (1 of 3: up);
//   10:06 ams down, fra up at :10 and down at :40 (fra votes down: 2 of 3, down);
//   10:07 lon silent, ams down, fra up (1 of 2: no majority, up).
// - 20 October 08:00Z and 08:01Z: lon silent, ams and fra down (2 of 2: down); 08:02Z all up.
//
// Down: 12:02-12:05 and 12:06-12:07 on 5 October, 10:00-10:02 on 20 October (summer time,
// +02:00): three spans, 6 minutes, 1 - 6/44,700 = 99.9866%.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "report_svg.h"
#include "run_meetlat.h"

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
constexpr const char* kTimelineId = "probe-timeline-kpi-03-availability";

// "2026-10-05T10:02" and a second → "2026-10-05T10:02:10Z".
std::string stamp(const std::string& minute, int second) {
  return minute + ":" + (second < 10 ? "0" : "") + std::to_string(second) + "Z";
}

std::string hand_made_probes() {
  std::string csv = "at,location,up\n";
  for (int m = 0; m < 10; ++m) {
    const std::string minute = "2026-10-05T10:0" + std::to_string(m);
    const bool ams_down = m >= 2 && m <= 7;
    const bool fra_down = m >= 2 && m <= 4;
    csv += stamp(minute, 10) + ",ams," + (ams_down ? "0" : "1") + "\n";
    csv += stamp(minute, 10) + ",fra," + (fra_down ? "0" : "1") + "\n";
    if (m == 6) csv += stamp(minute, 40) + ",fra,0\n";
    if (m != 7) csv += stamp(minute, 10) + ",lon,1\n";
  }
  for (const char* minute : {"2026-10-20T08:00", "2026-10-20T08:01"}) {
    csv += stamp(minute, 10) + ",ams,0\n" + stamp(minute, 10) + ",fra,0\n";
  }
  for (const char* location : {"ams", "fra", "lon"}) {
    csv += stamp("2026-10-20T08:02", 10) + "," + location + ",1\n";
  }
  return csv;
}

// KPI-03's availability objective in an `evaluate` JSON result.
json availability(const json& result) {
  for (const auto& kpi : result.at("kpis")) {
    if (kpi.at("id") == "KPI-03") return kpi.at("objectives").at(0);
  }
  return {};
}

class ReportProbeTimeline : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_probe_timeline_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    data_ = root_ / "data";
    fs::create_directories(data_);
    std::ofstream(data_ / "probes.csv") << hand_made_probes();
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }

  // `meetlat report` of October 2026 with `inputs` into root_/name; the HTML written.
  static std::string report(const std::string& inputs, const std::string& lang,
                            const std::string& name) {
    const fs::path out = root_ / name;
    const RunResult r = run_meetlat(
        "report " + inputs + " --period 2026-10 --lang " + lang + " --out " + out.string(), root_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_file(out);
  }
  static json evaluate(const std::string& inputs) {
    const RunResult r = run_meetlat("evaluate " + inputs + " --period 2026-10", root_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

  static fs::path root_;
  static fs::path data_;
};

fs::path ReportProbeTimeline::root_;
fs::path ReportProbeTimeline::data_;

// The timeline names and draws exactly the down minutes the hand count gives, which are the
// minutes `evaluate` counts as downtime: each span in the text alternative with its start and end
// in the contract zone and its minutes, in either language, and a bar where each one lies.
TEST_F(ReportProbeTimeline, ShowsEachSpanOfTheMinutesTheMeasureCountedDown) {
  const std::string inputs = std::string("--as-of ") + kAsOf + " --data " + data_.string();
  const json objective = availability(evaluate(inputs));
  ASSERT_EQ(objective.at("details").at("source"), "probes.csv");
  EXPECT_EQ(objective.at("details").at("downtime_minutes"), 6);
  EXPECT_EQ(objective.at("failing"), 6);
  ASSERT_EQ(objective.at("failing_ids").size(), 3U);

  const std::string html = report(inputs, "en", "en.html");
  const std::string svg = chart_svg(html, kTimelineId);
  ASSERT_FALSE(svg.empty()) << "no probe timeline on KPI-03's page";
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_EQ(element_text(svg, "title"),
            "KPI-03 availability (Availability): minutes the probes counted down in October 2026");
  EXPECT_EQ(element_text(svg, "desc"),
            "3 spans of down minutes, 6 min in all: "
            "down from 5 October 2026 12:02 to 5 October 2026 12:05 (3 min); "
            "down from 5 October 2026 12:06 to 5 October 2026 12:07 (1 min); "
            "down from 20 October 2026 10:00 to 20 October 2026 10:02 (2 min)");
  // A pixel is about 85 minutes of the month: 5 October's two spans, a minute apart, are drawn as
  // one bar (at 4 days 12 h 2 min of 31 days 1 h from the left edge of the 528 pixels of days,
  // the narrowest width); 20 October's at 19 days 10 h.
  EXPECT_EQ(occurrences(svg, "class=\"bar-u\""), 2U);
  EXPECT_NE(svg.find("<rect class=\"bar-u\" x=\"172.6\" y=\"18.0\" width=\"1.5\""),
            std::string::npos);
  EXPECT_NE(svg.find("<rect class=\"bar-u\" x=\"426.3\" y=\"18.0\" width=\"1.5\""),
            std::string::npos);
  EXPECT_NE(svg.find(">down</text>"), std::string::npos) << "the lane is named in words";
  EXPECT_NE(svg.find(">8 Oct</text>"), std::string::npos) << "a tick a week";
  // The probes decide: there is no outage register to draw.
  EXPECT_EQ(html.find("aria-labelledby=\"timeline-kpi-03"), std::string::npos);

  const std::string nl = chart_svg(report(inputs, "nl", "nl.html"), kTimelineId);
  EXPECT_EQ(element_text(nl, "desc"),
            "3 aaneengesloten storingen, samen 6 min: "
            "storing van 5 oktober 2026 12:02 tot 5 oktober 2026 12:05 (3 min); "
            "storing van 5 oktober 2026 12:06 tot 5 oktober 2026 12:07 (1 min); "
            "storing van 20 oktober 2026 10:00 tot 20 oktober 2026 10:02 (2 min)");
  EXPECT_NE(nl.find(">storing</text>"), std::string::npos);
}

// A month to date: the span that as-of cuts in the middle of a down minute ends there, with the
// part of the minute the value counts (1.5 of 08:00Z-08:02Z), and the period is still drawn whole.
TEST_F(ReportProbeTimeline, AMonthToDateEndsTheLastSpanAtAsOf) {
  const std::string inputs =
      std::string("--as-of 2026-10-20T10:01:30+02:00 --data ") + data_.string();
  const json objective = availability(evaluate(inputs));
  EXPECT_EQ(objective.at("details").at("downtime_minutes"), 5.5);
  const std::string svg = chart_svg(report(inputs, "en", "to-date.html"), kTimelineId);
  EXPECT_EQ(element_text(svg, "desc"),
            "3 spans of down minutes, 5.50 min in all: "
            "down from 5 October 2026 12:02 to 5 October 2026 12:05 (3 min); "
            "down from 5 October 2026 12:06 to 5 October 2026 12:07 (1 min); "
            "down from 20 October 2026 10:00 to 20 October 2026 10:01 (1.50 min)");
  EXPECT_NE(svg.find(">29 Oct</text>"), std::string::npos) << "the whole month is drawn";
}

// From a workspace, where the probes are kept as votes per minute beside each month's segment
// (computed the first time, read back the second), the timeline is the same bytes as from files.
TEST_F(ReportProbeTimeline, AWorkspaceDrawsTheSameTimelineAsTheFiles) {
  const std::string files = chart_svg(
      report(std::string("--as-of ") + kAsOf + " --data " + data_.string(), "en", "files.html"),
      kTimelineId);
  ASSERT_FALSE(files.empty());
  const fs::path ws = root_ / "ws";
  ASSERT_EQ(run_meetlat("init " + ws.string(), root_).exit_code, 0);
  const RunResult imported =
      run_meetlat("import --workspace " + ws.string() + " " + data_.string(), root_);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  for (const char* run : {"first", "second"}) {
    const std::string html = report(std::string("--as-of ") + kAsOf + " --workspace " + ws.string(),
                                    "en", std::string("ws-") + run + ".html");
    EXPECT_EQ(chart_svg(html, kTimelineId), files) << run;
  }
}

// Thousands of spans: 1 to 10 October (UTC) flapping, two of three locations down every third
// minute (4,800 one-minute spans), and 120 minutes down on 20 October. The text alternative says
// how many and how long in all and names the 20 longest, in time order (the 120 minutes and the
// first 19 of the others, 1 October from 02:00 local); the bars closer than a pixel are drawn as
// one, so the chart holds two bars.
TEST_F(ReportProbeTimeline, ThousandsOfSpansMakeFewBarsAndACountInWords) {
  const fs::path data = root_ / "flapping";
  fs::create_directories(data);
  {
    std::ofstream csv(data / "probes.csv");
    csv << "at,location,up\n";
    char at[32];
    for (int m = 0; m < 14400; ++m) {
      std::snprintf(at, sizeof at, "2026-10-%02dT%02d:%02d:10Z", 1 + m / 1440, m / 60 % 24, m % 60);
      const char* down = m % 3 == 0 ? "0" : "1";
      csv << at << ",ams," << down << "\n" << at << ",fra," << down << "\n" << at << ",lon,1\n";
    }
    for (int m = 0; m < 120; ++m) {
      std::snprintf(at, sizeof at, "2026-10-20T%02d:%02d:10Z", 8 + m / 60, m % 60);
      csv << at << ",ams,0\n" << at << ",fra,0\n" << at << ",lon,0\n";
    }
  }
  const std::string inputs = std::string("--as-of ") + kAsOf + " --data " + data.string();
  const json objective = availability(evaluate(inputs));
  ASSERT_EQ(objective.at("failing_ids").size(), 4801U);
  EXPECT_EQ(objective.at("details").at("downtime_minutes"), 4920);
  const std::string svg = chart_svg(report(inputs, "en", "flapping.html"), kTimelineId);
  ASSERT_FALSE(svg.empty());
  const std::string desc = element_text(svg, "desc");
  EXPECT_EQ(desc.rfind("4,801 spans of down minutes, 4,920 min in all; the 20 longest", 0), 0U)
      << desc.substr(0, 200);
  EXPECT_NE(desc.find("down from 1 October 2026 02:00 to 1 October 2026 02:01 (1 min); "),
            std::string::npos);
  EXPECT_NE(desc.find("down from 20 October 2026 10:00 to 20 October 2026 12:00 (120 min)"),
            std::string::npos);
  EXPECT_EQ(occurrences(desc, "down from "), 20U);
  EXPECT_EQ(occurrences(svg, "class=\"bar-u\""), 2U);
  EXPECT_LT(svg.size(), 8000U);
}

}  // namespace
