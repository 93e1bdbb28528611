#include "report/shown_value.h"

#include <cmath>
#include <cstdint>

namespace meetlat::report {
namespace {

int usual_decimals(contract::Unit unit) {
  switch (unit) {
    case contract::Unit::kRatio:
      return 2;
    case contract::Unit::kDays:
    case contract::Unit::kWeeks:
      return 1;
    case contract::Unit::kMs:
    case contract::Unit::kCount:
      return 0;
  }
  return 2;
}

// Whether the shown number n / 10^decimals (in the shown unit: percent for a ratio) meets `norm`,
// compared exactly with the norm's decimal threshold.
bool shown_holds(std::int64_t n, int decimals, const contract::Norm& norm) {
  __extension__ using i128 = __int128;
  const int threshold_scale = norm.threshold.scale - (norm.unit == contract::Unit::kRatio ? 2 : 0);
  i128 left = n;
  i128 right = norm.threshold.units;
  for (int i = 0; i < threshold_scale; ++i) left *= 10;
  for (int i = threshold_scale; i < 0; ++i) right *= 10;
  for (int i = 0; i < decimals; ++i) right *= 10;
  const int cmp = left < right ? -1 : (left > right ? 1 : 0);
  switch (norm.op) {
    case contract::Op::kGe:
      return cmp >= 0;
    case contract::Op::kGt:
      return cmp > 0;
    case contract::Op::kLe:
      return cmp <= 0;
    case contract::Op::kLt:
      return cmp < 0;
    case contract::Op::kEq:
      return cmp == 0;
  }
  return false;
}

}  // namespace

int shown_decimals(contract::Unit unit, double value, const contract::Norm& norm) {
  const bool holds = norm.holds(value);
  const double in_shown_unit = unit == contract::Unit::kRatio ? value * 100 : value;
  int decimals = usual_decimals(unit);
  for (double scale = std::pow(10.0, decimals); decimals < 9; ++decimals, scale *= 10) {
    if (shown_holds(std::llround(in_shown_unit * scale), decimals, norm) == holds) break;
  }
  return decimals;
}

}  // namespace meetlat::report
