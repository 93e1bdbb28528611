#include "report/monthly_report.h"

namespace meetlat::report {

const contract::Contract& MonthlyReport::contract() const {
  return versions->in_force(month().month.first_day).terms;
}

bool to_date(const MonthlyReport& report, const evaluate::KpiResult& kpi) {
  return !kpi.final && kpi.window.from < report.history->as_of;
}

std::vector<TrendPoint> trend(const MonthlyReport& report, std::string_view kpi_id,
                              std::string_view objective_id) {
  return trend(report.history->months, kpi_id, objective_id);
}

std::vector<TrendPoint> trend(std::span<const evaluate::HistoryMonth> months,
                              std::string_view kpi_id, std::string_view objective_id) {
  std::vector<TrendPoint> out;
  for (std::size_t i = 0; i < months.size(); ++i) {
    TrendPoint point;
    point.month = &months[i];
    for (const auto& k : months[i].kpis) {
      if (k.kpi_id != kpi_id) continue;
      point.kpi = &k;
      for (const auto& o : k.objectives) {
        if (o.id == objective_id) point.objective = &o;
      }
    }
    const bool last = i + 1 == months.size();
    point.shown = point.objective != nullptr &&
                  (last || point.kpi->period.end_day <= months[i].month.end_day);
    out.push_back(point);
  }
  return out;
}

}  // namespace meetlat::report
