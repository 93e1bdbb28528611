#include "report/quarterly_review.h"

#include <algorithm>
#include <chrono>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "report/contract_words.h"
#include "report/html_text.h"
#include "report/locale_text.h"
#include "report/report_html_parts.h"
#include "report/svg_chart.h"
#include "report/trajectory_chart.h"
#include "report/wording.h"
#include "time/parse.h"
#include "time/period.h"

namespace meetlat::report {
namespace {

using evaluate::Action;
using evaluate::HistoryKpi;
using evaluate::HistoryMonth;
using evaluate::ObjectiveResult;
using html::label;
using measure::Status;
using Values = std::vector<std::pair<std::string_view, std::string>>;

std::string say(const MonthlyReport& r, std::string_view id, const Values& values) {
  return html_escaped(r.words->say(id, values));
}

std::string section_start(const MonthlyReport& r, std::string_view id, std::string_view key) {
  const std::string anchor(id);
  return "<section aria-labelledby=\"" + anchor + "\"><h2 id=\"" + anchor + "\">" + label(r, key) +
         "</h2>\n";
}

std::string quarter_text(const MonthlyReport& r) {
  const auto& months = r.history->months;
  return r.words->say("quarter.period",
                      {{"from", month_text(months.front().month.first_day, *r.words)},
                       {"to", month_text(months.back().month.first_day, *r.words)}});
}

const HistoryKpi* find_kpi(const HistoryMonth& m, std::string_view id) {
  for (const auto& k : m.kpis) {
    if (k.kpi_id == id) return &k;
  }
  return nullptr;
}

const ObjectiveResult* find_objective(const HistoryKpi& k, std::string_view id) {
  for (const auto& o : k.objectives) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

// A KPI's period shows in the month it ends, or in the quarter's last month when it ends later.
bool shown(const HistoryKpi& k, const HistoryMonth& m, bool last) {
  return last || k.period.end_day <= m.month.end_day;
}

// "2026-Q4", "contract year 1": the KPI's own period.
std::string window_text(const MonthlyReport& r, const HistoryKpi& k) {
  const std::string name = time::period_name(k.period, r.versions->contract().start);
  if (k.period.cadence == time::Cadence::kContractYear) {  // "CY1 (2026-01-01/2027-01-01)"
    return r.words->say("table.contract_year_short",
                        {{"year", name.substr(2, name.find(' ') - 2)}});
  }
  return name.substr(0, name.find(' '));
}

std::string objective_name(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o) {
  return html_escaped(objective_title(*r.versions, k.contract_version, k.kpi_id, o.id, *r.words));
}

// "{objective}, {window}: {value} against {norm} ({status})" for a section's objective.
std::string objective_line(const MonthlyReport& r, std::string_view key, const HistoryKpi& k,
                           const ObjectiveResult& o, Values extra) {
  const Catalogue& w = *r.words;
  std::string status = status_word(o.status, w);
  if (!k.final) status += ", " + w.say("report.to_date", {});
  extra.insert(
      extra.end(),
      {{"objective",
        k.kpi_id + " " + objective_title(*r.versions, k.contract_version, k.kpi_id, o.id, w)},
       {"window", window_text(r, k)},
       {"value", o.value ? value_text(o.unit, *o.value, o.norm, w) : w.say("report.no_value", {})},
       {"norm", norm_text(o.norm, w)},
       {"status", status}});
  return say(r, key, extra);
}

// The objectives of the quarter's last month for which `pick` holds, with their KPI.
template <typename Pick>
std::vector<std::pair<const HistoryKpi*, const ObjectiveResult*>> objectives_where(
    const MonthlyReport& r, Pick pick) {
  std::vector<std::pair<const HistoryKpi*, const ObjectiveResult*>> out;
  for (const auto& k : r.month().kpis) {
    const contract::Kpi& kpi = html::kpi_of(r, k);
    for (const auto& objective : kpi.objectives) {
      const ObjectiveResult* o = find_objective(k, objective.id);
      if (o != nullptr && pick(kpi, objective)) out.emplace_back(&k, o);
    }
  }
  return out;
}

bool kaizen(const contract::Kpi& kpi, const contract::Objective& o) {
  return kpi.cadence == contract::Cadence::kContractYear &&
         std::holds_alternative<contract::CountMeasure>(o.measure);
}

bool co2(const contract::Kpi& /*kpi*/, const contract::Objective& o) {
  return o.norm_is_trajectory && std::holds_alternative<contract::TrajectoryMeasure>(o.measure);
}

bool exit_milestone(const contract::Objective& o) {
  const auto* m = std::get_if<contract::MilestoneMeasure>(&o.measure);
  return m != nullptr && m->milestone.rfind("exit", 0) == 0;
}

// Every objective of a KPI that holds an exit milestone.
bool exit_readiness(const contract::Kpi& kpi, const contract::Objective& /*o*/) {
  return std::any_of(kpi.objectives.begin(), kpi.objectives.end(), exit_milestone);
}

// The trajectory measure of a reduction path's objective; nullptr for another objective.
const contract::TrajectoryMeasure* trajectory_of(const MonthlyReport& r, const HistoryKpi& k,
                                                 const ObjectiveResult& o) {
  for (const auto& objective : html::kpi_of(r, k).objectives) {
    const auto* m = std::get_if<contract::TrajectoryMeasure>(&objective.measure);
    if (objective.id == o.id && m != nullptr) return m;
  }
  return nullptr;
}

int over_months(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o) {
  const contract::TrajectoryMeasure* m = trajectory_of(r, k, o);
  return m == nullptr ? 0 : m->over_months;
}

// The lines of a section on chosen objectives, or that they are not measured and why.
template <typename Pick, typename Line>
std::vector<std::string> lines_of(const MonthlyReport& r, Pick pick, std::string_view none_key,
                                  Line line) {
  std::vector<std::string> out;
  for (const auto& [k, o] : objectives_where(r, pick)) out.push_back(line(*k, *o));
  if (out.empty()) {
    out.push_back(say(r, "quarter.not_measured", {{"reason", r.words->say(none_key, {})}}));
  }
  return out;
}

std::vector<std::string> kaizen_lines(const MonthlyReport& r) {
  return lines_of(r, kaizen, "quarter.kaizen_none",
                  [&r](const HistoryKpi& k, const ObjectiveResult& o) {
                    return objective_line(r, "quarter.kaizen_line", k, o, {});
                  });
}

std::vector<std::string> co2_lines(const MonthlyReport& r) {
  return lines_of(r, co2, "quarter.co2_none", [&r](const HistoryKpi& k, const ObjectiveResult& o) {
    return objective_line(r, "quarter.co2_line", k, o,
                          {{"months", std::to_string(over_months(r, k, o))}});
  });
}

std::vector<std::string> exit_lines(const MonthlyReport& r) {
  return lines_of(r, exit_readiness, "quarter.exit_none",
                  [&r](const HistoryKpi& k, const ObjectiveResult& o) {
                    return objective_line(r, "quarter.exit_line", k, o, {});
                  });
}

// "okt" for the month of `m`.
std::string month_short(const MonthlyReport& r, const HistoryMonth& m) {
  const std::chrono::year_month_day ymd{m.month.first_day};
  return r.words->say("month_short." + std::to_string(static_cast<unsigned>(ymd.month())), {});
}

// The axis range and its labels for the chart's points and norm.
void fit_axis(const MonthlyReport& r, contract::Unit unit, LineChart& c) {
  std::tie(c.low, c.high) = chart_range(c.points, c.norm);
  c.low_label = html::axis_text(unit, c.low, *r.words);
  c.high_label = html::axis_text(unit, c.high, *r.words);
}

// The months from the contract's first through the quarter's last.
const std::vector<HistoryMonth>& months_since_start(const QuarterlyReview& q) {
  return (q.since_start != nullptr ? q.since_start : q.report->history)->months;
}

// Whether the objective is measured in each month of the quarter, each month with its own value.
bool measured_every_month(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o) {
  return std::all_of(r.history->months.begin(), r.history->months.end(), [&](const auto& month) {
    const HistoryKpi* m = find_kpi(month, k.kpi_id);
    return m != nullptr && find_objective(*m, o.id) != nullptr && shown(*m, month, false);
  });
}

// The months a trend shows: the twelve up to the quarter's end, as the monthly report's.
constexpr std::size_t kTrendMonths = 12;

// An objective measured in every month of the quarter (its period ends in each, so each month has
// its own value) as a line chart of the twelve months up to the quarter's end (from the
// contract's first month at the earliest; a month whose contract version does not hold the
// objective is left out) against its norm, in a figure named by the objective; "" for an
// objective measured over a longer period (one value in the quarter, which the table shows) and
// for a reduction path (the CO2 section has its chart).
std::string trend_chart(const QuarterlyReview& q, const HistoryKpi& k, const ObjectiveResult& o) {
  const MonthlyReport& r = *q.report;
  const Catalogue& w = *r.words;
  for (const auto& objective : html::kpi_of(r, k).objectives) {
    if (objective.id == o.id && objective.norm_is_trajectory) return {};
  }
  if (!measured_every_month(r, k, o)) return {};
  const auto& months = months_since_start(q);
  LineChart c;
  for (std::size_t i = months.size() - std::min(months.size(), kTrendMonths); i < months.size();
       ++i) {
    const HistoryMonth& month = months[i];
    const HistoryKpi* m = find_kpi(month, k.kpi_id);
    const ObjectiveResult* mo = m == nullptr ? nullptr : find_objective(*m, o.id);
    if (mo == nullptr || !shown(*m, month, false)) continue;
    ChartPoint point;
    point.label = month_short(r, month);
    point.status = mo->status;
    if (mo->value) point.value = shown_unit_value(o.unit, *mo->value);
    if (!c.description.empty()) c.description += "; ";
    c.description +=
        month_text(month.month.first_day, w) + ": " +
        (mo->value ? value_text(mo->unit, *mo->value, mo->norm, w) : w.say("report.no_value", {})) +
        ", " + status_word(mo->status, w);
    c.points.push_back(point);
  }
  const std::string name =
      k.kpi_id + " " + objective_title(*r.versions, k.contract_version, k.kpi_id, o.id, w);
  const std::string norm = norm_text(o.norm, w);
  c.id = "q-chart-" + html::anchor(k.kpi_id) + "-" + html::anchor(o.id);
  c.title = w.say("report.chart_title", {{"objective", name}, {"norm", norm}});
  c.norm = shown_unit_value(o.unit, o.norm.threshold.to_double());
  c.norm_label = w.say("report.norm", {}) + " " + norm;
  fit_axis(r, o.unit, c);
  return "<figure><figcaption>" + html_escaped(name) + "</figcaption>" + line_chart_svg(c) +
         "</figure>\n";
}

// The review's months of a trend: the twelve up to the quarter's end, from the contract's first
// month at the earliest.
std::span<const HistoryMonth> trend_months(const QuarterlyReview& q) {
  const std::span<const HistoryMonth> months = months_since_start(q);
  return months.last(std::min(months.size(), kTrendMonths));
}

// The KPI's trend charts: one chart per group of objectives the monthly report draws together
// (html::series_groups: KPI-01's priorities) whose objectives are measured in every month of the
// quarter, the same priority chart over the review's months; a trend chart (trend_chart) for
// every other objective.
std::string kpi_trend_charts(const QuarterlyReview& q, const HistoryKpi& k) {
  const MonthlyReport& r = *q.report;
  std::string charts;
  std::vector<std::string> grouped;  // the ids of the objectives a priority chart shows
  for (const auto& group : html::series_groups(k, html::kpi_of(r, k))) {
    if (!std::all_of(group.begin(), group.end(),
                     [&](const auto* o) { return measured_every_month(r, k, *o); })) {
      continue;
    }
    charts += html::priority_chart(r, k, group, trend_months(q), "q-chart-");
    for (const auto* o : group) grouped.push_back(o->id);
  }
  for (const auto& o : k.objectives) {
    if (std::find(grouped.begin(), grouped.end(), o.id) == grouped.end()) {
      charts += trend_chart(q, k, o);
    }
  }
  return charts;
}

std::string trend_charts(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  std::string charts;
  for (const auto& k : r.month().kpis) charts += kpi_trend_charts(q, k);
  if (charts.empty()) return {};
  return "<h3 id=\"trends\">" + label(r, "quarter.trends") + "</h3>\n<p>" +
         label(r, "quarter.trends_intro") + "</p>\n" + charts;
}

// A reduction path's objective as a chart of the path the contract sets over its months from the
// contract start and, at the month each period since the start ends (a quarterly KPI's
// quarters), the period's reduction, the quarter's the last; its text alternative gives the path
// and each period's value against the path's norm for it, as the engine computed them.
std::string co2_chart(const QuarterlyReview& q, const HistoryKpi& k, const ObjectiveResult& o) {
  const MonthlyReport& r = *q.report;
  const Catalogue& w = *r.words;
  const contract::TrajectoryMeasure* measure = trajectory_of(r, k, o);
  if (measure == nullptr || measure->over_months <= 0) return {};
  const auto& months = months_since_start(q);
  const time::Date start = r.versions->contract().start;
  TrajectoryChart c;
  c.over_months = measure->over_months;
  c.final_reduction = shown_unit_value(o.unit, measure->reduction.to_double());
  const std::string target = value_text(o.unit, measure->reduction.to_double(), o.norm, w);
  const std::string path_months = std::to_string(measure->over_months);
  std::string points;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const HistoryKpi* m = find_kpi(months[i], k.kpi_id);
    const ObjectiveResult* mo = m == nullptr ? nullptr : find_objective(*m, o.id);
    if (mo == nullptr || !shown(*m, months[i], i + 1 == months.size())) continue;
    TrajectoryPoint point;
    point.months = std::max(0, time::months_between(start, m->period.end_day));
    point.label = window_text(r, *m);
    point.status = mo->status;
    if (mo->value) point.value = shown_unit_value(o.unit, *mo->value);
    std::string status = status_word(mo->status, w);
    if (!m->final) status += ", " + w.say("report.to_date", {});
    if (!points.empty()) points += "; ";
    points += w.say("quarter.co2_point",
                    {{"window", point.label},
                     {"months", std::to_string(point.months)},
                     {"value", mo->value ? value_text(mo->unit, *mo->value, mo->norm, w)
                                         : w.say("report.no_value", {})},
                     {"norm", norm_text(mo->norm, w)},
                     {"status", status}});
    c.axis_months = std::max(c.axis_months, point.months);
    c.points.push_back(point);
  }
  if (c.points.empty()) return {};
  c.axis_months = std::max(c.axis_months, c.over_months);
  c.axis_months = (c.axis_months + 11) / 12 * 12;
  for (int month = 0; month <= c.axis_months; month += 12) {
    c.month_ticks.push_back(w.say("quarter.co2_month", {{"months", std::to_string(month)}}));
  }
  const std::string name =
      k.kpi_id + " " + objective_title(*r.versions, k.contract_version, k.kpi_id, o.id, w);
  c.id = "co2-chart-" + html::anchor(k.kpi_id) + "-" + html::anchor(o.id);
  c.title =
      w.say("quarter.co2_chart_title",
            {{"objective", name}, {"window", c.points.back().label}, {"months", path_months}});
  c.description =
      w.say("quarter.co2_path", {{"target", target}, {"months", path_months}}) + ". " + points;
  c.path_label = w.say("quarter.co2_path_label", {{"target", target}});
  std::tie(c.low, c.high) = trajectory_range(c);
  c.low_label = html::axis_text(o.unit, c.low, w);
  c.high_label = html::axis_text(o.unit, c.high, w);
  return trajectory_chart_svg(c) + "\n";
}

std::string co2_charts(const QuarterlyReview& q) {
  std::string out;
  for (const auto& [k, o] : objectives_where(*q.report, co2)) out += co2_chart(q, *k, *o);
  return out;
}

std::string paragraphs(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "<p>" + line + "</p>\n";
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "<br>") + line;
  return out;
}

bool in_quarter(const MonthlyReport& r, const Action& a) {
  const auto& months = r.history->months;
  return months.front().month.first_day <= a.period.first_day &&
         a.period.first_day < months.back().month.end_day;
}

// "done on 20 November 2026", "overdue", "open".
std::string action_state(const QuarterlyReview& q, const Action& a) {
  const MonthlyReport& r = *q.report;
  const auto done = q.done_on.find(a.id);
  if (done != q.done_on.end()) {
    const auto day = time::parse_date(done->second, nullptr);
    return say(r, "quarter.done_on", {{"date", day ? date_text(*day, *r.words) : done->second}});
  }
  return label(r, a.status == "overdue" ? "action.overdue" : "action.open");
}

// The last day of the action's deadline (a deadline is 24:00 of its last day); "" without one.
std::string deadline_day(const MonthlyReport& r, const Action& a) {
  if (!a.deadline) return "";
  return date_text(r.zone->date_of(*a.deadline - time::Micros{1}), *r.words);
}

std::string deadline_text(const MonthlyReport& r, const Action& a) {
  return a.deadline ? html_escaped(deadline_day(r, a)) : "–";
}

std::string step_label(const MonthlyReport& r, const Action& a) {
  return html::contract_text(r, r.versions->step(a.contract_version, a.kpi_id, a.action).label);
}

std::string header_row(const MonthlyReport& r, std::initializer_list<std::string_view> keys) {
  std::string out = "<thead><tr>";
  for (const auto key : keys) out += "<th scope=\"col\">" + label(r, key) + "</th>";
  return out + "</tr></thead>\n";
}

// "agreed on {date} by {actor}; the figures as of {as_of}, as agreed", or provisional.
std::string state_text(const MonthlyReport& r, const Agreement* agreed) {
  const Catalogue& w = *r.words;
  if (agreed == nullptr) return w.say("report.provisional", {});
  return w.say("quarter.agreed", {{"date", date_text(agreed->date, w)},
                                  {"actor", agreed->actor},
                                  {"as_of", instant_text(agreed->as_of, *r.zone, w)}});
}

// Per month of the quarter: agreed on which day by whom, or provisional; then the quarter's
// state when it was closed as a whole.
std::string month_states(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  const Catalogue& w = *r.words;
  std::vector<std::string> lines;
  for (const auto& m : r.history->months) {
    const auto agreed = q.agreed.find(m.name);
    lines.push_back(
        say(r, "quarter.month_state",
            {{"month", month_text(m.month.first_day, w)},
             {"state", state_text(r, agreed == q.agreed.end() ? nullptr : &agreed->second)}}));
  }
  if (q.quarter_agreed) {
    lines.push_back(
        say(r, "quarter.whole_state",
            {{"quarter", q.quarter_name}, {"state", state_text(r, &*q.quarter_agreed)}}));
  }
  return joined(lines);
}

std::string header(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  const contract::Contract& c = r.contract();
  std::string out = "<header>\n<h1>" + label(r, "quarter.title") + ": " +
                    html::contract_text(r, c.name) + "</h1>\n" + html::facts_start(r, c);
  out += "<dt>" + label(r, "report.period") + "</dt><dd>" + html_escaped(quarter_text(r)) + "</dd>";
  out += "<dt>" + label(r, "report.as_of") + "</dt><dd>" +
         html_escaped(instant_text(r.history->as_of, *r.zone, *r.words)) + "</dd>";
  out += "<dt>" + label(r, "report.state") + "</dt><dd>" + month_states(q) + "</dd></dl>\n";
  if (r.history->example_money) {
    out += "<p class=\"mark\" role=\"note\">" + label(r, "report.example_mark") + "</p>\n";
  }
  return out + "</header>\n";
}

std::string status_counts(const MonthlyReport& r) {
  std::string out;
  for (const Status s : {Status::kMet, Status::kBreached, Status::kPending, Status::kNoData}) {
    const auto n = std::count_if(r.month().kpis.begin(), r.month().kpis.end(),
                                 [s](const HistoryKpi& k) { return k.status == s; });
    out += (out.empty() ? "" : ", ") + count_text(n, *r.words) + " " +
           html_escaped(status_word(s, *r.words));
  }
  return out;
}

// "KPI-03 Service availability (Oct 2026, Dec 2026)" for every KPI breached in a month.
std::string breached_kpis(const MonthlyReport& r) {
  const auto& months = r.history->months;
  std::vector<std::string> lines;
  for (const auto& k : r.month().kpis) {
    std::string when;
    for (std::size_t i = 0; i < months.size(); ++i) {
      const HistoryKpi* m = find_kpi(months[i], k.kpi_id);
      if (m == nullptr || m->status != Status::kBreached ||
          !shown(*m, months[i], i + 1 == months.size())) {
        continue;
      }
      when += (when.empty() ? "" : ", ") + month_text(months[i].month.first_day, *r.words);
    }
    if (when.empty()) continue;
    lines.push_back(html_escaped(k.kpi_id + " " +
                                 kpi_title(*r.versions, k.contract_version, k.kpi_id, *r.words) +
                                 " (" + when + ")"));
  }
  return lines.empty() ? label(r, "report.none") : joined(lines);
}

std::string quarter_money(const MonthlyReport& r) {
  std::int64_t malus = 0;
  std::int64_t bonus = 0;
  std::int64_t net = 0;
  for (const auto& m : r.history->months) {
    malus += m.finance.malus_cents;
    bonus += m.finance.bonus_cents;
    net += m.finance.net_cents;
  }
  const std::string& currency = r.versions->contract().monthly_fee.currency;
  return say(r, "quarter.money_line",
             {{"malus", money_text(malus, currency, *r.words)},
              {"bonus", money_text(bonus, currency, *r.words)},
              {"net", money_text(net, currency, *r.words)}});
}

std::string summary(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  const auto steps = std::count_if(r.history->actions.begin(), r.history->actions.end(),
                                   [&r](const Action& a) { return in_quarter(r, a); });
  std::string out = section_start(r, "summary", "quarter.summary") +
                    html::table_start(label(r, "quarter.summary_caption")) + "<tbody>\n";
  const auto row = [&out, &r](std::string_view key, const std::string& value) {
    out += "<tr><th scope=\"row\">" + label(r, key) + "</th><td>" + value + "</td></tr>\n";
  };
  row("quarter.row.status", status_counts(r));
  row("quarter.row.breached", breached_kpis(r));
  row("quarter.row.money", quarter_money(r));
  row("quarter.row.steps", count_text(steps, *r.words));
  row("quarter.kaizen", joined(kaizen_lines(r)));
  row("quarter.co2", joined(co2_lines(r)));
  row("quarter.exit", joined(exit_lines(r)));
  return out + "</tbody></table></div>\n</section>\n";
}

std::string results(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  const auto& months = r.history->months;
  std::string out = section_start(r, "results", "quarter.results") +
                    html::table_start(label(r, "quarter.results_caption")) + "<thead><tr>";
  for (const char* key : {"report.col.kpi", "report.col.objective", "report.col.norm"}) {
    out += "<th scope=\"col\">" + label(r, key) + "</th>";
  }
  for (const auto& m : months) {
    out += "<th scope=\"col\">" + html_escaped(month_text(m.month.first_day, *r.words)) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& k : r.month().kpis) {
    for (const auto& o : k.objectives) {
      out += "<tr><th scope=\"row\">" + html_escaped(k.kpi_id) + " " +
             html::contract_text(r, html::kpi_of(r, k).title) + "</th><td>" +
             objective_name(r, k, o) + "</td><td class=\"num\">" +
             html_escaped(norm_text(o.norm, *r.words)) + "</td>";
      for (std::size_t i = 0; i < months.size(); ++i) {
        const HistoryKpi* m = find_kpi(months[i], k.kpi_id);
        const ObjectiveResult* mo = m == nullptr ? nullptr : find_objective(*m, o.id);
        if (mo == nullptr) {
          out += "<td></td>";
        } else if (!shown(*m, months[i], i + 1 == months.size())) {
          out += "<td><small>" + label(r, "quarter.later") + "</small></td>";
        } else {
          out += "<td class=\"num\">" + (mo->value ? html::value_html(r, *mo) + " " : "") +
                 html::status_html(r, mo->status) + "</td>";
        }
      }
      out += "</tr>\n";
    }
  }
  return out + "</tbody></table></div>\n" + trend_charts(q) + "</section>\n";
}

std::string ladder(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  std::string rows;
  for (const Action& a : r.history->actions) {
    if (!in_quarter(r, a)) continue;
    const auto& terms = r.versions->at(a.contract_version).terms;
    rows += "<tr><th scope=\"row\">" + html_escaped(a.kpi_id) + "</th><td>" +
            html_escaped(a.period_name) + "</td><td>" + step_label(r, a) + "</td><td>" +
            label(r, r.versions->step(a.contract_version, a.kpi_id, a.action).owner ==
                             contract::Owner::kClient
                         ? "owner.client"
                         : "owner.supplier") +
            "</td><td>" + deadline_text(r, a) + "</td><td>" + action_state(q, a) + "</td><td>" +
            html_escaped(reason_text(titled_reason(a.because, terms, *r.words), *r.words)) +
            "</td></tr>\n";
  }
  std::string out = section_start(r, "ladder", "quarter.ladder");
  if (rows.empty()) return out + "<p>" + label(r, "quarter.no_steps") + "</p>\n</section>\n";
  return out + html::table_start(label(r, "quarter.ladder_caption")) +
         header_row(r, {"report.col.kpi", "report.period", "report.col.step", "report.col.owner",
                        "report.col.deadline", "report.col.action_status", "report.col.because"}) +
         "<tbody>\n" + rows + "</tbody></table></div>\n</section>\n";
}

std::string pdca(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  const auto quarter_end = r.history->months.back().month.end_day;
  std::string rows;
  int planned = 0;
  int done = 0;
  int checked = 0;
  for (const Action& a : r.history->actions) {
    if (a.period.end_day > quarter_end) continue;
    ++planned;
    const bool is_done = q.done_on.contains(a.id);
    const HistoryKpi* now = find_kpi(r.month(), a.kpi_id);
    done += is_done ? 1 : 0;
    checked += is_done && now != nullptr && now->status == Status::kMet ? 1 : 0;
    rows += "<tr><th scope=\"row\">" + html_escaped(a.id) + "</th><td>" + step_label(r, a) +
            (a.deadline ? ", " + say(r, "table.due", {{"deadline", deadline_day(r, a)}}) : "") +
            "</td><td>" + action_state(q, a) + "</td><td>" +
            (now == nullptr ? std::string("–") : html::status_html(r, now->status)) +
            "</td></tr>\n";
  }
  std::string out = section_start(r, "pdca", "quarter.pdca") + "<p>" +
                    label(r, "quarter.pdca_intro") + "</p>\n<p>" +
                    say(r, "quarter.pdca_counts",
                        {{"planned", count_text(planned, *r.words)},
                         {"done", count_text(done, *r.words)},
                         {"checked", count_text(checked, *r.words)}}) +
                    "</p>\n";
  if (rows.empty()) return out + "</section>\n";
  return out + html::table_start(label(r, "quarter.pdca_caption")) +
         header_row(r,
                    {"report.col.id", "quarter.col.plan", "quarter.col.do", "quarter.col.check"}) +
         "<tbody>\n" + rows + "</tbody></table></div>\n</section>\n";
}

}  // namespace

std::string quarterly_html(const QuarterlyReview& q) {
  const MonthlyReport& r = *q.report;
  const std::string title = r.words->say(
      "quarter.document_title",
      {{"contract", r.contract().name.*(r.words->contract_text)}, {"period", quarter_text(r)}});
  std::string out = html::page_start(*r.words, title);
  out += header(q) + summary(q) + results(q) + ladder(q) + pdca(q);
  out +=
      section_start(r, "kaizen", "quarter.kaizen") + paragraphs(kaizen_lines(r)) + "</section>\n";
  out += section_start(r, "co2", "quarter.co2") + paragraphs(co2_lines(r)) + co2_charts(q) +
         "</section>\n";
  out += section_start(r, "exit", "quarter.exit") + paragraphs(exit_lines(r)) + "</section>\n";
  return out + html::page_end(r);
}

}  // namespace meetlat::report
