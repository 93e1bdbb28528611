// The outages of a period as a timeline drawn by meetlat in inline SVG (the availability page of
// the monthly report, docs/reports.md): the period from left to right with a mark under each of
// its ticks, and a bar for each outage in one of two lanes, unplanned (filled) and planned
// (outlined), each lane named in words, so that colour carries no meaning. An outage shorter than
// the width of a pixel still shows, at that width. The SVG carries role="img", a <title> and a
// <desc> listing every outage in words: the text alternative WCAG asks for.
//
// Deterministic: the same timeline gives the same bytes (coordinates with one decimal).
#pragma once

#include <string>
#include <vector>

#include "time/instant.h"
#include "time/period.h"

namespace meetlat::report {

struct TimelineBar {
  time::Instant from;  // inside the timeline's window
  time::Instant to;    // after `from`, inside the window
  bool planned = false;
};

struct TimelineTick {
  time::Instant at;   // inside the window
  std::string label;  // "8", "15"
};

struct OutageTimeline {
  std::string id;           // unique in the document, [A-Za-z0-9-] only
  std::string title;        // already in the reader's language
  std::string description;  // every outage in words
  time::Window window;      // from < to
  std::vector<TimelineBar> bars;
  std::vector<TimelineTick> ticks;
  std::string unplanned_label;  // the lanes' names: "ongepland", "gepland"
  std::string planned_label;
};

// The timeline as an <svg> element; the text it holds is HTML-escaped here.
std::string outage_timeline_svg(const OutageTimeline& timeline);

}  // namespace meetlat::report
