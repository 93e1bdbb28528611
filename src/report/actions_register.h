// The action register (evaluate/actions.h) as CSV and as a terminal table. `versions` are those
// of the contract the actions were computed under: each action names its KPI, step and version.
#pragma once

#include <string>
#include <vector>

#include "contract/versions.h"
#include "evaluate/actions.h"
#include "time/zone.h"

namespace meetlat::report {

using evaluate::Action;

// The register as actions.csv in the evidence format of spec "Evidence files" (columns id,
// created_at, owner, deadline, status; deadline as the date of its last day), followed by the
// informative columns kpi, period, action, label_nl, label_en, malus_pct, because, which the
// evidence loader ignores. RFC 4180 quoting.
std::string actions_csv(const std::vector<Action>& actions, const contract::Versions& versions,
                        const time::Zone& zone);

// The register as a terminal table.
std::string actions_table(const std::vector<Action>& actions, const contract::Versions& versions,
                          const time::Zone& zone);

}  // namespace meetlat::report
