// The contract's clock as the generator needs it: wall-clock time in Europe/Amsterdam, working
// days (Monday–Friday except the termijnenwet holidays), office hours (08:00–18:00) and peak
// hours (09:00–11:00, 13:00–15:00) on working days, and the daily and weekly rhythm of load.
//
// Wall-clock times are `std::chrono::local_seconds`; conversions to instants use time::Zone with
// the spec's DST rules. Immutable after construction; share between threads.
#pragma once

#include <chrono>
#include <vector>

#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::sample {

using LocalSeconds = std::chrono::local_seconds;
using Day = std::chrono::local_days;

class ServiceClock {
 public:
  // Covers the days [first_day, end_day) of the generated range and a year around it.
  ServiceClock(time::Zone zone, Day first_day, Day end_day);

  const time::Zone& zone() const { return zone_; }
  Day first_day() const { return first_day_; }
  Day end_day() const { return end_day_; }
  // The moment the generated export was taken: the end of the range, wall-clock. Closing time
  // stamps at or after it are left empty ("not yet").
  LocalSeconds snapshot() const { return LocalSeconds{end_day_}; }

  bool is_working_day(Day d) const;
  bool is_office(LocalSeconds t) const;
  bool is_peak(LocalSeconds t) const;
  // Whether local hour `hour` of day `d` exists (false for the hour skipped when DST starts).
  bool hour_exists(Day d, int hour) const;

  // The wall-clock time at which `office` of office-hours time has elapsed since `from`.
  LocalSeconds add_office_time(LocalSeconds from, std::chrono::seconds office) const;
  // The n-th working day after d (n >= 1); n = 0 gives d.
  Day add_working_days(Day d, int n) const;
  // The first working day on or after d.
  Day working_day_on_or_after(Day d) const;

  // Relative number of service-desk contacts in local hour `hour` of day `d` (1 ≈ a busy office
  // hour's average is about 2).
  double ticket_load(Day d, int hour) const;
  // Relative number of user transactions in local hour `hour` of day `d`.
  double user_load(Day d, int hour) const;

  time::Instant to_instant(LocalSeconds t) const;
  LocalSeconds to_local(time::Instant t) const;

 private:
  bool is_holiday(Day d) const;

  time::Zone zone_;
  Day first_day_;
  Day end_day_;
  std::vector<Day> holidays_;  // sorted
};

// Calendar helpers on days.
unsigned weekday_iso(Day d);  // 1 = Monday … 7 = Sunday
Day first_day_of(std::chrono::year_month m);
// The n-th (1-based) given ISO weekday of month m, e.g. the second Tuesday.
Day nth_weekday(std::chrono::year_month m, unsigned iso_weekday, int n);

}  // namespace meetlat::sample
