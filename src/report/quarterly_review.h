// The quarterly review for the steering committee (docs/reports.md, "The quarterly review"): one
// quarter's results with the three months per objective, the ladder steps fired in the quarter,
// the action register as PDCA, Kaizen progress, the CO2 trajectory and exit readiness, after a
// one-page summary. One self-contained HTML document like the monthly report (report_html.h:
// the same style, accessibility and determinism), from the history of the quarter's three
// months (evaluate/history.h) and, for the trends and the CO2 trajectory, the history from the
// contract's first month. A section whose objective the contract does not hold says it is not
// measured, and why, rather than showing a figure. The header gives each month's state: agreed
// (closed in the workspace; its figures are then those agreed) or provisional, and the quarter's
// when it was closed as a whole (its KPIs measured over the quarter then show the agreed figures).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "report/monthly_report.h"

namespace meetlat::report {

struct QuarterlyReview {
  // The history of the quarter's three months (its first month through its last), in `words`.
  const MonthlyReport* report = nullptr;
  // From a workspace's action register: the day each action was done ("2026-11-20"), by id.
  std::map<std::string, std::string, std::less<>> done_on;
  // The months from the contract's first through the quarter's last, the same figures as
  // `report`'s in the quarter: the trend charts' twelve months and the CO2 chart's periods since
  // the start. nullptr: those of `report` alone.
  const evaluate::History* since_start = nullptr;
  // The quarter's months closed as agreed, by name ("2026-10"); the others are provisional.
  std::map<std::string, Agreement, std::less<>> agreed;
  // The quarter's name ("2026-Q4") and its close when it was closed as a whole; nullopt: it was
  // not (its months may still be).
  std::string quarter_name;
  std::optional<Agreement> quarter_agreed;
};

std::string quarterly_html(const QuarterlyReview& q);

}  // namespace meetlat::report
