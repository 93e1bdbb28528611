#include "evaluate/context.h"

#include <algorithm>
#include <stdexcept>

namespace meetlat::evaluate {

Context::Context(const contract::Versions& versions, const evidence::Evidence& evidence,
                 const time::Zone& zone, time::Instant as_of, const LatencyAccumulator* latency)
    : versions_(versions), evidence_(evidence), zone_(zone), as_of_(as_of), latency_(latency) {
  compile_calendars();
}

Context::Context(const contract::Contract& contract, const evidence::Evidence& evidence,
                 const time::Zone& zone, time::Instant as_of, const LatencyAccumulator* latency)
    : Context(std::make_unique<const contract::Versions>(contract), evidence, zone, as_of,
              latency) {}

Context::Context(std::unique_ptr<const contract::Versions> owned,
                 const evidence::Evidence& evidence, const time::Zone& zone, time::Instant as_of,
                 const LatencyAccumulator* latency)
    : owned_(std::move(owned)),
      versions_(*owned_),
      evidence_(evidence),
      zone_(zone),
      as_of_(as_of),
      latency_(latency) {
  compile_calendars();
}

void Context::compile_calendars() {
  const time::Zone& zone = zone_;
  for (const auto& [name, def] : versions_.contract().calendars) {
    calendars_.emplace(name, time::Calendar::build(def.spec, zone));
  }
  if (!calendars_.contains("24x7")) {
    calendars_.emplace("24x7", time::Calendar::build(time::CalendarSpec::always_open(), zone));
  }
}

const time::Calendar& Context::calendar(std::string_view name) const {
  const auto it = calendars_.find(name);
  if (it == calendars_.end()) {
    throw std::logic_error("calendar not compiled: " + std::string(name));
  }
  return it->second;
}

int slot_of(std::span<const Slot> slots, time::Instant t) {
  if (slots.empty() || t < slots.front().window.from || !(t < slots.back().window.to)) return -1;
  const auto it =
      std::upper_bound(slots.begin(), slots.end(), t,
                       [](time::Instant x, const Slot& s) { return x < s.window.from; });
  const auto index = static_cast<int>(it - slots.begin()) - 1;
  return slots[static_cast<std::size_t>(index)].window.contains(t) ? index : -1;
}

}  // namespace meetlat::evaluate
