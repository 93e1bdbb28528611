#include "sources/intervals.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

namespace meetlat::sources {

std::vector<Interval> intervals_of(std::vector<StatusSample> samples) {
  std::stable_sort(samples.begin(), samples.end(),
                   [](const StatusSample& a, const StatusSample& b) {
                     return std::tie(a.group, a.at) < std::tie(b.group, b.at);
                   });
  std::vector<Interval> out;
  std::optional<Interval> open;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    StatusSample& s = samples[i];
    if (open && open->group != s.group) {
      out.push_back(std::move(*open));  // the group's last run: no sample after it
      open.reset();
    }
    const bool down = s.state == "down";
    const bool planned = s.state == "planned";
    if (open && (open->planned != planned || (!down && !planned))) {
      open->end = s.at;
      out.push_back(std::move(*open));
      open.reset();
    }
    if (!open && (down || planned)) {
      open = Interval{s.group, s.at, "", planned, std::move(s.extra), s.origin};
    }
  }
  if (open) out.push_back(std::move(*open));
  return out;
}

}  // namespace meetlat::sources
