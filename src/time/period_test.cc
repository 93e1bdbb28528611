#include "time/period.h"

#include <gtest/gtest.h>

#include "time/time_error.h"

namespace meetlat::time {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

const Zone& amsterdam() {
  static const Zone zone = Zone::load("Europe/Amsterdam");
  return zone;
}

Period parse_ok(std::string_view text) {
  const auto p = parse_period(text);
  EXPECT_TRUE(p.has_value()) << text;
  return p.value_or(Period{});
}

TEST(PeriodTest, ParsesEveryKind) {
  EXPECT_EQ(parse_ok("2026-10"), (Period{Cadence::kMonth, ymd(2026, 10, 1), ymd(2026, 11, 1)}));
  EXPECT_EQ(parse_ok("2026-12"), (Period{Cadence::kMonth, ymd(2026, 12, 1), ymd(2027, 1, 1)}));
  EXPECT_EQ(parse_ok("2026-Q4"), (Period{Cadence::kQuarter, ymd(2026, 10, 1), ymd(2027, 1, 1)}));
  EXPECT_EQ(parse_ok("2026-Q1"), (Period{Cadence::kQuarter, ymd(2026, 1, 1), ymd(2026, 4, 1)}));
  EXPECT_EQ(parse_ok("2026-H2"), (Period{Cadence::kHalfYear, ymd(2026, 7, 1), ymd(2027, 1, 1)}));
  EXPECT_EQ(parse_ok("2026"), (Period{Cadence::kYear, ymd(2026, 1, 1), ymd(2027, 1, 1)}));
  // ISO week 43 of 2026: Monday 19 October.
  EXPECT_EQ(parse_ok("2026-W43"), (Period{Cadence::kWeek, ymd(2026, 10, 19), ymd(2026, 10, 26)}));
  // Week 1 of 2026 starts in 2025 (1 January 2026 is a Thursday).
  EXPECT_EQ(parse_ok("2026-W01"), (Period{Cadence::kWeek, ymd(2025, 12, 29), ymd(2026, 1, 5)}));
}

TEST(PeriodTest, Week53OnlyWhenItExists) {
  // 2026 starts on a Thursday: 53 ISO weeks. 2025 and 2027 have 52.
  EXPECT_EQ(parse_ok("2026-W53"), (Period{Cadence::kWeek, ymd(2026, 12, 28), ymd(2027, 1, 4)}));
  EXPECT_FALSE(parse_period("2025-W53").has_value());
  EXPECT_FALSE(parse_period("2027-W53").has_value());
  EXPECT_TRUE(parse_period("2020-W53").has_value());  // leap year starting on a Wednesday
}

TEST(PeriodTest, RejectsMalformed) {
  for (std::string_view bad :
       {"", "26", "2026-", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "2026-W00",
        "2026-W1", "2026-10-01", "2026-q4", "2026-10 ", "2026-W433", "x2026"}) {
    EXPECT_FALSE(parse_period(bad).has_value()) << bad;
  }
}

TEST(PeriodTest, NamesRoundTrip) {
  for (std::string_view text :
       {"2026-10", "2026-01", "2026-Q4", "2026-H1", "2026", "2026-W43", "2026-W01", "2026-W53"}) {
    EXPECT_EQ(period_name(parse_ok(text)), text);
  }
}

TEST(PeriodTest, WindowsFollowTheZoneAcrossDst) {
  const Window w = window(parse_ok("2026-10"), amsterdam());
  EXPECT_EQ(amsterdam().format(w.from), "2026-10-01T00:00:00+02:00");
  EXPECT_EQ(amsterdam().format(w.to), "2026-11-01T00:00:00+01:00");
  EXPECT_EQ(w.to - w.from, std::chrono::hours{31 * 24 + 1});
  EXPECT_TRUE(w.contains(w.from));
  EXPECT_FALSE(w.contains(w.to));
}

TEST(PeriodTest, PeriodContainingADay) {
  const Date d = ymd(2026, 11, 15);
  EXPECT_EQ(period_name(period_containing(Cadence::kMonth, d)), "2026-11");
  EXPECT_EQ(period_name(period_containing(Cadence::kQuarter, d)), "2026-Q4");
  EXPECT_EQ(period_name(period_containing(Cadence::kHalfYear, d)), "2026-H2");
  EXPECT_EQ(period_name(period_containing(Cadence::kYear, d)), "2026");
  EXPECT_EQ(period_name(period_containing(Cadence::kWeek, d)), "2026-W46");  // a Sunday
  EXPECT_EQ(period_name(period_containing(Cadence::kWeek, ymd(2027, 1, 2))), "2026-W53");
  EXPECT_EQ(period_name(period_containing(Cadence::kWeek, ymd(2025, 12, 31))), "2026-W01");
}

TEST(PeriodTest, NextPeriod) {
  EXPECT_EQ(next_period(parse_ok("2026-12")), parse_ok("2027-01"));
  EXPECT_EQ(next_period(parse_ok("2026-Q4")), parse_ok("2027-Q1"));
  EXPECT_EQ(next_period(parse_ok("2026-H1")), parse_ok("2026-H2"));
  EXPECT_EQ(next_period(parse_ok("2026")), parse_ok("2027"));
  EXPECT_EQ(next_period(parse_ok("2026-W53")), parse_ok("2027-W01"));
  // Walking months covers a year without gaps.
  Period p = parse_ok("2026-01");
  for (int i = 0; i < 12; ++i) p = next_period(p);
  EXPECT_EQ(p, parse_ok("2027-01"));
}

TEST(PeriodTest, MonthsBetweenCountsCalendarMonthsNotDays) {
  using std::chrono::year_month_day;
  const auto day = [](int y, unsigned m, unsigned d) {
    return Date{year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}};
  };
  EXPECT_EQ(months_between(day(2026, 1, 1), day(2026, 4, 1)), 3);
  EXPECT_EQ(months_between(day(2026, 1, 31), day(2026, 4, 1)), 3);
  EXPECT_EQ(months_between(day(2026, 11, 1), day(2029, 1, 1)), 26);
  EXPECT_EQ(months_between(day(2026, 4, 1), day(2026, 1, 15)), -3);
  EXPECT_EQ(months_between(day(2026, 4, 1), day(2026, 4, 30)), 0);
}

TEST(PeriodTest, ContractYears) {
  const Date start = ymd(2025, 7, 1);
  const Period cy1 = period_containing(Cadence::kContractYear, ymd(2026, 6, 30), start);
  EXPECT_EQ(cy1, (Period{Cadence::kContractYear, ymd(2025, 7, 1), ymd(2026, 7, 1)}));
  const Period cy2 = period_containing(Cadence::kContractYear, ymd(2026, 7, 1), start);
  EXPECT_EQ(cy2, next_period(cy1));
  EXPECT_EQ(period_name(cy2, start), "CY2 (2026-07-01/2027-07-01)");
  EXPECT_EQ(period_name(cy1, start), "CY1 (2025-07-01/2026-07-01)");
  EXPECT_THROW(period_containing(Cadence::kContractYear, ymd(2025, 6, 30), start), TimeError);
}

TEST(PeriodTest, CadenceNames) {
  for (Cadence c : {Cadence::kWeek, Cadence::kMonth, Cadence::kQuarter, Cadence::kHalfYear,
                    Cadence::kYear, Cadence::kContractYear}) {
    EXPECT_EQ(parse_cadence(cadence_name(c)), c);
  }
  EXPECT_EQ(cadence_name(Cadence::kHalfYear), "half_year");
  EXPECT_FALSE(parse_cadence("monthly").has_value());
}

}  // namespace
}  // namespace meetlat::time
