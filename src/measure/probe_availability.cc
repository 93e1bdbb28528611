#include "measure/probe_availability.h"

#include <algorithm>
#include <chrono>

#include "measure/intervals.h"

namespace meetlat::measure {
namespace {

using std::chrono::minutes;

time::Instant minute_of(time::Instant t) { return std::chrono::floor<minutes>(t); }

std::int64_t minutes_touching(time::Window w) {
  const time::Instant first = minute_of(w.from);
  const time::Instant end = std::chrono::ceil<minutes>(w.to);
  return std::chrono::duration_cast<minutes>(end - first).count();
}

}  // namespace

std::vector<MinuteVotes> votes_per_minute(std::span<const Probe> probes, time::Window elapsed) {
  std::vector<std::uint32_t> order;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    if (elapsed.contains(probes[i].at)) order.push_back(static_cast<std::uint32_t>(i));
  }
  auto key = [&](std::uint32_t i) {
    return std::pair{minute_of(probes[i].at), probes[i].location};
  };
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  std::vector<MinuteVotes> votes;
  for (std::size_t i = 0; i < order.size();) {
    const auto k = key(order[i]);
    bool location_down = false;
    for (; i < order.size() && key(order[i]) == k; ++i) location_down |= !probes[order[i]].up;
    if (votes.empty() || votes.back().minute != k.first) votes.push_back({k.first});
    ++votes.back().locations;
    if (location_down) ++votes.back().down;
  }
  return votes;
}

MinuteTally tally_minutes(std::span<const MinuteVotes> votes, time::Window elapsed) {
  MinuteTally out;
  for (const MinuteVotes& v : votes) {
    if (v.minute < minute_of(elapsed.from) || !(v.minute < elapsed.to)) continue;
    ++out.observed;
    if (2 * v.down > v.locations) out.down.push_back(v.minute);
  }
  return out;
}

ProbeAvailabilityResult probe_availability(std::span<const Probe> probes,
                                           std::span<const time::Window> planned,
                                           time::Window window, time::Instant as_of,
                                           const contract::Norm& norm) {
  const time::Window elapsed{window.from, std::min(window.to, as_of)};
  if (elapsed.to <= elapsed.from) return {};
  const std::vector<MinuteVotes> votes = votes_per_minute(probes, elapsed);
  return tally_availability(tally_minutes(votes, elapsed), planned, window, as_of, norm);
}

ProbeAvailabilityResult tally_availability(const MinuteTally& minutes,
                                           std::span<const time::Window> planned,
                                           time::Window window, time::Instant as_of,
                                           const contract::Norm& norm) {
  ProbeAvailabilityResult out;
  const time::Window elapsed{window.from, std::min(window.to, as_of)};
  if (elapsed.to <= elapsed.from) return out;
  out.window_minutes = minutes_touching(elapsed);
  out.observed_minutes = minutes.observed;
  out.coverage =
      static_cast<double>(out.observed_minutes) / static_cast<double>(out.window_minutes);
  if (out.observed_minutes == 0) return out;  // no_data

  std::vector<time::Window> down_minutes;
  down_minutes.reserve(minutes.down.size());
  for (const time::Instant m : minutes.down)
    down_minutes.push_back({m, m + std::chrono::minutes{1}});
  out.availability = interval_availability(down_minutes, planned, window, as_of, norm);
  out.down_intervals = merge_within(down_minutes, elapsed);
  MeasureResult& r = out.availability.result;
  r.count = out.observed_minutes;
  r.failing = static_cast<std::int64_t>(down_minutes.size());
  return out;
}

}  // namespace meetlat::measure
