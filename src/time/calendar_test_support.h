// What the calendar tests share: dates and instants written as text in Amsterdam, and calendars
// built over 2024–2028 (the horizon every hand-worked case lies in).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "time/calendar.h"
#include "time/parse.h"

namespace meetlat::time::testing {

inline Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

inline const Zone& amsterdam() {
  static const Zone zone = Zone::load("Europe/Amsterdam");
  return zone;
}

inline Calendar build(const CalendarSpec& spec) {
  return Calendar::build(spec, amsterdam(), ymd(2024, 1, 1), ymd(2029, 1, 1));
}

// A time stamp in Amsterdam ("2026-10-05T09:00"); a failed test when it does not parse.
inline Instant at(std::string_view text) {
  ParseError error;
  const auto ts = parse_timestamp(text, amsterdam(), &error);
  EXPECT_TRUE(ts.has_value()) << text << " column " << error.column;
  return ts ? ts->at : Instant{};
}

// ISO 8601 with the Amsterdam offset.
inline std::string fmt(Instant t) { return amsterdam().format(t); }

}  // namespace meetlat::time::testing
