#include "evaluate/minimum_volume.h"

#include <string>

namespace meetlat::evaluate {

Status at_most_failing(std::int64_t failing, std::int64_t pending, int max_failing) {
  if (failing > max_failing) return Status::kBreached;
  if (failing + pending <= max_failing) return Status::kMet;
  return Status::kPending;
}

bool apply_minimum_volume(const contract::MinimumVolume& rule, ObjectiveResult& r) {
  const std::int64_t items = r.count + r.pending;
  if (items == 0 || items >= rule.min_count) return false;
  r.volume_rule = VolumeRule{items, rule.min_count, rule.max_failing};
  if (rule.max_failing) {
    r.status = at_most_failing(r.failing, r.pending, *rule.max_failing);
    r.reason.reset();
    return true;
  }
  r.status = Status::kNoData;
  r.reason = std::to_string(items) + (items == 1 ? " item" : " items") +
             ", fewer than the minimum of " + std::to_string(rule.min_count);
  return true;
}

}  // namespace meetlat::evaluate
