#include "measure/attainment.h"

namespace meetlat::measure {

ItemOutcome attainment_outcome(const AttainmentItem& item, time::Instant as_of) {
  const bool closed = item.end.has_value() && *item.end <= as_of;
  if (closed) return *item.end <= item.deadline ? ItemOutcome::kInTime : ItemOutcome::kLate;
  return item.deadline < as_of ? ItemOutcome::kOverdue : ItemOutcome::kPending;
}

AttainmentResult attainment(std::span<const AttainmentItem> items, time::Instant as_of,
                            const contract::Norm& norm) {
  AttainmentResult out;
  out.outcomes.reserve(items.size());
  std::uint64_t in_time = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ItemOutcome o = attainment_outcome(items[i], as_of);
    out.outcomes.push_back(o);
    switch (o) {
      case ItemOutcome::kInTime:
        ++in_time;
        break;
      case ItemOutcome::kLate:
      case ItemOutcome::kOverdue:
        out.result.failing_items.push_back(static_cast<std::uint32_t>(i));
        break;
      case ItemOutcome::kPending:
        ++out.result.pending;
        break;
    }
  }
  MeasureResult& r = out.result;
  r.failing = static_cast<std::int64_t>(r.failing_items.size());
  r.count = static_cast<std::int64_t>(in_time) + r.failing;
  if (r.count > 0) r.value = static_cast<double>(in_time) / static_cast<double>(r.count);
  r.status = decide_share(in_time, static_cast<std::uint64_t>(r.count),
                          static_cast<std::uint64_t>(r.pending), norm);
  return out;
}

}  // namespace meetlat::measure
