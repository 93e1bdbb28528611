// The calendar shapes beyond "Monday–Friday, one list of hours" (docs/calendars.md): hours per
// weekday, weekday sets, ranges past midnight, extra opening on a date, yearly closings; and the
// rules docs/calendars.md states for the edges (zero budget, budget used up at closing time, the
// skipped DST hour, N working days). Each expectation is worked out by hand in its comment;
// calendar_oracle_test.cc checks the same shapes against minute stepping on random instants.
#include <gtest/gtest.h>

#include "time/calendar.h"
#include "time/calendar_test_support.h"
#include "time/parse.h"

namespace meetlat::time {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

using testing::amsterdam;
using testing::at;
using testing::build;
using testing::fmt;
using testing::ymd;

MinuteRange hhmm(int from_h, int from_m, int to_h, int to_m) {
  return MinuteRange{hours{from_h} + minutes{from_m}, hours{to_h} + minutes{to_m}};
}

// Monday–Friday 22:00–06:00 (the next morning), closed on the termijnenwet holidays.
CalendarSpec weeknights() {
  CalendarSpec spec;
  spec.name = "weeknights";
  for (std::size_t d = 0; d < 5; ++d) spec.hours[d] = {hhmm(22, 0, 30, 0)};
  return spec;
}

TEST(CalendarShapesTest, HoursPerWeekday) {
  CalendarSpec spec = CalendarSpec::office_hours("desk");  // Monday–Friday 08:00–18:00
  spec.hours[5] = {hhmm(9, 0, 13, 0)};                     // Saturday 09:00–13:00
  const Calendar desk = build(spec);
  // Friday 16 Oct 2026 17:00 + 3 h: 1 h on Friday, Saturday 09:00 + 2 h.
  EXPECT_EQ(fmt(desk.deadline(at("2026-10-16 17:00"), hours{3})), "2026-10-17T11:00:00+02:00");
  // + 6 h: 1 h Friday, 4 h Saturday, Sunday closed, Monday 08:00 + 1 h.
  EXPECT_EQ(fmt(desk.deadline(at("2026-10-16 17:00"), hours{6})), "2026-10-19T09:00:00+02:00");
  // Saturday is an open day: 1 working day after Friday is the end of Saturday.
  EXPECT_EQ(fmt(desk.open_days_deadline(at("2026-10-16 10:00"), 1)), "2026-10-18T00:00:00+02:00");
}

TEST(CalendarShapesTest, WeekdaySet) {
  CalendarSpec spec;
  spec.name = "mon_wed_fri";
  for (const std::size_t d : {0U, 2U, 4U}) spec.hours[d] = {hhmm(9, 0, 17, 0)};
  const Calendar mwf = build(spec);
  // Monday 19 Oct 2026 16:00 + 2 h: 1 h Monday, Tuesday closed, Wednesday 09:00 + 1 h.
  EXPECT_EQ(fmt(mwf.deadline(at("2026-10-19 16:00"), hours{2})), "2026-10-21T10:00:00+02:00");
  EXPECT_FALSE(mwf.is_open_day(ymd(2026, 10, 20)));
  EXPECT_TRUE(mwf.is_open_day(ymd(2026, 10, 21)));
}

TEST(CalendarShapesTest, NightShiftBelongsToTheDayItStartsOn) {
  const Calendar nights = build(weeknights());
  // Friday 16 Oct 2026 23:00 + 8 h: 7 h until Saturday 06:00; no shift starts on Saturday or
  // Sunday; Monday 22:00 + 1 h.
  EXPECT_EQ(fmt(nights.deadline(at("2026-10-16 23:00"), hours{8})), "2026-10-19T23:00:00+02:00");
  EXPECT_TRUE(nights.is_open(at("2026-10-17 05:59")));
  EXPECT_FALSE(nights.is_open(at("2026-10-17 06:00")));
  // Saturday has opening time (00:00–06:00) but it is Friday's: Saturday is not an open day, and
  // 1 working day after Friday is the end of Monday.
  EXPECT_FALSE(nights.is_open_day(ymd(2026, 10, 17)));
  EXPECT_EQ(fmt(nights.open_days_deadline(at("2026-10-16 12:00"), 1)), "2026-10-20T00:00:00+02:00");
}

TEST(CalendarShapesTest, BudgetUsedUpAtClosingTimeIsClosingTime) {
  const Calendar nights = build(weeknights());
  // Friday 22:00 + 8 h is used up at Saturday 06:00, the closing: due then, not Monday 22:00.
  EXPECT_EQ(fmt(nights.deadline(at("2026-10-16 22:00"), hours{8})), "2026-10-17T06:00:00+02:00");
  const Calendar office = build(CalendarSpec::office_hours());
  EXPECT_EQ(fmt(office.deadline(at("2026-10-19 17:00"), hours{1})), "2026-10-19T18:00:00+02:00");
}

TEST(CalendarShapesTest, NightShiftOverBothDstNights) {
  CalendarSpec spec;
  spec.name = "every_night";
  for (auto& day : spec.hours) day = {hhmm(22, 0, 30, 0)};
  spec.termijnenwet_holidays = false;
  const Calendar nights = build(spec);
  // Saturday 28 March 2026 22:00 to Sunday 06:00 by the clock: 02:00–03:00 never happens, 7 h.
  EXPECT_EQ(nights.elapsed(at("2026-03-28 22:00"), at("2026-03-29 06:00")), hours{7});
  EXPECT_EQ(fmt(nights.deadline(at("2026-03-28 22:00"), hours{7})), "2026-03-29T06:00:00+02:00");
  // Saturday 24 Oct 2026 22:00 to Sunday 06:00: 02:00–03:00 happens twice, 9 h.
  EXPECT_EQ(nights.elapsed(at("2026-10-24 22:00"), at("2026-10-25 06:00")), hours{9});
  // 4 h 30 after 22:00 summer time is the first 02:30 (+02:00); 5 h 30 the second (+01:00).
  EXPECT_EQ(fmt(nights.deadline(at("2026-10-24 22:00"), minutes{270})),
            "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(fmt(nights.deadline(at("2026-10-24 22:00"), minutes{330})),
            "2026-10-25T02:30:00+01:00");
}

TEST(CalendarShapesTest, HolidaysCloseTheShiftsThatStartOnThem) {
  const Calendar nights = build(weeknights());
  // Thursday 24 Dec 2026's shift runs into Eerste Kerstdag (Friday 25 Dec) until 06:00; the shift
  // that would start on the 25th does not. Thursday 23:00 + 8 h: 7 h until Friday 06:00, then
  // Monday 28 Dec 22:00 + 1 h.
  EXPECT_TRUE(nights.is_open(at("2026-12-25 03:00")));
  EXPECT_FALSE(nights.is_open(at("2026-12-25 23:00")));
  EXPECT_EQ(fmt(nights.deadline(at("2026-12-24 23:00"), hours{8})), "2026-12-28T23:00:00+01:00");
  // A closure names wall-clock time: 25 Dec 00:00–03:00 cuts the end of Thursday's shift, leaving
  // 22:00–24:00 and 03:00–06:00.
  CalendarSpec spec = weeknights();
  spec.closures.push_back({ymd(2026, 12, 25), hours{0}, hours{3}});
  EXPECT_EQ(build(spec).elapsed(at("2026-12-24 12:00"), at("2026-12-25 12:00")), hours{5});
}

TEST(CalendarShapesTest, ExtraOpeningIsTheLastWord) {
  CalendarSpec spec = CalendarSpec::office_hours();
  spec.closures.push_back({ymd(2026, 12, 24), hours{12}, hours{24}});
  spec.extra_openings.push_back({ymd(2026, 12, 27), {hhmm(10, 0, 14, 0)}});  // a Sunday
  spec.extra_openings.push_back({ymd(2026, 4, 6), {hhmm(9, 0, 12, 0)}});     // Tweede Paasdag
  spec.extra_openings.push_back({ymd(2026, 12, 24), {hhmm(13, 0, 15, 0)}});  // inside the closure
  const Calendar office = build(spec);
  // Thursday 24 Dec 14:00 + 3 h: 1 h (14:00–15:00, the extra opening), 25 and 26 Dec closed,
  // Sunday 27 Dec 10:00 + 2 h.
  EXPECT_EQ(fmt(office.deadline(at("2026-12-24 14:00"), hours{3})), "2026-12-27T12:00:00+01:00");
  // 24 Dec: 08:00–12:00 and 13:00–15:00.
  EXPECT_EQ(office.elapsed(at("2026-12-24"), at("2026-12-25")), hours{6});
  // Friday 3 April 17:55 + 8 h: 5 min Friday, Easter Monday 09:00–12:00 (3 h), Tuesday 08:00 +
  // 4 h 55.
  EXPECT_EQ(fmt(office.deadline(at("2026-04-03 17:55"), hours{8})), "2026-04-07T12:55:00+02:00");
  EXPECT_TRUE(office.is_open_day(ymd(2026, 4, 6)));
}

TEST(CalendarShapesTest, YearlyClosings) {
  CalendarSpec spec = CalendarSpec::office_hours();
  spec.yearly_closed_days = {{12, 31}, {2, 29}};
  spec.yearly_closures = {{{12, 24}, hours{12}, hours{24}}};
  const Calendar office = build(spec);
  // Friday 24 Dec 2027: 08:00–12:00.
  EXPECT_EQ(office.elapsed(at("2027-12-24"), at("2027-12-25")), hours{4});
  EXPECT_EQ(office.elapsed(at("2025-12-24"), at("2025-12-25")), hours{4});  // a Wednesday
  EXPECT_FALSE(office.is_open_day(ymd(2027, 12, 31)));                      // a Friday
  EXPECT_FALSE(office.is_open_day(ymd(2028, 2, 29)));                       // a Tuesday
  EXPECT_TRUE(office.is_open_day(ymd(2027, 3, 1)));  // 2027 has no 29 Feb; Monday 1 March is open
  CalendarSpec never = CalendarSpec::office_hours();
  never.yearly_closed_days = {{2, 30}};
  EXPECT_TRUE(never.problem().has_value());
}

TEST(CalendarShapesTest, ZeroBudgetIsTheStartItselfEvenWhenClosed) {
  const Calendar office = build(CalendarSpec::office_hours());
  // Saturday 17 Oct 2026 10:00 + 0: the budget is used up at the start, open or not.
  EXPECT_EQ(fmt(office.deadline(at("2026-10-17 10:00"), Micros{0})), "2026-10-17T10:00:00+02:00");
  // 1 µs waits for Monday's opening.
  EXPECT_EQ(office.deadline(at("2026-10-17 10:00"), Micros{1}), at("2026-10-19 08:00") + Micros{1});
}

TEST(CalendarShapesTest, OpeningHoursOverlappingTheSkippedHour) {
  CalendarSpec spec;
  spec.name = "maintenance";
  for (auto& day : spec.hours) day = {hhmm(2, 30, 4, 0)};
  spec.termijnenwet_holidays = false;
  const Calendar window = build(spec);
  // 29 March 2026: the clock jumps from 02:00 to 03:00; 02:30–03:00 does not exist, 03:00–04:00
  // does: 1 h, and the window opens at 03:00.
  EXPECT_EQ(window.elapsed(at("2026-03-29"), at("2026-03-30")), hours{1});
  EXPECT_EQ(fmt(window.deadline(at("2026-03-29 00:00"), minutes{30})), "2026-03-29T03:30:00+02:00");
  // 25 Oct 2026: 02:30–03:00 happens twice: 30 + 30 + 60 min.
  EXPECT_EQ(window.elapsed(at("2026-10-25"), at("2026-10-26")), hours{2});
}

}  // namespace
}  // namespace meetlat::time
