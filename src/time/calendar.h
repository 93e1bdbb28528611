// Business calendars and business-time arithmetic.
//
// A CalendarSpec is contract data: opening hours per weekday (several intervals a day, minute
// precision, a range may run past midnight into the next day), which public holidays close it,
// days added or removed (also every year on a month and day), partial-day closures (also every
// year), and opening time added on a date. The rules that combine them are in docs/calendars.md
// ("How a day's opening hours are made").
// A Calendar is the spec compiled for one zone over a horizon of days: a sorted array of open
// intervals (instants) with prefix sums of open time, so elapsed() and deadline() are binary
// searches, O(log n), independent of the distance between the instants. Immutable after build;
// share freely between threads.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "time/instant.h"
#include "time/period.h"
#include "time/zone.h"

namespace meetlat::time {

// Opening hours of one day, in wall-clock minutes after that day's local midnight. A range with
// `to` past 24:00 runs into the next day and belongs to the day it starts on: a night shift
// 22:00–06:00 is {22 h, 30 h}; closing the day (a holiday) drops it whole.
struct MinuteRange {
  std::chrono::minutes from{0};  // inclusive; before 24:00
  std::chrono::minutes to{0};    // exclusive; after `from`, at most 24 hours after it
};

// A day closed in part: open time whose wall clock reads [from, to) on `date` is taken away,
// whichever day's range it belongs to (the end of the previous night's shift too).
struct Closure {
  Date date;
  std::chrono::minutes from{0};
  std::chrono::minutes to{24 * 60};
};

// A day of every year ("31 December"). 29 February exists only in leap years.
struct MonthDay {
  unsigned month = 1;
  unsigned day = 1;
};

// A Closure on the same month and day of every year ("24 December from 12:00").
struct YearlyClosure {
  MonthDay day;
  std::chrono::minutes from{0};
  std::chrono::minutes to{24 * 60};
};

// Opening time added on one date (an extra open Sunday before a go-live). It is the last word:
// open even on a closed day and inside a closure.
struct ExtraOpening {
  Date date;
  std::vector<MinuteRange> hours;
};

struct CalendarSpec {
  std::string name;
  // Open time per ISO weekday, index 0 = Monday … 6 = Sunday. 24x7 is every day 00:00–24:00 with
  // no holidays.
  std::array<std::vector<MinuteRange>, 7> hours;
  bool termijnenwet_holidays = true;           // the Dutch public holidays close the calendar
  std::vector<Date> extra_closed_days;         // e.g. Goede Vrijdag, company closing days
  std::vector<Date> removed_holidays;          // holidays on which the calendar stays open
  std::vector<Closure> closures;               // partial-day closures, e.g. 24 Dec from 12:00
  std::vector<MonthDay> yearly_closed_days;    // closed every year, like a holiday
  std::vector<YearlyClosure> yearly_closures;  // closed in part every year
  std::vector<ExtraOpening> extra_openings;    // opening time added on a date

  static CalendarSpec always_open(std::string name = "24x7");
  // The spec's defaults (spec/evidence-and-kpis.md "Time"), all closed on termijnenwet holidays:
  // Monday–Friday 08:00–18:00; Monday–Friday 09:00–11:00 and 13:00–15:00; Monday–Friday all day.
  static CalendarSpec office_hours(std::string name = "office_hours");
  static CalendarSpec peak_hours(std::string name = "peak_hours");
  static CalendarSpec working_days(std::string name = "working_days");

  // The first inconsistency (a range that is empty, reversed, starts at or after 24:00 or lasts
  // more than 24 hours; a closure not inside 00:00–24:00; a month and day that never exist), as
  // text for a diagnostic; nullopt when the spec can be built. Calendar::build throws TimeError on
  // it.
  std::optional<std::string> problem() const;
};

class Calendar {
 public:
  // Compiles `spec` in `zone` for the days [horizon_from, horizon_to). Queries outside the
  // horizon throw TimeError; the default horizon (1999–2109) holds the supported years
  // (time/supported_years.h) with a margin for deadlines that run past their ends.
  static Calendar build(const CalendarSpec& spec, const Zone& zone,
                        Date horizon_from = Date{std::chrono::year{1999} / 1 / 1},
                        Date horizon_to = Date{std::chrono::year{2110} / 1 / 1});

  const std::string& name() const;

  // Open time in [a, b); zero when b <= a.
  Micros elapsed(Instant a, Instant b) const;
  // The instant at which `within` of open time has elapsed since `from` (the smallest t with
  // elapsed(from, t) == within). A positive `within` from outside opening hours waits for the
  // next opening; a zero `within` is `from` itself, open or not (docs/calendars.md); a budget
  // used up exactly at a closing is that closing, not the next opening.
  Instant deadline(Instant from, Micros within) const;
  bool is_open(Instant t) const;
  // A day with any opening time of its own: a range that starts on it (a night shift started the
  // evening before does not make a day open).
  bool is_open_day(Date d) const;

  // The end (24:00, i.e. start of the next day) of the n-th open day (is_open_day) after the
  // calendar day of `from` in the zone: the spec's "within n working days of T". n >= 0; n = 0 is
  // the end of the day of `from` itself.
  Instant open_days_deadline(Instant from, int n) const;

  // The open intervals intersecting [a, b), clipped to it, in order.
  std::vector<Window> open_intervals(Instant a, Instant b) const;

 private:
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace meetlat::time
