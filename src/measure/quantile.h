// Nearest-rank quantile of samples (KPI-10 p95 durations in ms).
//
// The q-quantile of n samples is the ⌈q·n⌉-th smallest value (rank at least 1), with q a rational
// number (95/100) so the rank is computed in integers: ⌈0.95 · 20⌉ is 19, never 20 by rounding.
// n = 0 gives no_data. The status compares that value with the norm ("p95 < 300": met when the
// nearest-rank value is below 300) — exact, since the value is one of the samples.
//
// count: n. failing: samples that miss the norm on their own (for "< 300", those >= 300).
// failing_items is EMPTY: samples have no ids, and listing 5% of a month of APM traffic explains
// nothing; `failing` gives the number. pending is 0.
//
// O(n): std::nth_element on the caller's span, which it REORDERS (the caller usually holds a
// filtered copy of the column anyway). Samples must not be NaN.
#pragma once

#include <cstdint>
#include <span>

#include "contract/norm.h"
#include "measure/result.h"

namespace meetlat::measure {

struct QuantileLevel {
  std::uint64_t numerator = 95;
  std::uint64_t denominator = 100;  // > 0; numerator <= denominator
};

// The 1-based nearest rank ⌈q·n⌉ (at least 1 when n > 0; 0 when n == 0).
std::uint64_t nearest_rank(QuantileLevel q, std::uint64_t n);

MeasureResult nearest_rank_quantile(std::span<double> samples, QuantileLevel q,
                                    const contract::Norm& norm);

}  // namespace meetlat::measure
