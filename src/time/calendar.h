// Business calendars and business-time arithmetic.
//
// A CalendarSpec is contract data: opening hours per weekday (several intervals a day, minute
// precision), which public holidays close it, days added or removed, and partial-day closures.
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

struct MinuteRange {
  std::chrono::minutes from{0};  // minutes after local midnight, inclusive
  std::chrono::minutes to{0};    // exclusive; up to 24 * 60
};

// A day closed in part: open hours inside [from, to) that day are taken away.
struct Closure {
  Date date;
  std::chrono::minutes from{0};
  std::chrono::minutes to{24 * 60};
};

struct CalendarSpec {
  std::string name;
  // Open time per ISO weekday, index 0 = Monday … 6 = Sunday. 24x7 is every day 00:00–24:00 with
  // no holidays.
  std::array<std::vector<MinuteRange>, 7> hours;
  bool termijnenwet_holidays = true;    // the Dutch public holidays close the calendar
  std::vector<Date> extra_closed_days;  // e.g. Goede Vrijdag, company closing days
  std::vector<Date> removed_holidays;   // holidays on which the calendar stays open
  std::vector<Closure> closures;        // partial-day closures, e.g. 24 Dec from 12:00

  static CalendarSpec always_open(std::string name = "24x7");
  // The spec's defaults (spec/evidence-and-kpis.md "Time"), all closed on termijnenwet holidays:
  // Monday–Friday 08:00–18:00; Monday–Friday 09:00–11:00 and 13:00–15:00; Monday–Friday all day.
  static CalendarSpec office_hours(std::string name = "office_hours");
  static CalendarSpec peak_hours(std::string name = "peak_hours");
  static CalendarSpec working_days(std::string name = "working_days");

  // The first inconsistency (a range that is empty, reversed or past 24:00), as text for a
  // diagnostic; nullopt when the spec can be built. Calendar::build throws TimeError on it.
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
  // elapsed(from, t) == within). A start outside opening hours waits for the next opening.
  Instant deadline(Instant from, Micros within) const;
  bool is_open(Instant t) const;
  // A day with any opening time.
  bool is_open_day(Date d) const;

  // The end (24:00, i.e. start of the next day) of the n-th open day after the calendar day of
  // `from` in the zone: the spec's "within n working days of T". n >= 0; n = 0 is the end of the
  // day of `from` itself.
  Instant open_days_deadline(Instant from, int n) const;

  // The open intervals intersecting [a, b), clipped to it, in order.
  std::vector<Window> open_intervals(Instant a, Instant b) const;

 private:
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace meetlat::time
