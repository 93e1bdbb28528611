// Nearest-rank quantile of samples known only by histogram buckets (KPI-10 p95 from an APM's
// histograms instead of raw durations, docs/evidence.md latency_histograms.csv).
//
// A bucket holds `count` samples, each in (above, at_most]: the upper bound is inclusive, as in
// Prometheus (`le`) and OpenTelemetry explicit and exponential buckets. An unset bound is
// unbounded. Buckets may come in any order and may overlap (several windows, several names).
//
// The q-quantile is the one of measure::nearest_rank_quantile: the ⌈q·n⌉-th smallest sample, r.
// From buckets alone it is known to lie in (A, B], where A is the r-th smallest lower bound and
// B the r-th smallest upper bound (each sample counted with its bucket's bounds): r samples lie at
// or below B, and fewer than r lie at or below A. For buckets that do not overlap, (A, B] is the
// bucket holding the r-th smallest sample, so no narrower interval follows from the buckets.
//
// The status is decided on that interval, never on a guessed value: met when the norm holds for
// every value in (A, B], breached when it holds for none, kUndecidable otherwise. For "< 300"
// that is counting: met when at least r samples lie in buckets whose at_most is below 300,
// breached when fewer than r lie in buckets whose above is below 300. A bucket (250, 300] can
// hold 300 itself, so it decides nothing for "< 300" (it does for "<= 300"). An "== T" norm is
// never met from buckets. Bounds are compared as given, exactly (no rounding).
//
// Pure; count: n; failing: samples in buckets wholly missing the norm; undetermined: samples in
// buckets that hold values on both sides of it. n = 0 gives no_data.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "contract/norm.h"
#include "measure/quantile.h"
#include "measure/result.h"

namespace meetlat::measure {

struct Bucket {
  std::optional<double> above;    // exclusive lower bound; unset: unbounded
  std::optional<double> at_most;  // inclusive upper bound; unset: unbounded
  std::uint64_t count = 0;
};

struct HistogramQuantile {
  Status status = Status::kNoData;  // kMet, kBreached or kNoData; see `undecidable`
  bool undecidable = false;         // the buckets allow values on both sides of the norm
  std::optional<double> above;      // A: the quantile is above it; unset: unbounded
  std::optional<double> at_most;    // B: the quantile is at most it; unset: unbounded
  std::uint64_t count = 0;
  std::uint64_t failing = 0;
  std::uint64_t undetermined = 0;
};

HistogramQuantile histogram_quantile(std::span<const Bucket> buckets, QuantileLevel q,
                                     const contract::Norm& norm);

}  // namespace meetlat::measure
