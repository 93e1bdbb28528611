// A history (evaluate/history.h) as "meetlat.history/1" JSON (docs/escalation-and-money.md) and
// as a terminal grid.
#pragma once

#include <string>

#include "contract/versions.h"
#include "evaluate/history.h"
#include "time/zone.h"

namespace meetlat::report {

using evaluate::History;

// "meetlat.history/1" JSON and a terminal grid (KPIs × months with status letters, then money);
// `versions` are those of the contract the history was computed under.
std::string history_json(const History& history, const contract::Versions& versions,
                         const time::Zone& zone);
std::string history_table(const History& history, const contract::Versions& versions,
                          const time::Zone& zone);

}  // namespace meetlat::report
