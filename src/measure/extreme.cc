#include "measure/extreme.h"

#include <algorithm>
#include <limits>

namespace meetlat::measure {
namespace {

double more_extreme(Extreme which, double a, double b) {
  return which == Extreme::kMax ? std::max(a, b) : std::min(a, b);
}

}  // namespace

MeasureResult extreme(std::span<const ExtremeItem> items, Extreme which, WhenEmpty empty,
                      const contract::Norm& norm) {
  MeasureResult r;
  if (items.empty()) {
    r.status = empty == WhenEmpty::kBreached ? Status::kBreached : Status::kNoData;
    return r;
  }
  // `reached`: the extreme already certain (counted values and open values so far).
  std::optional<double> reached;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ExtremeItem& item = items[i];
    reached = reached ? more_extreme(which, *reached, item.value) : item.value;
    const bool misses = !norm.holds(item.value);
    if (item.open && !misses) {
      ++r.pending;
      continue;
    }
    ++r.count;
    r.value = r.value ? more_extreme(which, *r.value, item.value) : item.value;
    if (misses) r.failing_items.push_back(static_cast<std::uint32_t>(i));
  }
  r.failing = static_cast<std::int64_t>(r.failing_items.size());
  // Open items can push the extreme without bound in its own direction.
  const double inf = std::numeric_limits<double>::infinity();
  const double unbounded = which == Extreme::kMax ? inf : -inf;
  const bool holds_now = norm.holds(*reached);
  const bool holds_unbounded = r.pending == 0 ? holds_now : norm.holds(unbounded);
  if (holds_now && holds_unbounded) {
    r.status = Status::kMet;
  } else if (!holds_now && !holds_unbounded) {
    r.status = Status::kBreached;
  } else {
    r.status = Status::kPending;
  }
  return r;
}

}  // namespace meetlat::measure
