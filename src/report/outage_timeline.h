// The time a service was down over a period as a timeline drawn by meetlat in inline SVG (the
// availability page of the monthly report, docs/reports.md): the period from left to right with a
// mark under each of its ticks, and a bar for each span of down time in a lane named in words, so
// that colour carries no meaning. Availability from the outage register has two lanes, unplanned
// outages (filled) and planned ones (outlined), and a third when the probes checked the register,
// the minutes they saw down (filled); availability from the probes one, the minutes they counted
// down (filled). A span shorter than the width of a pixel still shows, at that
// width, and bars of a lane given one after the other that would lie less than a pixel apart are
// drawn as one, so that thousands of spans make at most a few hundred bars. The SVG carries
// role="img", a <title> and a <desc> (the caller's words for every span, or for their count and
// the longest): the text alternative WCAG asks for.
//
// Deterministic: the same timeline gives the same bytes (coordinates with one decimal).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "time/instant.h"
#include "time/period.h"

namespace meetlat::report {

struct TimelineBar {
  time::Instant from;    // inside the timeline's window
  time::Instant to;      // after `from`, inside the window
  std::size_t lane = 0;  // index into OutageTimeline::lanes
};

struct TimelineTick {
  time::Instant at;   // inside the window
  std::string label;  // "8", "15"
};

struct TimelineLane {
  std::string label;   // its name in the reader's language: "ongepland", "gepland", "storing"
  bool filled = true;  // its bars filled (unplanned down time) or outlined (planned)
};

struct OutageTimeline {
  std::string id;                   // unique in the document, [A-Za-z0-9-] only
  std::string title;                // already in the reader's language
  std::string description;          // every span in words
  time::Window window;              // from < to
  std::vector<TimelineLane> lanes;  // top to bottom; at least one
  std::vector<TimelineBar> bars;    // in the order drawn
  std::vector<TimelineTick> ticks;
};

// The timeline as an <svg> element; the text it holds is HTML-escaped here.
std::string outage_timeline_svg(const OutageTimeline& timeline);

}  // namespace meetlat::report
