// Instants, dates and durations: the vocabulary types of every other module.
//
// An Instant is an exact point in time, UTC-based, with microsecond resolution (evidence may carry
// fractional seconds; durations keep them). A Date is a calendar date without a zone ("2026-10-05"
// in a *_on column); it becomes instants only through a Zone. Business durations are Micros.
//
// These are the C++20 calendar types of <chrono> (g++ 12 has them; its <chrono> lacks only time
// zones and parsing). Howard Hinnant's date library, which the tz database needs, is included by
// zone.cc alone, so the other files do not compile it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace meetlat::time {

using Micros = std::chrono::microseconds;
using Instant = std::chrono::time_point<std::chrono::system_clock, Micros>;
using Date = std::chrono::local_days;
using LocalTime = std::chrono::local_time<Micros>;

// The calendar date of `d` as "YYYY-MM-DD".
std::string format_date(Date d);

// ISO weekday of a date: 1 = Monday … 7 = Sunday.
unsigned iso_weekday(Date d);

}  // namespace meetlat::time
