// An exact multiset of doubles: how many times each distinct value occurred (KPI-10 transaction
// durations). A month of 30 million durations in whole milliseconds has a few thousand distinct
// values, so memory follows the distinct values, not the samples, and the nearest-rank quantile
// read from it is the one measure::nearest_rank_quantile gives on the samples themselves.
//
// Values that are the double nearest to a tenth below kDenseTenths / 10 (whole and decimal
// milliseconds as tools write them: "143", "143.4") are counted in an array indexed by the tenth,
// grown to the largest one seen, where the values of the bulk of the samples lie side by side in
// cache; every other value is keyed by its bits (open addressing, at most half full). A value is
// in one place or the other, never both. -0.0 counts as 0.0. NaN must not be added. Not
// thread-safe for writing; merge() the counts of several threads.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "contract/norm.h"
#include "measure/quantile.h"
#include "measure/result.h"

namespace meetlat::evaluate {

// On its own cache lines: the counts of the two parser threads' accumulators are allocated side by
// side and written for every sample (false sharing otherwise).
class alignas(64) ValueCounts {
 public:
  // Tenths counted in the array: 0 to 819.1 ms (64 KiB at most per multiset).
  static constexpr std::uint32_t kDenseTenths = 8192;

  void add(double value, std::uint64_t times = 1) {
    if (times == 0) return;
    const double tenths = value * 10.0;
    if (tenths >= 0.0 && tenths < kDenseTenths) {  // false for NaN
      // value·10 lies within a rounding error of k: truncated, it is k or k − 1.
      auto k = static_cast<std::uint32_t>(tenths);
      if (kTenthValues[k] != value && k + 1 < kDenseTenths) ++k;
      if (kTenthValues[k] == value) {
        if (k >= dense_.size()) grow_dense(k);
        if (dense_[k] == 0) ++used_;
        dense_[k] += times;
        total_ += times;
        return;
      }
    }
    add_keyed(value, times);
  }
  // k / 10.0 for every k counted in the array: the double nearest to k tenths (a quotient is
  // correctly rounded, at compile time too), so value == kTenthValues[k] exactly when `value` is
  // that tenth. A table, not a division per sample.
  static constexpr std::array<double, kDenseTenths> kTenthValues = [] {
    std::array<double, kDenseTenths> values{};
    for (std::uint32_t k = 0; k < kDenseTenths; ++k) values[k] = static_cast<double>(k) / 10.0;
    return values;
  }();

  void merge(const ValueCounts& other);
  // Samples added (with their multiplicity) and distinct values.
  std::uint64_t total() const { return total_; }
  std::size_t distinct() const { return used_; }
  // (value, count) pairs by ascending value.
  std::vector<std::pair<double, std::uint64_t>> sorted() const;

  // The counts as bytes: the distinct values' number, then each (value's bits, count) by
  // ascending value, all as 64-bit little-endian words. add_bytes() adds such counts; false, adding
  // nothing, when `bytes` are not such a record.
  std::string bytes() const;
  bool add_bytes(std::string_view bytes);

 private:
  struct Entry {
    std::uint64_t bits = 0;
    std::uint64_t count = 0;  // 0: empty
  };
  void add_keyed(double value, std::uint64_t times) {
    if ((used_ + 1) * 2 > entries_.size()) grow();
    const auto bits = std::bit_cast<std::uint64_t>(value + 0.0);  // -0.0 + 0.0 is +0.0
    const std::size_t mask = entries_.size() - 1;
    std::size_t i = slot_of(bits) & mask;
    while (entries_[i].count != 0 && entries_[i].bits != bits) i = (i + 1) & mask;
    if (entries_[i].count == 0) {
      entries_[i].bits = bits;
      ++used_;
    }
    entries_[i].count += times;
    total_ += times;
  }
  void grow();
  void grow_dense(std::uint32_t tenth);
  // The low bits of a whole number's double are all zero: mix every bit into the low ones
  // (MurmurHash3's finaliser).
  static std::size_t slot_of(std::uint64_t bits) {
    bits ^= bits >> 33;
    bits *= 0xff51afd7ed558ccdull;
    bits ^= bits >> 33;
    return static_cast<std::size_t>(bits);
  }

  std::vector<std::uint64_t> dense_;  // count per tenth of a millisecond from 0; 0: none
  std::vector<Entry> entries_;        // power of two, or empty
  std::size_t used_ = 0;              // distinct values in both
  std::uint64_t total_ = 0;
};

// measure::nearest_rank_quantile over the samples `counts` holds: the ⌈q·n⌉-th smallest value,
// n, the samples missing the norm on their own, and met/breached (no_data when empty).
measure::MeasureResult nearest_rank_quantile(const ValueCounts& counts, measure::QuantileLevel q,
                                             const contract::Norm& norm);

}  // namespace meetlat::evaluate
