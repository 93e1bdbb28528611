#include "measure/availability.h"

#include <algorithm>
#include <cstdint>

#include "measure/intervals.h"

namespace meetlat::measure {
namespace {

time::Window outage_interval(const Outage& o, time::Instant as_of) {
  const time::Instant end = o.end.has_value() ? std::min(*o.end, as_of) : as_of;
  return {o.start, end};
}

// The part of `down` each of `failing` holds that none before it holds.
std::vector<time::Micros> downtime_shares(std::span<const Outage> outages,
                                          std::span<const std::uint32_t> failing,
                                          std::span<const time::Window> down, time::Instant as_of) {
  std::vector<time::Micros> out;
  out.reserve(failing.size());
  std::vector<time::Window> claimed;  // sorted, disjoint: the down time given out so far
  for (const auto i : failing) {
    const time::Window w = outage_interval(outages[i], as_of);
    std::vector<time::Window> own;
    for (const time::Window& d : down) {
      const time::Window cut{std::max(w.from, d.from), std::min(w.to, d.to)};
      if (cut.from < cut.to) own.push_back(cut);
    }
    own = subtract(own, claimed);
    out.push_back(total_length(own));
    claimed.insert(claimed.end(), own.begin(), own.end());
    if (!own.empty()) claimed = merge_within(claimed, {down.front().from, down.back().to});
  }
  return out;
}

}  // namespace

AvailabilityResult interval_availability(std::span<const time::Window> unplanned,
                                         std::span<const time::Window> planned, time::Window window,
                                         time::Instant as_of, const contract::Norm& norm) {
  AvailabilityResult out;
  const time::Window elapsed{window.from, std::min(window.to, as_of)};
  if (elapsed.to <= elapsed.from) return out;  // no_data: nothing has elapsed
  const std::vector<time::Window> planned_set = merge_within(planned, elapsed);
  out.down = subtract(merge_within(unplanned, elapsed), planned_set);
  out.planned = total_length(planned_set);
  out.downtime = total_length(out.down);
  out.measured = (elapsed.to - elapsed.from) - out.planned;
  if (out.measured <= time::Micros{0}) return out;  // no_data: all of it planned
  const auto measured = static_cast<std::uint64_t>(out.measured.count());
  const auto up = measured - static_cast<std::uint64_t>(out.downtime.count());
  out.result.value = static_cast<double>(up) / static_cast<double>(measured);
  out.result.status = norm.holds_fraction(up, measured) ? Status::kMet : Status::kBreached;
  return out;
}

AvailabilityResult outage_availability(std::span<const Outage> outages, time::Window window,
                                       time::Instant as_of, const contract::Norm& norm) {
  std::vector<time::Window> unplanned;
  std::vector<time::Window> planned;
  for (const Outage& o : outages) {
    (o.planned ? planned : unplanned).push_back(outage_interval(o, as_of));
  }
  AvailabilityResult out = interval_availability(unplanned, planned, window, as_of, norm);

  const time::Window elapsed{window.from, std::min(window.to, as_of)};
  const std::vector<time::Window> planned_set = merge_within(planned, elapsed);
  MeasureResult& r = out.result;
  for (std::size_t i = 0; i < outages.size(); ++i) {
    const time::Window w = outage_interval(outages[i], as_of);
    const time::Window cut{std::max(w.from, elapsed.from), std::min(w.to, elapsed.to)};
    if (cut.to <= cut.from) continue;
    ++r.count;
    if (!outages[i].planned && !covered(cut, planned_set)) {
      r.failing_items.push_back(static_cast<std::uint32_t>(i));
    }
  }
  r.failing = static_cast<std::int64_t>(r.failing_items.size());
  out.failing_downtime = downtime_shares(outages, r.failing_items, out.down, as_of);
  return out;
}

}  // namespace meetlat::measure
