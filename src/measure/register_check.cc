#include "measure/register_check.h"

#include <algorithm>
#include <chrono>

#include "measure/intervals.h"

namespace meetlat::measure {

RegisterGap unrecorded_downtime(std::span<const time::Window> probe_down,
                                std::span<const Outage> records, time::Window window,
                                time::Instant as_of) {
  RegisterGap out;
  const time::Window elapsed{window.from, std::min(window.to, as_of)};
  if (elapsed.to <= elapsed.from) return out;
  std::vector<time::Window> held;
  held.reserve(records.size());
  for (const Outage& o : records) {
    const time::Instant end = o.end && *o.end < as_of ? *o.end : as_of;
    held.push_back({std::chrono::floor<std::chrono::minutes>(o.start),
                    std::chrono::ceil<std::chrono::minutes>(end)});
  }
  out.unrecorded = subtract(merge_within(probe_down, elapsed), merge_within(held, elapsed));
  out.total = total_length(out.unrecorded);
  return out;
}

}  // namespace meetlat::measure
