#include "measure/histogram_quantile.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace meetlat::measure {
namespace {

using Bound = std::optional<double>;

contract::Norm with_op(const contract::Norm& norm, contract::Op op) {
  contract::Norm n = norm;
  n.op = op;
  return n;
}

// Whether every value in (above, at_most] meets the norm.
bool all_hold(const contract::Norm& norm, Bound above, Bound at_most) {
  switch (norm.op) {
    case contract::Op::kLt:
    case contract::Op::kLe:
      return at_most && norm.holds(*at_most);
    case contract::Op::kGt:
    case contract::Op::kGe:  // values above A >= T are > T
      return above && !with_op(norm, contract::Op::kLt).holds(*above);
    case contract::Op::kEq:
      return false;
  }
  return false;
}

// Whether no value in (above, at_most] meets the norm.
bool none_hold(const contract::Norm& norm, Bound above, Bound at_most) {
  const bool above_at_least_t = above && !with_op(norm, contract::Op::kLt).holds(*above);
  switch (norm.op) {
    case contract::Op::kLt:
    case contract::Op::kLe:
      return above_at_least_t;
    case contract::Op::kGt:
    case contract::Op::kGe:
      return at_most && !norm.holds(*at_most);
    case contract::Op::kEq:
      return above_at_least_t || (at_most && !with_op(norm, contract::Op::kGe).holds(*at_most));
  }
  return false;
}

// The rank-th smallest of the bounds (1-based, each with its multiplicity); unset sorts first
// when `unset_is_low`, else last.
Bound rank_th(std::vector<std::pair<Bound, std::uint64_t>> bounds, std::uint64_t rank,
              bool unset_is_low) {
  std::sort(bounds.begin(), bounds.end(), [&](const auto& a, const auto& b) {
    if (a.first.has_value() != b.first.has_value()) {
      return unset_is_low ? !a.first.has_value() : a.first.has_value();
    }
    return a.first.has_value() && *a.first < *b.first;
  });
  std::uint64_t seen = 0;
  for (const auto& [bound, count] : bounds) {
    seen += count;
    if (seen >= rank) return bound;
  }
  return std::nullopt;  // not reached: rank <= n
}

}  // namespace

HistogramQuantile histogram_quantile(std::span<const Bucket> buckets, QuantileLevel q,
                                     const contract::Norm& norm) {
  HistogramQuantile r;
  std::vector<std::pair<Bound, std::uint64_t>> lower;
  std::vector<std::pair<Bound, std::uint64_t>> upper;
  for (const Bucket& b : buckets) {
    if (b.count == 0) continue;
    r.count += b.count;
    lower.emplace_back(b.above, b.count);
    upper.emplace_back(b.at_most, b.count);
    if (none_hold(norm, b.above, b.at_most)) {
      r.failing += b.count;
    } else if (!all_hold(norm, b.above, b.at_most)) {
      r.undetermined += b.count;
    }
  }
  if (r.count == 0) return r;
  const std::uint64_t rank = nearest_rank(q, r.count);
  r.above = rank_th(std::move(lower), rank, true);
  r.at_most = rank_th(std::move(upper), rank, false);
  if (all_hold(norm, r.above, r.at_most)) {
    r.status = Status::kMet;
  } else if (none_hold(norm, r.above, r.at_most)) {
    r.status = Status::kBreached;
  } else {
    r.undecidable = true;  // status stays kNoData: see the header
  }
  return r;
}

}  // namespace meetlat::measure
