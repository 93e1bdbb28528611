#include "measure/paused_clock.h"

#include <algorithm>

#include "measure/intervals.h"

namespace meetlat::measure {

PausedClock paused_clock(const time::Calendar& calendar, time::Instant from, time::Micros within,
                         time::Instant stop, std::span<const time::Window> pauses) {
  PausedClock out;
  const std::vector<time::Window> stopped = merge_within(pauses, {from, std::max(from, stop)});
  out.pauses = static_cast<int>(stopped.size());
  // Walk the running stretches between the pauses until `within` of open time has run.
  time::Instant running_from = from;
  time::Micros left = within;
  bool found = false;
  for (const time::Window& pause : stopped) {
    out.paused += calendar.elapsed(pause.from, pause.to);
    if (found) continue;
    const time::Micros run = calendar.elapsed(running_from, pause.from);
    if (run >= left) {
      out.deadline = calendar.deadline(running_from, left);
      found = true;
      continue;
    }
    left -= run;
    running_from = pause.to;
  }
  if (!found) out.deadline = calendar.deadline(running_from, left);
  return out;
}

}  // namespace meetlat::measure
