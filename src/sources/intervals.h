// Status samples (an uptime monitor's heartbeats) turned into intervals (outages), as
// profile.h's Intervals describes: per group (monitor) in time order, a run of down samples is an
// unplanned outage and a run of planned samples a planned one, from the run's first sample to the
// next sample in another state; the last run of a group stays open (no end).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace meetlat::sources {

struct StatusSample {
  std::string group;  // the monitor
  std::string at;     // the time stamp in meetlat's form; samples sort by it (one zone form)
  std::string state;  // up, down or planned
  std::map<std::string, std::string> extra;  // the mapping's other columns, from this sample
  std::size_t origin = 0;                    // the caller's mark of where the sample was read
};

struct Interval {
  std::string group;
  std::string start;
  std::string end;  // empty: still going on at the last sample
  bool planned = false;
  std::map<std::string, std::string> extra;  // of the run's first sample
  std::size_t origin = 0;                    // of the run's first sample
};

// The intervals of `samples` (in any order), by group, then start.
std::vector<Interval> intervals_of(std::vector<StatusSample> samples);

}  // namespace meetlat::sources
