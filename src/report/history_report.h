// A history (evaluate/history.h) as "meetlat.history/1" JSON (docs/escalation-and-money.md) and
// as a terminal grid.
#pragma once

#include <string>

#include "contract/versions.h"
#include "evaluate/history.h"
#include "report/catalogue.h"
#include "time/zone.h"

namespace meetlat::report {

using evaluate::History;

// "meetlat.history/1" JSON, and a terminal grid in `words`' language (per KPI and objective a
// row of months, each cell the value and its status symbol; then the money and the actions;
// history_table.cc); `versions` are those of the contract the history was computed under.
std::string history_json(const History& history, const contract::Versions& versions,
                         const time::Zone& zone);
std::string history_table(const History& history, const contract::Versions& versions,
                          const time::Zone& zone, const Catalogue& words);

}  // namespace meetlat::report
