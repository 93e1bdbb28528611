// An exact multiset of doubles: how many times each distinct value occurred (KPI-10 transaction
// durations). A month of 30 million durations in whole milliseconds has a few thousand distinct
// values, so memory follows the distinct values, not the samples, and the nearest-rank quantile
// read from it is the one measure::nearest_rank_quantile gives on the samples themselves.
//
// Values are keyed by their bits (open addressing, at most half full); -0.0 counts as 0.0. NaN
// must not be added. Not thread-safe for writing; merge() the counts of several threads.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "contract/norm.h"
#include "measure/quantile.h"
#include "measure/result.h"

namespace meetlat::evaluate {

class ValueCounts {
 public:
  void add(double value, std::uint64_t times = 1);
  void merge(const ValueCounts& other);
  // Samples added (with their multiplicity) and distinct values.
  std::uint64_t total() const { return total_; }
  std::size_t distinct() const { return used_; }
  // (value, count) pairs by ascending value.
  std::vector<std::pair<double, std::uint64_t>> sorted() const;

 private:
  struct Entry {
    std::uint64_t bits = 0;
    std::uint64_t count = 0;  // 0: empty
  };
  void grow();

  std::vector<Entry> entries_;  // power of two, or empty
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
};

// measure::nearest_rank_quantile over the samples `counts` holds: the ⌈q·n⌉-th smallest value,
// n, the samples missing the norm on their own, and met/breached (no_data when empty).
measure::MeasureResult nearest_rank_quantile(const ValueCounts& counts, measure::QuantileLevel q,
                                             const contract::Norm& norm);

}  // namespace meetlat::evaluate
