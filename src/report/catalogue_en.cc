// English.
#include "report/catalogue.h"

namespace meetlat::report {
namespace {

std::string ordinal(std::int64_t n) {
  const std::int64_t tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return std::to_string(n) + suffix;
}

}  // namespace

const Catalogue& english() {
  static const Catalogue catalogue{
      "en",
      {
          {"reason.breached", "{subject} breached {this_period}"},
          {"reason.breached_streak", "{subject} breached for the {nth} consecutive {period}"},
          {"reason.breached_within", "{subject} breached for the {nth} time within {window}"},
          {"reason.misses_within",
           "{subject}: {count} misses within {window} ({misses} {this_period})"},
          {"reason.deviation_relative",
           "{subject} misses its norm by {miss}% (more than {amount}%)"},
          {"reason.deviation_points",
           "{subject} misses its norm by {miss} percentage points (more than {amount})"},
          {"reason.met_streak", "{subject} met for the {nth} consecutive {period}"},
          {"reason.condition", "{reason} ({condition})"},
          {"window.months", "{months} months"},
          {"window.contract_year", "the contract year"},
          {"money.charge", "{because} → {kind} {pct}% of {fee} = {amount}"},
          {"money.malus_total", "malus total {pct}% of {fee} = {amount}"},
          {"money.month_cap", "monthly cap {pct}% of {fee} = {amount}: malus {before} → {amount}"},
          {"money.year_cap",
           "contract year {year} cap: {pct}% of 12 × {fee} = {cap}; charged earlier this contract "
           "year {earlier}, left {amount}: malus {before} → {amount}"},
          {"money.net", "net: bonus {bonus} − malus {malus} = {amount}"},
          {"money.example_values", "note: example values (fee or percentages), not yet agreed"},
          {"month.1", "January"},
          {"month.2", "February"},
          {"month.3", "March"},
          {"month.4", "April"},
          {"month.5", "May"},
          {"month.6", "June"},
          {"month.7", "July"},
          {"month.8", "August"},
          {"month.9", "September"},
          {"month.10", "October"},
          {"month.11", "November"},
          {"month.12", "December"},
          {"month_short.1", "Jan"},
          {"month_short.2", "Feb"},
          {"month_short.3", "Mar"},
          {"month_short.4", "Apr"},
          {"month_short.5", "May"},
          {"month_short.6", "Jun"},
          {"month_short.7", "Jul"},
          {"month_short.8", "Aug"},
          {"month_short.9", "Sep"},
          {"month_short.10", "Oct"},
          {"month_short.11", "Nov"},
          {"month_short.12", "Dec"},
          {"status.met", "met"},
          {"status.breached", "breached"},
          {"status.pending", "pending"},
          {"status.no_data", "no data"},
          {"owner.client", "client"},
          {"owner.supplier", "supplier"},
          {"action.open", "open"},
          {"action.overdue", "overdue"},
          {"unit.days", "days"},
          {"unit.weeks", "weeks"},
          {"unit.ms", "ms"},
          {"report.monthly_title", "Monthly service level report"},
          {"report.document_title", "{contract}: service level report {period}"},
          {"report.client", "Client"},
          {"report.supplier", "Supplier"},
          {"report.period", "Period"},
          {"report.as_of", "Figures as of"},
          {"report.state", "State"},
          {"report.provisional", "provisional: not yet agreed in the service level meeting"},
          {"report.agreed", "agreed on {date} by {actor}"},
          {"report.example_mark",
           "Example values: the fee or percentages in this report are not yet agreed"},
          {"report.contents", "Contents"},
          {"report.scorecard", "Scorecard"},
          {"report.scorecard_caption",
           "Every KPI of the contract: status per objective, value against norm, items and the "
           "last twelve months"},
          {"report.col.kpi", "KPI"},
          {"report.col.objective", "Objective"},
          {"report.col.title", "Title"},
          {"report.col.requirement", "Requirement"},
          {"report.col.final", "Final"},
          {"report.col.norm_value", "Norm value"},
          {"report.col.exempted", "Exempted"},
          {"report.col.record", "Record"},
          {"report.col.kind", "Kind"},
          {"report.col.id", "Id"},
          {"report.col.created", "Created"},
          {"report.col.malus_pct", "Malus %"},
          {"report.col.contract_year", "Contract year"},
          {"report.col.malus_uncapped", "Malus before the caps"},
          {"report.col.explanation", "Explanation"},
          {"report.col.unit", "Unit"},
          {"report.col.window", "Measured over"},
          {"report.col.status", "Status"},
          {"report.col.value", "Value"},
          {"report.col.norm", "Norm"},
          {"report.col.items", "Items"},
          {"report.col.failing", "Failing"},
          {"report.col.pending_items", "Still open"},
          {"report.col.trend", "12-month trend"},
          {"report.to_date", "to date"},
          {"report.trend_alt", "{objective}, month by month: {months}"},
          {"report.no_value", "no value"},
          {"report.escalations", "Escalations"},
          {"report.no_escalations", "No ladder step fired this month."},
          {"report.col.step", "Step"},
          {"report.col.owner", "Owner"},
          {"report.col.deadline", "Deadline"},
          {"report.col.because", "Because"},
          {"report.col.action_status", "Action"},
          {"report.money", "Bonus and malus"},
          {"report.col.month", "This month"},
          {"report.col.year", "Contract year {year} to date"},
          {"report.row.fee", "Monthly fee"},
          {"report.row.malus", "Malus"},
          {"report.row.bonus", "Bonus"},
          {"report.row.net", "Net (negative: deducted from the fee)"},
          {"report.row.cap", "Malus cap"},
          {"report.capped", "capped"},
          {"report.explanation", "How the money was computed"},
          {"report.no_money", "No bonus or malus this month."},
          {"report.kpis", "The KPIs one by one"},
          {"report.requirement", "Requirement {requirement}"},
          {"report.chart_title", "{objective}: value per month against the norm {norm}"},
          {"report.chart_desc", "{points}"},
          {"report.reason_no_data", "Why no data"},
          {"report.exempted_count", "{count} records exempted"},
          {"report.volume_rule",
           "{items} items, fewer than the minimum of {min}: decided by at most {max} failing"},
          {"report.volume_rule_no_data", "{items} items, fewer than the minimum of {min}: no data"},
          {"report.evidence", "Evidence appendix"},
          {"report.evidence_intro",
           "Every failing and exempted record by its id, per KPI and objective."},
          {"report.failing_ids", "Failing records"},
          {"report.exempted_ids", "Exempted records"},
          {"report.none", "none"},
          {"report.data_quality", "Data quality"},
          {"report.no_warnings",
           "No warnings: every evidence row was read and no finding needs attention."},
          {"report.warnings_intro",
           "What the evidence and the evaluation reported (in the engine's words):"},
          {"report.generated", "Generated {when} by {version}."},
          {"report.yes", "yes"},
          {"report.no", "no"},
          {"report.col.record_facts", "The record as read from the evidence"},
          {"report.norm", "norm"},
      },
      {"week", "month", "quarter", "half-year", "year", "contract year"},
      {"this week", "this month", "this quarter", "this half-year", "this year",
       "this contract year"},
      &ordinal,
      '.',
      ',',
      "",
      &contract::Text::en,
  };
  return catalogue;
}

}  // namespace meetlat::report
