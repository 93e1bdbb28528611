// `meetlat report --period M [--lang nl|en] [--format html|xlsx|pdf] --out FILE` (docs/reports.md):
// the monthly report of month M, or the quarterly review of a quarter, from the same
// inputs as `evaluate`, written atomically to FILE.
#include <chrono>
#include <iostream>
#include <map>
#include <optional>

#include "cli/agreed_periods.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/version.h"
#include "engine/engine.h"
#include "evaluate/weekly_kpis.h"
#include "io/atomic_write.h"
#include "report/quarterly_review.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "report/report_xlsx.h"
#include "report/result_json.h"
#include "report/weekly_view.h"
#include "time/parse.h"

namespace meetlat::cli {
namespace {

// The months the report's trend covers: the eleven before `month` and `month` itself, from the
// contract's first month at the earliest.
time::Period trend_start(const time::Period& month, time::Date contract_start) {
  const std::chrono::year_month_day ymd{month.first_day};
  const std::chrono::year_month first = ymd.year() / ymd.month() - std::chrono::months{11};
  const time::Date day{std::chrono::local_days{first / 1}};
  const time::Period start = time::period_containing(time::Cadence::kMonth, contract_start);
  const time::Period earliest = time::period_containing(time::Cadence::kMonth, day);
  return earliest < start && start <= month ? start : earliest;
}

// A report of a period closed as agreed is computed as of the close's as-of moment.
void take_agreed_as_of(EngineInputs& in, const store::Closing& closing) {
  const auto as_of = time::parse_timestamp(closing.as_of, in.zone, nullptr);
  if (as_of) in.as_of = as_of->at;
}

// For a period closed as agreed: the report shows `recomputed`, the evaluation as of the agreed
// moment, so it is made only when that gives the agreed result; nullopt after saying why not.
std::optional<report::Agreement> agreement_of(const EngineInputs& in, const store::Closing& closing,
                                              const evaluate::Evaluation& recomputed,
                                              const contract::Versions& versions) {
  const auto differences =
      result_differences(closing.result_json, report::to_json(recomputed, versions, in.zone));
  if (!differences.empty()) {
    std::cerr << "report: " << closing.period << " was closed as agreed on " << closing.at
              << ", and a recomputation from the evidence and contract now differs from the "
                 "agreed result:\n";
    for (const auto& d : differences) std::cerr << "  " << d << '\n';
    std::cerr << "report: a report must show the agreed figures; reopen " << closing.period
              << " (meetlat reopen) to report the figures of now\n";
    return std::nullopt;
  }
  const auto at = time::parse_timestamp(closing.at, in.zone, nullptr);
  return report::Agreement{at ? in.zone.date_of(at->at) : time::Date{}, closing.actor, in.as_of};
}

// agreement_of an evaluation of `period` as of the close (which `in` is left as of).
std::optional<report::Agreement> agreement(EngineInputs& in, const store::Closing& closing,
                                           const time::Period& period) {
  take_agreed_as_of(in, closing);
  const auto outcome = engine::evaluate_period(in.setting(), in.evidence(), period);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) {
    report_refusal(*refused);
    return std::nullopt;
  }
  const auto& [loaded, result] = std::get<0>(outcome);
  return agreement_of(in, closing, result, *loaded.versions);
}

std::string now_text(const time::Zone& zone) {
  return zone.format(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// `html` to --out as it is, or printed to PDF with --format pdf; `what` names the document in the
// message when the printer is missing.
int write_html_or_pdf(const ReportArgs& args, const std::string& html, std::string_view what) {
  if (args.format != "pdf") {
    io::write_file_atomically(args.out, html);
    return kExitOk;
  }
  try {
    io::write_file_atomically(args.out, report::print_pdf(html));
  } catch (const report::PrinterMissing& e) {
    std::cerr << "report: --format pdf: " << e.what() << "; --format html writes the same " << what
              << " for a browser to print\n";
    return kExitBadInput;
  }
  return kExitOk;
}

int write_document(const ReportArgs& args, const report::MonthlyReport& r) {
  if (args.format == "xlsx") {
    io::write_file_atomically(args.out, report::monthly_xlsx(r));
    return kExitOk;
  }
  return write_html_or_pdf(args, report::monthly_html(r), "report");
}

// What a report or review shows of an evaluation of months, in the language asked; it points
// into `in`, `loaded` and `history`.
report::MonthlyReport document(const ReportArgs& args, const EngineInputs& in,
                               const engine::Loaded& loaded, const evaluate::History& history) {
  report::MonthlyReport r;
  r.history = &history;
  r.versions = loaded.versions.get();
  r.zone = &in.zone;
  r.words = args.lang == "en" ? &report::english() : &report::dutch();
  r.evidence = &loaded.evidence;
  r.warnings = loaded.warnings;
  r.generated_at = now_text(in.zone);
  r.version = version_line();
  return r;
}

// The history of `quarter`'s months within `since_start` (which ends with the quarter), with the
// contract years they touch.
evaluate::History quarter_of(const evaluate::History& since_start, const time::Period& quarter) {
  evaluate::History h = since_start;
  std::erase_if(h.months, [&quarter](const evaluate::HistoryMonth& m) {
    return m.month.first_day < quarter.first_day;
  });
  std::erase_if(h.years, [&h](const evaluate::YearFinance& y) {
    return y.period.end_day <= h.months.front().month.first_day;
  });
  h.from_name = h.months.front().name;
  return h;
}

// The quarter's months closed as agreed into `since_start`: each is checked as the monthly
// report checks it (a recomputation as of its close gives the agreed result) and its figures are
// replaced by those as of its close. Its agreement by month name; nullopt after saying why a
// month cannot be shown as agreed.
std::optional<std::map<std::string, report::Agreement, std::less<>>> agreed_months(
    EngineInputs& in, const time::Period& quarter, evaluate::History& since_start) {
  const time::Instant as_of = in.as_of;
  std::map<std::string, report::Agreement, std::less<>> out;
  for (evaluate::HistoryMonth& month : since_start.months) {
    if (month.month.first_day < quarter.first_day) continue;
    const auto closing = agreed(in, month.month);
    if (!closing) continue;
    // As of the close, then as of the review again.
    take_agreed_as_of(in, *closing);
    const time::Period first = since_start.months.front().month;
    const auto outcome =
        engine::evaluate_months_and_last(in.setting(), in.evidence(), first, month.month);
    if (const auto* refused = std::get_if<engine::Refused>(&outcome)) {
      in.as_of = as_of;
      report_refusal(*refused);
      return std::nullopt;
    }
    const auto& [loaded, then] = std::get<0>(outcome);
    const auto agreement_then = agreement_of(in, *closing, then.last, *loaded.versions);
    in.as_of = as_of;
    if (!agreement_then) return std::nullopt;
    out[month.name] = *agreement_then;
    month = then.history.months.back();
  }
  return out;
}

// The quarter closed as a whole into `since_start`: checked as an agreed month is (a
// recomputation as of its close gives the agreed result), and the KPIs its last month shows over
// the quarter itself (a quarterly KPI's) replaced by those as of its close. nullopt in `out` when
// it was not closed as a whole; false after saying why it cannot be shown as agreed.
bool agreed_quarter(EngineInputs& in, const time::Period& quarter, evaluate::History& since_start,
                    std::optional<report::Agreement>& out) {
  const auto closing = agreed(in, quarter);
  if (!closing) return true;
  const time::Instant as_of = in.as_of;
  const auto agreement_then = agreement(in, *closing, quarter);
  if (!agreement_then) return false;
  const auto outcome =
      engine::evaluate_months(in.setting(), in.evidence(), since_start.months.front().month,
                              since_start.months.back().month);
  in.as_of = as_of;
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) {
    report_refusal(*refused);
    return false;
  }
  const evaluate::HistoryMonth& then = std::get<0>(outcome).result.months.back();
  for (evaluate::HistoryKpi& k : since_start.months.back().kpis) {
    if (k.period != quarter) continue;
    for (const evaluate::HistoryKpi& agreed_kpi : then.kpis) {
      if (agreed_kpi.kpi_id == k.kpi_id && agreed_kpi.period == quarter) k = agreed_kpi;
    }
  }
  out = *agreement_then;
  return true;
}

// The quarterly review of `quarter` (docs/reports.md): the history of its three months, as
// agreed for those closed in the workspace (and its quarterly KPIs as agreed when the quarter was
// closed as a whole), from the history since the contract's first month (its trends and CO2
// trajectory), with the days the workspace's action register says actions were done.
int run_quarter(const ReportArgs& args, const time::Period& quarter) {
  EngineInputs in;
  if (const int code = read_engine_inputs(args.inputs, in); code != kExitOk) return code;
  const time::Period first = time::period_containing(time::Cadence::kMonth, quarter.first_day);
  const time::Period last =
      time::period_containing(time::Cadence::kMonth, quarter.end_day - std::chrono::days{1});
  const time::Period start = time::period_containing(time::Cadence::kMonth, in.contract.start);
  auto outcome =
      engine::evaluate_months(in.setting(), in.evidence(), start < first ? start : first, last);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) return report_refusal(*refused);
  auto& [loaded, since_start] = std::get<0>(outcome);
  auto agreements = agreed_months(in, quarter, since_start);
  if (!agreements) return kExitBadInput;
  std::optional<report::Agreement> quarter_agreed;
  if (!agreed_quarter(in, quarter, since_start, quarter_agreed)) return kExitBadInput;
  const evaluate::History history = quarter_of(since_start, quarter);
  report::MonthlyReport r = document(args, in, loaded, history);
  report::QuarterlyReview review;
  review.report = &r;
  review.since_start = &since_start;
  review.agreed = std::move(*agreements);
  review.quarter_name = time::period_name(quarter);
  review.quarter_agreed = quarter_agreed;
  for (const store::RegisteredAction& a : in.registered_actions) {
    if (a.status == "done") review.done_on[a.id] = a.done_on;
  }
  if (args.format == "xlsx") {
    io::write_file_atomically(args.out, report::quarterly_xlsx(review));
    return kExitOk;
  }
  const std::string html = report::quarterly_html(review);
  return write_html_or_pdf(args, html, "review");
}

// The weekly view of an ISO week (docs/reports.md): the KPIs measured per week and the go-live
// forecast, from one evaluation of the week; HTML or PDF.
int run_week(const ReportArgs& args, const time::Period& week) {
  if (args.format == "xlsx") {
    std::cerr << "report: --period " << args.period
              << ": the weekly view is HTML or PDF; a workbook is made of a month (2026-10) or a "
                 "quarter (2026-Q4)\n";
    return kExitUsage;
  }
  EngineInputs in;
  if (const int code = read_engine_inputs(args.inputs, in); code != kExitOk) return code;
  const auto outcome = engine::evaluate_period(in.setting(), in.evidence(), week);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) return report_refusal(*refused);
  const auto& [loaded, result] = std::get<0>(outcome);
  report::WeeklyView view;
  view.week = &result;
  view.versions = loaded.versions.get();
  view.zone = &in.zone;
  view.words = args.lang == "en" ? &report::english() : &report::dutch();
  view.generated_at = now_text(in.zone);
  view.version = version_line();
  const std::string html = report::weekly_html(view);
  return write_html_or_pdf(args, html, "view");
}

int run(const ReportArgs& args) {
  const auto period = period_option("--period", args.period);
  if (!period) return kExitUsage;
  if (period->cadence == time::Cadence::kQuarter) return run_quarter(args, *period);
  if (period->cadence == time::Cadence::kWeek) return run_week(args, *period);
  if (period->cadence != time::Cadence::kMonth) {
    std::cerr << "report: --period " << args.period
              << ": give a month (2026-10) for the monthly report, a quarter (2026-Q4) for the "
                 "quarterly review or an ISO week (2026-W43) for the weekly view\n";
    return kExitUsage;
  }
  EngineInputs in;
  if (const int code = read_engine_inputs(args.inputs, in); code != kExitOk) return code;
  const time::Period from = trend_start(*period, in.contract.start);
  // The KPIs measured per week over the ISO weeks of the month too, for their chart per week.
  const std::vector<time::Period> weeks = evaluate::weeks_overlapping(*period);
  const auto closing = agreed(in, *period);
  if (!closing) {
    const auto outcome = engine::evaluate_months(in.setting(), in.evidence(), from, *period, weeks);
    if (const auto* refused = std::get_if<engine::Refused>(&outcome)) {
      return report_refusal(*refused);
    }
    const auto& [loaded, history] = std::get<0>(outcome);
    return write_document(args, document(args, in, loaded, history));
  }
  // Closed as agreed: the months as of the close, from the same reading of the evidence as the
  // recomputation of the month checked against the agreed result.
  take_agreed_as_of(in, *closing);
  const auto outcome =
      engine::evaluate_months_and_last(in.setting(), in.evidence(), from, *period, weeks);
  if (const auto* refused = std::get_if<engine::Refused>(&outcome)) return report_refusal(*refused);
  const auto& [loaded, both] = std::get<0>(outcome);
  const auto agreed_on = agreement_of(in, *closing, both.last, *loaded.versions);
  if (!agreed_on) return kExitBadInput;
  report::MonthlyReport r = document(args, in, loaded, both.history);
  r.agreed = agreed_on;
  return write_document(args, r);
}

}  // namespace

int run_report(const ReportArgs& args) {
  return run_reporting_errors("report", [&] { return run(args); });
}

}  // namespace meetlat::cli
