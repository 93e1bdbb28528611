// The clock of an item that stands still while the item is paused ("waiting for customer"), as
// ITSM tools stop a ticket's SLA clock: the deadline is the instant at which `within` of the
// calendar's open time has run outside the pauses.
//
// Pauses are intersected with the calendar (a pause outside open hours takes nothing away) and
// with the part of the item's life the clock runs in, [from, stop): a pause before `from` or from
// `stop` on is cut off, and overlapping pauses count once. The caller sets `stop` to the item's
// closing instant (its response) when it closed by as_of, else to as_of, so a pause that is still
// going at as_of stands still up to as_of and a pause not yet begun at as_of is not known.
//
// With no pause inside [from, stop) the deadline is Calendar::deadline(from, within). Instants UTC,
// microseconds. Pure; thread-safe as the Calendar is.
#pragma once

#include <span>

#include "time/calendar.h"
#include "time/instant.h"
#include "time/period.h"

namespace meetlat::measure {

struct PausedClock {
  time::Instant deadline;  // `within` of open time after `from`, not counting the pauses
  time::Micros paused{0};  // open time of the calendar paused inside [from, stop)
  int pauses = 0;          // pauses inside [from, stop), overlapping and touching ones as one
};

// `within` > 0; `pauses` in any order, each [paused, resumed) (resumed may be Instant::max() for
// a pause without end); stop >= from.
PausedClock paused_clock(const time::Calendar& calendar, time::Instant from, time::Micros within,
                         time::Instant stop, std::span<const time::Window> pauses);

}  // namespace meetlat::measure
