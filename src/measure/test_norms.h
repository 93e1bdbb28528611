// Norms for the measure tests, written the way the contract writes them.
#pragma once

#include <cstdint>

#include "contract/norm.h"

namespace meetlat::measure::testing {

// ratio(kGe, 90, 2) is ">= 0.90".
inline contract::Norm ratio(contract::Op op, std::int64_t units, int scale) {
  return {op, {units, scale}, contract::Unit::kRatio, false};
}
inline contract::Norm plain(contract::Op op, std::int64_t units, contract::Unit unit) {
  return {op, {units, 0}, unit, false};
}

}  // namespace meetlat::measure::testing
