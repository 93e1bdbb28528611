#include "measure/attainment.h"

namespace meetlat::measure {

ItemOutcome attainment_outcome(const AttainmentItem& item, time::Instant as_of) {
  const bool closed = item.end.has_value() && *item.end <= as_of;
  if (closed) return *item.end <= item.deadline ? ItemOutcome::kInTime : ItemOutcome::kLate;
  return item.deadline < as_of ? ItemOutcome::kOverdue : ItemOutcome::kPending;
}

MeasureResult AttainmentTally::result(const contract::Norm& norm) const {
  const auto count = [&](ItemOutcome o) { return outcomes_[static_cast<int>(o)]; };
  const std::uint64_t in_time = count(ItemOutcome::kInTime);
  MeasureResult r;
  r.failing = static_cast<std::int64_t>(count(ItemOutcome::kLate) + count(ItemOutcome::kOverdue));
  r.pending = static_cast<std::int64_t>(count(ItemOutcome::kPending));
  r.count = static_cast<std::int64_t>(in_time) + r.failing;
  if (r.count > 0) r.value = static_cast<double>(in_time) / static_cast<double>(r.count);
  r.status = decide_share(in_time, static_cast<std::uint64_t>(r.count),
                          static_cast<std::uint64_t>(r.pending), norm);
  return r;
}

}  // namespace meetlat::measure
