#include "time/calendar.h"

#include <gtest/gtest.h>

#include <random>

#include "time/calendar_test_support.h"
#include "time/parse.h"
#include "time/time_error.h"

namespace meetlat::time {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

using testing::amsterdam;
using testing::at;
using testing::build;
using testing::fmt;
using testing::ymd;

// Every day 08:00–18:00, closed on termijnenwet holidays: shows wall-clock hours on DST Sundays.
CalendarSpec seven_day_office() {
  CalendarSpec spec = CalendarSpec::office_hours("seven_day_office");
  spec.hours[5] = spec.hours[0];
  spec.hours[6] = spec.hours[0];
  return spec;
}

TEST(CalendarTest, P3TicketOnFridayBeforeEasterMonday) {
  // Created Friday 3 April 2026 (Goede Vrijdag, not a termijnenwet holiday) at 17:55, 8 h on
  // office_hours: 5 min on Friday (17:55–18:00); Saturday, Sunday closed; Monday 6 April is
  // Tweede Paasdag, closed; Tuesday 7 April from 08:00 the remaining 7 h 55 min → 15:55.
  const Calendar office = build(CalendarSpec::office_hours());
  const Instant created = at("2026-04-03 17:55:00");
  const Instant due = office.deadline(created, hours{8});
  EXPECT_EQ(fmt(due), "2026-04-07T15:55:00+02:00");
  EXPECT_EQ(office.elapsed(created, due), hours{8});
  EXPECT_EQ(office.elapsed(created, at("2026-04-07 08:00")), minutes{5});
}

TEST(CalendarTest, EasterMonday2026IsClosedGoodFridayIsOpen) {
  const Calendar office = build(CalendarSpec::office_hours());
  EXPECT_FALSE(office.is_open_day(ymd(2026, 4, 6)));
  EXPECT_FALSE(office.is_open(at("2026-04-06 10:00")));
  EXPECT_TRUE(office.is_open_day(ymd(2026, 4, 3)));
  CalendarSpec with_good_friday = CalendarSpec::office_hours();
  with_good_friday.extra_closed_days.push_back(ymd(2026, 4, 3));
  EXPECT_FALSE(build(with_good_friday).is_open_day(ymd(2026, 4, 3)));
  CalendarSpec open_on_easter_monday = CalendarSpec::office_hours();
  open_on_easter_monday.removed_holidays.push_back(ymd(2026, 4, 6));
  EXPECT_TRUE(build(open_on_easter_monday).is_open_day(ymd(2026, 4, 6)));
}

TEST(CalendarTest, KoningsdagOnASundayIsHeldOnSaturday) {
  const Calendar every_day = build(seven_day_office());
  EXPECT_FALSE(every_day.is_open_day(ymd(2025, 4, 26)));
  EXPECT_TRUE(every_day.is_open_day(ymd(2025, 4, 27)));
  EXPECT_FALSE(every_day.is_open_day(ymd(2026, 4, 27)));
  EXPECT_TRUE(every_day.is_open_day(ymd(2026, 4, 26)));
}

TEST(CalendarTest, DstDaysOn24x7Last23And25Hours) {
  const Calendar always = build(CalendarSpec::always_open());
  EXPECT_EQ(always.elapsed(at("2026-03-29"), at("2026-03-30")), hours{23});
  EXPECT_EQ(always.elapsed(at("2026-10-25"), at("2026-10-26")), hours{25});
  EXPECT_EQ(always.elapsed(at("2026-10-01"), at("2026-11-01")), hours{31 * 24 + 1});
  // A P1 with 4 h on 24x7 across the night the clocks go back: the deadline is 4 real hours
  // later, which the clock shows as 04:30 (not 05:30).
  EXPECT_EQ(fmt(always.deadline(at("2026-10-25T01:30:00+02:00"), hours{4})),
            "2026-10-25T04:30:00+01:00");
  // And the night they go forward: 01:30 + 4 h shows 06:30.
  EXPECT_EQ(fmt(always.deadline(at("2026-03-29T01:30:00+01:00"), hours{4})),
            "2026-03-29T06:30:00+02:00");
}

TEST(CalendarTest, OfficeHoursAreWallClockHoursOnDstDays) {
  const Calendar every_day = build(seven_day_office());
  EXPECT_EQ(every_day.elapsed(at("2026-03-29"), at("2026-03-30")), hours{10});
  EXPECT_EQ(every_day.elapsed(at("2026-10-25"), at("2026-10-26")), hours{10});
  EXPECT_EQ(fmt(every_day.deadline(at("2026-10-25 08:00"), hours{10})),
            "2026-10-25T18:00:00+01:00");
}

TEST(CalendarTest, OpeningHoursInsideTheDstHours) {
  CalendarSpec spec = CalendarSpec::always_open("night");
  for (auto& day : spec.hours) day = {{minutes{90}, minutes{165}}};  // 01:30–02:45
  const Calendar night = build(spec);
  // Spring: 02:00–03:00 does not exist, so only 01:30–02:00 (30 min) is open.
  EXPECT_EQ(night.elapsed(at("2026-03-29"), at("2026-03-30")), minutes{30});
  // Autumn: 02:00–02:45 happens twice: 30 + 45 + 45 min.
  EXPECT_EQ(night.elapsed(at("2026-10-25"), at("2026-10-26")), minutes{120});
  EXPECT_EQ(night.elapsed(at("2026-10-26"), at("2026-10-27")), minutes{75});
}

TEST(CalendarTest, StartOutsideOpeningHoursWaitsForTheNextOpening) {
  const Calendar office = build(CalendarSpec::office_hours());
  EXPECT_EQ(fmt(office.deadline(at("2026-10-17 10:00"), hours{1})),  // a Saturday
            "2026-10-19T09:00:00+02:00");
  EXPECT_EQ(fmt(office.deadline(at("2026-10-19 06:00"), minutes{15})), "2026-10-19T08:15:00+02:00");
  // A whole opening day ends exactly at closing time, not at the next opening.
  EXPECT_EQ(fmt(office.deadline(at("2026-10-19 08:00"), hours{10})), "2026-10-19T18:00:00+02:00");
  const Calendar peak = build(CalendarSpec::peak_hours());
  EXPECT_EQ(fmt(peak.deadline(at("2026-10-19 10:30"), hours{1})), "2026-10-19T13:30:00+02:00");
  EXPECT_EQ(peak.elapsed(at("2026-10-19 00:00"), at("2026-10-20 00:00")), hours{4});
}

TEST(CalendarTest, YearEndAndPartialClosures) {
  const Calendar office = build(CalendarSpec::office_hours());
  // Thursday 24 Dec 2026 17:00, 3 h: 1 h on the 24th; 25 and 26 Dec holidays, 27th Sunday;
  // Monday 28 Dec 08:00 + 2 h.
  EXPECT_EQ(fmt(office.deadline(at("2026-12-24 17:00"), hours{3})), "2026-12-28T10:00:00+01:00");
  // Thursday 31 Dec 2026 16:00, 4 h: 2 h in 2026, 1 Jan holiday, Monday 4 Jan 08:00 + 2 h.
  EXPECT_EQ(fmt(office.deadline(at("2026-12-31 16:00"), hours{4})), "2027-01-04T10:00:00+01:00");
  CalendarSpec spec = CalendarSpec::office_hours();
  spec.closures.push_back(Closure{ymd(2026, 12, 24), hours{12}, hours{24}});
  const Calendar closing_early = build(spec);
  EXPECT_EQ(closing_early.elapsed(at("2026-12-24"), at("2026-12-25")), hours{4});
  EXPECT_FALSE(closing_early.is_open(at("2026-12-24 12:00")));
  EXPECT_TRUE(closing_early.is_open(at("2026-12-24 11:59")));
  EXPECT_EQ(fmt(closing_early.deadline(at("2026-12-24 10:00"), hours{3})),
            "2026-12-28T09:00:00+01:00");
}

TEST(CalendarTest, WithinWorkingDaysOverEaster) {
  const Calendar working = build(CalendarSpec::working_days());
  // Thursday 2 April 2026 10:00, within 10 working days: Fri 3 (1), [Sat, Sun, Easter Monday],
  // Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5), Mon 13 (6), Tue 14 (7), Wed 15 (8), Thu 16 (9),
  // Fri 17 (10): the end of Friday 17 April.
  EXPECT_EQ(fmt(working.open_days_deadline(at("2026-04-02 10:00"), 10)),
            "2026-04-18T00:00:00+02:00");
  // The day of T does not count, even when it is a working day or T is at midnight.
  EXPECT_EQ(fmt(working.open_days_deadline(at("2026-04-02 00:00"), 1)),
            "2026-04-04T00:00:00+02:00");
  // From a Saturday: Monday is the first working day.
  EXPECT_EQ(fmt(working.open_days_deadline(at("2026-10-17 15:00"), 1)),
            "2026-10-20T00:00:00+02:00");
  EXPECT_EQ(fmt(working.open_days_deadline(at("2026-10-17 15:00"), 0)),
            "2026-10-18T00:00:00+02:00");
  // Across the autumn DST change: Friday 23 Oct + 1 working day = end of Monday 26 Oct.
  EXPECT_EQ(fmt(working.open_days_deadline(at("2026-10-23 12:00"), 1)),
            "2026-10-27T00:00:00+01:00");
}

TEST(CalendarTest, OpenIntervalsAreClipped) {
  const Calendar peak = build(CalendarSpec::peak_hours());
  const auto windows = peak.open_intervals(at("2026-10-19 10:00"), at("2026-10-20 09:30"));
  ASSERT_EQ(windows.size(), 3u);
  EXPECT_EQ(fmt(windows[0].from), "2026-10-19T10:00:00+02:00");
  EXPECT_EQ(fmt(windows[0].to), "2026-10-19T11:00:00+02:00");
  EXPECT_EQ(fmt(windows[1].from), "2026-10-19T13:00:00+02:00");
  EXPECT_EQ(fmt(windows[2].to), "2026-10-20T09:30:00+02:00");
}

TEST(CalendarTest, OverlappingRangesCountOnce) {
  CalendarSpec spec = CalendarSpec::office_hours();
  spec.hours[0] = {{hours{13}, hours{18}}, {hours{8}, hours{12}}, {hours{11}, hours{14}}};
  EXPECT_EQ(build(spec).elapsed(at("2026-10-19"), at("2026-10-20")), hours{10});
}

TEST(CalendarTest, BadSpecsAndHorizon) {
  CalendarSpec spec = CalendarSpec::office_hours();
  spec.hours[2] = {{hours{18}, hours{8}}};
  EXPECT_TRUE(spec.problem().has_value());
  EXPECT_THROW(build(spec), TimeError);
  EXPECT_FALSE(CalendarSpec::peak_hours().problem().has_value());
  const Calendar office = build(CalendarSpec::office_hours());
  EXPECT_THROW(office.elapsed(at("2023-12-31 10:00"), at("2024-01-02")), TimeError);
  EXPECT_THROW(office.deadline(at("2028-12-29 17:00"), hours{2}), TimeError);
  EXPECT_THROW(office.is_open_day(ymd(2029, 1, 1)), TimeError);
  EXPECT_EQ(office.name(), "office_hours");
}

// The laws of business time, on random instants.
class CalendarLawsTest : public ::testing::TestWithParam<CalendarSpec (*)(std::string)> {};

TEST_P(CalendarLawsTest, AdditiveInverseMinimalMonotone) {
  const Calendar cal = build(GetParam()(std::string("c")));
  std::mt19937_64 rng(20260403);
  const Instant lo = at("2025-01-01T00:00:00Z");
  std::uniform_int_distribution<std::int64_t> when(0, 3LL * 365 * 86'400'000'000);
  std::uniform_int_distribution<std::int64_t> span(0, 5LL * 86'400'000'000);
  for (int i = 0; i < 2000; ++i) {
    Instant p[3] = {lo + Micros{when(rng)}, lo + Micros{when(rng)}, lo + Micros{when(rng)}};
    std::sort(std::begin(p), std::end(p));
    const auto [a, b, c] = p;
    ASSERT_EQ(cal.elapsed(a, c), cal.elapsed(a, b) + cal.elapsed(b, c));
    ASSERT_LE(cal.elapsed(a, c), c - a);
    ASSERT_EQ(cal.elapsed(c, a), Micros{0});
    const Micros d{span(rng) / 3 + 1};
    const Instant due = cal.deadline(a, d);
    ASSERT_EQ(cal.elapsed(a, due), d);
    ASSERT_LT(cal.elapsed(a, due - Micros{1}), d);   // the smallest such instant
    ASSERT_LE(due, cal.deadline(b, d));              // monotone in the start
    ASSERT_LE(due, cal.deadline(a, d + Micros{1}));  // strictly monotone in the budget
    ASSERT_NE(due, cal.deadline(a, d + Micros{1}));
    ASSERT_LE(cal.deadline(a, cal.elapsed(a, b)), b);
  }
}

INSTANTIATE_TEST_SUITE_P(Defaults, CalendarLawsTest,
                         ::testing::Values(&CalendarSpec::always_open, &CalendarSpec::office_hours,
                                           &CalendarSpec::peak_hours, &CalendarSpec::working_days));

}  // namespace
}  // namespace meetlat::time
