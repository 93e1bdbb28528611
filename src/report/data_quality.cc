#include "report/data_quality.h"

#include <set>
#include <variant>

namespace meetlat::report {
namespace {

std::optional<double> detail_number(const evaluate::ObjectiveResult& o, std::string_view name) {
  for (const auto& d : o.details) {
    if (d.name != name) continue;
    if (const auto* v = std::get_if<double>(&d.value)) return *v;
    if (const auto* n = std::get_if<std::int64_t>(&d.value)) return static_cast<double>(*n);
  }
  return std::nullopt;
}

}  // namespace

DataQuality data_quality(const MonthlyReport& r) {
  DataQuality out;
  std::set<std::string> sorted;  // the loader's warnings, each shown in its own part
  if (r.evidence != nullptr) {
    out.rows_left_out = r.evidence->skipped;
    for (const auto& s : r.evidence->skipped) sorted.insert(s.to_string());
    for (const evidence::Warning& w : r.evidence->warnings) {
      std::string text = w.to_string();
      sorted.insert(text);
      (w.kind == evidence::WarningKind::kUnrecognisedFile ? out.files : out.dst)
          .push_back(std::move(text));
    }
  }
  for (const auto& w : r.warnings) {
    if (!sorted.contains(w)) out.other.push_back(w);
  }
  for (const auto& k : r.month().kpis) {
    for (const evaluate::ObjectiveResult& o : k.objectives) {
      for (const auto& w : o.warnings) {
        out.other.push_back(k.kpi_id + " " + o.id + " " + k.period_name + ": " + w);
      }
      // `coverage` when the probes decide, `probe_coverage` beside the outage register.
      auto coverage = detail_number(o, "coverage");
      if (!coverage) coverage = detail_number(o, "probe_coverage");
      if (!coverage) continue;
      out.coverage.push_back({&k, &o, *coverage, detail_number(o, "observed_minutes"),
                              detail_number(o, "window_minutes")});
    }
  }
  return out;
}

}  // namespace meetlat::report
