#include "report/report_html.h"

#include <algorithm>
#include <cctype>

#include "report/html_text.h"
#include "report/locale_text.h"
#include "report/report_html_parts.h"
#include "time/period.h"

namespace meetlat::report {
namespace html {
namespace {

using evaluate::HistoryKpi;
using evaluate::ObjectiveResult;

// Colours on white with a contrast of at least 4.5:1 (WCAG 2.1 AA, 1.4.3): green #1a5e20 9.9:1,
// red #a4161a 7.6:1, amber-brown #7a4a00 8.1:1, grey #545454 7.4:1.
// The appendix's record tables (.records) are laid out only when scrolled near: a browser, and
// Chromium loading the page to print it, skip thousands of rows at first (the PDF of the reference
// month: 1.7 s less of Chromium's CPU). Printing shows them whole (content-visibility: visible:
// paint containment would clip a table wider than the page instead of letting the page shrink).
constexpr std::string_view kStyle = R"(<style>
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff;margin:0 auto;max-width:72rem;padding:1rem;line-height:1.45}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1b1b1b}h3{font-size:1.1rem;margin-top:1.5rem}h4{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #8a8a8a;padding:.25rem .45rem;text-align:left;vertical-align:top}thead th{background:#ececec}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.table-wrap{overflow-x:auto}
.st{white-space:nowrap;font-weight:600}.st-met{color:#1a5e20}.st-breached{color:#a4161a}.st-pending{color:#7a4a00}.st-no-data{color:#545454}
.trend{white-space:nowrap;letter-spacing:.1em}
.mark{border:2px solid #7a4a00;padding:.5rem;font-weight:600}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}.facts dt{font-weight:600}.facts dd{margin:0}
.chart{width:100%;max-width:40rem;height:auto}.chart .axis{stroke:#1b1b1b;fill:none}.chart .tick,.chart .norm-label{font-size:12px;fill:#1b1b1b}
.chart .norm{stroke:#1b1b1b;stroke-dasharray:6 4;fill:none}.chart .line{stroke:#545454;fill:none;stroke-width:1.5}
.chart .series{stroke:#1b1b1b;fill:none;stroke-width:2}.chart .series-label{font-size:12px;fill:#1b1b1b}
figure{margin:1rem 0}figcaption{font-weight:600}
.chart .lane{fill:none;stroke:#d0d0d0}.chart .bar-u{fill:#a4161a}.chart .bar-p{fill:#fff;stroke:#1b1b1b;stroke-width:1.5}
.chart .m-met{fill:#1a5e20}.chart .m-breached{stroke:#a4161a;stroke-width:3;fill:none}.chart .m-pending{fill:#7a4a00}
.ids{word-break:break-all;font-family:ui-monospace,monospace;font-size:.85rem}
.records{content-visibility:auto;contain-intrinsic-size:auto 40rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
a{color:#0b4f9c}
@media (max-width:40rem){body{padding:.5rem}th,td{padding:.2rem .3rem}}
@media print{body{max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}nav{display:none}
h2,h3,h4,caption{break-after:avoid}section.kpi{break-inside:avoid-page}svg,tr{break-inside:avoid}thead{display:table-header-group}.table-wrap{overflow:visible}.records{content-visibility:visible}}
</style>
)";

std::string contents(const MonthlyReport& r) {
  std::string out = "<nav aria-labelledby=\"contents\"><h2 id=\"contents\">" +
                    label(r, "report.contents") + "</h2><ol>";
  for (const auto& [id, key] :
       {std::pair{"scorecard", "report.scorecard"}, std::pair{"escalations", "report.escalations"},
        std::pair{"money", "report.money"}, std::pair{"kpis", "report.kpis"},
        std::pair{"evidence", "report.evidence"},
        std::pair{"data-quality", "report.data_quality"}}) {
    out += "<li><a href=\"#" + std::string(id) + "\">" + label(r, key) + "</a></li>";
  }
  return out + "</ol></nav>\n";
}

// The months of the trend as symbols, each with its month and status for a screen reader.
std::string trend_html(const MonthlyReport& r, std::string_view kpi_id,
                       std::string_view objective_id) {
  std::string symbols;
  std::string spoken;
  for (const auto& p : trend(r, kpi_id, objective_id)) {
    if (!p.shown) continue;
    const auto s = p.objective->status;
    symbols += "<span class=\"st-" + std::string(status_class(s)) + "\">" +
               std::string(status_symbol(s)) + "</span>";
    if (!spoken.empty()) spoken += "; ";
    spoken += month_text(p.month->month.first_day, *r.words) + ": " + status_word(s, *r.words);
  }
  return "<span class=\"trend\" aria-hidden=\"true\">" + symbols +
         "</span><span class=\"sr-only\">" + html_escaped(spoken) + "</span>";
}

std::string scorecard_row(const MonthlyReport& r, const HistoryKpi& k, const ObjectiveResult& o) {
  const contract::Kpi& kpi = kpi_of(r, k);
  std::string row = "<th scope=\"row\">" + objective_name(r, kpi, o) + "</th>";
  row += "<td>" + status_html(r, o.status) +
         (k.final ? "" : " <small>(" + label(r, "report.to_date") + ")</small>") + "</td>";
  row += "<td class=\"num\">" + value_html(r, o) + "</td>";
  row += "<td class=\"num\">" + html_escaped(norm_text(o.norm, *r.words)) + "</td>";
  row += "<td class=\"num\">" + count_text(o.count, *r.words) + "</td>";
  row += "<td class=\"num\">" + count_text(o.failing, *r.words) + "</td>";
  row += "<td class=\"num\">" + count_text(o.pending, *r.words) + "</td>";
  row += "<td>" + trend_html(r, k.kpi_id, o.id) + "</td>";
  return row;
}

}  // namespace

std::string label(const MonthlyReport& r, std::string_view id) {
  return html_escaped(r.words->say(id, {}));
}

std::string contract_text(const MonthlyReport& r, const contract::Text& t) {
  return html_escaped(t.*(r.words->contract_text));
}

std::string status_html(const MonthlyReport& r, measure::Status s) {
  return "<span class=\"st st-" + std::string(status_class(s)) + "\"><span aria-hidden=\"true\">" +
         std::string(status_symbol(s)) + "</span> " + html_escaped(status_word(s, *r.words)) +
         "</span>";
}

std::string objective_name(const MonthlyReport& r, const contract::Kpi& kpi,
                           const ObjectiveResult& o) {
  for (const auto& objective : kpi.objectives) {
    if (objective.id == o.id && objective.title) {
      return html_escaped(o.id) + " <small>(" + contract_text(r, *objective.title) + ")</small>";
    }
  }
  return html_escaped(o.id);
}

std::string value_html(const MonthlyReport& r, const ObjectiveResult& o) {
  if (!o.value) return "–";
  return html_escaped(value_text(o.unit, *o.value, o.norm, *r.words));
}

std::string table_start(const std::string& caption) {
  return "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" + caption +
         "\"><table>\n<caption>" + caption + "</caption>\n";
}

std::string page_end(const MonthlyReport& r) {
  std::string out = "</main>\n<footer>\n";
  if (!r.generated_at.empty()) {
    out += "<p data-generated>" +
           html_escaped(r.words->say("report.generated",
                                     {{"when", r.generated_at}, {"version", r.version}})) +
           "</p>\n";
  }
  return out + "</footer>\n</body>\n</html>\n";
}

std::string anchor(std::string_view kpi_id) {
  std::string out;
  for (const char c : kpi_id) {
    out += std::isalnum(static_cast<unsigned char>(c)) != 0
               ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
               : '-';
  }
  return out;
}

const contract::Kpi& kpi_of(const MonthlyReport& r, const HistoryKpi& k) {
  return r.versions->kpi(k.contract_version, k.kpi_id);
}

std::string facts_start(const MonthlyReport& r, const contract::Contract& c) {
  // The parties' names are the contract's own words, the same in every language.
  auto name = [&r](std::string_view key, const std::string& value) {
    return "<dt>" + label(r, key) + "</dt><dd translate=\"no\">" + html_escaped(value) + "</dd>";
  };
  return "<dl class=\"facts\">" + name("report.client", c.parties.client) +
         name("report.supplier", c.parties.supplier);
}

std::string header_section(const MonthlyReport& r) {
  const contract::Contract& c = r.contract();
  const Catalogue& w = *r.words;
  std::string out = "<header>\n<h1>" + label(r, "report.monthly_title") + ": " +
                    contract_text(r, c.name) + "</h1>\n" + facts_start(r, c);
  auto fact = [&out](const std::string& term, const std::string& value) {
    out += "<dt>" + term + "</dt><dd>" + value + "</dd>";
  };
  fact(label(r, "report.period"), html_escaped(month_text(r.month().month.first_day, w)));
  fact(label(r, "report.as_of"), html_escaped(instant_text(r.history->as_of, *r.zone, w)));
  fact(label(r, "report.state"),
       r.agreed ? html_escaped(w.say("report.agreed", {{"date", date_text(r.agreed->date, w)},
                                                       {"actor", r.agreed->actor}}))
                : label(r, "report.provisional"));
  out += "</dl>\n";
  if (r.history->example_money) {
    out += "<p class=\"mark\" role=\"note\">" + label(r, "report.example_mark") + "</p>\n";
  }
  return out + "</header>\n";
}

std::string scorecard_section(const MonthlyReport& r) {
  std::string out = "<section aria-labelledby=\"scorecard\"><h2 id=\"scorecard\">" +
                    label(r, "report.scorecard") + "</h2>\n" +
                    table_start(label(r, "report.scorecard_caption")) + "<thead><tr>";
  for (const char* key : {"report.col.kpi", "report.col.objective", "report.col.status",
                          "report.col.value", "report.col.norm", "report.col.items",
                          "report.col.failing", "report.col.pending_items", "report.col.trend"}) {
    out += "<th scope=\"col\">" + label(r, key) + "</th>";
  }
  out += "</tr></thead>\n";
  for (const auto& k : r.month().kpis) {
    const contract::Kpi& kpi = kpi_of(r, k);
    out += "<tbody>";
    bool first = true;
    for (const auto& o : k.objectives) {
      out += "<tr>";
      if (first) {
        out += "<th scope=\"rowgroup\" rowspan=\"" + std::to_string(k.objectives.size()) +
               "\"><a href=\"#" + anchor(k.kpi_id) + "\">" + html_escaped(k.kpi_id) + "</a><br>" +
               contract_text(r, kpi.title) + "</th>";
        first = false;
      }
      out += scorecard_row(r, k, o) + "</tr>\n";
    }
    out += "</tbody>\n";
  }
  return out + "</table></div>\n</section>\n";
}

std::string_view style() { return kStyle; }

std::string page_start(const Catalogue& words, const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(words.language) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escaped(title) + "</title>\n" + std::string(kStyle) + "</head>\n<body>\n<main>\n";
}

}  // namespace html

std::string monthly_html(const MonthlyReport& r) {
  const std::string title = r.words->say(
      "report.document_title", {{"contract", r.contract().name.*(r.words->contract_text)},
                                {"period", month_text(r.month().month.first_day, *r.words)}});
  std::string out = html::page_start(*r.words, title);
  out += html::header_section(r);
  out += html::contents(r);
  out += html::scorecard_section(r);
  out += html::escalation_section(r);
  out += html::money_section(r);
  out += html::kpi_sections(r);
  out += html::evidence_section(r);
  out += html::data_quality_section(r);
  return out + html::page_end(r);
}

}  // namespace meetlat::report
