// The monthly report a contract manager hands over (docs/reports.md): one month's results with
// the twelve months before it, in one language. What goes in is the history of the months
// (evaluate/history.h) ending with the month reported, so the trend and the month come from one
// evaluation; what comes out is a document (report_html.h, report_xlsx.h).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contract/versions.h"
#include "evaluate/history.h"
#include "evidence/load.h"
#include "report/catalogue.h"
#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::report {

// The month's close in the workspace (docs/workspace.md, "Closing a period").
struct Agreement {
  time::Date date;  // the day it was closed, in the contract zone
  std::string actor;
  time::Instant as_of;  // the agreed result's as-of moment
};

struct MonthlyReport {
  const evaluate::History* history = nullptr;  // its last month is the month reported
  const contract::Versions* versions = nullptr;
  const time::Zone* zone = nullptr;
  const Catalogue* words = nullptr;
  // The evidence the history was evaluated on, for the figures behind each failing or exempted
  // record (record_facts.h); nullptr: the appendix lists the ids alone.
  const evidence::Evidence* evidence = nullptr;
  std::optional<Agreement> agreed;    // none: provisional
  std::vector<std::string> warnings;  // what the evidence and the evaluation reported
  // Set apart so a reproducible document can leave them out: empty leaves the line out.
  std::string generated_at;
  std::string version;

  const evaluate::HistoryMonth& month() const { return history->months.back(); }
  // The contract as in force in the month reported.
  const contract::Contract& contract() const;
};

// One objective of a KPI in one month of the history: what a trend shows. `kpi` or `objective`
// is nullptr when the month's contract version does not hold them; `shown` is false for a month
// in the middle of a longer period (a quarterly KPI in its first two months), which a trend
// leaves out because the quarter shows once, in the month it ends.
struct TrendPoint {
  const evaluate::HistoryMonth* month = nullptr;
  const evaluate::HistoryKpi* kpi = nullptr;
  const evaluate::ObjectiveResult* objective = nullptr;
  bool shown = false;
};

// Whether the as-of moment falls within a KPI's window (it began and had not ended): its figures
// are to date, as for the last, partial ISO week of History::weeks.
bool to_date(const MonthlyReport& report, const evaluate::KpiResult& kpi);

// Every month of the report's history, oldest first, for one objective.
std::vector<TrendPoint> trend(const MonthlyReport& report, std::string_view kpi_id,
                              std::string_view objective_id);
// The same over `months` (a history's months, oldest first; the last is always shown).
std::vector<TrendPoint> trend(std::span<const evaluate::HistoryMonth> months,
                              std::string_view kpi_id, std::string_view objective_id);

}  // namespace meetlat::report
