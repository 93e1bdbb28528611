// `meetlat report` through the real binary on the generator's sample (docs/reports.md): the HTML
// is self-contained, complete in the reader's language and the same bytes for the same inputs
// (checked against a golden file); the spreadsheet read back with openpyxl holds the very figures
// of `meetlat evaluate`; the PDF printed by Chromium holds every KPI title and the money.
//
// The evidence is written once per suite by `meetlat generate` (small volumes) into a fresh temp
// folder. MEETLAT_UPDATE_GOLDEN=1 rewrites the golden file instead of comparing with it.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "contract/value_parsers.h"
#include "report/catalogue.h"
#include "report/locale_text.h"
#include "report/wording.h"
#include "run_meetlat.h"
#include "sample_edits.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using meetlat::testing::escaped;
using meetlat::testing::read_file;
using meetlat::testing::run_meetlat;
using meetlat::testing::run_shell;
using meetlat::testing::RunResult;

constexpr const char* kMonth = "2026-03";
constexpr const char* kAsOf = "2026-04-05T00:00:00+02:00";

// Without the one line that holds the generation time (report_html.h).
std::string without_generation_time(const std::string& html) {
  std::string out;
  std::size_t start = 0;
  while (start < html.size()) {
    std::size_t end = html.find('\n', start);
    end = end == std::string::npos ? html.size() : end + 1;
    const std::string line = html.substr(start, end - start);
    if (line.find("data-generated") == std::string::npos) out += line;
    start = end;
  }
  return out;
}

// The text a reader sees: every run of text between tags, trimmed, entities left as written;
// not the names the contract and the evidence files give (the parties, columns), which an element
// marks translate="no".
std::set<std::string> text_nodes(const std::string& html) {
  std::set<std::string> out;
  const std::size_t body = html.find("<body>");
  for (std::size_t close = html.find('>', body); close != std::string::npos;
       close = html.find('>', close + 1)) {
    const std::size_t open = html.find('<', close);
    if (open == std::string::npos) break;
    const std::size_t tag = html.rfind('<', close);
    // Names from the evidence files (columns, codes) are marked translate="no": not labels.
    if (html.substr(tag, close - tag).find(" translate=\"no\"") != std::string::npos) continue;
    std::string text = html.substr(close + 1, open - close - 1);
    const auto first = text.find_first_not_of(" \n\t");
    if (first == std::string::npos) continue;
    text = text.substr(first, text.find_last_not_of(" \n\t") - first + 1);
    out.insert(text);
  }
  return out;
}

class ReportCli : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "meetlat_report_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    data_ = root_ / "data";
    const RunResult g =
        run_meetlat("generate --out " + data_.string() +
                        " --months 3 --seed 7 --tickets-per-month 400 --transactions-per-minute 2",
                    root_);
    ASSERT_EQ(g.exit_code, 0) << g.err;
    const RunResult e = run_meetlat("evaluate " + inputs() + " --period " + kMonth, root_);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    evaluation_ = json::parse(e.out);
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    if (!root_.empty()) fs::remove_all(root_, ignored);
  }

  static std::string inputs() {
    return std::string("--as-of ") + kAsOf + " --data " + data_.string();
  }
  // `meetlat report` into root_/name; the command's result.
  // ISO week `number` of 2026 by name ("2026-W09") and KPI-10 as `evaluate --period` of it
  // gives it (null, the test failing, when it gives none).
  static std::string week_name(int number) {
    return "2026-W" + std::string(number < 10 ? "0" : "") + std::to_string(number);
  }
  static json kpi10_of_week(const std::string& week) {
    const RunResult e = run_meetlat("evaluate " + inputs() + " --period " + week, root_);
    EXPECT_EQ(e.exit_code, 0) << e.err;
    if (e.exit_code != 0) return nullptr;
    const json result = json::parse(e.out);
    for (const auto& kpi : result.at("kpis")) {
      if (kpi.at("id") == "KPI-10") return kpi;
    }
    ADD_FAILURE() << "no KPI-10 in " << week;
    return nullptr;
  }
  static RunResult report(const std::string& options, const std::string& name) {
    return run_meetlat("report " + inputs() + " --period " + kMonth + " " + options + " --out " +
                           (root_ / name).string(),
                       root_);
  }

  static fs::path root_;
  static fs::path data_;
  static json evaluation_;
};

fs::path ReportCli::root_;
fs::path ReportCli::data_;
json ReportCli::evaluation_;

TEST_F(ReportCli, HtmlIsSelfContainedWithAChartPerObjective) {
  const RunResult r = report("--lang en", "en.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(root_ / "en.html");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(std::regex_replace(html, std::regex("http://www.w3.org/2000/svg"), "").find("http"),
            std::string::npos)
      << "the report refers to the network";
  std::size_t objectives = 0;
  for (const auto& kpi : evaluation_.at("kpis")) {
    EXPECT_NE(html.find(escaped(kpi.at("title").at("en").get<std::string>())), std::string::npos)
        << kpi.at("id");
    objectives += kpi.at("objectives").size();
  }
  std::size_t charts = 0;
  std::vector<std::string> timelines;
  std::size_t series_charts = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    const std::string svg = html.substr(at, html.find("</svg>", at) - at);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("<title"), std::string::npos);
    EXPECT_NE(svg.find("<desc"), std::string::npos);
    if (svg.starts_with("<svg class=\"chart timeline\"")) {
      timelines.push_back(svg);
    } else if (svg.starts_with("<svg class=\"chart series\"")) {
      ++series_charts;  // several objectives in one chart (AKpisObjectivesOfOneKindShareAChart)
    } else {
      ++charts;
    }
  }
  EXPECT_EQ(charts, objectives) << "one chart per objective";
  EXPECT_GT(series_charts, 0U);
  // Availability (KPI-03, from the outage register) also has its month's outages on a timeline,
  // a bar each, every outage that cost downtime named in its text alternative.
  ASSERT_EQ(timelines.size(), 1U);
  for (const auto& kpi : evaluation_.at("kpis")) {
    if (kpi.at("id") != "KPI-03") continue;
    for (const auto& id : kpi.at("objectives").at(0).at("failing_ids")) {
      EXPECT_NE(timelines[0].find(id.get<std::string>() + " from "), std::string::npos) << id;
    }
    EXPECT_NE(timelines[0].find("class=\"bar-u\""), std::string::npos);
  }
  // The evidence appendix: every failing ticket of KPI-01 with the row read from tickets.csv.
  const auto& kpi01 = evaluation_.at("kpis").at(0);
  ASSERT_EQ(kpi01.at("id"), "KPI-01");
  std::size_t failing = 0;
  for (const auto& o : kpi01.at("objectives")) {
    for (const auto& id : o.at("failing_ids")) {
      const std::string row = "<th scope=\"row\">" + id.get<std::string>() + "</th><td>" +
                              o.at("id").get<std::string>() + "</td><td>2026-03-";
      EXPECT_NE(html.find(row), std::string::npos) << row;
      ++failing;
    }
  }
  EXPECT_GT(failing, 0U);
  EXPECT_NE(html.find("<th scope=\"col\">"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
}

// KPI-01's priorities in one chart on its page, before each priority's own chart: a line per
// priority with its own dash pattern and its name at its end and in the legend, one norm line
// (the priorities' norms are equal), and every month's value of every priority in the text
// alternative. KPI-03's single objective has no such chart.
TEST_F(ReportCli, AKpisObjectivesOfOneKindShareAChart) {
  namespace contract = meetlat::contract;
  ASSERT_EQ(report("--lang en", "series.html").exit_code, 0);
  const std::string html = read_file(root_ / "series.html");
  const std::size_t page = html.find("<h3 id=\"kpi-01\">");
  const std::size_t page_end = html.find("<h3 id=\"kpi-02\">");
  ASSERT_NE(page, std::string::npos);
  ASSERT_NE(page_end, std::string::npos);
  const std::string kpi01 = html.substr(page, page_end - page);
  const std::size_t at = kpi01.find("<svg class=\"chart series\"");
  ASSERT_NE(at, std::string::npos) << "KPI-01 has no chart of its priorities";
  EXPECT_EQ(kpi01.find("<svg class=\"chart series\"", at + 1), std::string::npos);
  EXPECT_LT(at, kpi01.find("<svg class=\"chart\"")) << "the priorities' chart comes first";
  const std::string svg = kpi01.substr(at, kpi01.find("</svg>", at) - at);
  const std::string desc = svg.substr(svg.find("<desc"), svg.find("</desc>") - svg.find("<desc"));

  const auto& kpi = evaluation_.at("kpis").at(0);
  ASSERT_EQ(kpi.at("id"), "KPI-01");
  ASSERT_GE(kpi.at("objectives").size(), 2U);
  std::size_t lines = 0;
  std::set<std::string> dashes;
  for (auto p = svg.find("<polyline class=\"series\""); p != std::string::npos;
       p = svg.find("<polyline class=\"series\"", p + 1)) {
    ++lines;
    const std::string line = svg.substr(p, svg.find("/>", p) - p);
    const auto dash = line.find("stroke-dasharray=\"");
    dashes.insert(dash == std::string::npos ? "solid" : line.substr(dash));
  }
  EXPECT_EQ(lines, kpi.at("objectives").size()) << "a line per priority";
  EXPECT_EQ(dashes.size(), lines) << "each line has its own dash pattern";
  for (const auto& o : kpi.at("objectives")) {
    const std::string id = o.at("id");
    // Named at the line's end and in the legend.
    std::size_t names = 0;
    for (auto p = svg.find("class=\"series-label\""); p != std::string::npos;
         p = svg.find("class=\"series-label\"", p + 1)) {
      names += svg.compare(svg.find('>', p) + 1, id.size() + 7, id + "</text>") == 0 ? 1 : 0;
    }
    EXPECT_EQ(names, 2U) << id;
    // The month's value in words, as evaluate gives it, in the priority's part of the desc.
    const auto norm = contract::parse_norm(o.at("norm").at("op").get<std::string>() + " " +
                                               std::to_string(static_cast<int>(std::lround(
                                                   o.at("norm").at("value").get<double>() * 100))) +
                                               "%",
                                           contract::Unit::kRatio);
    ASSERT_TRUE(norm.value) << norm.error;
    ASSERT_FALSE(o.at("value").is_null()) << id;
    const std::string value =
        meetlat::report::value_text(contract::Unit::kRatio, o.at("value").get<double>(),
                                    *norm.value, meetlat::report::english());
    const std::size_t part =
        desc.find(id + " (norm " +
                  meetlat::report::norm_text(*norm.value, meetlat::report::english()) + "): ");
    ASSERT_NE(part, std::string::npos) << id << " in " << desc;
    const std::size_t next = desc.find(". ", part);
    EXPECT_NE(desc.substr(part, next - part).find("March 2026: " + value + ", "), std::string::npos)
        << id << ": " << value << " in " << desc;
  }
  std::size_t norms = 0;
  for (auto p = svg.find("<path class=\"norm\""); p != std::string::npos;
       p = svg.find("<path class=\"norm\"", p + 1)) {
    ++norms;
  }
  EXPECT_EQ(norms, 1U) << "the priorities' equal norms are one line";
  EXPECT_NE(svg.find("class=\"norm-label\""), std::string::npos);

  const std::string kpi03 =
      html.substr(html.find("<h3 id=\"kpi-03\">"),
                  html.find("<h3 id=\"kpi-04\">") - html.find("<h3 id=\"kpi-03\">"));
  EXPECT_EQ(kpi03.find("<svg class=\"chart series\""), std::string::npos);
}

TEST_F(ReportCli, DutchReportHoldsNoEnglishLabelAndTheReverse) {
  ASSERT_EQ(report("--lang nl", "nl.html").exit_code, 0);
  ASSERT_EQ(report("--lang en", "en.html").exit_code, 0);
  const std::string nl = read_file(root_ / "nl.html");
  const std::string en = read_file(root_ / "en.html");
  const auto nl_text = text_nodes(nl);
  const auto en_text = text_nodes(en);
  const auto& english = meetlat::report::english().messages;
  const auto& dutch = meetlat::report::dutch().messages;
  int compared = 0;
  for (const auto& [id, en_label] : english) {
    const std::string_view nl_label = dutch.at(id);
    if (en_label == nl_label || en_label.find('{') != std::string_view::npos) continue;
    ++compared;
    EXPECT_FALSE(nl_text.contains(escaped(en_label)))
        << "Dutch report shows " << id << ": " << en_label;
    EXPECT_FALSE(en_text.contains(escaped(nl_label)))
        << "English report shows " << id << ": " << nl_label;
    // A label of several words cannot be a word of the other language by chance.
    if (en_label.find(' ') != std::string_view::npos) {
      EXPECT_EQ(nl.find(escaped(en_label)), std::string::npos) << id << ": " << en_label;
    }
    if (nl_label.find(' ') != std::string_view::npos) {
      EXPECT_EQ(en.find(escaped(nl_label)), std::string::npos) << id << ": " << nl_label;
    }
  }
  EXPECT_GT(compared, 50);
  EXPECT_NE(nl.find("<html lang=\"nl\">"), std::string::npos);
  for (const auto& kpi : evaluation_.at("kpis")) {
    EXPECT_NE(nl.find(escaped(kpi.at("title").at("nl").get<std::string>())), std::string::npos)
        << kpi.at("id");
  }
  // The money in Dutch marks: "€ 1.234,56".
  const std::int64_t net = evaluation_.at("finance").at("net_cents");
  EXPECT_NE(nl.find(meetlat::report::money_text(net, "EUR", meetlat::report::dutch())),
            std::string::npos);
}

TEST_F(ReportCli, SameInputsSameBytesAsTheGoldenFile) {
  ASSERT_EQ(report("--lang nl", "first.html").exit_code, 0);
  ASSERT_EQ(report("--lang nl", "second.html").exit_code, 0);
  const std::string first = read_file(root_ / "first.html");
  const std::string second = read_file(root_ / "second.html");
  EXPECT_NE(first.find("data-generated"), std::string::npos);
  ASSERT_TRUE(without_generation_time(first) == without_generation_time(second))
      << "two reports of the same inputs differ";
  const fs::path golden = fs::path(MEETLAT_GOLDEN_DIR) / "report_2026-03_nl.html";
  if (std::getenv("MEETLAT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << without_generation_time(first);
    GTEST_SKIP() << "rewrote " << golden;
  }
  EXPECT_TRUE(without_generation_time(first) == read_file(golden))
      << "the report differs from " << golden
      << "; review the change and rerun with MEETLAT_UPDATE_GOLDEN=1";
}

TEST_F(ReportCli, SpreadsheetHoldsTheFiguresOfEvaluate) {
  ASSERT_EQ(report("--lang nl --format xlsx", "report.xlsx").exit_code, 0);
  const RunResult read = run_shell(std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " " +
                                   (root_ / "report.xlsx").string() + " 2>&1");
  ASSERT_EQ(read.exit_code, 0) << read.out;
  const json book = json::parse(read.out);
  EXPECT_EQ(book.at("sheets"), json::array({"Scorecard", "Objectives", "Weeks", "Evidence",
                                            "Actions", "Money", "Data quality"}));
  for (const char* sheet :
       {"Scorecard", "Objectives", "Weeks", "Evidence", "Actions", "Money", "Data quality"}) {
    EXPECT_EQ(book.at(sheet).at("freeze"), "A2") << sheet;
    EXPECT_FALSE(book.at(sheet).at("filter").is_null()) << sheet;
  }
  // Objectives: a row per objective in contract order, the figures as numbers.
  const auto& rows = book.at("Objectives").at("rows");
  std::size_t row = 1;
  std::size_t ids = 0;
  for (const auto& kpi : evaluation_.at("kpis")) {
    for (const auto& o : kpi.at("objectives")) {
      ASSERT_LT(row, rows.size());
      const auto& cells = rows.at(row++);
      EXPECT_EQ(cells.at(0), kpi.at("id"));
      EXPECT_EQ(cells.at(1), o.at("id"));
      EXPECT_EQ(cells.at(3), o.at("value")) << kpi.at("id") << " " << o.at("id");
      EXPECT_EQ(cells.at(5), o.at("norm").at("value")) << kpi.at("id") << " " << o.at("id");
      EXPECT_EQ(cells.at(6), o.at("count"));
      EXPECT_EQ(cells.at(7), o.at("failing"));
      EXPECT_EQ(cells.at(8), o.at("pending"));
      EXPECT_EQ(cells.at(9), o.at("exempted"));
      ids += o.at("failing_ids").size() + o.at("exempted_ids").size();
    }
  }
  EXPECT_EQ(row, rows.size());
  EXPECT_EQ(book.at("Evidence").at("rows").size(), ids + 1);
  // Money: the month's row holds the amounts of the evaluation, as numbers in euros.
  const auto& finance = evaluation_.at("finance");
  bool found = false;
  for (const auto& cells : book.at("Money").at("rows")) {
    if (!cells.at(0).is_object() || cells.at(0).at("date") != "2026-03-01T00:00:00") continue;
    found = true;
    EXPECT_EQ(cells.at(4), finance.at("malus_amount"));
    EXPECT_EQ(cells.at(5), finance.at("bonus_amount"));
    EXPECT_EQ(cells.at(6), finance.at("net_amount"));
  }
  EXPECT_TRUE(found) << "no Money row for 2026-03";
  EXPECT_NE(book.at("Money").at("formats").at(4).get<std::string>().find("€"), std::string::npos);
}

TEST_F(ReportCli, PdfHoldsEveryKpiTitleAndTheMoney) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium is not installed";
  const RunResult r = report("--lang en --format pdf", "report.pdf");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const RunResult text = run_shell("pdftotext " + (root_ / "report.pdf").string() + " - 2>&1");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  // Lines wrap where the page ends them: compare with every run of white space as one space.
  const std::string flat = std::regex_replace(text.out, std::regex("\\s+"), " ");
  for (const auto& kpi : evaluation_.at("kpis")) {
    const std::string title = kpi.at("title").at("en");
    EXPECT_NE(flat.find(std::regex_replace(title, std::regex("\\s+"), " ")), std::string::npos)
        << kpi.at("id") << " " << title;
  }
  // Pages as images for a reader of the test's output to look at (build/.../report-artefacts),
  // and more than one: a print style that hid the report would leave a single blank page.
  const RunResult info = run_shell("pdfinfo " + (root_ / "report.pdf").string() + " 2>&1");
  const auto pages_at = info.out.find("Pages:");
  ASSERT_NE(pages_at, std::string::npos) << info.out;
  EXPECT_GT(std::stoi(info.out.substr(pages_at + 6)), 1) << info.out;
  fs::create_directories(MEETLAT_ARTEFACTS_DIR);
  const RunResult images =
      run_shell("pdftoppm -r 40 -png " + (root_ / "report.pdf").string() + " " +
                (fs::path(MEETLAT_ARTEFACTS_DIR) / "report-en-pdf-page").string() + " 2>&1");
  EXPECT_EQ(images.exit_code, 0) << images.out;
  const auto& finance = evaluation_.at("finance");
  for (const char* amount : {"malus_cents", "bonus_cents", "net_cents"}) {
    const std::string shown =
        meetlat::report::money_text(finance.at(amount), "EUR", meetlat::report::english());
    EXPECT_NE(flat.find(shown), std::string::npos) << amount << " " << shown;
  }
}

TEST_F(ReportCli, PdfWithoutChromiumSaysWhatToInstall) {
  const fs::path out = root_ / "missing.pdf";
  const RunResult r = run_shell(
      "MEETLAT_CHROMIUM=/nonexistent/chromium " + meetlat::testing::meetlat_binary() + " report " +
      inputs() + " --period " + kMonth + " --format pdf --out " + out.string() + " 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("Chromium"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("apt-get install chromium"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(out));
}

// A month closed as agreed is reported as agreed while a recomputation gives the agreed result,
// and refused, with the differences, once the evidence says otherwise: a report of an agreed
// month never shows other figures than the agreed ones.
TEST_F(ReportCli, AnAgreedMonthShowsTheAgreementAndNeverOtherFigures) {
  const fs::path ws = root_ / "ws";
  ASSERT_EQ(run_meetlat("init " + ws.string(), root_).exit_code, 0);
  const std::string in = " --workspace " + ws.string();
  ASSERT_EQ(run_meetlat("import" + in + " " + data_.string(), root_).exit_code, 0);
  const RunResult closed =
      run_meetlat(std::string("close ") + kMonth + " --as-of " + kAsOf + in, root_);
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  const fs::path agreed = root_ / "agreed.html";
  RunResult r = run_meetlat(
      std::string("report --lang en --period ") + kMonth + in + " --out " + agreed.string(), root_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(agreed);
  EXPECT_NE(html.find("agreed on "), std::string::npos);
  EXPECT_EQ(html.find("provisional"), std::string::npos);
  EXPECT_NE(html.find("5 April 2026 00:00"), std::string::npos) << "the agreed as-of";

  // Tickets of the month that turn out not to have been responded to after all.
  const auto rows = meetlat::testing::unanswered_p1_tickets(data_ / "tickets.csv", "2026-03", 3);
  ASSERT_TRUE(rows);
  fs::create_directories(root_ / "late");
  std::ofstream(root_ / "late" / "tickets.csv") << *rows;
  ASSERT_EQ(
      run_meetlat("import" + in + " " + (root_ / "late" / "tickets.csv").string(), root_).exit_code,
      0);
  const fs::path refused = root_ / "refused.html";
  r = run_meetlat(std::string("report --period ") + kMonth + in + " --out " + refused.string(),
                  root_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("differs from the agreed result"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("KPI-01 P1"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(refused));
}

// The chart of KPI-10's p95 per ISO week on its page ("" when there is none).
std::string weekly_chart(const std::string& html) {
  const std::size_t page = html.find("<h3 id=\"kpi-10\">");
  const std::size_t id = html.find("aria-labelledby=\"chart-kpi-10-weeks-", page);
  if (page == std::string::npos || id == std::string::npos) return {};
  const std::size_t start = html.rfind("<svg", id);
  return html.substr(start, html.find("</svg>", start) - start);
}

// KPI-10's page has its p95 per ISO week of the month, office and peak hours against their norm
// lines: a point per ISO week that overlaps March 2026 (week 9, from 23 February, to week 14, to
// 5 April), a line per objective, and in the text alternative each week's value as `evaluate
// --period` of that week gives it.
TEST_F(ReportCli, Kpi10HasItsP95PerIsoWeekOfTheMonth) {
  namespace contract = meetlat::contract;
  ASSERT_EQ(report("--lang en", "weeks-en.html").exit_code, 0);
  ASSERT_EQ(report("--lang nl", "weeks-nl.html").exit_code, 0);
  const std::string html = read_file(root_ / "weeks-en.html");
  const std::string svg = weekly_chart(html);
  ASSERT_FALSE(svg.empty()) << "KPI-10 has no chart per week";
  EXPECT_LT(html.find("<h3 id=\"kpi-10\">"), html.find(svg));
  EXPECT_LT(html.find(svg), html.find("<h3 id=\"kpi-11\">"));
  EXPECT_TRUE(svg.starts_with("<svg class=\"chart series\"")) << svg.substr(0, 80);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title"), std::string::npos);
  const std::string desc = svg.substr(svg.find("<desc"), svg.find("</desc>") - svg.find("<desc"));
  std::size_t lines = 0;
  for (auto p = svg.find("<polyline class=\"series\""); p != std::string::npos;
       p = svg.find("<polyline class=\"series\"", p + 1)) {
    ++lines;
  }
  EXPECT_EQ(lines, 2U) << "a line for office and one for peak hours";
  std::size_t norms = 0;
  for (auto p = svg.find("<path class=\"norm\""); p != std::string::npos;
       p = svg.find("<path class=\"norm\"", p + 1)) {
    ++norms;
  }
  EXPECT_EQ(norms, 2U) << "< 300 ms and < 400 ms";
  std::size_t points = 0;
  std::size_t to_date = 0;
  for (int number = 9; number <= 14; ++number) {
    const std::string week = week_name(number);
    EXPECT_NE(svg.find(">W" + std::to_string(number) + "</text>"), std::string::npos) << week;
    const json kpi = kpi10_of_week(week);
    ASSERT_FALSE(kpi.is_null()) << week;
    for (const auto& o : kpi.at("objectives")) {
      const std::string id = o.at("id");
      const auto norm = contract::parse_norm(
          o.at("norm").at("op").get<std::string>() + " " +
              std::to_string(static_cast<int>(o.at("norm").at("value").get<double>())) + " ms",
          contract::Unit::kMs);
      ASSERT_TRUE(norm.value) << norm.error;
      const std::string value =
          o.at("value").is_null()
              ? meetlat::report::english().say("report.no_value", {})
              : meetlat::report::value_text(contract::Unit::kMs, o.at("value").get<double>(),
                                            *norm.value, meetlat::report::english());
      // The objective's part of the text alternative holds the week with the value of evaluate.
      // In the SVG's text "<" is "&lt;".
      const std::size_t part = desc.find(std::regex_replace(
          escaped(id + " (norm " +
                  meetlat::report::norm_text(*norm.value, meetlat::report::english()) + "): "),
          std::regex("<"), "&lt;"));
      ASSERT_NE(part, std::string::npos) << id << " in " << desc;
      const std::string objective = desc.substr(part, desc.find(". ", part) - part);
      const std::size_t at = objective.find("week " + std::to_string(number) + " (");
      ASSERT_NE(at, std::string::npos) << week << " " << id << " in " << objective;
      const std::size_t colon = objective.find("): ", at);
      EXPECT_EQ(objective.substr(colon + 3, escaped(value).size() + 2), escaped(value) + ", ")
          << week << " " << id << ": " << objective.substr(at, 120);
      // The week the as-of moment falls in (begun, not ended) is marked to date, no other.
      const std::string point = objective.substr(at, objective.find("; ", at) - at);
      EXPECT_EQ(point.ends_with(", to date"), !kpi.at("final").get<bool>()) << point;
      to_date += kpi.at("final").get<bool>() ? 0 : 1;
      ++points;
    }
  }
  EXPECT_EQ(points, 12U) << "six weeks, two objectives";
  EXPECT_EQ(to_date, 2U) << "the as-of moment lies in the month's last week, W14";
  // In Dutch: the same chart with the weeks as "wk 9".
  const std::string nl = weekly_chart(read_file(root_ / "weeks-nl.html"));
  ASSERT_FALSE(nl.empty());
  EXPECT_NE(nl.find(">wk 9</text>"), std::string::npos);
  EXPECT_NE(nl.find("week 14 (30 maart 2026 t/m 5 april 2026)"), std::string::npos) << nl;
}

// The workbook's sheet Weeks: a row per objective of KPI-10 and ISO week of the month, its figures
// numbers equal to those of `evaluate --period` of the week, its dates dates, the week of the as-of
// moment marked to date; the header frozen and filtered, in the language asked for.
TEST_F(ReportCli, TheWorkbookHasKpi10PerIsoWeekOfTheMonth) {
  ASSERT_EQ(report("--lang en --format xlsx", "weeks.xlsx").exit_code, 0);
  const RunResult read = run_shell(std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " " +
                                   (root_ / "weeks.xlsx").string() + " 2>&1");
  ASSERT_EQ(read.exit_code, 0) << read.out;
  const json sheet = json::parse(read.out).at("Weeks");
  EXPECT_EQ(sheet.at("freeze"), "A2");
  EXPECT_FALSE(sheet.at("filter").is_null());
  const auto& rows = sheet.at("rows");
  ASSERT_FALSE(rows.empty());
  const auto& english = meetlat::report::english();
  EXPECT_EQ(rows.at(0).at(0), english.say("report.col.week", {}));
  EXPECT_EQ(rows.at(0).at(3), english.say("report.col.to_date", {}));
  EXPECT_EQ(rows.at(0).at(7), english.say("report.col.value", {}));
  EXPECT_NE(sheet.at("formats").at(7).get<std::string>().find("ms"), std::string::npos)
      << sheet.at("formats");
  std::size_t row = 1;
  std::size_t to_date = 0;
  for (int number = 9; number <= 14; ++number) {
    const std::string week = week_name(number);
    const json kpi = kpi10_of_week(week);
    ASSERT_FALSE(kpi.is_null()) << week;
    for (const auto& o : kpi.at("objectives")) {
      ASSERT_LT(row, rows.size()) << week;
      const auto& cells = rows.at(row++);
      EXPECT_EQ(cells.at(0), week);
      const std::string monday = kpi.at("window").at("from").get<std::string>().substr(0, 10);
      EXPECT_EQ(cells.at(1).at("date"), monday + "T00:00:00") << week;
      EXPECT_EQ(cells.at(3), !kpi.at("final").get<bool>()) << week;
      to_date += cells.at(3).get<bool>() ? 1 : 0;
      EXPECT_EQ(cells.at(4), "KPI-10");
      EXPECT_EQ(cells.at(5), o.at("id"));
      EXPECT_EQ(cells.at(7), o.at("value")) << week << " " << o.at("id");
      EXPECT_EQ(cells.at(9), o.at("norm").at("value")) << week << " " << o.at("id");
      EXPECT_EQ(cells.at(10), o.at("count")) << week << " " << o.at("id");
      EXPECT_EQ(cells.at(11), o.at("failing")) << week << " " << o.at("id");
    }
  }
  EXPECT_EQ(row, rows.size()) << "six weeks, two objectives, nothing else";
  EXPECT_EQ(to_date, 2U) << "the as-of moment lies in W14";
  // In Dutch: the same sheet, headers and statuses in Dutch.
  ASSERT_EQ(report("--lang nl --format xlsx", "weeks-nl.xlsx").exit_code, 0);
  const RunResult nl = run_shell(std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " " +
                                 (root_ / "weeks-nl.xlsx").string() + " 2>&1");
  ASSERT_EQ(nl.exit_code, 0) << nl.out;
  const json nl_rows = json::parse(nl.out).at("Weeks").at("rows");
  EXPECT_EQ(nl_rows.at(0).at(0), meetlat::report::dutch().say("report.col.week", {}));
  EXPECT_EQ(nl_rows.size(), rows.size());
  EXPECT_EQ(nl_rows.at(1).at(7), rows.at(1).at(7));
}

// A report from a workspace (transactions per month block, counted from kept summaries the second
// time) gives the weeks the same values as from the files, a week across two months included.
TEST_F(ReportCli, AWorkspaceGivesTheSameWeeksAsTheFiles) {
  ASSERT_EQ(report("--lang en", "weeks-files.html").exit_code, 0);
  const std::string files = weekly_chart(read_file(root_ / "weeks-files.html"));
  ASSERT_FALSE(files.empty());
  const fs::path ws = root_ / "ws-weeks";
  ASSERT_EQ(run_meetlat("init " + ws.string(), root_).exit_code, 0);
  ASSERT_EQ(
      run_meetlat("import --workspace " + ws.string() + " " + data_.string(), root_).exit_code, 0);
  for (const char* run : {"first", "second"}) {
    const fs::path out = root_ / (std::string("weeks-ws-") + run + ".html");
    const RunResult r =
        run_meetlat(std::string("report --lang en --as-of ") + kAsOf + " --workspace " +
                        ws.string() + " --period " + kMonth + " --out " + out.string(),
                    root_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(weekly_chart(read_file(out)), files) << run;
  }
}

// The weekly view (docs/reports.md): the KPIs measured per week with the figures `evaluate` gives
// for the week, and the go-live forecast while onboarding; complete in either language.
TEST_F(ReportCli, AWeekShowsItsWeeklyKpisAndTheGoLiveForecast) {
  namespace report = meetlat::report;
  namespace contract = meetlat::contract;
  const std::map<std::string, std::string> mondays = {{"2026-W02", "2026-01-05"},
                                                      {"2026-W10", "2026-03-02"}};
  for (const auto& [week, monday] : mondays) {
    const RunResult e = run_meetlat("evaluate " + inputs() + " --period " + week, root_);
    ASSERT_EQ(e.exit_code, 0) << e.err;
    const json result = json::parse(e.out);
    const fs::path en_file = root_ / (week + "-en.html");
    const fs::path nl_file = root_ / (week + "-nl.html");
    for (const auto& [lang, file] : {std::pair{"en", en_file}, std::pair{"nl", nl_file}}) {
      const RunResult r = run_meetlat("report " + inputs() + " --period " + week + " --lang " +
                                          lang + " --out " + file.string(),
                                      root_);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const std::string en = read_file(en_file);
    const std::string nl = read_file(nl_file);
    EXPECT_NE(nl.find("<html lang=\"nl\">"), std::string::npos);
    int weekly = 0;
    for (const auto& kpi : result.at("kpis")) {
      // KPI-10 is measured over the week itself.
      if (kpi.at("id") != "KPI-10") continue;
      EXPECT_EQ(kpi.at("window").at("from").get<std::string>().substr(0, 10), monday);
      for (const auto& o : kpi.at("objectives")) {
        ++weekly;
        ASSERT_FALSE(o.at("value").is_null()) << week << " " << o.at("id");
        const auto norm = contract::parse_norm(
            o.at("norm").at("op").get<std::string>() + " " +
                std::to_string(static_cast<int>(o.at("norm").at("value").get<double>())) + " ms",
            contract::Unit::kMs);
        ASSERT_TRUE(norm.value) << norm.error;
        const std::string value = report::value_text(
            contract::Unit::kMs, o.at("value").get<double>(), *norm.value, report::english());
        const std::string row_cells = "<td class=\"num\">" + escaped(value) +
                                      "</td>";  // the week's p95, as evaluate gives it
        EXPECT_NE(en.find(row_cells), std::string::npos) << week << " " << value;
        EXPECT_NE(
            en.find("<td class=\"num\">" +
                    report::count_text(o.at("count").get<std::int64_t>(), report::english()) +
                    "</td><td class=\"num\">" +
                    report::count_text(o.at("failing").get<std::int64_t>(), report::english()) +
                    "</td>"),
            std::string::npos)
            << week << " " << o.at("id");
      }
    }
    EXPECT_EQ(weekly, 2) << week;
    // Go-live: the sample's contract starts on 1 January and goes live in February, so in week 2
    // it is a forecast, and in week 10 onboarding is over.
    for (const auto& kpi : result.at("kpis")) {
      if (kpi.at("id") != "KPI-02") continue;
      const json& golive = kpi.at("objectives").at(0);
      ASSERT_EQ(golive.at("id"), "golive");
      if (week == "2026-W02") {
        ASSERT_EQ(golive.at("status"), "pending");
        const auto norm = contract::parse_norm("<= 6 weeks", contract::Unit::kWeeks);
        const std::string value =
            report::value_text(contract::Unit::kWeeks, golive.at("value").get<double>(),
                               *norm.value, report::english());
        EXPECT_NE(en.find("go-live is forecast " + escaped(value) + " after the contract start"),
                  std::string::npos)
            << en;
      } else {
        EXPECT_NE(en.find("onboarding is over; go-live was decided on"), std::string::npos);
        EXPECT_NE(nl.find("de onboarding is voorbij"), std::string::npos);
      }
    }
    // Every label of the view in the reader's language only.
    for (const auto& [id, en_label] : report::english().messages) {
      if (!id.starts_with("week.") || en_label.find('{') != std::string_view::npos) continue;
      const std::string_view nl_label = report::dutch().messages.at(id);
      EXPECT_EQ(nl.find(escaped(en_label)), std::string::npos) << id;
      EXPECT_EQ(en.find(escaped(nl_label)), std::string::npos) << id;
    }
  }
  // A workbook is made of a month or a quarter.
  const RunResult x = run_meetlat("report " + inputs() + " --period 2026-W10 --format xlsx --out " +
                                      (root_ / "w.xlsx").string(),
                                  root_);
  EXPECT_EQ(x.exit_code, 2);
  EXPECT_NE(x.err.find("the weekly view is HTML or PDF"), std::string::npos) << x.err;
  EXPECT_FALSE(fs::exists(root_ / "w.xlsx"));
}

}  // namespace
