// The weekly view (docs/reports.md, "The weekly view"): an ISO week's KPIs that the contract
// measures per week (KPI-10's p95 of office and peak hours) against their norms, and, while the
// contract is onboarding, the go-live forecast (the objective over milestone `golive`: the
// planned date while it is pending). One self-contained HTML document in the style of the
// monthly report (report_html.h), from one evaluation of the week (evaluate/evaluation.h).
#pragma once

#include <string>
#include <vector>

#include "contract/versions.h"
#include "evaluate/evaluation.h"
#include "report/catalogue.h"
#include "time/zone.h"

namespace meetlat::report {

struct WeeklyView {
  const evaluate::Evaluation* week = nullptr;  // evaluated with the ISO week as its period
  const contract::Versions* versions = nullptr;
  const time::Zone* zone = nullptr;
  const Catalogue* words = nullptr;
  // Set apart so a reproducible document can leave them out: empty leaves the line out.
  std::string generated_at;
  std::string version;
};

std::string weekly_html(const WeeklyView& view);

}  // namespace meetlat::report
