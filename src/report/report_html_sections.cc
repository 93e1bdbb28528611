// The sections of the monthly HTML report after the scorecard: escalations, money, a section per
// KPI with its charts and the evidence appendix (data quality: report_html_data_quality.cc).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <tuple>
#include <variant>

#include "report/engine_text.h"
#include "report/html_text.h"
#include "report/locale_text.h"
#include "report/priority_chart.h"
#include "report/record_facts.h"
#include "report/report_html_parts.h"
#include "report/svg_chart.h"
#include "report/wording.h"
#include "time/period.h"

namespace meetlat::report::html {
namespace {

using evaluate::HistoryKpi;
using evaluate::HistoryMonth;
using evaluate::ObjectiveResult;

std::string section_start(const MonthlyReport& r, std::string_view id, std::string_view key) {
  return "<section aria-labelledby=\"" + std::string(id) + "\"><h2 id=\"" + std::string(id) +
         "\">" + label(r, key) + "</h2>\n";
}

std::string column_heads(const MonthlyReport& r, std::initializer_list<const char*> keys) {
  std::string out = "<thead><tr>";
  for (const char* key : keys) out += "<th scope=\"col\">" + label(r, key) + "</th>";
  return out + "</tr></thead>\n";
}

// The register's status of the action a step fired ("open", "over de termijn").
std::string action_status(const MonthlyReport& r, const HistoryKpi& k, const std::string& action) {
  for (const auto& a : r.history->actions) {
    if (a.kpi_id == k.kpi_id && a.period == k.period && a.action == action) {
      return label(r, "action." + a.status);
    }
  }
  return "–";
}

std::string money(const MonthlyReport& r, std::int64_t cents) {
  return html_escaped(money_text(cents, r.contract().monthly_fee.currency, *r.words));
}

// The evidence kind an objective's measure reads ("tickets"); "" when the KPI lacks it.
std::string evidence_kind(const contract::Kpi& kpi, std::string_view objective_id) {
  for (const auto& objective : kpi.objectives) {
    if (objective.id == objective_id) {
      // Availability names its failing items by outage id (probe intervals are not records).
      if (const auto* a = std::get_if<contract::AvailabilityMeasure>(&objective.measure)) {
        return a->outages;
      }
      return std::visit(
          [](const auto& m) -> std::string {
            if constexpr (requires { m.evidence; }) {
              return m.evidence;
            } else {
              return {};
            }
          },
          objective.measure);
    }
  }
  return {};
}

// A shown month of an objective's trend as a chart point; its words ("maart 2026: 93,5%,
// gehaald") are added to `words`, after "; " when it holds some already.
ChartPoint trend_point(const MonthlyReport& r, contract::Unit unit, const TrendPoint& p,
                       std::string& words) {
  const Catalogue& w = *r.words;
  const std::chrono::year_month_day ymd{p.month->month.first_day};
  ChartPoint point;
  point.label = w.say("month_short." + std::to_string(static_cast<unsigned>(ymd.month())), {});
  point.status = p.objective->status;
  const std::string value =
      p.objective->value ? value_text(p.objective->unit, *p.objective->value, p.objective->norm, w)
                         : w.say("report.no_value", {});
  if (p.objective->value) point.value = shown_unit_value(unit, *p.objective->value);
  if (!words.empty()) words += "; ";
  words +=
      month_text(p.month->month.first_day, w) + ": " + value + ", " + status_word(point.status, w);
  return point;
}

// The shown months of an objective's trend as chart points, oldest first, and the same in words
// ("maart 2026: 93,5%, gehaald; ...") for a chart's text alternative.
std::vector<ChartPoint> trend_points(const MonthlyReport& r, const HistoryKpi& k,
                                     const ObjectiveResult& o, std::string& words) {
  std::vector<ChartPoint> points;
  for (const auto& p : trend(r, k.kpi_id, o.id)) {
    if (p.shown) points.push_back(trend_point(r, o.unit, p, words));
  }
  return points;
}

std::string chart(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o,
                  const std::string& name) {
  const Catalogue& w = *r.words;
  LineChart c;
  c.id = "chart-" + anchor(k.kpi_id) + "-" + anchor(o.id);
  const std::string norm = norm_text(o.norm, w);
  c.title = w.say("report.chart_title", {{"objective", k.kpi_id + " " + name}, {"norm", norm}});
  c.points = trend_points(r, k, o, c.description);
  c.norm = shown_unit_value(o.unit, o.norm.threshold.to_double());
  c.norm_label = w.say("report.norm", {}) + " " + norm;
  std::tie(c.low, c.high) = chart_range(c.points, c.norm);
  c.low_label = axis_text(o.unit, c.low, w);
  c.high_label = axis_text(o.unit, c.high, w);
  return line_chart_svg(c);
}

}  // namespace

std::vector<std::vector<const ObjectiveResult*>> series_groups(const HistoryKpi& k,
                                                               const contract::Kpi& kpi) {
  using Key =
      std::tuple<std::string, contract::Unit, std::string, std::optional<contract::Cadence>>;
  std::vector<std::pair<Key, std::vector<const ObjectiveResult*>>> groups;
  for (const auto& objective : kpi.objectives) {
    if (objective.norm_is_trajectory) continue;
    const auto o =
        std::find_if(k.objectives.begin(), k.objectives.end(),
                     [&objective](const ObjectiveResult& x) { return x.id == objective.id; });
    if (o == k.objectives.end()) continue;
    Key key{std::string(contract::measure_kind(objective.measure)),
            contract::measure_unit(objective.measure), evidence_kind(kpi, objective.id),
            objective.cadence};
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&key](const auto& g) { return g.first == key; });
    if (group == groups.end()) {
      groups.emplace_back(std::move(key), std::vector<const ObjectiveResult*>{});
      group = std::prev(groups.end());
    }
    group->second.push_back(&*o);
  }
  std::vector<std::vector<const ObjectiveResult*>> out;
  for (auto& [key, members] : groups) {
    if (members.size() >= 2) out.push_back(std::move(members));
  }
  return out;
}

namespace {

// "P1, P2, P3".
std::string ids_text(const std::vector<const ObjectiveResult*>& objectives) {
  std::string out;
  for (const auto* o : objectives) out += (out.empty() ? "" : ", ") + o->id;
  return out;
}

// The rest of a chart of a group of objectives (series_groups) whose id, title, period labels and
// points per series `c` holds (`words[s]`: series s's points in words): the series' names, each
// objective's norm line (once for equal norms), the text alternative with every value, the axis.
std::string finish_series_chart(const MonthlyReport& r,
                                const std::vector<const ObjectiveResult*>& group,
                                const std::vector<std::string>& words, PriorityChart& c) {
  const Catalogue& w = *r.words;
  std::vector<ChartPoint> every;  // every value and every norm, for the axis range
  std::vector<std::pair<std::string, std::vector<const ObjectiveResult*>>> norms;  // by norm text
  for (std::size_t s = 0; s < group.size(); ++s) {
    const ObjectiveResult& o = *group[s];
    c.series[s].name = o.id;
    const std::string norm = norm_text(o.norm, w);
    if (!c.description.empty()) c.description += ". ";
    c.description +=
        w.say("report.series_desc",
              {{"objective", o.id},
               {"norm", norm},
               {"points", words[s].empty() ? w.say("report.no_value", {}) : words[s]}});
    every.insert(every.end(), c.series[s].points.begin(), c.series[s].points.end());
    const auto same = std::find_if(norms.begin(), norms.end(),
                                   [&norm](const auto& n) { return n.first == norm; });
    if (same == norms.end()) {
      norms.emplace_back(norm, std::vector<const ObjectiveResult*>{&o});
      c.norms.push_back({shown_unit_value(o.unit, o.norm.threshold.to_double()), {}});
      every.push_back({{}, c.norms.back().value, measure::Status::kNoData});
    } else {
      same->second.push_back(&o);
    }
  }
  for (std::size_t n = 0; n < norms.size(); ++n) {
    c.norms[n].label = norms.size() == 1
                           ? w.say("report.norm", {}) + " " + norms[n].first
                           : w.say("report.series_norm", {{"objectives", ids_text(norms[n].second)},
                                                          {"norm", norms[n].first}});
  }
  std::tie(c.low, c.high) = chart_range(every, std::nullopt);
  c.low_label = axis_text(group.front()->unit, c.low, w);
  c.high_label = axis_text(group.front()->unit, c.high, w);
  return priority_chart_svg(c) + "\n";
}

}  // namespace

std::string priority_chart(const MonthlyReport& r, const HistoryKpi& k,
                           const std::vector<const ObjectiveResult*>& group,
                           std::span<const HistoryMonth> months, std::string_view id_prefix) {
  const Catalogue& w = *r.words;
  PriorityChart c;
  c.id = std::string(id_prefix) + anchor(k.kpi_id) + "-series-" + anchor(group.front()->id);
  c.title =
      w.say("report.series_chart_title", {{"kpi", k.kpi_id}, {"objectives", ids_text(group)}});
  std::vector<std::vector<TrendPoint>> trends;
  trends.reserve(group.size());
  for (const auto* o : group) trends.push_back(trend(months, k.kpi_id, o->id));
  c.series.resize(group.size());
  std::vector<std::string> words(group.size());
  // A month shows when the period of one of the series ends in it; a series the month's contract
  // version lacks has no value there.
  for (std::size_t i = 0; i < trends.front().size(); ++i) {
    const auto shown =
        std::find_if(trends.begin(), trends.end(), [i](const auto& t) { return t[i].shown; });
    if (shown == trends.end()) continue;
    std::string ignored;
    c.period_labels.push_back(trend_point(r, group.front()->unit, (*shown)[i], ignored).label);
    for (std::size_t s = 0; s < group.size(); ++s) {
      c.series[s].points.push_back(
          trends[s][i].shown
              ? trend_point(r, group[s]->unit, trends[s][i], words[s])
              : ChartPoint{c.period_labels.back(), std::nullopt, measure::Status::kNoData});
    }
  }
  return finish_series_chart(r, group, words, c);
}

namespace {

// The week's number in its ISO name ("2026-W09": "9").
std::string week_number(const std::string& iso_name) {
  const std::size_t w = iso_name.find('W');
  const std::string digits = w == std::string::npos ? iso_name : iso_name.substr(w + 1);
  return digits.size() > 1 && digits.front() == '0' ? digits.substr(1) : digits;
}

// The group's objectives per ISO week of the month reported (history.h History::weeks: the KPIs
// measured per week, with the figures `evaluate --period` of each week gives) in one chart like
// priority_chart's, a point per week labelled "W41", the week the as-of moment falls in "to date"
// in the text alternative; "" when the history has no week of the KPI.
std::string weekly_chart(const MonthlyReport& r, const HistoryKpi& k,
                         const std::vector<const ObjectiveResult*>& group) {
  const Catalogue& w = *r.words;
  PriorityChart c;
  c.id = "chart-" + anchor(k.kpi_id) + "-weeks-" + anchor(group.front()->id);
  c.title =
      w.say("report.weekly_chart_title", {{"kpi", k.kpi_id},
                                          {"objectives", ids_text(group)},
                                          {"month", month_text(r.month().month.first_day, w)}});
  c.series.resize(group.size());
  std::vector<std::string> words(group.size());
  for (const evaluate::HistoryWeek& week : r.history->weeks) {
    const auto kpi =
        std::find_if(week.kpis.begin(), week.kpis.end(),
                     [&k](const evaluate::KpiResult& x) { return x.kpi_id == k.kpi_id; });
    if (kpi == week.kpis.end()) continue;
    const std::string number = week_number(week.name);
    c.period_labels.push_back(w.say("report.week_short", {{"week", number}}));
    const std::string when = w.say(
        "report.week_point", {{"week", number},
                              {"from", date_text(week.week.first_day, w)},
                              {"to", date_text(week.week.end_day - std::chrono::days{1}, w)}});
    for (std::size_t s = 0; s < group.size(); ++s) {
      ChartPoint point{c.period_labels.back(), std::nullopt, measure::Status::kNoData};
      const auto o = std::find_if(kpi->objectives.begin(), kpi->objectives.end(),
                                  [&](const ObjectiveResult& x) { return x.id == group[s]->id; });
      if (o != kpi->objectives.end()) {
        point.status = o->status;
        if (o->value) point.value = shown_unit_value(o->unit, *o->value);
        if (!words[s].empty()) words[s] += "; ";
        words[s] +=
            when + ": " +
            (o->value ? value_text(o->unit, *o->value, o->norm, w) : w.say("report.no_value", {})) +
            ", " + status_word(o->status, w) +
            (to_date(r, *kpi) ? ", " + w.say("report.to_date", {}) : "");
      }
      c.series[s].points.push_back(std::move(point));
    }
  }
  if (c.period_labels.empty()) return {};
  return "<p>" + label(r, "report.weekly_chart_note") + "</p>\n" +
         finish_series_chart(r, group, words, c);
}

std::string objective_facts(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o) {
  const Catalogue& w = *r.words;
  std::string out = "<dl class=\"facts\">";
  auto fact = [&out](const std::string& term, const std::string& value) {
    out += "<dt>" + term + "</dt><dd>" + value + "</dd>";
  };
  fact(label(r, "report.col.status"),
       status_html(r, o.status) +
           (k.final ? "" : " <small>(" + label(r, "report.to_date") + ")</small>"));
  fact(label(r, "report.col.value"), value_html(r, o));
  fact(label(r, "report.col.norm"), html_escaped(norm_text(o.norm, w)));
  fact(label(r, "report.col.items"), count_text(o.count, w));
  fact(label(r, "report.col.failing"), count_text(o.failing, w));
  fact(label(r, "report.col.pending_items"), count_text(o.pending, w));
  if (o.exempted > 0) {
    fact(label(r, "report.exempted_ids"),
         html_escaped(w.say("report.exempted_count", {{"count", count_text(o.exempted, w)}})));
  }
  if (o.volume_rule) {
    const auto& v = *o.volume_rule;
    const std::string text =
        v.max_failing ? w.say("report.volume_rule", {{"items", count_text(v.items, w)},
                                                     {"min", std::to_string(v.min_count)},
                                                     {"max", std::to_string(*v.max_failing)}})
                      : w.say("report.volume_rule_no_data", {{"items", count_text(v.items, w)},
                                                             {"min", std::to_string(v.min_count)}});
    fact(label(r, "report.col.norm"), html_escaped(text));
  }
  if (o.reason) fact(label(r, "report.reason_no_data"), html_escaped(engine_text(*o.reason, w)));
  out += "</dl>\n";
  for (const auto& warning : o.warnings)
    out += "<p role=\"note\">" + html_escaped(engine_text(warning, w)) + "</p>\n";
  return out;
}

std::string kpi_section(const MonthlyReport& r, const HistoryKpi& k) {
  const contract::Kpi& kpi = kpi_of(r, k);
  const std::string id = anchor(k.kpi_id);
  std::string out =
      "<section class=\"kpi\" aria-labelledby=\"" + id + "\"><h3 id=\"" + id + "\">" +
      html_escaped(k.kpi_id) + " " + contract_text(r, kpi.title) + "</h3>\n<p>" +
      html_escaped(r.words->say("report.requirement", {{"requirement", kpi.requirement}})) + " · " +
      label(r, "report.col.window") + " " +
      html_escaped(time::period_name(k.period, r.contract().start)) + "</p>\n";
  for (const auto& group : series_groups(k, kpi)) {
    out += priority_chart(r, k, group, r.history->months, "chart-") + weekly_chart(r, k, group);
  }
  for (const auto& o : k.objectives) {
    std::string name = o.id;
    const contract::Objective* contract_objective = nullptr;
    for (const auto& objective : kpi.objectives) {
      if (objective.id != o.id) continue;
      contract_objective = &objective;
      if (objective.title) name += " (" + (*objective.title).*(r.words->contract_text) + ")";
    }
    out += "<h4>" + html_escaped(name) + "</h4>\n" + objective_facts(r, k, o) +
           chart(r, k, o, name) + "\n";
    out += availability_timelines(r, k, o, contract_objective, name);
  }
  return out + "</section>\n";
}

std::string ids_paragraph(const MonthlyReport& r, std::string_view key,
                          const std::vector<std::string>& ids) {
  std::string list;
  for (const auto& id : ids) list += (list.empty() ? "" : ", ") + html_escaped(id);
  return "<p><strong>" + label(r, key) + "</strong> (" +
         count_text(static_cast<std::int64_t>(ids.size()), *r.words) + "): <span class=\"ids\">" +
         (list.empty() ? label(r, "report.none") : list) + "</span></p>\n";
}

// The open time a measure counted, in hours and minutes of its calendar: "9 h 30 min
// (office_hours)"; a record still open at the as-of moment says so.
std::string counted_text(const MonthlyReport& r, const evaluate::RecordFigures& f) {
  const std::int64_t minutes = f.counted->count() / 60'000'000;
  return r.words->say(f.end ? "report.counted" : "report.counted_open",
                      {{"hours", count_text(minutes / 60, *r.words)},
                       {"minutes", std::to_string(minutes % 60)},
                       {"calendar", f.calendar}});
}

// The figures the engine computed for the `index`-th record of failing_ids then exempted_ids:
// its deadline and the time counted, as cells.
std::string figures_cells(const MonthlyReport& r, const ObjectiveResult& o, std::size_t index,
                          const std::string& id) {
  if (index >= o.record_figures.size() || o.record_figures[index].id != id)
    return "<td></td><td></td>";
  const evaluate::RecordFigures& f = o.record_figures[index];
  return "<td>" + html_escaped(r.zone->format(f.deadline)) + "</td><td>" +
         (f.counted ? html_escaped(counted_text(r, f)) : std::string("–")) + "</td>";
}

// The down time availability from the outage register counted of the `index`-th record of
// failing_ids then exempted_ids, as a cell: "45 min", or an exempted one's time in the window.
std::string downtime_cell(const MonthlyReport& r, const ObjectiveResult& o, std::size_t index,
                          const std::string& id) {
  if (index >= o.record_downtime.size() || o.record_downtime[index].id != id) return "<td></td>";
  const evaluate::RecordDowntime& d = o.record_downtime[index];
  return "<td class=\"num\">" +
         html_escaped(r.words->say(d.exempted ? "report.down_exempted" : "report.down_counted",
                                   {{"minutes", minutes_text(d.counted, *r.words)}})) +
         "</td>";
}

// The value a lowest or highest of durations took of the `index`-th record of failing_ids then
// exempted_ids, as a cell: "7,5 dagen", its value so far when it was open at the as-of moment, an
// exempted one's value marked as not counted.
std::string value_cell(const MonthlyReport& r, const ObjectiveResult& o, std::size_t index,
                       const std::string& id) {
  if (index >= o.record_values.size() || o.record_values[index].id != id) return "<td></td>";
  const evaluate::RecordValue& v = o.record_values[index];
  std::string value = value_text(o.unit, v.value, o.norm, *r.words);
  if (v.open) value = r.words->say("report.record_value_open", {{"value", value}});
  if (v.exempted) value = r.words->say("report.record_value_exempted", {{"value", value}});
  return "<td class=\"num\">" + html_escaped(value) + "</td>";
}

// A failing or exempted record as a table row: its kind, the cells of its evidence row (its id
// alone when the evidence holds no such row) and the engine's figures (RecordFigures of an
// attainment, RecordDowntime of an outage).
std::string record_row(const MonthlyReport& r, const RecordFacts& records, const ObjectiveResult& o,
                       const std::string& kind, std::size_t index, const std::string& id) {
  std::string out = "<tr><td>" + kind + "</td>";
  const auto cells = records.cells(id, *r.zone, *r.words);
  if (!cells) {
    out += "<th scope=\"row\">" + html_escaped(id) + "</th>";
    for (std::size_t i = 1; i < records.columns().size(); ++i) out += "<td></td>";
  } else {
    for (std::size_t i = 0; i < cells->size(); ++i) {
      out += i == 0 ? "<th scope=\"row\">" + html_escaped((*cells)[i]) + "</th>"
                    : "<td>" + html_escaped((*cells)[i]) + "</td>";
    }
  }
  if (!o.record_figures.empty()) {
    out += figures_cells(r, o, index, id);
  } else if (!o.record_downtime.empty()) {
    out += downtime_cell(r, o, index, id);
  } else if (!o.record_values.empty()) {
    out += value_cell(r, o, index, id);
  }
  return out + "</tr>\n";
}

// The records of an objective in one scrolling region named by `caption`, as tables of at most
// kRowsPerTable rows, each with the caption (and which rows it holds when there are several) and
// the header row. A long list is cut because Chromium's printing of one table over many pages
// costs time in the square of its rows (the reference month's 6,931 failing tickets took most of
// the PDF's 47 s; bench/README.md, "Reports"); the rows, their order and their cells are the same.
constexpr std::size_t kRowsPerTable = 250;

std::string records_table(const MonthlyReport& r, const RecordFacts& records,
                          const ObjectiveResult& o) {
  const Catalogue& w = *r.words;
  const std::size_t total = o.failing_ids.size() + o.exempted_ids.size();
  const std::string caption =
      label(r, "report.col.record_facts") + " (" + html_escaped(w.say("report.failing_ids", {})) +
      ": " + count_text(static_cast<std::int64_t>(o.failing_ids.size()), w) +
      (o.exempted_ids.empty()
           ? ""
           : ", " + html_escaped(w.say("report.exempted_ids", {})) + ": " +
                 count_text(static_cast<std::int64_t>(o.exempted_ids.size()), w)) +
      ")";
  std::string head = "<thead><tr><th scope=\"col\">" + label(r, "report.col.kind") + "</th>";
  for (const auto name : records.columns()) {
    // The evidence file's own column names (docs/evidence.md), the same in every language.
    head += "<th scope=\"col\" translate=\"no\">" + html_escaped(name) + "</th>";
  }
  if (!o.record_figures.empty()) {
    head += "<th scope=\"col\">" + label(r, "report.col.computed_deadline") +
            "</th><th scope=\"col\">" + label(r, "report.col.counted") + "</th>";
  } else if (!o.record_downtime.empty()) {
    head += "<th scope=\"col\">" + label(r, "report.col.down_counted") + "</th>";
  } else if (!o.record_values.empty()) {
    head += "<th scope=\"col\">" + label(r, "report.col.record_value") + "</th>";
  }
  head += "</tr></thead>\n";
  auto part_start = [&](std::size_t first) {
    const std::string rows =
        total <= kRowsPerTable
            ? std::string()
            : ", " +
                  html_escaped(w.say("report.rows_part",
                                     {{"from", count_text(static_cast<std::int64_t>(first + 1), w)},
                                      {"to", count_text(static_cast<std::int64_t>(
                                                            std::min(first + kRowsPerTable, total)),
                                                        w)}}));
    return "<table>\n<caption>" + caption + rows + "</caption>\n" + head + "<tbody>\n";
  };
  std::string out =
      "<div class=\"table-wrap records\" role=\"region\" tabindex=\"0\" aria-label=\"" + caption +
      "\">";
  std::size_t index = 0;
  for (const auto* ids : {&o.failing_ids, &o.exempted_ids}) {
    const std::string kind =
        label(r, ids == &o.failing_ids ? "report.col.failing" : "report.col.exempted");
    for (const auto& id : *ids) {
      if (index % kRowsPerTable == 0) {
        if (index > 0) out += "</tbody></table>\n";
        out += part_start(index);
      }
      out += record_row(r, records, o, kind, index, id);
      ++index;
    }
  }
  return out + "</tbody></table></div>\n";
}

}  // namespace

std::string axis_text(contract::Unit unit, double v, const Catalogue& words) {
  const int decimals = unit == contract::Unit::kRatio ? 2 : 1;
  return number_text(v, decimals, words) + unit_suffix(unit, words);
}

std::string escalation_section(const MonthlyReport& r) {
  std::string rows;
  for (const auto& k : r.month().kpis) {
    for (const auto& fired : k.escalation.steps) {
      const auto& step = r.versions->step(k.contract_version, k.kpi_id, fired.action);
      rows +=
          "<tr><th scope=\"row\"><a href=\"#" + anchor(k.kpi_id) + "\">" + html_escaped(k.kpi_id) +
          "</a></th><td>" + contract_text(r, step.label) + "</td><td>" +
          label(r, "owner." + std::string(contract::owner_name(step.owner))) + "</td><td>" +
          (fired.deadline ? html_escaped(instant_text(*fired.deadline, *r.zone, *r.words)) : "–") +
          "</td><td>" + action_status(r, k, fired.action) + "</td><td>" +
          html_escaped(reason_text(fired.because, *r.words)) + "</td></tr>\n";
    }
  }
  std::string out = section_start(r, "escalations", "report.escalations");
  if (rows.empty()) return out + "<p>" + label(r, "report.no_escalations") + "</p>\n</section>\n";
  out += table_start(label(r, "report.escalations")) +
         column_heads(r, {"report.col.kpi", "report.col.step", "report.col.owner",
                          "report.col.deadline", "report.col.action_status", "report.col.because"});
  return out + "<tbody>\n" + rows + "</tbody></table></div>\n</section>\n";
}

std::string money_section(const MonthlyReport& r) {
  const Catalogue& w = *r.words;
  const auto& m = r.month().finance;
  const evaluate::YearFinance* year = nullptr;
  for (const auto& y : r.history->years) {
    if (y.contract_year == m.contract_year) year = &y;
  }
  std::string out = section_start(r, "money", "report.money");
  out += table_start(label(r, "report.money")) + "<thead><tr><td></td><th scope=\"col\">" +
         label(r, "report.col.month") + "</th><th scope=\"col\">" +
         html_escaped(w.say("report.col.year", {{"year", std::to_string(m.contract_year)}})) +
         "</th></tr></thead>\n<tbody>\n";
  auto row = [&out, &r](std::string_view key, const std::string& month, const std::string& yr) {
    out += "<tr><th scope=\"row\">" + label(r, key) + "</th><td class=\"num\">" + month +
           "</td><td class=\"num\">" + yr + "</td></tr>\n";
  };
  const std::string capped = " (" + label(r, "report.capped") + ")";
  row("report.row.fee", money(r, r.contract().monthly_fee.cents), "–");
  row("report.row.malus", money(r, m.malus_cents) + (m.capped_month || m.capped_year ? capped : ""),
      year ? money(r, year->malus_cents) + (year->capped ? capped : "") : "–");
  row("report.row.bonus", money(r, m.bonus_cents), year ? money(r, year->bonus_cents) : "–");
  row("report.row.net", money(r, m.net_cents), year ? money(r, year->net_cents) : "–");
  const auto& caps = r.contract().caps;
  // The monthly cap as the contract states it, a share of the fee; the engine's explanation
  // lines give its amount in a month it lowered the malus.
  const std::string month_cap = caps.malus_per_month_pct
                                    ? html_escaped(decimal_text(*caps.malus_per_month_pct, w)) + "%"
                                    : "–";
  row("report.row.cap", month_cap,
      year && year->malus_cap_cents ? money(r, *year->malus_cap_cents) : "–");
  out += "</tbody></table></div>\n<h3>" + label(r, "report.explanation") + "</h3>\n";
  const auto lines = money_lines_text(m.explanation, r.contract().monthly_fee, w);
  if (lines.empty())
    out += "<p>" + label(r, "report.no_money") + "</p>\n";
  else {
    out += "<ol>";
    for (const auto& line : lines) out += "<li>" + html_escaped(line) + "</li>";
    out += "</ol>\n";
  }
  return out + "</section>\n";
}

std::string kpi_sections(const MonthlyReport& r) {
  std::string out = section_start(r, "kpis", "report.kpis");
  for (const auto& k : r.month().kpis) out += kpi_section(r, k);
  return out + "</section>\n";
}

std::string evidence_section(const MonthlyReport& r) {
  std::string out = section_start(r, "evidence", "report.evidence");
  out += "<p>" + label(r, "report.evidence_intro") + "</p>\n";
  std::map<std::string, RecordFacts, std::less<>> facts;  // by evidence kind
  for (const auto& k : r.month().kpis) {
    const contract::Kpi& kpi = kpi_of(r, k);
    for (const auto& o : k.objectives) {
      if (o.failing_ids.empty() && o.exempted_ids.empty()) continue;
      out += "<h3>" + html_escaped(k.kpi_id + " " + o.id) + "</h3>\n";
      const RecordFacts* records = nullptr;
      const std::string kind = evidence_kind(kpi, o.id);
      if (const evidence::Table* table = r.evidence ? r.evidence->find(kind) : nullptr) {
        records = &facts.try_emplace(kind, *table).first->second;
      }
      if (records != nullptr && !records->columns().empty()) {
        out += records_table(r, *records, o);
        continue;
      }
      out += ids_paragraph(r, "report.failing_ids", o.failing_ids);
      if (!o.exempted_ids.empty()) out += ids_paragraph(r, "report.exempted_ids", o.exempted_ids);
    }
  }
  return out + "</section>\n";
}

}  // namespace meetlat::report::html
