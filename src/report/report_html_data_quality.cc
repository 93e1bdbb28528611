// The data-quality section of the monthly HTML report (docs/reports.md): what the evidence and
// the evaluation reported beside the figures, sorted for a reader — rows left out, the probes'
// coverage, local times at a change of summer time, files not recognised, and every other note.
// Nothing here is computed: the rows, counts and coverages are those the loader and the engine
// reported (evidence/load.h, the objectives' details).
#include <algorithm>
#include <set>
#include <variant>

#include "report/engine_text.h"
#include "report/html_text.h"
#include "report/locale_text.h"
#include "report/report_html_parts.h"

namespace meetlat::report::html {
namespace {

using evaluate::ObjectiveResult;

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

std::string rows_left_out(const MonthlyReport& r) {
  const Catalogue& w = *r.words;
  std::string out = subsection(r, "dq-rows", "report.dq.rows");
  if (r.evidence == nullptr || r.evidence->skipped.empty()) {
    return out + "<p>" + label(r, "report.dq.rows_none") + "</p>\n";
  }
  out += "<p>" + label(r, "report.dq.rows_intro") + "</p>\n";
  out += table_start(label(r, "report.dq.rows")) +
         column_heads(r, {"report.dq.col.file", "report.dq.col.rows", "report.dq.col.why"}) +
         "<tbody>\n";
  for (const evidence::SkippedRows& s : r.evidence->skipped) {
    std::string why;
    for (const auto& [kind, count] : s.reasons) {
      if (!why.empty()) why += ", ";
      why += count_text(static_cast<std::int64_t>(count), w) + " " +
             w.say("diagnostic." + std::string(evidence::diagnostic_kind_name(kind)), {});
    }
    out += "<tr><th scope=\"row\">" + html_escaped(s.file) + "</th><td>" +
           count_text(static_cast<std::int64_t>(s.rows), w) + "</td><td>" + html_escaped(why) +
           "</td></tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::optional<double> detail_number(const ObjectiveResult& o, std::string_view name) {
  for (const auto& d : o.details) {
    if (d.name != name) continue;
    if (const auto* v = std::get_if<double>(&d.value)) return *v;
    if (const auto* n = std::get_if<std::int64_t>(&d.value)) return static_cast<double>(*n);
  }
  return std::nullopt;
}

// Every objective of the month measured with probes: the share of its minutes a probe reported
// in (`coverage` when the probes decide, `probe_coverage` beside the outage register).
std::string probe_coverage(const MonthlyReport& r) {
  const Catalogue& w = *r.words;
  std::string rows;
  for (const auto& k : r.month().kpis) {
    const contract::Kpi& kpi = kpi_of(r, k);
    for (const ObjectiveResult& o : k.objectives) {
      auto coverage = detail_number(o, "coverage");
      if (!coverage) coverage = detail_number(o, "probe_coverage");
      if (!coverage) continue;
      const auto observed = detail_number(o, "observed_minutes");
      const auto window = detail_number(o, "window_minutes");
      const auto minutes = [&w](std::optional<double> m) {
        return m ? count_text(static_cast<std::int64_t>(*m), w) : std::string("–");
      };
      rows += "<tr><th scope=\"row\">" + html_escaped(k.kpi_id) + "</th><td>" +
              objective_name(r, kpi, o) + "</td><td>" + number_text(*coverage * 100, 2, w) +
              "%</td><td>" + minutes(observed) + "</td><td>" + minutes(window) + "</td></tr>\n";
    }
  }
  std::string out = subsection(r, "dq-coverage", "report.dq.coverage");
  if (rows.empty()) return out + "<p>" + label(r, "report.dq.coverage_none") + "</p>\n";
  return out + "<p>" + label(r, "report.dq.coverage_intro") + "</p>\n" +
         table_start(label(r, "report.dq.coverage")) +
         column_heads(r, {"report.col.kpi", "report.col.objective", "report.dq.col.coverage",
                          "report.dq.col.observed", "report.dq.col.window"}) +
         "<tbody>\n" + rows + "</tbody></table></div>\n";
}

}  // namespace

std::string data_quality_section(const MonthlyReport& r) {
  std::string out = "<section aria-labelledby=\"data-quality\"><h2 id=\"data-quality\">" +
                    label(r, "report.data_quality") + "</h2>\n";
  out += rows_left_out(r);
  out += probe_coverage(r);
  // The loader's warnings by kind; what remains of the report's warnings is listed last.
  std::vector<std::string> dst;
  std::vector<std::string> files;
  std::set<std::string> sorted;
  if (r.evidence != nullptr) {
    for (const auto& s : r.evidence->skipped) sorted.insert(s.to_string());
    for (const evidence::Warning& wn : r.evidence->warnings) {
      const std::string text = wn.to_string();
      sorted.insert(text);
      (wn.kind == evidence::WarningKind::kUnrecognisedFile ? files : dst).push_back(text);
    }
  }
  std::vector<std::string> other;
  for (const auto& w : r.warnings) {
    if (!sorted.contains(w)) other.push_back(w);
  }
  for (const auto& k : r.month().kpis) {
    for (const ObjectiveResult& o : k.objectives) {
      for (const auto& w : o.warnings) {
        other.push_back(k.kpi_id + " " + o.id + " " + k.period_name + ": " + w);
      }
    }
  }
  out += subsection(r, "dq-dst", "report.dq.dst") + sentence_list(r, dst, "report.dq.dst_none");
  out += subsection(r, "dq-files", "report.dq.files") +
         sentence_list(r, files, "report.dq.files_none");
  out += subsection(r, "dq-other", "report.dq.other") +
         sentence_list(r, other, "report.dq.other_none");
  return out + "</section>\n";
}

}  // namespace meetlat::report::html
