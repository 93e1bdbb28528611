#include "time/zone.h"

#include <date/tz.h>
#include <gtest/gtest.h>

#include "time/instant.h"
#include "time/time_error.h"

namespace meetlat::time {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Instant utc(std::chrono::sys_days d, Micros t = Micros{0}) { return Instant{d} + t; }

// The same wall-clock time as the date library's type, which its tz database takes.
template <class Duration>
date::local_time<Duration> date_local(std::chrono::local_time<Duration> t) {
  return date::local_time<Duration>{t.time_since_epoch()};
}

const Zone& amsterdam() {
  static const Zone zone = Zone::load("Europe/Amsterdam");
  return zone;
}

// The known-offset self-test of design.md: if the OS tz database were missing or wrong, every
// wall-clock time stamp of a month would be off by an hour.
TEST(ZoneTest, AmsterdamKnownOffsets) {
  EXPECT_EQ(amsterdam().offset(utc(std::chrono::sys_days{std::chrono::year{2026} / 1 / 15})),
            hours{1});
  EXPECT_EQ(amsterdam().offset(utc(std::chrono::sys_days{std::chrono::year{2026} / 7 / 15})),
            hours{2});
  EXPECT_EQ(amsterdam().name(), "Europe/Amsterdam");
}

TEST(ZoneTest, UnknownZoneThrows) { EXPECT_THROW(Zone::load("Europe/Atlantis"), TimeError); }

TEST(ZoneTest, DefaultZoneIsUtc) {
  const Zone zone;
  const Instant t = utc(std::chrono::sys_days{std::chrono::year{2026} / 7 / 15}, hours{12});
  EXPECT_EQ(zone.format(t), "2026-07-15T12:00:00+00:00");
}

TEST(ZoneTest, SpringForwardGapMovesForward) {
  // 2026-03-29 02:30 does not exist in Amsterdam: read with the winter offset it is 01:30 UTC,
  // which the clock shows as 03:30+02:00.
  LocalTimeIssue issue = LocalTimeIssue::kNone;
  const Instant t = amsterdam().to_instant(
      LocalTime{std::chrono::local_days{std::chrono::year{2026} / 3 / 29}} + hours{2} + minutes{30},
      &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kSkipped);
  EXPECT_EQ(t,
            utc(std::chrono::sys_days{std::chrono::year{2026} / 3 / 29}, hours{1} + minutes{30}));
  EXPECT_EQ(amsterdam().format(t), "2026-03-29T03:30:00+02:00");
}

TEST(ZoneTest, FallBackRepeatedHourTakesEarlierInstant) {
  LocalTimeIssue issue = LocalTimeIssue::kNone;
  const Instant t =
      amsterdam().to_instant(LocalTime{std::chrono::local_days{std::chrono::year{2026} / 10 / 25}} +
                                 hours{2} + minutes{30},
                             &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kRepeated);
  EXPECT_EQ(t, utc(std::chrono::sys_days{std::chrono::year{2026} / 10 / 25}, minutes{30}));
  EXPECT_EQ(amsterdam().format(t), "2026-10-25T02:30:00+02:00");
  // One hour later the same wall-clock time comes round again, now with +01:00.
  EXPECT_EQ(amsterdam().format(t + hours{1}), "2026-10-25T02:30:00+01:00");
}

TEST(ZoneTest, EdgesOfTheTransitions) {
  LocalTimeIssue issue = LocalTimeIssue::kSkipped;
  const Date mar29 = std::chrono::local_days{std::chrono::year{2026} / 3 / 29};
  amsterdam().to_instant(LocalTime{mar29} + hours{3}, &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kNone);
  amsterdam().to_instant(LocalTime{mar29} + hours{2}, &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kSkipped);
  amsterdam().to_instant(LocalTime{mar29} + hours{2} - Micros{1}, &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kNone);
  const Date oct25 = std::chrono::local_days{std::chrono::year{2026} / 10 / 25};
  amsterdam().to_instant(LocalTime{oct25} + hours{2}, &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kRepeated);
  amsterdam().to_instant(LocalTime{oct25} + hours{3}, &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kNone);
  amsterdam().to_instant(LocalTime{oct25} + hours{2} - Micros{1}, &issue);
  EXPECT_EQ(issue, LocalTimeIssue::kNone);
}

TEST(ZoneTest, DstDaysLast23And25Hours) {
  const Zone& z = amsterdam();
  const auto day_length = [&](int m, int d) {
    const Date day = std::chrono::local_days{std::chrono::year{2026} / m / d};
    return z.start_of_day(day + std::chrono::days{1}) - z.start_of_day(day);
  };
  EXPECT_EQ(day_length(3, 29), hours{23});
  EXPECT_EQ(day_length(10, 25), hours{25});
  EXPECT_EQ(day_length(6, 1), hours{24});
}

TEST(ZoneTest, FormatShowsFractionOnlyWhenPresent) {
  const Instant t = utc(std::chrono::sys_days{std::chrono::year{2026} / 10 / 1}, hours{-2});
  EXPECT_EQ(amsterdam().format(t), "2026-10-01T00:00:00+02:00");
  EXPECT_EQ(amsterdam().format(t + std::chrono::milliseconds{250}),
            "2026-10-01T00:00:00.250+02:00");
  EXPECT_EQ(amsterdam().format(t + Micros{7}), "2026-10-01T00:00:00.000007+02:00");
  EXPECT_EQ(amsterdam().date_of(t), std::chrono::local_days{std::chrono::year{2026} / 10 / 1});
  EXPECT_EQ(amsterdam().date_of(t - Micros{1}),
            std::chrono::local_days{std::chrono::year{2026} / 9 / 30});
}

TEST(ZoneTest, NegativeOffsetsFormat) {
  const Zone ny = Zone::load("America/New_York");
  const Instant t = utc(std::chrono::sys_days{std::chrono::year{2026} / 1 / 15}, hours{12});
  EXPECT_EQ(ny.format(t), "2026-01-15T07:00:00-05:00");
}

// Every hour from 1990 to 2060 against the tz database itself, in both directions.
TEST(ZoneTest, AgreesWithTheTzDatabaseHourByHour) {
  const date::time_zone* tz = date::locate_zone("Europe/Amsterdam");
  const Instant from = utc(std::chrono::sys_days{std::chrono::year{1990} / 1 / 1});
  const Instant to = utc(std::chrono::sys_days{std::chrono::year{2060} / 1 / 1});
  for (Instant t = from; t < to; t += minutes{59}) {
    const auto info = tz->get_info(std::chrono::floor<seconds>(t));
    ASSERT_EQ(amsterdam().offset(t), info.offset) << amsterdam().format(t);
    const LocalTime local = amsterdam().to_local(t);
    ASSERT_EQ(local.time_since_epoch(), (t + info.offset).time_since_epoch());
    const auto local_info = tz->get_info(date_local(local));
    const Instant back = amsterdam().to_instant(local);
    if (local_info.result == date::local_info::unique) {
      ASSERT_EQ(back, t);
    } else {
      ASSERT_EQ(local_info.result, date::local_info::ambiguous);
      ASSERT_EQ(back, Instant{tz->to_sys(date_local(local), date::choose::earliest)});
    }
  }
}

// Wall-clock times read through the per-day cache (each day twice: cold, then cached) against the
// tz database itself, every 7 minutes over two years, in zones that change at 02:00/03:00
// (Amsterdam), at midnight (Santiago: a day starts in the skipped or repeated hour) and by half an
// hour (Lord Howe). The spec's rules: a repeated time is the earlier instant, a skipped one keeps
// the offset before the gap.
TEST(ZoneTest, WallClockTimesAgreeWithTheTzDatabaseThroughTheDayCache) {
  for (const char* name : {"Europe/Amsterdam", "America/Santiago", "Australia/Lord_Howe"}) {
    SCOPED_TRACE(name);
    const date::time_zone* tz = date::locate_zone(name);
    const Zone zone = Zone::load(name);  // a fresh cache
    for (int pass = 0; pass < 2; ++pass) {
      for (Date day = Date{std::chrono::year{2026} / 1 / 1};
           day < Date{std::chrono::year{2028} / 1 / 1}; day += std::chrono::days{1}) {
        for (Micros tod{0}; tod < hours{24}; tod += minutes{7}) {
          const LocalTime local = LocalTime{day} + tod;
          const auto info = tz->get_info(std::chrono::floor<seconds>(date_local(local)));
          Instant expected = Instant{local.time_since_epoch() - info.first.offset};
          LocalTimeIssue expected_issue = LocalTimeIssue::kNone;
          if (info.result == date::local_info::ambiguous)
            expected_issue = LocalTimeIssue::kRepeated;
          if (info.result == date::local_info::nonexistent) {
            expected_issue = LocalTimeIssue::kSkipped;
          }
          LocalTimeIssue issue = LocalTimeIssue::kNone;
          ASSERT_EQ(zone.to_instant(day, tod, &issue), expected)
              << format_date(day) << " +" << tod.count();
          ASSERT_EQ(issue, expected_issue) << format_date(day) << " +" << tod.count();
        }
      }
    }
  }
}

}  // namespace
}  // namespace meetlat::time
