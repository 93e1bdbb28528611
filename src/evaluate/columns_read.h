// Which evidence columns the measures of a contract read: the loader keeps those (and every
// key column) and checks but drops the rest (evidence::LoadOptions::kept_columns), so a large
// file costs only the columns that count. The default contract reads 3 of tickets.csv's 7.
//
// Pure. Kinds no measure reads are absent, and the loader then keeps all their columns (they
// cost nothing then, or they are read by other code: exemptions.csv).
#pragma once

#include <map>
#include <set>
#include <string>

#include "contract/model.h"

namespace meetlat::evaluate {

using ColumnsRead = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

// The columns read per evidence kind by every objective of `contract` and of each version of it
// its amendments put in force.
ColumnsRead columns_read(const contract::Contract& contract);

}  // namespace meetlat::evaluate
