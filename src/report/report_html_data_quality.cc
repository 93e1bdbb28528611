// The data-quality section of the monthly HTML report (docs/reports.md): the parts of
// data_quality.h, each with a line saying so when it has nothing to show.
#include "report/data_quality.h"
#include "report/engine_text.h"
#include "report/html_text.h"
#include "report/locale_text.h"
#include "report/report_html_parts.h"

namespace meetlat::report::html {
namespace {

std::string subsection(const MonthlyReport& r, std::string_view id, std::string_view key) {
  return "<h3 id=\"" + std::string(id) + "\">" + label(r, key) + "</h3>\n";
}

std::string column_heads(const MonthlyReport& r, std::initializer_list<const char*> keys) {
  std::string out = "<thead><tr>";
  for (const char* key : keys) out += "<th scope=\"col\">" + label(r, key) + "</th>";
  return out + "</tr></thead>\n";
}

// Sentences of the engine as a list in the reader's words, or the line `none_key`.
std::string sentence_list(const MonthlyReport& r, const std::vector<std::string>& sentences,
                          std::string_view none_key) {
  if (sentences.empty()) return "<p>" + label(r, none_key) + "</p>\n";
  std::string out = "<ul>";
  for (const auto& s : sentences) out += "<li>" + html_escaped(engine_text(s, *r.words)) + "</li>";
  return out + "</ul>\n";
}

std::string rows_left_out(const MonthlyReport& r, const DataQuality& q) {
  const Catalogue& w = *r.words;
  std::string out = subsection(r, "dq-rows", "report.dq.rows");
  if (q.rows_left_out.empty()) return out + "<p>" + label(r, "report.dq.rows_none") + "</p>\n";
  out += "<p>" + label(r, "report.dq.rows_intro") + "</p>\n";
  out += table_start(label(r, "report.dq.rows")) +
         column_heads(r, {"report.dq.col.file", "report.dq.col.rows", "report.dq.col.why"}) +
         "<tbody>\n";
  for (const evidence::SkippedRows& s : q.rows_left_out) {
    out += "<tr><th scope=\"row\">" + html_escaped(s.file) + "</th><td>" +
           count_text(static_cast<std::int64_t>(s.rows), w) + "</td><td>" +
           html_escaped(rejected_kinds_text(s, w)) + "</td></tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string probe_coverage(const MonthlyReport& r, const DataQuality& q) {
  const Catalogue& w = *r.words;
  std::string out = subsection(r, "dq-coverage", "report.dq.coverage");
  if (q.coverage.empty()) return out + "<p>" + label(r, "report.dq.coverage_none") + "</p>\n";
  const auto minutes = [&w](std::optional<double> m) {
    return m ? count_text(static_cast<std::int64_t>(*m), w) : std::string("–");
  };
  out += "<p>" + label(r, "report.dq.coverage_intro") + "</p>\n" +
         table_start(label(r, "report.dq.coverage")) +
         column_heads(r, {"report.col.kpi", "report.col.objective", "report.dq.col.coverage",
                          "report.dq.col.observed", "report.dq.col.window"}) +
         "<tbody>\n";
  for (const ProbeCoverage& c : q.coverage) {
    out += "<tr><th scope=\"row\">" + html_escaped(c.kpi->kpi_id) + "</th><td>" +
           objective_name(r, kpi_of(r, *c.kpi), *c.objective) + "</td><td>" +
           number_text(c.coverage * 100, 2, w) + "%</td><td>" + minutes(c.observed_minutes) +
           "</td><td>" + minutes(c.window_minutes) + "</td></tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

}  // namespace

std::string data_quality_section(const MonthlyReport& r) {
  const DataQuality q = data_quality(r);
  return "<section aria-labelledby=\"data-quality\"><h2 id=\"data-quality\">" +
         label(r, "report.data_quality") + "</h2>\n" + rows_left_out(r, q) + probe_coverage(r, q) +
         subsection(r, "dq-dst", "report.dq.dst") + sentence_list(r, q.dst, "report.dq.dst_none") +
         subsection(r, "dq-files", "report.dq.files") +
         sentence_list(r, q.files, "report.dq.files_none") +
         subsection(r, "dq-other", "report.dq.other") +
         sentence_list(r, q.other, "report.dq.other_none") + "</section>\n";
}

}  // namespace meetlat::report::html
