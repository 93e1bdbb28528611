#include "report/weekly_view.h"

#include <chrono>
#include <variant>

#include "report/contract_words.h"
#include "report/engine_text.h"
#include "report/html_text.h"
#include "report/locale_text.h"
#include "report/report_html_parts.h"

namespace meetlat::report {
namespace {

using evaluate::KpiResult;
using evaluate::ObjectiveResult;
using html::label;

// The parts of the monthly report's HTML read only the language and the contract of a report.
MonthlyReport words_of(const WeeklyView& v) {
  MonthlyReport r;
  r.versions = v.versions;
  r.zone = v.zone;
  r.words = v.words;
  r.generated_at = v.generated_at;
  r.version = v.version;
  return r;
}

// "2026-W43 (19 October 2026 to 25 October 2026)".
std::string week_text(const WeeklyView& v) {
  const time::Period& week = v.week->period;
  return v.words->say("week.period",
                      {{"week", time::period_name(week)},
                       {"from", date_text(week.first_day, *v.words)},
                       {"to", date_text(week.end_day - std::chrono::days{1}, *v.words)}});
}

std::string header(const WeeklyView& v, const MonthlyReport& r) {
  const contract::Contract& c = v.versions->contract();
  std::string out = "<header>\n<h1>" + label(r, "week.title") + ": " +
                    html_escaped(contract_name(c, *v.words)) + "</h1>\n" + html::facts_start(r, c);
  auto fact = [&out](const std::string& term, const std::string& value) {
    out += "<dt>" + term + "</dt><dd>" + value + "</dd>";
  };
  fact(label(r, "report.period"), html_escaped(week_text(v)));
  fact(label(r, "report.as_of"), html_escaped(instant_text(v.week->as_of, *v.zone, *v.words)));
  fact(label(r, "report.state"), label(r, "week.state"));
  out += "</dl>\n";
  if (v.week->finance.example) {
    out += "<p class=\"mark\" role=\"note\">" + label(r, "report.example_mark") + "</p>\n";
  }
  return out + "</header>\n";
}

// Why an objective has no verdict, in the reader's language; "" when it has one.
std::string why(const WeeklyView& v, const ObjectiveResult& o) {
  if (!o.reason || (o.status != measure::Status::kNoData && !o.undecidable)) return "";
  return html_escaped(engine_text(*o.reason, *v.words));
}

// The KPIs the contract measures over the week itself (the others show their own periods in the
// monthly report), an objective a row.
std::string weekly_kpis(const WeeklyView& v, const MonthlyReport& r) {
  std::string out = "<section aria-labelledby=\"week-kpis\"><h2 id=\"week-kpis\">" +
                    label(r, "week.kpis") + "</h2>\n";
  std::string rows;
  for (const KpiResult& k : v.week->kpis) {
    if (k.period.cadence != time::Cadence::kWeek) continue;
    for (const ObjectiveResult& o : k.objectives) {
      rows +=
          "<tr><th scope=\"row\">" + html_escaped(k.kpi_id) + " " +
          html_escaped(objective_title(*v.versions, k.contract_version, k.kpi_id, o.id, *v.words)) +
          "</th>";
      rows += "<td>" + html::status_html(r, o.status) +
              (k.final ? "" : " <small>(" + label(r, "report.to_date") + ")</small>") + "</td>";
      rows += "<td class=\"num\">" + html::value_html(r, o) + "</td>";
      rows += "<td class=\"num\">" + html_escaped(norm_text(o.norm, *v.words)) + "</td>";
      rows += "<td class=\"num\">" + count_text(o.count, *v.words) + "</td>";
      rows += "<td class=\"num\">" + count_text(o.failing, *v.words) + "</td>";
      rows += "<td>" + why(v, o) + "</td></tr>\n";
    }
  }
  if (rows.empty()) return out + "<p>" + label(r, "week.no_weekly_kpi") + "</p>\n</section>\n";
  out += html::table_start(label(r, "week.kpis_caption")) + "<thead><tr>";
  for (const char* key :
       {"report.col.objective", "report.col.status", "report.col.value", "report.col.norm",
        "week.col.samples", "week.col.missing", "report.reason_no_data"}) {
    out += "<th scope=\"col\">" + label(r, key) + "</th>";
  }
  return out + "</tr></thead>\n<tbody>\n" + rows + "</tbody></table></div>\n</section>\n";
}

bool is_golive(const contract::Kpi& kpi, std::string_view objective_id) {
  for (const auto& objective : kpi.objectives) {
    if (objective.id != objective_id) continue;
    const auto* m = std::get_if<contract::MilestoneMeasure>(&objective.measure);
    return m != nullptr && m->milestone == "golive";
  }
  return false;
}

// The go-live objective as of the week: the forecast while it is pending, else what it came to.
std::string golive(const WeeklyView& v, const MonthlyReport& r) {
  std::string out;
  for (const KpiResult& k : v.week->kpis) {
    const contract::Kpi& kpi = v.versions->kpi(k.contract_version, k.kpi_id);
    for (const ObjectiveResult& o : k.objectives) {
      if (!is_golive(kpi, o.id)) continue;
      const Catalogue& w = *v.words;
      const std::string value =
          o.value ? value_text(o.unit, *o.value, o.norm, w) : w.say("report.no_value", {});
      const std::string subject =
          k.kpi_id + " " + objective_title(*v.versions, k.contract_version, k.kpi_id, o.id, w);
      std::string line;
      if (o.status == measure::Status::kPending) {
        line = w.say("week.golive_forecast",
                     {{"objective", subject}, {"value", value}, {"norm", norm_text(o.norm, w)}});
      } else if (o.status == measure::Status::kNoData) {
        // Decided in an earlier period: onboarding is over.
        const auto read = read_engine_text(o.reason.value_or(""));
        const bool over = read && read->id == "engine.decided_on";
        line = w.say(over ? "week.golive_over" : "week.golive_no_data",
                     {{"objective", subject}, {"why", engine_text(o.reason.value_or(""), w)}});
      } else {
        line = w.say("week.golive_decided", {{"objective", subject},
                                             {"value", value},
                                             {"norm", norm_text(o.norm, w)},
                                             {"status", status_word(o.status, w)}});
      }
      out += "<p>" + html::status_html(r, o.status) + " " + html_escaped(line) + "</p>\n";
    }
  }
  if (out.empty()) return "";
  return "<section aria-labelledby=\"golive\"><h2 id=\"golive\">" + label(r, "week.golive") +
         "</h2>\n" + out + "</section>\n";
}

}  // namespace

std::string weekly_html(const WeeklyView& v) {
  const MonthlyReport r = words_of(v);
  const std::string title = v.words->say(
      "week.document_title", {{"contract", contract_name(v.versions->contract(), *v.words)},
                              {"period", time::period_name(v.week->period)}});
  std::string out = html::page_start(*v.words, title);
  out += header(v, r) + weekly_kpis(v, r) + golive(v, r);
  return out + html::page_end(r);
}

}  // namespace meetlat::report
