#include "measure/paused_clock.h"

#include <gtest/gtest.h>

#include <vector>

#include "time/calendar_test_support.h"

namespace meetlat::measure {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using time::testing::at;
using time::testing::fmt;

// Office hours Monday–Friday 08:00–18:00; Monday 5 October 2026 is an ordinary working day.
const time::Calendar& office() {
  static const time::Calendar c = time::testing::build(time::CalendarSpec::office_hours());
  return c;
}

// The paused clock of an item created at `from` with `within`, closed at `stop`.
PausedClock clock(const char* from, time::Micros within, const char* stop,
                  const std::vector<time::Window>& pauses) {
  return paused_clock(office(), at(from), within, at(stop), pauses);
}

TEST(PausedClockTest, WithoutPausesTheDeadlineIsTheCalendars) {
  const PausedClock c = clock("2026-10-05 09:00", hours{4}, "2026-10-06 09:00", {});
  EXPECT_EQ(fmt(c.deadline), "2026-10-05T13:00:00+02:00");
  EXPECT_EQ(c.paused, minutes{0});
  EXPECT_EQ(c.pauses, 0);
}

TEST(PausedClockTest, APauseInOfficeHoursMovesTheDeadlineByItsLength) {
  // 09:00–10:00 runs 1 h; paused 10:00–11:30; the other 3 h run 11:30–14:30.
  const PausedClock c = clock("2026-10-05 09:00", hours{4}, "2026-10-06 09:00",
                              {{at("2026-10-05 10:00"), at("2026-10-05 11:30")}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-05T14:30:00+02:00");
  EXPECT_EQ(c.paused, minutes{90});
  EXPECT_EQ(c.pauses, 1);
}

TEST(PausedClockTest, APauseAcrossTheNightCountsOnlyItsOpenHours) {
  // Created Monday 16:00: 16:00–17:00 runs 1 h. Paused 17:00 to Tuesday 09:00, of which Monday
  // 17:00–18:00 and Tuesday 08:00–09:00 are open: 2 h paused. The other 3 h run Tuesday
  // 09:00–12:00. Unpaused it would be Tuesday 10:00.
  const PausedClock c = clock("2026-10-05 16:00", hours{4}, "2026-10-07 09:00",
                              {{at("2026-10-05 17:00"), at("2026-10-06 09:00")}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-06T12:00:00+02:00");
  EXPECT_EQ(c.paused, hours{2});
}

TEST(PausedClockTest, OverlappingPausesCountOnce) {
  // 10:00–11:00 and 10:30–12:00 stop the clock 10:00–12:00: 2 h, not 2 h 30 min.
  const PausedClock c = clock("2026-10-05 09:00", hours{4}, "2026-10-06 09:00",
                              {{at("2026-10-05 10:30"), at("2026-10-05 12:00")},
                               {at("2026-10-05 10:00"), at("2026-10-05 11:00")}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-05T15:00:00+02:00");
  EXPECT_EQ(c.paused, hours{2});
  EXPECT_EQ(c.pauses, 1);
}

TEST(PausedClockTest, APauseOutsideOpenHoursTakesNothingAway) {
  // Created Monday 17:00: 1 h on Monday, 3 h on Tuesday from 08:00 → 11:00, paused or not.
  const PausedClock c = clock("2026-10-05 17:00", hours{4}, "2026-10-07 09:00",
                              {{at("2026-10-05 19:00"), at("2026-10-06 07:00")}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-06T11:00:00+02:00");
  EXPECT_EQ(c.paused, minutes{0});
  EXPECT_EQ(c.pauses, 1);
}

TEST(PausedClockTest, APauseBeforeTheStartIsCutOff) {
  // Paused 08:00–09:30, created 09:00: only 09:00–09:30 stands still.
  const PausedClock c = clock("2026-10-05 09:00", hours{4}, "2026-10-06 09:00",
                              {{at("2026-10-05 08:00"), at("2026-10-05 09:30")}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-05T13:30:00+02:00");
  EXPECT_EQ(c.paused, minutes{30});
}

TEST(PausedClockTest, APauseAfterTheStopIsCutOff) {
  // Responded at 12:00; a pause from 12:30 is after the response and counts for nothing.
  const PausedClock c = clock("2026-10-05 09:00", hours{4}, "2026-10-05 12:00",
                              {{at("2026-10-05 12:30"), at("2026-10-05 14:00")}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-05T13:00:00+02:00");
  EXPECT_EQ(c.paused, minutes{0});
  EXPECT_EQ(c.pauses, 0);
}

TEST(PausedClockTest, APauseStillGoingStandsStillUpToTheStop) {
  // Paused from 10:00 without end, evaluated at 11:00: 1 h ran, 1 h paused so far, and the 3 h
  // left run from 11:00 at the earliest, so the deadline is not before 14:00.
  const PausedClock c = clock("2026-10-05 09:00", hours{4}, "2026-10-05 11:00",
                              {{at("2026-10-05 10:00"), time::Instant::max()}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-05T14:00:00+02:00");
  EXPECT_EQ(c.paused, hours{1});
}

TEST(PausedClockTest, APauseAfterTheDeadlineDoesNotMoveIt) {
  // 1 h from 09:00 ends at 10:00; pauses from 10:00 on come too late, though they are counted
  // as paused time before the stop.
  const PausedClock c = clock("2026-10-05 09:00", hours{1}, "2026-10-05 12:00",
                              {{at("2026-10-05 10:00"), at("2026-10-05 10:30")},
                               {at("2026-10-05 11:00"), at("2026-10-05 11:15")}});
  EXPECT_EQ(fmt(c.deadline), "2026-10-05T10:00:00+02:00");
  EXPECT_EQ(c.paused, minutes{45});
  EXPECT_EQ(c.pauses, 2);
}

}  // namespace
}  // namespace meetlat::measure
