// Which evidence columns the measures of a contract read: the loader keeps those (and every
// key column) and checks but drops the rest (evidence::LoadOptions::kept_columns), so a large
// file costs only the columns that count. The default contract reads 3 of tickets.csv's 7.
//
// All three follow the one list of the columns each kind of measure reads,
// contract::evidence_columns (contract/measure_columns.h).
//
// Pure. Kinds no measure reads are absent, and the loader then keeps all their columns (they
// cost nothing then, or they are read by other code: exemptions.csv).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "contract/model.h"
#include "evidence/load.h"

namespace meetlat::evaluate {

using ColumnsRead = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

// The columns read per evidence kind by every objective of `contract` and of each version of it
// its amendments put in force.
ColumnsRead columns_read(const contract::Contract& contract);

// The columns one measure reads, per evidence kind.
ColumnsRead measure_columns(const contract::Measure& measure);

// Why an objective with `measure` cannot be measured on `evidence`: a file it reads is present
// but lacks a column it needs, so every item would look failing or absent (a ServiceNow incident
// export has no responded_at). Names the file, the missing columns and the columns found; nullopt
// when nothing is missing. Columns whose absence has a documented meaning are not needed
// (MeasureColumn::needed): outages `planned` (no outage planned) and `service` (every outage
// concerns the service).
std::optional<std::string> missing_columns_reason(const contract::Measure& measure,
                                                  const evidence::Evidence& evidence);

}  // namespace meetlat::evaluate
