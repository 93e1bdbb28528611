// Ratio of sums: Σnumerator / Σdenominator over rows (KPI-02 migration_accuracy =
// Σrecords_correct / Σrecords_total; KPI-15 siem_coverage = Σevents_received / Σevents_emitted).
//
// Inputs are integer counts, so the sums and the decision are exact (Norm::holds_fraction). A
// share is at most 100%: a row's numerator above its denominator (more events received than
// emitted: retries, duplicates) counts as its denominator, and the excess is returned as
// `surplus`, to be reported, never penalised nor credited against another row's shortfall.
// Σdenominator == 0 (no rows, or only empty ones) gives no_data.
// count: rows with a denominator > 0. failing / failing_items: those rows whose own ratio misses
// the norm (a batch below 99.9% correct), whatever the overall status. pending is 0.
#pragma once

#include <cstdint>
#include <span>

#include "contract/norm.h"
#include "measure/result.h"

namespace meetlat::measure {

struct RatioRow {
  std::uint64_t numerator = 0;
  std::uint64_t denominator = 0;
};

struct RatioOfSumsResult {
  MeasureResult measure;
  std::uint64_t surplus = 0;  // Σ(numerator − denominator) over rows whose numerator is larger
};

RatioOfSumsResult ratio_of_sums(std::span<const RatioRow> rows, const contract::Norm& norm);

}  // namespace meetlat::measure
