#include "measure/milestone.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace meetlat::measure {
namespace {

std::uint64_t days_per_unit(MilestoneUnit unit) { return unit == MilestoneUnit::kWeeks ? 7 : 1; }

std::uint64_t days_between(time::Date from, time::Date to) {
  return static_cast<std::uint64_t>(std::max<std::int64_t>(0, (to - from).count()));
}

bool holds_days(std::uint64_t days, MilestoneUnit unit, const contract::Norm& norm) {
  return norm.holds_fraction(days, days_per_unit(unit));
}

// The largest day count that still meets a "<=" / "<" / "==" norm.
std::optional<std::uint64_t> last_good_days(MilestoneUnit unit, const contract::Norm& norm) {
  if (norm.higher_is_better()) return std::nullopt;
  const double estimate =
      std::floor(norm.threshold.to_double() * static_cast<double>(days_per_unit(unit)));
  auto days = static_cast<std::int64_t>(std::max(0.0, estimate));
  while (holds_days(static_cast<std::uint64_t>(days) + 1, unit, norm)) ++days;
  while (days >= 0 && !holds_days(static_cast<std::uint64_t>(days), unit, norm)) --days;
  if (days < 0) return std::nullopt;
  return static_cast<std::uint64_t>(days);
}

double in_unit(std::uint64_t days, MilestoneUnit unit) {
  return static_cast<double>(days) / static_cast<double>(days_per_unit(unit));
}

}  // namespace

MilestoneResult milestone(const MilestoneDates& dates, MilestoneUnit unit,
                          const contract::Norm& norm) {
  MilestoneResult out;
  MeasureResult& r = out.result;
  if (const auto good = last_good_days(unit, norm)) {
    out.deadline = dates.start + std::chrono::days{static_cast<std::int64_t>(*good)};
  }
  const bool achieved = dates.achieved_on && *dates.achieved_on <= dates.today;
  const bool deadline_passed = out.deadline && *out.deadline < dates.today;
  if (achieved) {
    const std::uint64_t days = days_between(dates.start, *dates.achieved_on);
    r.value = in_unit(days, unit);
    r.count = 1;
    r.status = holds_days(days, unit, norm) ? Status::kMet : Status::kBreached;
    out.decided_on =
        (out.deadline && *out.deadline < *dates.achieved_on) ? *out.deadline : *dates.achieved_on;
  } else if (deadline_passed) {
    const time::Date earliest =
        dates.planned_on ? std::max(*dates.planned_on, dates.today) : dates.today;
    r.value = in_unit(days_between(dates.start, earliest), unit);
    r.count = 1;
    r.status = Status::kBreached;
    out.forecast = true;
    out.decided_on = out.deadline;
  } else {
    if (dates.planned_on) {
      r.value = in_unit(days_between(dates.start, *dates.planned_on), unit);
      out.forecast = true;
    }
    r.pending = 1;
    r.status = Status::kPending;
  }
  if (r.status == Status::kBreached) {
    r.failing = 1;
    r.failing_items = {0};
  }
  const double threshold = norm.threshold.to_double();
  if (r.value && threshold != 0) out.deviation = *r.value / threshold - 1;
  return out;
}

}  // namespace meetlat::measure
