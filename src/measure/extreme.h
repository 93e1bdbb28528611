// The lowest or highest value of a set (KPI-05 regression_coverage: the lowest coverage of the
// releases in the period, ratio; KPI-16 export: the longest export test of the half-year, days).
//
// Each item has a value in the objective's unit. An open item (an export test without
// completed_at) carries its value so far (as_of − started_at), which can only grow for kMax and
// only shrink for kMin. An open item whose value so far already misses the norm is failing and
// counts (like an overdue ticket); other open items are pending until their own deadline passes.
//
// value: the extreme of the counted items (nullopt when none). Status: the extreme over all
// outcomes the open items can still reach — met when the norm holds for every one, breached
// when for none, pending otherwise. For "longest <= 5 days" that means: a counted item over 5
// days decides breached; else any open item keeps it pending; else met.
// No items at all: no_data, or breached when `empty` says so (a half-year without an export test
// is breached).
// count: counted items. failing / failing_items: counted items whose own value misses the norm.
#pragma once

#include <span>

#include "contract/norm.h"
#include "measure/result.h"

namespace meetlat::measure {

enum class Extreme { kMin, kMax };
enum class WhenEmpty { kNoData, kBreached };

struct ExtremeItem {
  double value = 0;
  bool open = false;
};

MeasureResult extreme(std::span<const ExtremeItem> items, Extreme which, WhenEmpty empty,
                      const contract::Norm& norm);

}  // namespace meetlat::measure
