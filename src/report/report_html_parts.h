// The parts of the monthly HTML report (report_html.h), one function per section; internal to
// the report module. Each returns a fragment of HTML with its text escaped.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "evaluate/evaluation.h"
#include "report/monthly_report.h"
#include "time/instant.h"

namespace meetlat::report::html {

// The inline <style> element every report shares (colours of at least 4.5:1 on white, print CSS).
std::string_view style();
// A document's start up to its <main>: the language, the title (escaped here) and the style.
std::string page_start(const Catalogue& words, const std::string& title);
// A catalogue message without placeholders, escaped.
std::string label(const MonthlyReport& r, std::string_view id);
// The contract's own words in the report's language, escaped.
std::string contract_text(const MonthlyReport& r, const contract::Text& t);
// A status as a symbol and a word in a span coloured by its class: the word says it without
// the colour, the symbol says it at a glance.
std::string status_html(const MonthlyReport& r, measure::Status s);
// "P1 (Incidenten prio 1)": the objective's id and, when the contract gives one, its title.
std::string objective_name(const MonthlyReport& r, const contract::Kpi& kpi,
                           const evaluate::ObjectiveResult& o);
// The value against its norm, "–" without one.
std::string value_html(const MonthlyReport& r, const evaluate::ObjectiveResult& o);
// The start of a table that scrolls sideways on a narrow screen, up to its caption's end:
// `caption` is escaped text. The scrolling box can take the keyboard's focus and is named by the
// caption (WCAG 2.1.1: a region that scrolls must be reachable without a mouse).
std::string table_start(const std::string& caption);
// "kpi-01": an id an anchor can use.
std::string anchor(std::string_view kpi_id);
// A value at the bottom or the top of a chart's value axis, in the plotted unit (percent for a
// ratio) with the unit's suffix: "89,50%", "312,0 ms".
std::string axis_text(contract::Unit unit, double v, const Catalogue& words);
// Minutes as a reader counts them: whole when whole ("7"), else to two decimals ("4,33": a span
// cut at an as-of moment inside a minute).
std::string minutes_text(time::Micros d, const Catalogue& words);
// The timelines of an availability objective's page (report_html_timelines.cc): the outage
// register's, with the probes' down minutes as a lane of it when they checked the register, or
// the probes' when they decided; "" for any other objective. `objective`: the contract's, nullptr
// when the month's contract version does not hold it.
std::string availability_timelines(const MonthlyReport& r, const evaluate::HistoryKpi& k,
                                   const evaluate::ObjectiveResult& o,
                                   const contract::Objective* objective, const std::string& name);
// The KPI as the contract version of the month holds it.
const contract::Kpi& kpi_of(const MonthlyReport& r, const evaluate::HistoryKpi& k);

// The objectives of a KPI that one chart shows together, in the contract's order: those with the
// same kind of measure, unit, evidence and cadence (KPI-01's priorities, KPI-10's office and peak
// hours), which differ only in the records or hours they take; each group of two or more. A
// trajectory's norm changes per period, so it is never in a group.
std::vector<std::vector<const evaluate::ObjectiveResult*>> series_groups(
    const evaluate::HistoryKpi& k, const contract::Kpi& kpi);
// A group of objectives (series_groups) in one chart (priority_chart.h) over `months` (a history's
// months, oldest first; a month shows when the period of one of the series ends in it, the last
// always): a line per objective, each objective's norm line (once for equal norms), every value
// in its text alternative in the reader's language. The chart's id is `id_prefix` followed by the
// KPI's and the group's first objective's anchors ("chart-kpi-01-series-p1").
std::string priority_chart(const MonthlyReport& r, const evaluate::HistoryKpi& k,
                           const std::vector<const evaluate::ObjectiveResult*>& group,
                           std::span<const evaluate::HistoryMonth> months,
                           std::string_view id_prefix);

// The start of a header's list of facts, the contract's parties: "<dl class="facts">" and a term
// and value for the client and the supplier.
std::string facts_start(const MonthlyReport& r, const contract::Contract& c);
std::string header_section(const MonthlyReport& r);
std::string scorecard_section(const MonthlyReport& r);
// The page's end: the footer with the generation line (when set), and the closing tags.
std::string page_end(const MonthlyReport& r);
std::string escalation_section(const MonthlyReport& r);
std::string money_section(const MonthlyReport& r);
std::string kpi_sections(const MonthlyReport& r);
std::string evidence_section(const MonthlyReport& r);
std::string data_quality_section(const MonthlyReport& r);

}  // namespace meetlat::report::html
