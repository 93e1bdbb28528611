// `meetlat report --period 2026-Q1` writes the quarterly review (docs/reports.md): every section
// under its heading, each objective's three months with the figures `evaluate` gives for each
// month, Kaizen, CO2 and exit readiness from the contract's objectives or "not measured" with the
// reason, and no label of the other language.
//
// Two inputs: the generator's sample (three months of the default contract, written once per
// suite) and a hand-made contract of one KPI without Kaizen, CO2 or exit objectives, whose
// October figures are worked out in tests/table_cli_test.cc (P1 97.50% met, P2 8.00% breached,
// firing the SLM meeting due 10 November 2026; no ticket in November and December).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>

#include "report/catalogue.h"
#include "run_meetlat.h"
#include "sample_edits.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using meetlat::testing::escaped;
using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::RunResult;

constexpr const char* kAsOf = "2026-04-05T00:00:00+02:00";

constexpr const char* kContract = R"(contract:
  id: quarter-case
  name: {nl: "Servicedesk Gemeente Voorbeeld", en: "Example municipality service desk"}
  parties: {client: "Gemeente Voorbeeld", supplier: "Leverancier"}
  start: 2026-01-01
  term_months: 36
  timezone: Europe/Amsterdam
  monthly_fee: {amount: 100000.00, currency: EUR}
  caps: {malus_per_month: 10%, malus_per_year: 10%}

priorities:
  P1: {nl: "Kritiek", en: "Critical"}
  P2: {nl: "Hoog", en: "High"}

kpis:
  - id: KPI-01
    title: {nl: "Responstijden", en: "Response times"}
    requirement: W-01
    cadence: month
    objectives:
      - id: P1
        title: {nl: "Kritieke meldingen", en: "Critical tickets"}
        norm: ">= 90%"
        measure: {kind: attainment, evidence: tickets, where: {priority: P1}, from: created_at, to: responded_at, within: 15m, on: 24x7, count_in: from}
      - id: P2
        title: {nl: "Hoge meldingen", en: "High tickets"}
        norm: ">= 90%"
        measure: {kind: attainment, evidence: tickets, where: {priority: P2}, from: created_at, to: responded_at, within: 60m, on: 24x7, count_in: from}
    ladder:
      - {when: {streak: 1}, action: slm-overleg, label: {nl: "SLM-overleg", en: "SLM meeting"}, owner: client, due: 10 days}
)";

std::string stamp(int day, int hour, int minute) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "2026-10-%02dT%02d:%02d:00+02:00", day, hour, minute);
  return buffer;
}

// As in tests/table_cli_test.cc: 1,200 P1 tickets, 30 late; 25 P2 tickets, 23 late.
std::string tickets() {
  std::string out = "id,priority,created_at,responded_at\n";
  for (int i = 1; i <= 1200; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "INC-%04d", i);
    const int day = 1 + i % 20;
    const bool late = i % 40 == 0;
    out += std::string(id) + ",P1," + stamp(day, i % 24, i % 30) + "," +
           stamp(day, i % 24, i % 30 + (late ? 20 : 5)) + "\n";
  }
  for (int i = 1; i <= 25; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "P2-%02d", i);
    const int day = 1 + (i - 1) % 20;
    out +=
        std::string(id) + ",P2," + stamp(day, 9, 0) + "," + stamp(day, i <= 23 ? 10 : 9, 30) + "\n";
  }
  return out;
}

// The table row (from its <tr> to its </tr>) holding `text`; "" when none does.
std::string row_with(const std::string& html, const std::string& text) {
  const std::size_t at = html.find(text);
  if (at == std::string::npos) return "";
  const std::size_t start = html.rfind("<tr>", at);
  return html.substr(start, html.find("</tr>", at) - start);
}

class QuarterlyReview : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_quarter_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    const RunResult g =
        run_meetlat("generate --out " + (root_ / "sample").string() +
                        " --months 3 --seed 7 --tickets-per-month 400 --transactions-per-minute 2",
                    root_);
    ASSERT_EQ(g.exit_code, 0) << g.err;
    fs::create_directories(root_ / "case");
    std::ofstream(root_ / "contract.yaml") << kContract;
    std::ofstream(root_ / "case" / "tickets.csv") << tickets();
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }

  // The review of the sample's first quarter in `lang`.
  static std::string sample_review(const std::string& lang) {
    const fs::path out = root_ / ("q1_" + lang + ".html");
    const RunResult r =
        run_meetlat("report --data " + (root_ / "sample").string() + " --as-of " + kAsOf +
                        " --period 2026-Q1 --lang " + lang + " --out " + out.string(),
                    root_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_file(out);
  }

  static fs::path root_;
};

fs::path QuarterlyReview::root_;

TEST_F(QuarterlyReview, EverySectionAndTheThreeMonthsOfEachObjective) {
  const std::string html = sample_review("en");
  for (const char* section : {"summary", "results", "ladder", "pdca", "kaizen", "co2", "exit"}) {
    EXPECT_NE(html.find(std::string("<h2 id=\"") + section + "\">"), std::string::npos) << section;
  }
  EXPECT_NE(html.find("<h2 id=\"summary\">Summary for the steering committee</h2>"),
            std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"pdca\">Action register as PDCA</h2>"), std::string::npos);
  // KPI-01 P2 and KPI-03 in each month, as `evaluate` of that month gives them.
  std::vector<std::string> p2;
  std::vector<std::string> availability;
  for (const char* month : {"2026-01", "2026-02", "2026-03"}) {
    const RunResult e = run_meetlat("evaluate --data " + (root_ / "sample").string() + " --as-of " +
                                        kAsOf + " --period " + month,
                                    root_);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    const json result = json::parse(e.out);
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%",
                  result.at("kpis").at(0).at("objectives").at(1).at("value").get<double>() * 100);
    p2.emplace_back(text);
    std::snprintf(text, sizeof text, "%.2f%%",
                  result.at("kpis").at(2).at("objectives").at(0).at("value").get<double>() * 100);
    availability.emplace_back(text);
  }
  for (const auto& [objective, values] :
       {std::pair{std::string("P2 tickets: response time"), p2},
        std::pair{std::string("<td>Availability</td>"), availability}}) {
    const std::string row = row_with(html, objective);
    ASSERT_FALSE(row.empty()) << objective;
    std::size_t at = 0;
    for (const auto& value : values) {
      at = row.find(value, at);
      EXPECT_NE(at, std::string::npos) << objective << ": " << value << " not in order in " << row;
    }
  }
  // A quarterly KPI shows once, in the quarter's last month.
  EXPECT_NE(row_with(html, "<td>CO2 emissions against the reduction path</td>")
                .find("shown in the month its period ends"),
            std::string::npos);
  // The default contract holds Kaizen (KPI-14), CO2 (KPI-07) and exit (KPI-16) objectives.
  EXPECT_EQ(html.find("Not measured"), std::string::npos);
  EXPECT_NE(
      html.find("KPI-14 Kaizen improvements with effect, Contract year 1: 2 against ≥ 4 a contract "
                "year"),
      std::string::npos);
  EXPECT_NE(html.find("KPI-07 CO2 emissions against the reduction path, 2026-Q1:"),
            std::string::npos);
  EXPECT_NE(html.find("on the 36-month reduction path"), std::string::npos);
  EXPECT_NE(html.find("KPI-16 Exit runbook delivered, 2026-H1:"), std::string::npos);
}

// The section of `html` from its <h2 id="id"> to the next section's start.
std::string section_of(const std::string& html, const std::string& id) {
  const std::size_t at = html.find("<h2 id=\"" + id + "\">");
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</section>", at) - at);
}

// The text alternative (<desc>) of every chart in `html`, in order; a chart without one gives "".
std::vector<std::string> chart_descs(const std::string& html) {
  std::vector<std::string> out;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    const std::string svg = html.substr(at, html.find("</svg>", at) - at);
    const std::size_t desc = svg.find("<desc");
    const bool ok = svg.find("role=\"img\"") != std::string::npos &&
                    svg.find("<title") != std::string::npos && desc != std::string::npos;
    out.push_back(ok ? svg.substr(svg.find('>', desc) + 1,
                                  svg.find("</desc>", desc) - svg.find('>', desc) - 1)
                     : "");
  }
  return out;
}

TEST_F(QuarterlyReview, AChartPerMonthlyTrendAndTheCo2AgainstItsPath) {
  const std::string html = sample_review("en");
  // Results and trends: a chart per objective measured in every month of the quarter (a row of
  // the table with no "shown in the month its period ends"), with its three months in words.
  const std::string results = section_of(html, "results");
  std::size_t monthly = 0;
  for (auto at = results.find("<tr><th scope=\"row\">"); at != std::string::npos;
       at = results.find("<tr><th scope=\"row\">", at + 1)) {
    const std::string row = results.substr(at, results.find("</tr>", at) - at);
    monthly += row.find("shown in the month its period ends") == std::string::npos ? 1 : 0;
  }
  const auto trends = chart_descs(results);
  EXPECT_GT(monthly, 10U);
  // Each such objective in one chart: its own, or its KPI's priority chart, a series each.
  std::size_t series = 0;
  for (const auto& desc : trends) {
    for (auto at = desc.find(" (norm "); at != std::string::npos; at = desc.find(" (norm ", at + 1))
      ++series;
  }
  EXPECT_EQ(std::count(trends.begin(), trends.end(), std::string()), 0)
      << "every chart has its text alternative";
  std::size_t figures = 0;
  for (auto at = results.find("<figure>"); at != std::string::npos;
       at = results.find("<figure>", at + 1))
    ++figures;
  EXPECT_EQ(figures + series, monthly) << "every objective measured every month in one chart";
  for (const auto& desc : trends) {
    EXPECT_NE(desc.find("January 2026: "), std::string::npos) << desc;
    EXPECT_NE(desc.find("February 2026: "), std::string::npos) << desc;
    EXPECT_NE(desc.find("March 2026: "), std::string::npos) << desc;
  }
  // KPI-01's priority chart holds each month's value of P2 as `evaluate` of that month gives it.
  const std::size_t kpi01 = results.rfind("<svg", results.find("q-chart-kpi-01-series-p1"));
  ASSERT_NE(kpi01, std::string::npos);
  const std::string kpi01_desc = chart_descs(results.substr(kpi01)).front();
  const std::string p2_desc = kpi01_desc.substr(kpi01_desc.find("P2 (norm"));
  json march;
  for (const char* month : {"2026-01", "2026-02", "2026-03"}) {
    const RunResult e = run_meetlat("evaluate --data " + (root_ / "sample").string() + " --as-of " +
                                        kAsOf + " --period " + month,
                                    root_);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    march = json::parse(e.out);
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%",
                  march.at("kpis").at(0).at("objectives").at(1).at("value").get<double>() * 100);
    EXPECT_NE(p2_desc.find(text), std::string::npos) << month << ": " << text << " in " << p2_desc;
  }
  // The CO2 section: the quarter's reduction against the 36-month path, in words too.
  const auto co2 = chart_descs(section_of(html, "co2"));
  ASSERT_EQ(co2.size(), 1U);
  EXPECT_NE(section_of(html, "co2").find("<svg class=\"chart trajectory\""), std::string::npos);
  EXPECT_NE(co2[0].find("to 25.00% after 36 months"), std::string::npos) << co2[0];
  for (const auto& kpi : march.at("kpis")) {
    if (kpi.at("id") != "KPI-07") continue;
    const auto& o = kpi.at("objectives").at(0);
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", o.at("value").get<double>() * 100);
    EXPECT_NE(co2[0].find(std::string("2026-Q1 (month 3): ") + text + " against the path"),
              std::string::npos)
        << text << " in " << co2[0];
  }
  // Sections of tables and lines only hold no chart.
  EXPECT_TRUE(chart_descs(section_of(html, "summary")).empty());
}

// A KPI whose objectives the monthly report draws in one priority chart (KPI-01's P1, P2, P3)
// has that chart in the review, over the review's months, with a line and a marker per month of
// each priority and a text alternative naming each; none of them has a chart of its own.
TEST_F(QuarterlyReview, AKpisPrioritiesInOneChartAsInTheMonthlyReport) {
  for (const auto& [lang, january, norm] :
       {std::tuple{std::string("en"), std::string("January 2026: "), std::string(" (norm ≥ 90%)")},
        std::tuple{std::string("nl"), std::string("januari 2026: "),
                   std::string(" (norm ≥ 90%)")}}) {
    const std::string results = section_of(sample_review(lang), "results");
    const std::size_t id = results.find("id=\"q-chart-kpi-01-series-p1-title\"");
    ASSERT_NE(id, std::string::npos) << lang;
    const std::size_t start = results.rfind("<svg", id);
    const std::string svg = results.substr(start, results.find("</svg>", start) - start);
    EXPECT_NE(svg.find("<svg class=\"chart series\""), std::string::npos) << lang;
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos) << lang;
    const std::string desc = chart_descs(svg + "</svg>").front();
    std::size_t lines = 0;
    for (auto at = svg.find("<polyline class=\"series\""); at != std::string::npos;
         at = svg.find("<polyline class=\"series\"", at + 1))
      ++lines;
    EXPECT_EQ(lines, 3U) << lang << ": a line per priority";
    for (const char* priority : {"P1", "P2", "P3"}) {
      EXPECT_NE(desc.find(priority + norm + ": " + january), std::string::npos)
          << lang << ": " << priority << " in " << desc;
      EXPECT_NE(svg.find(std::string(">") + priority + "</text>"), std::string::npos)
          << lang << ": " << priority << "'s name at its line";
      // No trend chart of its own for the priority.
      EXPECT_EQ(results.find(std::string("q-chart-kpi-01-p") + (priority + 1) + "-title"),
                std::string::npos)
          << lang << ": " << priority;
      EXPECT_EQ(results.find(std::string("<figcaption>KPI-01 ") + priority + " "),
                std::string::npos)
          << lang << ": " << priority;
    }
    // A marker per month of each priority: three months, three priorities.
    std::size_t markers = 0;
    for (const char* marker : {"<circle class=\"m-", "<path class=\"m-"}) {
      for (auto at = svg.find(marker); at != std::string::npos; at = svg.find(marker, at + 1))
        ++markers;
    }
    EXPECT_EQ(markers, 9U) << lang;
  }
}

TEST_F(QuarterlyReview, DutchHasNoEnglishLabelAndTheReverse) {
  const std::string nl = sample_review("nl");
  const std::string en = sample_review("en");
  EXPECT_NE(nl.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(nl.find("<h2 id=\"summary\">Samenvatting voor de stuurgroep</h2>"), std::string::npos);
  const auto& english = meetlat::report::english().messages;
  const auto& dutch = meetlat::report::dutch().messages;
  int compared = 0;
  for (const auto& [id, en_label] : english) {
    const std::string_view nl_label = dutch.at(id);
    if (en_label == nl_label || en_label.find('{') != std::string_view::npos) continue;
    // A label of several words cannot be a word of the other language by chance.
    if (en_label.find(' ') != std::string_view::npos) {
      EXPECT_EQ(nl.find(escaped(en_label)), std::string::npos) << id << ": " << en_label;
      ++compared;
    }
    if (nl_label.find(' ') != std::string_view::npos) {
      EXPECT_EQ(en.find(escaped(nl_label)), std::string::npos) << id << ": " << nl_label;
    }
  }
  EXPECT_GT(compared, 50);
  for (const char* english_text :
       {" met</span>", " breached</span>", " pending</span>", "January 2026", "March 2026",
        "to date", "against", "Not measured"}) {
    EXPECT_EQ(nl.find(english_text), std::string::npos) << english_text;
  }
  EXPECT_NE(nl.find(" gehaald</span>"), std::string::npos);
  EXPECT_NE(nl.find("januari 2026"), std::string::npos);
}

TEST_F(QuarterlyReview, HandMadeQuarterAndWhatTheContractDoesNotMeasure) {
  const fs::path out = root_ / "q4.html";
  const RunResult r = run_meetlat(
      "report --data " + (root_ / "case").string() + " --contract " +
          (root_ / "contract.yaml").string() +
          " --as-of 2027-01-05T00:00:00+01:00 --period 2026-Q4 --lang en --out " + out.string(),
      root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  // October as worked out by hand; November and December hold no ticket.
  const std::string p1 = row_with(html, "Critical tickets");
  const std::size_t october = p1.find("97.50%");
  EXPECT_NE(october, std::string::npos) << p1;
  EXPECT_NE(p1.find("no data", october), std::string::npos) << p1;
  EXPECT_NE(row_with(html, "High tickets").find("8.00%"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\">October 2026</th><th scope=\"col\">November 2026</th>"
                      "<th scope=\"col\">December 2026</th>"),
            std::string::npos);
  // The summary: December has no data; KPI-01 was breached in October.
  EXPECT_NE(html.find("0 met, 0 breached, 0 pending, 1 no data"), std::string::npos);
  EXPECT_NE(html.find("KPI-01 Response times (October 2026)"), std::string::npos);
  // The step October fired, overdue at the as-of moment, and the PDCA counts.
  const std::string step = row_with(html, "<td>SLM meeting</td>");
  EXPECT_NE(step.find("2026-10"), std::string::npos) << step;
  EXPECT_NE(step.find("10 November 2026"), std::string::npos) << step;
  EXPECT_NE(step.find("overdue"), std::string::npos) << step;
  EXPECT_NE(html.find("1 planned, 0 done, 0 done and checked"), std::string::npos);
  // No Kaizen, CO2 or exit objective: not measured, with the reason.
  for (const char* reason :
       {"Not measured: the contract has no objective that counts improvements over a contract "
        "year.",
        "Not measured: the contract has no objective with a reduction path as its norm.",
        "Not measured: the contract has no exit milestone (a milestone named exit_…)."}) {
    EXPECT_NE(html.find(reason), std::string::npos) << reason;
  }
  // and no chart there, never a figure.
  EXPECT_EQ(section_of(html, "co2").find("<svg"), std::string::npos);
}

// The hand-made quarter as a workbook, read back as a spreadsheet program reads it: the figures
// are numbers and dates equal to those of `evaluate` (October above; November and December have
// no ticket), every sheet's header frozen and filtered.
TEST_F(QuarterlyReview, HandMadeQuarterAsASpreadsheet) {
  const std::string inputs = "--data " + (root_ / "case").string() + " --contract " +
                             (root_ / "contract.yaml").string() +
                             " --as-of 2027-01-05T00:00:00+01:00";
  const fs::path out = root_ / "q4.xlsx";
  const RunResult r = run_meetlat(
      "report " + inputs + " --period 2026-Q4 --lang nl --format xlsx --out " + out.string(),
      root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const RunResult read = meetlat::testing::run_shell(
      std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " " + out.string() + " 2>&1");
  ASSERT_EQ(read.exit_code, 0) << read.out;
  const json book = json::parse(read.out);
  EXPECT_EQ(book.at("sheets"), json::array({"State", "Results", "Actions", "Money"}));
  for (const char* sheet : {"State", "Results", "Actions", "Money"}) {
    EXPECT_EQ(book.at(sheet).at("freeze"), "A2") << sheet;
    EXPECT_FALSE(book.at(sheet).at("filter").is_null()) << sheet;
  }
  // State: from files, each month provisional.
  const auto& states = book.at("State").at("rows");
  ASSERT_EQ(states.size(), 4U);
  for (std::size_t m = 1; m < 4; ++m) {
    EXPECT_EQ(states.at(m).at(1), meetlat::report::dutch().say("report.state.provisional", {}));
  }
  const RunResult history =
      run_meetlat("evaluate " + inputs + " --from 2026-10 --to 2026-12", root_);
  ASSERT_EQ(history.exit_code, 0) << history.err;
  const json h = json::parse(history.out);
  // Results: a row per objective and month, its figures those of the history, in order.
  const auto& rows = book.at("Results").at("rows");
  std::size_t row = 1;
  for (const auto& period : h.at("periods")) {
    for (const auto& kpi : period.at("kpis")) {
      for (const auto& o : kpi.at("objectives")) {
        ASSERT_LT(row, rows.size());
        const auto& cells = rows.at(row++);
        EXPECT_EQ(cells.at(0), kpi.at("id"));
        EXPECT_EQ(cells.at(1), o.at("id"));
        EXPECT_EQ(cells.at(2).at("date"), period.at("period").get<std::string>() + "-01T00:00:00");
        EXPECT_EQ(cells.at(5), o.at("value")) << period.at("period") << " " << o.at("id");
        EXPECT_EQ(cells.at(7), o.at("norm").at("value"));
        EXPECT_EQ(cells.at(8), o.at("count"));
        EXPECT_EQ(cells.at(9), o.at("failing"));
        EXPECT_EQ(cells.at(10), o.at("pending"));
      }
    }
  }
  EXPECT_EQ(row, rows.size());
  // October by hand: 1,170 of 1,200 critical tickets in time, 2 of 25 high ones.
  EXPECT_DOUBLE_EQ(rows.at(1).at(5).get<double>(), 0.975);
  EXPECT_DOUBLE_EQ(rows.at(2).at(5).get<double>(), 0.08);
  EXPECT_EQ(rows.at(2).at(4), "niet gehaald");
  EXPECT_EQ(rows.at(3).at(4), "geen gegevens");  // November
  // Actions: the SLM meeting October fired, its deadline the end of 10 November (a date, not
  // text), overdue and not done at the as-of moment.
  const auto& actions = book.at("Actions").at("rows");
  ASSERT_EQ(actions.size(), 2U);
  const auto& action = h.at("actions").at(0);
  EXPECT_EQ(actions.at(1).at(0), action.at("id"));
  EXPECT_EQ(actions.at(1).at(6).at("date"), action.at("deadline").get<std::string>().substr(0, 19));
  EXPECT_EQ(actions.at(1).at(7), "over de termijn");
  EXPECT_TRUE(actions.at(1).at(8).is_null());
  // Money: a row per month, the amounts of the history in euros.
  const auto& money = book.at("Money").at("rows");
  ASSERT_EQ(money.size(), 4U);
  for (std::size_t m = 0; m < 3; ++m) {
    const auto& month = h.at("periods").at(m).at("finance");
    EXPECT_EQ(money.at(m + 1).at(4), month.at("malus_amount")) << m;
    EXPECT_EQ(money.at(m + 1).at(6), month.at("net_amount")) << m;
  }
}

}  // namespace

// "12.34%": an objective's value in a result of `evaluate` as the review shows it in English.
std::string percent_of(const json& result, const std::string& kpi_id, std::size_t objective) {
  for (const auto& kpi : result.at("kpis")) {
    if (kpi.at("id") != kpi_id) continue;
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%",
                  kpi.at("objectives").at(objective).at("value").get<double>() * 100);
    return text;
  }
  return "no " + kpi_id;
}

// A review of a later quarter: its table holds the quarter's three months, its trends the months
// since the contract start (twelve at most), and its CO2 chart every quarter since the start, each
// with the value `evaluate` gives it.
TEST_F(QuarterlyReview, TheCo2ChartHasEveryQuarterSinceTheStart) {
  const fs::path half = root_ / "half";
  const RunResult g = run_meetlat("generate --out " + half.string() +
                                      " --months 6 --seed 11 --tickets-per-month 200 "
                                      "--transactions-per-minute 1",
                                  root_);
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const std::string inputs = "--data " + half.string() + " --as-of 2026-07-05T00:00:00+02:00";
  const fs::path out = root_ / "q2.html";
  const RunResult r =
      run_meetlat("report " + inputs + " --period 2026-Q2 --lang en --out " + out.string(), root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  const std::string results = section_of(html, "results");
  EXPECT_NE(results.find("<th scope=\"col\">April 2026</th><th scope=\"col\">May 2026</th>"
                         "<th scope=\"col\">June 2026</th></tr>"),
            std::string::npos);
  EXPECT_EQ(results.find("<th scope=\"col\">March 2026</th>"), std::string::npos);
  const auto trends = chart_descs(results);
  ASSERT_FALSE(trends.empty());
  for (const auto& desc : trends) {
    for (const char* month : {"January 2026: ", "March 2026: ", "April 2026: ", "June 2026: "}) {
      EXPECT_NE(desc.find(month), std::string::npos) << month << " in " << desc;
    }
  }
  const auto co2 = chart_descs(section_of(html, "co2"));
  ASSERT_EQ(co2.size(), 1U);
  for (const auto& [month, quarter] :
       {std::pair{"2026-03", "2026-Q1 (month 3): "}, std::pair{"2026-06", "2026-Q2 (month 6): "}}) {
    const RunResult e =
        run_meetlat("evaluate " + inputs + " --period " + std::string(month), root_);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    const std::string point =
        std::string(quarter) + percent_of(json::parse(e.out), "KPI-07", 0) + " against the path";
    EXPECT_NE(co2[0].find(point), std::string::npos) << point << " in " << co2[0];
  }
  EXPECT_LT(co2[0].find("2026-Q1 (month 3)"), co2[0].find("2026-Q2 (month 6)"));
}

// A month of the quarter closed as agreed shows as agreed, with the figures agreed at its close
// (as `evaluate` of the closed month prints them), while the others are provisional and as of the
// review.
TEST_F(QuarterlyReview, AnAgreedMonthShowsItsAgreedFigures) {
  const fs::path ws = root_ / "ws";
  ASSERT_EQ(run_meetlat("init " + ws.string(), root_).exit_code, 0);
  const std::string in = " --workspace " + ws.string();
  ASSERT_EQ(run_meetlat("import" + in + " " + (root_ / "sample").string(), root_).exit_code, 0);
  // Closed the first minute after February: tickets of its last hours were not yet responded to,
  // so KPI-01's P3 had pending tickets then.
  constexpr const char* kClosedAsOf = "2026-03-01T00:01:00+01:00";
  const RunResult closed =
      run_meetlat(std::string("close 2026-02 --as-of ") + kClosedAsOf + in, root_);
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  const RunResult agreed = run_meetlat("evaluate --period 2026-02" + in, root_);
  ASSERT_EQ(agreed.exit_code, 0) << agreed.err;
  const RunResult now = run_meetlat(
      "evaluate --data " + (root_ / "sample").string() + " --as-of " + kAsOf + " --period 2026-02",
      root_);
  ASSERT_EQ(now.exit_code, 0) << now.err;
  const std::string agreed_p3 = percent_of(json::parse(agreed.out), "KPI-01", 2);
  const std::string now_p3 = percent_of(json::parse(now.out), "KPI-01", 2);
  ASSERT_NE(agreed_p3, now_p3) << "the close must have seen other figures than the review";

  const fs::path out = root_ / "q1_agreed.html";
  const RunResult r = run_meetlat(
      "report" + in + " --as-of " + kAsOf + " --period 2026-Q1 --lang en --out " + out.string(),
      root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("January 2026: provisional: not yet agreed"), std::string::npos);
  EXPECT_NE(html.find("February 2026: agreed on "), std::string::npos);
  EXPECT_NE(html.find("; the figures as of 1 March 2026 00:01, as agreed"), std::string::npos);
  EXPECT_NE(html.find("March 2026: provisional: not yet agreed"), std::string::npos);
  // KPI-01 P3 per month: February as agreed, between January's and March's as of the review.
  const std::string row = row_with(section_of(html, "results"), "P3 tickets: response time");
  std::vector<std::string> values;
  for (const char* month : {"2026-01", "2026-03"}) {
    const RunResult e = run_meetlat("evaluate --data " + (root_ / "sample").string() + " --as-of " +
                                        kAsOf + " --period " + month,
                                    root_);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    values.push_back(percent_of(json::parse(e.out), "KPI-01", 2));
  }
  // The row's cells: its objective, its norm, then a cell per month.
  std::vector<std::string> cells;
  for (auto at = row.find("<td"); at != std::string::npos; at = row.find("<td", at + 1)) {
    cells.push_back(row.substr(at, row.find("</td>", at) - at));
  }
  ASSERT_EQ(cells.size(), 5U) << row;
  EXPECT_NE(cells[2].find(values[0]), std::string::npos) << cells[2];
  EXPECT_NE(cells[3].find(agreed_p3), std::string::npos) << cells[3];
  EXPECT_EQ(cells[3].find(now_p3), std::string::npos) << cells[3];
  EXPECT_NE(cells[4].find(values[1]), std::string::npos) << cells[4];
}

namespace {

// `report` of the sample's first quarter from workspace `in` (" --workspace WS") as a workbook in
// `lang`, read back as a spreadsheet program reads it (read_xlsx.py).
json quarter_workbook(const std::string& in, const std::string& lang, const fs::path& out) {
  const RunResult r =
      run_meetlat("report" + in + " --as-of " + kAsOf + " --period 2026-Q1 --lang " + lang +
                      " --format xlsx --out " + out.string(),
                  out.parent_path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const RunResult read = meetlat::testing::run_shell(
      std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " " + out.string() + " 2>&1");
  EXPECT_EQ(read.exit_code, 0) << read.out;
  return json::parse(read.out);
}

// When and by whom a closed period was agreed, from the note `evaluate --period` of it writes:
// the day in the contract's zone (Europe/Amsterdam) and the actor.
std::pair<std::string, std::string> agreed_by(const std::string& note) {
  const std::string on = "closed as agreed on ";
  const std::size_t at = note.find(on);
  if (at == std::string::npos) return {"no note", note};
  const std::size_t by = note.find(" by ", at);
  const std::string instant = note.substr(at + on.size(), by - at - on.size());
  const RunResult day =
      meetlat::testing::run_shell("TZ=Europe/Amsterdam date -d " + instant + " +%F");
  const std::string actor = note.substr(by + 4, note.find(';', by) - by - 4);
  return {day.out.substr(0, 10), actor};
}

// The workbook's row (from its second) whose first cells are `first`; nullptr when none is.
const json* row_starting(const json& rows, const std::vector<json>& first) {
  for (std::size_t i = 1; i < rows.size(); ++i) {
    bool match = true;
    for (std::size_t c = 0; c < first.size(); ++c) match = match && rows.at(i).at(c) == first[c];
    if (match) return &rows.at(i);
  }
  return nullptr;
}

// The objective's result in a result of `evaluate`; null when the KPI or objective is not in it.
json objective_in(const json& result, const std::string& kpi_id, const std::string& id) {
  for (const auto& kpi : result.at("kpis")) {
    if (kpi.at("id") != kpi_id) continue;
    for (const auto& o : kpi.at("objectives")) {
      if (o.at("id") == id) return o;
    }
  }
  return nullptr;
}

}  // namespace

// The workbook's sheet State gives each month of the quarter its state as the header does: a
// month closed in the workspace agreed, with the day it was closed (a date), who closed it and
// the as-of moment of its figures (a date and time), the others provisional; and its Results hold
// the agreed figures of that month.
TEST_F(QuarterlyReview, TheWorkbookGivesEachMonthItsState) {
  const fs::path ws = root_ / "ws-state";
  ASSERT_EQ(run_meetlat("init " + ws.string(), root_).exit_code, 0);
  const std::string in = " --workspace " + ws.string();
  ASSERT_EQ(run_meetlat("import" + in + " " + (root_ / "sample").string(), root_).exit_code, 0);
  const RunResult closed =
      run_meetlat("close 2026-02 --as-of 2026-03-01T00:01:00+01:00" + in, root_);
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  const RunResult agreed = run_meetlat("evaluate --period 2026-02" + in, root_);
  ASSERT_EQ(agreed.exit_code, 0) << agreed.err;
  const auto [day, actor] = agreed_by(agreed.err);
  ASSERT_EQ(day.size(), 10U) << agreed.err;
  const json book = quarter_workbook(in, "en", root_ / "q1_state.xlsx");
  EXPECT_EQ(book.at("sheets"), json::array({"State", "Results", "Actions", "Money"}));
  const json& state = book.at("State");
  EXPECT_EQ(state.at("freeze"), "A2");
  EXPECT_FALSE(state.at("filter").is_null());
  const auto& english = meetlat::report::english();
  EXPECT_EQ(
      state.at("rows").at(0),
      json::array({english.say("report.period", {}), english.say("report.state", {}),
                   english.say("report.col.agreed_on", {}), english.say("report.col.agreed_by", {}),
                   english.say("report.col.figures_as_of", {})}));
  const std::string provisional = english.say("report.state.provisional", {});
  EXPECT_EQ(state.at("rows"), json::array({state.at("rows").at(0),
                                           {"2026-01", provisional, nullptr, nullptr, nullptr},
                                           {"2026-02",
                                            english.say("report.state.agreed", {}),
                                            {{"date", day + "T00:00:00"}},
                                            actor,
                                            {{"date", "2026-03-01T00:01:00"}}},
                                           {"2026-03", provisional, nullptr, nullptr, nullptr}}));
  // February's KPI-01 P3 as agreed (tickets still open at the close), not as of the review.
  const RunResult now = run_meetlat(
      "evaluate --data " + (root_ / "sample").string() + " --as-of " + kAsOf + " --period 2026-02",
      root_);
  ASSERT_EQ(now.exit_code, 0) << now.err;
  const json agreed_p3 = objective_in(json::parse(agreed.out), "KPI-01", "P3");
  ASSERT_NE(agreed_p3.at("value"), objective_in(json::parse(now.out), "KPI-01", "P3").at("value"));
  const json* p3 = row_starting(book.at("Results").at("rows"),
                                {"KPI-01", "P3", {{"date", "2026-02-01T00:00:00"}}});
  ASSERT_NE(p3, nullptr);
  EXPECT_EQ(p3->at(5), agreed_p3.at("value"));
  // In Dutch: the same states in Dutch words.
  const json nl = quarter_workbook(in, "nl", root_ / "q1_state_nl.xlsx");
  const auto& dutch = meetlat::report::dutch();
  EXPECT_EQ(nl.at("State").at("rows").at(1).at(1), dutch.say("report.state.provisional", {}));
  EXPECT_EQ(nl.at("State").at("rows").at(2).at(1), dutch.say("report.state.agreed", {}));
}

// A quarter closed as a whole (`close 2026-Q1`) is agreed in the review: a line in the header
// and a row in the workbook's State after the months (which stay provisional), and its KPIs
// measured over the quarter (KPI-07) show the figures agreed at its close, here as of a day in
// March, while `evaluate` as of the review has the quarter over.
TEST_F(QuarterlyReview, AQuarterClosedAsAWholeIsAgreed) {
  const fs::path ws = root_ / "ws-quarter";
  ASSERT_EQ(run_meetlat("init " + ws.string(), root_).exit_code, 0);
  const std::string in = " --workspace " + ws.string();
  ASSERT_EQ(run_meetlat("import" + in + " " + (root_ / "sample").string(), root_).exit_code, 0);
  const RunResult closed =
      run_meetlat("close 2026-Q1 --as-of 2026-03-20T00:00:00+01:00" + in, root_);
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  const RunResult agreed = run_meetlat("evaluate --period 2026-Q1" + in, root_);
  ASSERT_EQ(agreed.exit_code, 0) << agreed.err;
  const auto [day, actor] = agreed_by(agreed.err);
  const RunResult now = run_meetlat(
      "evaluate --data " + (root_ / "sample").string() + " --as-of " + kAsOf + " --period 2026-03",
      root_);
  ASSERT_EQ(now.exit_code, 0) << now.err;
  const json agreed_co2 = objective_in(json::parse(agreed.out), "KPI-07", "co2_reduction");
  const json now_co2 = objective_in(json::parse(now.out), "KPI-07", "co2_reduction");
  ASSERT_NE(agreed_co2.at("status"), now_co2.at("status"))
      << "the close must have seen other figures than the review";

  const fs::path out = root_ / "q1_closed.html";
  const RunResult r = run_meetlat(
      "report" + in + " --as-of " + kAsOf + " --period 2026-Q1 --lang en --out " + out.string(),
      root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("March 2026: provisional: not yet agreed"), std::string::npos);
  const std::size_t whole = html.find("The quarter as a whole (2026-Q1): agreed on ");
  ASSERT_NE(whole, std::string::npos);
  EXPECT_NE(html.find(" by " + actor + "; the figures as of 20 March 2026 00:00, as agreed", whole),
            std::string::npos);
  // KPI-07's March cell: the status agreed, not the one of now.
  const std::string row =
      row_with(section_of(html, "results"), "<td>CO2 emissions against the reduction path</td>");
  const std::string march = row.substr(row.rfind("<td"));
  EXPECT_NE(march.find(" " + agreed_co2.at("status").get<std::string>() + "</span>"),
            std::string::npos)
      << march;
  EXPECT_EQ(march.find(" " + now_co2.at("status").get<std::string>() + "</span>"),
            std::string::npos)
      << march;

  const json book = quarter_workbook(in, "en", root_ / "q1_closed.xlsx");
  const auto& rows = book.at("State").at("rows");
  ASSERT_EQ(rows.size(), 5U) << rows;
  EXPECT_EQ(rows.at(4), json::array({"2026-Q1",
                                     meetlat::report::english().say("report.state.agreed", {}),
                                     {{"date", day + "T00:00:00"}},
                                     actor,
                                     {{"date", "2026-03-20T00:00:00"}}}));
  const json* co2 = row_starting(book.at("Results").at("rows"), {"KPI-07", "co2_reduction"});
  ASSERT_NE(co2, nullptr);
  EXPECT_EQ(co2->at(4), agreed_co2.at("status"));
  EXPECT_EQ(co2->at(5), agreed_co2.at("value"));

  // Evidence imported since that changes the quarter's result: the review is refused, as for an
  // agreed month, rather than show other figures than the agreed ones.
  const fs::path late = root_ / "late-q1";
  fs::create_directories(late);
  const auto late_tickets =
      meetlat::testing::unanswered_p1_tickets(root_ / "sample" / "tickets.csv", "2026-03", 3);
  ASSERT_TRUE(late_tickets);
  std::ofstream(late / "tickets.csv") << *late_tickets;
  ASSERT_EQ(run_meetlat("import" + in + " " + (late / "tickets.csv").string(), root_).exit_code, 0);
  const fs::path refused = root_ / "q1_refused.html";
  const RunResult again = run_meetlat(
      "report" + in + " --as-of " + kAsOf + " --period 2026-Q1 --out " + refused.string(), root_);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("2026-Q1 was closed as agreed"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("KPI-01 P1"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("reopen 2026-Q1"), std::string::npos) << again.err;
  EXPECT_FALSE(fs::exists(refused));
}
