// What the monthly report's data-quality part shows (docs/reports.md, part 7), sorted from what
// the loader and the engine reported: rows left out per file, the probes' coverage per objective
// of the month, local times at a change of summer time, files not recognised, and every other
// note. Nothing is computed here beyond sorting; the HTML (report_html_data_quality.cc) and the
// workbook (report_xlsx.cc) show the same parts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evidence/diagnostic.h"
#include "report/monthly_report.h"

namespace meetlat::report {

struct ProbeCoverage {
  const evaluate::HistoryKpi* kpi = nullptr;  // of the month reported
  const evaluate::ObjectiveResult* objective = nullptr;
  double coverage = 0;  // the share of the period's minutes a probe reported in (0…1)
  std::optional<double> observed_minutes;
  std::optional<double> window_minutes;
};

struct DataQuality {
  std::vector<evidence::SkippedRows> rows_left_out;  // one per file
  std::vector<ProbeCoverage> coverage;
  // Sentences of the engine, in its English (engine_text.h says them in the reader's language).
  std::vector<std::string> dst;
  std::vector<std::string> files;  // files not recognised
  std::vector<std::string> other;  // exemption and pause notes, findings naming their objective
};

DataQuality data_quality(const MonthlyReport& r);

}  // namespace meetlat::report
