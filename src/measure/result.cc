#include "measure/result.h"

namespace meetlat::measure {
namespace {

contract::Norm with_op(const contract::Norm& norm, contract::Op op) {
  contract::Norm n = norm;
  n.op = op;
  return n;
}

// Whether some k in [0, pending] gives (numerator + k) / total == threshold. The share grows with
// k, so the only candidate is the smallest k at which ">=" holds.
bool some_share_equals(std::uint64_t numerator, std::uint64_t total, std::uint64_t pending,
                       const contract::Norm& norm) {
  const contract::Norm ge = with_op(norm, contract::Op::kGe);
  const contract::Norm le = with_op(norm, contract::Op::kLe);
  if (!ge.holds_fraction(numerator + pending, total)) return false;
  std::uint64_t lo = 0;  // invariant: the answer k lies in [lo, hi]
  std::uint64_t hi = pending;
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (ge.holds_fraction(numerator + mid, total)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return le.holds_fraction(numerator + lo, total);
}

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::kMet:
      return "met";
    case Status::kBreached:
      return "breached";
    case Status::kPending:
      return "pending";
    case Status::kNoData:
      return "no_data";
  }
  return "?";
}

Status decide_share(std::uint64_t numerator, std::uint64_t decided, std::uint64_t pending,
                    const contract::Norm& norm) {
  const std::uint64_t total = decided + pending;
  if (total == 0) return Status::kNoData;
  if (norm.op == contract::Op::kEq) {
    // With a pending item the share takes at least two different values, so "==" cannot hold
    // for all of them.
    if (pending == 0) {
      return norm.holds_fraction(numerator, total) ? Status::kMet : Status::kBreached;
    }
    return some_share_equals(numerator, total, pending, norm) ? Status::kPending
                                                              : Status::kBreached;
  }
  // For the other operators the norm is monotone in k: the extremes decide.
  const bool holds_if_none_added = norm.holds_fraction(numerator, total);
  const bool holds_if_all_added = norm.holds_fraction(numerator + pending, total);
  if (holds_if_none_added && holds_if_all_added) return Status::kMet;
  if (!holds_if_none_added && !holds_if_all_added) return Status::kBreached;
  return Status::kPending;
}

}  // namespace meetlat::measure
